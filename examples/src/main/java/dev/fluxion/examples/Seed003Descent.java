package dev.fluxion.examples;

import dev.fluxion.Differentiable;
import dev.fluxion.train.Sgd;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Sheet 003: gradient descent by pen and paper, backpropagation through a two-input ReLU network
 * with a softmax and a squared loss, and stochastic versus full-batch gradient descent.
 *
 * <p>The pen-and-paper task runs x⁽ᵏ⁺¹⁾ = x⁽ᵏ⁾ − α_k ∇f(x⁽ᵏ⁾) on f(x1, x2) = (x1 − 6)² + x2² −
 * x1·x2 from (6, 6) with α = 1/2, 1/3, 1/4 and reaches (9, 3), (8, 4), (8, 4): the minimum, where
 * the gradient is 0. {@link #f} is the function; Fluxion's gradient drives the same iteration.
 *
 * <p>The network of task 2 is {@link #networkLoss}: δ_k = w_k·x, z_k = max(0, δ_k), a_j = Σ_k
 * z_k·u_kj, f = softmax(a), L = ½ Σ_j (f_j − y_j)². The sheet backpropagates by hand: with e = f
 * − y, g2 = ∂L/∂a = (diag(f) − f fᵀ) e, ∂L/∂u_kj = z_k·g2_j and ∂L/∂w_k = (Σ_j u_kj·g2_j)·1[w_k x
 * > 0]·x. (Its transcript writes u as v, f as ℓ and e as c in places.) Fluxion differentiates the
 * loops over w (a {@code double[2]}) and u (a {@code double[2][2]}) and must agree.
 *
 * <p>Task 1 contrasts stochastic gradient descent (one randomly chosen sample per update) with
 * full-batch gradient descent (the whole data set per update); {@link #meanLoss} is the
 * full-batch loss, calling {@link #networkLoss} for each sample. Both take their steps with the
 * runtime's {@link Sgd}, and their loss curves are drawn against the sample gradients computed.
 */
public final class Seed003Descent implements Example {

  /** The start of the pen-and-paper descent. */
  static final double[] START = {6, 6};

  /** The sheet's iterates x⁽¹⁾, x⁽²⁾, x⁽³⁾. */
  static final double[][] SHEET_ITERATES = {{9, 3}, {8, 4}, {8, 4}};

  /** The sheet's gradients at x⁽⁰⁾, x⁽¹⁾, x⁽²⁾. */
  static final double[][] SHEET_GRADIENTS = {{-6, 6}, {3, -3}, {0, 0}};

  /** The hidden weights of the network where its gradients are shown, and where training starts. */
  static final double[] W = {0.7, -0.3};

  /** The output weights u_kj (hidden unit k to class j), likewise. */
  static final double[][] U = {{0.5, -0.4}, {0.3, 0.9}};

  /** The two inputs at which the gradients are shown: one per sign, so each ReLU is off once. */
  static final double[] INPUTS = {1.2, -0.8};

  /** The targets for those inputs (class 1 for x > 0, class 2 for x < 0). */
  static final double[][] TARGETS = {{1, 0}, {0, 1}};

  /** How many samples in the training set. */
  static final int SAMPLES = 8;

  /** The seed of the generator that draws the training set and SGD's samples. */
  static final long DATA_SEED = 3;

  /** The learning rate of both training runs. */
  static final double LEARNING_RATE = 0.5;

  /** The number of updates each training run makes. */
  static final int UPDATES = 100;

  /**
   * The function of the pen-and-paper task.
   *
   * @param x1 the first coordinate
   * @param x2 the second coordinate
   * @return (x1 − 6)² + x2² − x1·x2
   */
  @Differentiable
  public static double f(double x1, double x2) {
    return (x1 - 6) * (x1 - 6) + x2 * x2 - x1 * x2;
  }

  /**
   * The network of task 2 and its squared loss for one sample.
   *
   * @param w the hidden weights, δ_k = w_k·x
   * @param u the output weights, a_j = Σ_k z_k·u_kj
   * @param x the input
   * @param y the target, one entry per class
   * @return L = ½ Σ_j (softmax(a)_j − y_j)²
   */
  @Differentiable(wrt = {"w", "u"})
  public static double networkLoss(double[] w, double[][] u, double x, double[] y) {
    double[] z = new double[w.length];
    for (int k = 0; k < w.length; k++) {
      z[k] = Math.max(0, w[k] * x);
    }
    double[] exps = new double[y.length];
    double total = 0;
    for (int j = 0; j < y.length; j++) {
      double a = 0;
      for (int k = 0; k < z.length; k++) {
        a += z[k] * u[k][j];
      }
      exps[j] = Math.exp(a);
      total += exps[j];
    }
    double loss = 0;
    for (int j = 0; j < y.length; j++) {
      double error = exps[j] / total - y[j];
      loss += 0.5 * error * error;
    }
    return loss;
  }

  /**
   * The full-batch loss: the mean of {@link #networkLoss} over a data set.
   *
   * @param w the hidden weights
   * @param u the output weights
   * @param xs the inputs
   * @param ys the targets, one row per input
   * @return the mean loss
   */
  @Differentiable(wrt = {"w", "u"})
  public static double meanLoss(double[] w, double[][] u, double[] xs, double[][] ys) {
    double sum = 0;
    for (int i = 0; i < xs.length; i++) {
      sum += networkLoss(w, u, xs[i], ys[i]);
    }
    return sum / xs.length;
  }

  @Override
  public String name() {
    return "seed-003";
  }

  @Override
  public String description() {
    return "sheet 003: gradient descent from (6, 6) to (8, 4); ReLU/softmax network gradients vs"
        + " the sheet's backprop; SGD vs full-batch GD";
  }

  @Override
  public void run(PrintStream out) {
    out.println("== seed-003: sheet 003: gradient descent, backpropagation through a ReLU/softmax"
        + " network, SGD vs full-batch GD ==");
    printDescent(out);
    printNetwork(out);
    printTraining(out);
  }

  /**
   * The pen-and-paper descent with Fluxion's gradient.
   *
   * @return the start and the three iterates, {x⁽⁰⁾, x⁽¹⁾, x⁽²⁾, x⁽³⁾}, and the gradients used,
   *     {∇f(x⁽⁰⁾), ∇f(x⁽¹⁾), ∇f(x⁽²⁾)}, as {iterates, gradients}
   */
  static double[][][] descent() {
    double[][] iterates = new double[SHEET_ITERATES.length + 1][];
    double[][] gradients = new double[SHEET_ITERATES.length][];
    iterates[0] = START.clone();
    var g = new Seed003DescentDerivatives.FGradient();
    for (int k = 0; k < gradients.length; k++) {
      double alpha = 1.0 / (k + 2);
      double[] x = iterates[k];
      Seed003DescentDerivatives.fGradient(x[0], x[1], g);
      gradients[k] = new double[] {g.x1(), g.x2()};
      iterates[k + 1] = new double[] {x[0] - alpha * g.x1(), x[1] - alpha * g.x2()};
    }
    return new double[][][] {iterates, gradients};
  }

  private static void printDescent(PrintStream out) {
    out.println("seed-003 descent f(x1, x2) = (x1 - 6)^2 + x2^2 - x1*x2, x(k+1) = x(k) - alpha_k"
        + " * grad f(x(k)) from " + pair(START) + ", alpha_k = 1/2, 1/3, 1/4");
    double[][][] run = descent();
    double[][] iterates = run[0];
    double[][] gradients = run[1];
    for (int k = 0; k < gradients.length; k++) {
      out.println("seed-003 step " + (k + 1) + "  alpha = 1/" + (k + 2) + "  grad f"
          + pair(iterates[k]) + " = " + pair(gradients[k]) + "  ->  x(" + (k + 1) + ") = "
          + pair(iterates[k + 1]) + "  (sheet: grad f = " + intPair(SHEET_GRADIENTS[k]) + ", x("
          + (k + 1) + ") = " + intPair(SHEET_ITERATES[k]) + ")");
    }
    double[] last = iterates[iterates.length - 1];
    var atLast = Seed003DescentDerivatives.fGradient(last[0], last[1]);
    out.println("seed-003 minimum f" + pair(last) + " = " + atLast.value() + ", grad f = "
        + pair(new double[] {atLast.x1(), atLast.x2()})
        + ": another step changes nothing, as the sheet notes");
  }

  /**
   * The sheet's backpropagation for one sample, by hand.
   *
   * @return {∂L/∂w as a 1×2 row, ∂L/∂u}: {{dw1, dw2}}, then the rows of ∂L/∂u
   */
  static double[][] sheetGradients(double[] w, double[][] u, double x, double[] y) {
    double[] z = new double[2];
    for (int k = 0; k < 2; k++) {
      z[k] = Math.max(0, w[k] * x);
    }
    double[] a = new double[2];
    for (int j = 0; j < 2; j++) {
      a[j] = z[0] * u[0][j] + z[1] * u[1][j];
    }
    double total = Math.exp(a[0]) + Math.exp(a[1]);
    double[] f = {Math.exp(a[0]) / total, Math.exp(a[1]) / total};
    double[] e = {f[0] - y[0], f[1] - y[1]};
    // g2 = (diag(f) - f f^T) e
    double fe = f[0] * e[0] + f[1] * e[1];
    double[] g2 = {f[0] * e[0] - f[0] * fe, f[1] * e[1] - f[1] * fe};
    double[] dw = new double[2];
    double[][] du = new double[2][2];
    for (int k = 0; k < 2; k++) {
      for (int j = 0; j < 2; j++) {
        du[k][j] = z[k] * g2[j];
      }
      dw[k] = (u[k][0] * g2[0] + u[k][1] * g2[1]) * (w[k] * x > 0 ? 1 : 0) * x;
    }
    return new double[][] {dw, du[0], du[1]};
  }

  private static void printNetwork(PrintStream out) {
    out.println("seed-003 network z_k = max(0, w_k*x), a_j = sum_k z_k*u_kj, f = softmax(a),"
        + " L = 1/2 sum_j (f_j - y_j)^2, w = " + Arrays.toString(W) + ", u = "
        + Arrays.deepToString(U));
    for (int s = 0; s < INPUTS.length; s++) {
      double x = INPUTS[s];
      double[] y = TARGETS[s];
      String at = "seed-003 x = " + x + " ";
      var g = Seed003DescentDerivatives.networkLossGradient(W, U, x, y);
      double[][] sheet = sheetGradients(W, U, x, y);
      out.println(at + " y = " + Arrays.toString(y) + ": L = " + g.value() + ", ReLUs on: "
          + (W[0] * x > 0) + ", " + (W[1] * x > 0));
      out.println(at + " dL/du = " + Arrays.deepToString(g.u()) + "  (Fluxion)");
      out.println(at + " sheet z_k*g2_j = " + Arrays.deepToString(new double[][] {sheet[1],
          sheet[2]}));
      out.println(at + " dL/dw = " + Arrays.toString(g.w()) + "  (Fluxion)");
      out.println(at + " sheet (sum_j u_kj*g2_j)*1[w_k*x > 0]*x = " + Arrays.toString(sheet[0]));
      double worst = 0;
      for (int k = 0; k < 2; k++) {
        worst = Math.max(worst, Math.abs(g.w()[k] - sheet[0][k]));
        for (int j = 0; j < 2; j++) {
          worst = Math.max(worst, Math.abs(g.u()[k][j] - sheet[1 + k][j]));
        }
      }
      out.println(at + " max abs difference Fluxion vs sheet = " + scientific(worst));
    }
  }

  /**
   * The training set: x uniform in ±[0.25, 2), never 0; y = (1, 0) for x > 0, (0, 1) for x < 0.
   *
   * @return {xs, then the rows of ys}
   */
  static double[][] trainingSet() {
    Random random = new Random(DATA_SEED);
    double[] xs = new double[SAMPLES];
    double[][] result = new double[SAMPLES + 1][];
    for (int i = 0; i < SAMPLES; i++) {
      double magnitude = 0.25 + 1.75 * random.nextDouble();
      xs[i] = i % 2 == 0 ? magnitude : -magnitude;
      result[i + 1] = xs[i] > 0 ? new double[] {1, 0} : new double[] {0, 1};
    }
    result[0] = xs;
    return result;
  }

  /**
   * The outcome of a training run.
   *
   * @param w the trained hidden weights
   * @param u the trained output weights
   * @param losses the full-batch mean loss before the first update and after every update
   */
  record Trained(double[] w, double[][] u, double[] losses) {}

  /**
   * Full-batch gradient descent: {@code updates} steps of {@link Sgd} on {@link #meanLoss}, each
   * with the gradient over the whole data set, from {@link #W} and {@link #U} (copied).
   *
   * @return the trained weights and the loss after every update
   */
  static Trained fullBatch(double[] xs, double[][] ys, int updates) {
    double[] w = W.clone();
    double[][] u = {U[0].clone(), U[1].clone()};
    var descentW = Sgd.plain(LEARNING_RATE);
    var descentU = Sgd.plain(LEARNING_RATE);
    var g = new Seed003DescentDerivatives.MeanLossGradient();
    double[] losses = new double[updates + 1];
    losses[0] = meanLoss(w, u, xs, ys);
    for (int t = 0; t < updates; t++) {
      Seed003DescentDerivatives.meanLossGradient(w, u, xs, ys, g);
      descentW.step(w, g.w());
      descentU.step(u, g.u());
      losses[t + 1] = meanLoss(w, u, xs, ys);
    }
    return new Trained(w, u, losses);
  }

  /**
   * Stochastic gradient descent: {@code updates} steps of {@link Sgd}, each on {@link
   * #networkLoss} of one sample drawn uniformly with a generator seeded with {@link #DATA_SEED},
   * from {@link #W} and {@link #U} (copied).
   *
   * @return the trained weights and the full-batch loss after every update
   */
  static Trained stochastic(double[] xs, double[][] ys, int updates) {
    double[] w = W.clone();
    double[][] u = {U[0].clone(), U[1].clone()};
    var descentW = Sgd.plain(LEARNING_RATE);
    var descentU = Sgd.plain(LEARNING_RATE);
    Random random = new Random(DATA_SEED);
    var g = new Seed003DescentDerivatives.NetworkLossGradient();
    double[] losses = new double[updates + 1];
    losses[0] = meanLoss(w, u, xs, ys);
    for (int t = 0; t < updates; t++) {
      int i = random.nextInt(xs.length);
      Seed003DescentDerivatives.networkLossGradient(w, u, xs[i], ys[i], g);
      descentW.step(w, g.w());
      descentU.step(u, g.u());
      losses[t + 1] = meanLoss(w, u, xs, ys);
    }
    return new Trained(w, u, losses);
  }

  private static void printTraining(PrintStream out) {
    double[][] set = trainingSet();
    double[] xs = set[0];
    double[][] ys = Arrays.copyOfRange(set, 1, set.length);
    out.println("seed-003 train   " + SAMPLES + " samples, x in +-[0.25, 2), class 1 if x > 0"
        + " (java.util.Random(" + DATA_SEED + ")), learning rate " + LEARNING_RATE
        + ", from the w, u above: mean loss " + fixed(meanLoss(W, U, xs, ys)));
    Trained gd = fullBatch(xs, ys, UPDATES);
    Trained sgd = stochastic(xs, ys, UPDATES);
    Trained sgdSameWork = stochastic(xs, ys, UPDATES * SAMPLES);
    out.println("seed-003 train   full-batch GD, " + UPDATES + " updates (" + UPDATES * SAMPLES
        + " sample gradients): mean loss " + fixed(meanLoss(gd.w(), gd.u(), xs, ys)));
    out.println("seed-003 train   SGD, " + UPDATES + " updates (" + UPDATES
        + " sample gradients): mean loss " + fixed(meanLoss(sgd.w(), sgd.u(), xs, ys)));
    out.println("seed-003 train   SGD, " + UPDATES * SAMPLES + " updates (" + UPDATES * SAMPLES
        + " sample gradients, the work of full-batch GD): mean loss "
        + fixed(meanLoss(sgdSameWork.w(), sgdSameWork.u(), xs, ys)));
    // Against the work done: a full-batch update costs SAMPLES sample gradients, an SGD update one.
    var chart = new LineChart("seed-003: SGD vs full-batch GD on the ReLU/softmax network",
        "sample gradients computed", "mean loss over the " + SAMPLES + " samples (log scale)")
        .logarithmicY()
        .add("full-batch GD, " + SAMPLES + " samples per update", work(gd.losses(), SAMPLES),
            gd.losses())
        .add("SGD, 1 sample per update", work(sgdSameWork.losses(), 1), sgdSameWork.losses());
    out.println("seed-003 plot    loss curves of SGD and full-batch GD: "
        + chart.save("seed-003-sgd-vs-gd-loss"));
  }

  /** The sample gradients computed before each loss: {@code perUpdate} times the update count. */
  private static double[] work(double[] losses, int perUpdate) {
    double[] work = new double[losses.length];
    for (int t = 0; t < work.length; t++) {
      work[t] = (double) t * perUpdate;
    }
    return work;
  }

  private static String pair(double[] v) {
    return "(" + v[0] + ", " + v[1] + ")";
  }

  private static String intPair(double[] v) {
    return "(" + (long) v[0] + ", " + (long) v[1] + ")";
  }

  private static String scientific(double value) {
    return String.format(Locale.ROOT, "%.1e", value);
  }

  private static String fixed(double value) {
    return String.format(Locale.ROOT, "%.6f", value);
  }

  /**
   * Runs this example alone, without the tour.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    new Seed003Descent().run(System.out);
  }
}
