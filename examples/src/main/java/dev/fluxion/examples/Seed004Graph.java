package dev.fluxion.examples;

import dev.fluxion.Differentiable;
import dev.fluxion.train.Adam;
import dev.fluxion.train.AdamW;
import dev.fluxion.train.Optimizer;
import java.awt.Color;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Sheet 004, task 1: backpropagation through a small computational graph, by hand on the sheet,
 * with PyTorch in its notebook, and here with Fluxion.
 *
 * <pre>
 * f1 = x·x    f2 = ln x    f3 = f1 / f2    f4 = f3 + c    f5 = f3 − c    f6 = f4 · f5
 * </pre>
 *
 * <p>At x = 3, c = 5 the sheet finds df6/dx ≈ 48.8, and PyTorch, in {@code float32},
 * 48.756893157958984. {@link #f6} is the whole graph; Fluxion generates {@code
 * Seed004GraphDerivatives.f6Gradient(x, c)} from it. The other {@code @Differentiable} methods
 * are pieces of the graph, so that the intermediate adjoints of the sheet's backward pass come out
 * of Fluxion too: the nodes {@link #f1} … {@link #f5} give the local derivatives the sheet
 * chains by hand, and {@link #f6FromF4F5}, {@link #f6FromF3} and {@link #f6FromF1F2} give
 * df6/df4, df6/df5, df6/df3, df6/df1 and df6/df2 directly.
 *
 * <p>Task 2 is Adam. The sheet shows that its first step is w¹ = w⁰ − α·sign(g¹) per component,
 * whatever the gradient's size, and works out the second in closed form; the runtime's {@link
 * Adam}, stepping on Fluxion's gradient of {@link #modelLoss}, takes both steps next to the
 * formulas. Task 2 (e) asks whether an L2 penalty in the loss is the same as AdamW's weight decay:
 * the same model is trained with {@link Adam} on {@link #penalisedLoss} and with {@link AdamW} on
 * {@link #modelLoss}. The first ends at the minimiser of the penalised loss (the ridge solution,
 * computed in closed form to compare); the second, whose decay bypasses Adam's rescaling, ends
 * elsewhere. Their loss curves and weights are drawn ({@link LineChart}).
 */
public final class Seed004Graph implements Example {

  /** The point of the sheet. */
  static final double X = 3;

  /** The constant of the sheet. */
  static final double C = 5;

  /** PyTorch's df6/dx at (3, 5), from the sheet's notebook ({@code float32}). */
  static final double PYTORCH_FLOAT32_DF6_DX = 48.756893157958984;

  /** Adam's learning rate α in task 2. */
  static final double ALPHA = 0.01;

  /** The scales of the model's three features: the third is small, so its weight is large. */
  static final double[] FEATURE_SCALES = {1, 10, 0.1};

  /** The weights the model's data is drawn around. */
  static final double[] TRUE_WEIGHTS = {1.0, 0.2, 3.0};

  /** How many samples the model is trained on. */
  static final int SAMPLES = 64;

  /** The standard deviation of the noise on the model's targets. */
  static final double NOISE = 0.1;

  /** The seed of the generator that draws the model's data. */
  static final long DATA_SEED = 4;

  /** The weight λ of the L2 penalty and of AdamW's decay. */
  static final double LAMBDA = 0.1;

  /** How many full-batch steps each training run takes. */
  static final int TRAINING_STEPS = 3000;

  /**
   * The whole graph, as the sheet writes it.
   *
   * @param x the input
   * @param c the constant
   * @return f6
   */
  @Differentiable
  public static double f6(double x, double c) {
    double f1 = x * x;
    double f2 = Math.log(x);
    double f3 = f1 / f2;
    double f4 = f3 + c;
    double f5 = f3 - c;
    double f6 = f4 * f5;
    return f6;
  }

  /**
   * Node f1 = x·x.
   *
   * @param x the input
   * @return f1
   */
  @Differentiable
  public static double f1(double x) {
    return x * x;
  }

  /**
   * Node f2 = ln x.
   *
   * @param x the input
   * @return f2
   */
  @Differentiable
  public static double f2(double x) {
    return Math.log(x);
  }

  /**
   * Node f3 = f1 / f2.
   *
   * @param f1 the value of node f1
   * @param f2 the value of node f2
   * @return f3
   */
  @Differentiable
  public static double f3(double f1, double f2) {
    return f1 / f2;
  }

  /**
   * Node f4 = f3 + c; c is a constant here ({@code wrt}), so only df4/df3 is generated.
   *
   * @param f3 the value of node f3
   * @param c the constant
   * @return f4
   */
  @Differentiable(wrt = {"f3"})
  public static double f4(double f3, double c) {
    return f3 + c;
  }

  /**
   * Node f5 = f3 − c; c is a constant here ({@code wrt}), so only df5/df3 is generated.
   *
   * @param f3 the value of node f3
   * @param c the constant
   * @return f5
   */
  @Differentiable(wrt = {"f3"})
  public static double f5(double f3, double c) {
    return f3 - c;
  }

  /**
   * The graph from f4 and f5 on: f6 = f4 · f5, so df6/df4 = f5 and df6/df5 = f4.
   *
   * @param f4 the value of node f4
   * @param f5 the value of node f5
   * @return f6
   */
  @Differentiable
  public static double f6FromF4F5(double f4, double f5) {
    return f4 * f5;
  }

  /**
   * The graph from f3 on, calling {@link #f6FromF4F5}: df6/df3 = f5 + f4 = 2·f3.
   *
   * @param f3 the value of node f3
   * @param c the constant
   * @return f6
   */
  @Differentiable
  public static double f6FromF3(double f3, double c) {
    return f6FromF4F5(f3 + c, f3 - c);
  }

  /**
   * The graph from f1 and f2 on, calling {@link #f6FromF3}: df6/df1 = df6/df3 / f2 and df6/df2 =
   * −df6/df3 · f1 / f2².
   *
   * @param f1 the value of node f1
   * @param f2 the value of node f2
   * @param c the constant
   * @return f6
   */
  @Differentiable
  public static double f6FromF1F2(double f1, double f2, double c) {
    return f6FromF3(f1 / f2, c);
  }

  /**
   * The small model of task 2's training: the mean squared error of a linear model without
   * intercept, (1/n) Σ (x_i·w − y_i)².
   *
   * @param w the weights, one per feature
   * @param x the inputs, one row of features per sample
   * @param y the targets, one per sample
   * @return the mean squared error
   */
  @Differentiable(wrt = {"w"})
  public static double modelLoss(double[] w, double[][] x, double[] y) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double prediction = 0;
      for (int j = 0; j < w.length; j++) {
        prediction += x[i][j] * w[j];
      }
      double residual = prediction - y[i];
      sum += residual * residual;
    }
    return sum / x.length;
  }

  /**
   * The model's loss with an L2 penalty, {@link #modelLoss} + λ/2·‖w‖², whose gradient adds λw.
   *
   * @param w the weights
   * @param x the inputs
   * @param y the targets
   * @param lambda the penalty's weight λ
   * @return the penalised loss
   */
  @Differentiable(wrt = {"w"})
  public static double penalisedLoss(double[] w, double[][] x, double[] y, double lambda) {
    double squares = 0;
    for (int j = 0; j < w.length; j++) {
      squares += w[j] * w[j];
    }
    return modelLoss(w, x, y) + 0.5 * lambda * squares;
  }

  @Override
  public String name() {
    return "seed-004";
  }

  @Override
  public String description() {
    return "sheet 004: backpropagation through f1 = x*x ... f6 = f4*f5, every intermediate"
        + " adjoint; Adam's first two steps vs the closed forms; Adam + L2 vs AdamW";
  }

  @Override
  public void run(PrintStream out) {
    out.println("== seed-004: sheet 004: backpropagation through a computational graph (task 1),"
        + " Adam and AdamW (task 2) ==");
    printGraph(out);
    double[][] data = modelData();
    double[][] x = Arrays.copyOf(data, SAMPLES);
    double[] y = data[SAMPLES];
    printAdamSteps(out, x, y);
    printAdamVersusAdamW(out, x, y);
  }

  private static void printGraph(PrintStream out) {
    double x = X;
    double c = C;
    out.println("seed-004 graph   f1 = x*x, f2 = ln x, f3 = f1/f2, f4 = f3 + c, f5 = f3 - c,"
        + " f6 = f4*f5 at x = " + x + ", c = " + c);

    // Forward pass, plain Java: the values the sheet writes down first. The sheet's numbers
    // quoted below are its handwritten, rounded results. The transcript in shared/seeds reads
    // some 1s as 7s (8,792 for 8.192, 73,792 for 13.192, 76,384 for 16.384, 14,97 for 14.91);
    // we quote what the sheet evidently says, and none for df6/df2, which the transcript garbles.
    double f1 = x * x;
    double f2 = Math.log(x);
    double f3 = f1 / f2;
    double f4 = f3 + c;
    double f5 = f3 - c;
    double f6 = f4 * f5;

    // The whole graph, differentiated end to end by Fluxion.
    var grad = Seed004GraphDerivatives.f6Gradient(x, c);
    out.println("seed-004 df6/dx = " + grad.x() + " at x = " + x + ", c = " + c
        + "  (Fluxion, reverse mode, double; PyTorch float32: " + PYTORCH_FLOAT32_DF6_DX
        + "; sheet: ~48.8)");
    out.println("seed-004 f6     = " + grad.value() + "  (plain Java: " + f6 + "; sheet: ~42)");
    out.println("seed-004 df6/dc = " + grad.c() + "  (by hand: -2c = " + (-2 * c) + ")");
    out.println("seed-004 forward f1 = " + f1 + ", f2 = " + f2 + ", f3 = " + f3 + ", f4 = " + f4
        + ", f5 = " + f5 + "  (sheet: 9, ~1.099, ~8.192, ~13.192, ~3.192)");

    // Intermediate adjoints, each from Fluxion applied to the graph from that node on.
    var fromF4F5 = Seed004GraphDerivatives.f6FromF4F5Gradient(f4, f5);
    var fromF3 = Seed004GraphDerivatives.f6FromF3Gradient(f3, c);
    var fromF1F2 = Seed004GraphDerivatives.f6FromF1F2Gradient(f1, f2, c);
    double df6df4 = fromF4F5.f4();
    double df6df5 = fromF4F5.f5();
    double df6df3 = fromF3.f3();
    double df6df1 = fromF1F2.f1();
    double df6df2 = fromF1F2.f2();

    // Local derivatives of the nodes, also from Fluxion, chained by hand as the sheet does.
    double df4df3 = Seed004GraphDerivatives.f4Gradient(f3, c).f3();
    double df5df3 = Seed004GraphDerivatives.f5Gradient(f3, c).f3();
    var node3 = Seed004GraphDerivatives.f3Gradient(f1, f2);
    double df3df1 = node3.f1();
    double df3df2 = node3.f2();
    double df1dx = Seed004GraphDerivatives.f1Gradient(x).x();
    double df2dx = Seed004GraphDerivatives.f2Gradient(x).x();

    out.println("seed-004 step 1  df6/df4 = " + df6df4 + "  (= f5 = " + f5 + "; sheet: ~3.192)");
    out.println("seed-004 step 1  df6/df5 = " + df6df5 + "  (= f4 = " + f4 + "; sheet: ~13.192)");
    out.println("seed-004 step 2  df4/df3 = " + df4df3 + ", df5/df3 = " + df5df3
        + "  (sheet: 1, 1)");
    out.println("seed-004 step 2  df6/df3 = " + df6df3
        + "  (chain df6/df4*df4/df3 + df6/df5*df5/df3 = " + (df6df4 * df4df3 + df6df5 * df5df3)
        + "; sheet: ~16.384)");
    out.println("seed-004 step 3  df3/df1 = " + df3df1 + " (= 1/f2 = " + 1 / f2 + "), df3/df2 = "
        + df3df2 + " (= -f1/f2^2 = " + -f1 / (f2 * f2) + ")");
    out.println("seed-004 step 3  df6/df1 = " + df6df1 + "  (chain df6/df3*df3/df1 = "
        + df6df3 * df3df1 + "; sheet: ~14.91)");
    out.println("seed-004 step 3  df6/df2 = " + df6df2 + "  (chain df6/df3*df3/df2 = "
        + df6df3 * df3df2 + ")");
    out.println("seed-004 step 4  df1/dx = " + df1dx + " (= 2x), df2/dx = " + df2dx + " (= 1/x = "
        + 1 / x + ")");
    out.println("seed-004 step 4  chain df6/df1*df1/dx + df6/df2*df2/dx = "
        + (df6df1 * df1dx + df6df2 * df2dx) + "  (end to end: " + grad.x() + ")");

    // The sheet's backward pass once more, node by node, with Fluxion's pullbacks: each node's
    // pullback takes the adjoint flowing into it as its seed and adds seed * partials to a holder
    // that starts at 0. x gets adjoint from two paths, through f1 and through f2, summed here.
    var bar3 = new Seed004GraphDerivatives.F6FromF3Gradient();
    Seed004GraphDerivatives.f6FromF3Pullback(f3, c, 1.0, bar3);
    var bar12 = new Seed004GraphDerivatives.F3Gradient();
    Seed004GraphDerivatives.f3Pullback(f1, f2, bar3.f3(), bar12);
    var barX1 = new Seed004GraphDerivatives.F1Gradient();
    Seed004GraphDerivatives.f1Pullback(x, bar12.f1(), barX1);
    var barX2 = new Seed004GraphDerivatives.F2Gradient();
    Seed004GraphDerivatives.f2Pullback(x, bar12.f2(), barX2);
    out.println("seed-004 pullbacks f6bar = 1 -> f3bar = " + bar3.f3() + " -> f1bar = "
        + bar12.f1() + ", f2bar = " + bar12.f2() + " -> xbar = " + (barX1.x() + barX2.x())
        + " (= " + barX1.x() + " via f1 + " + barX2.x() + " via f2)");

    // Checks that need no sheet: finite differences, and PyTorch's single precision.
    double h = 1e-5;
    double central = (f6(x + h, c) - f6(x - h, c)) / (2 * h);
    out.println("seed-004 check   central difference (h = " + h + ") = " + central
        + ", differs from Fluxion by " + scientific(Math.abs(central - grad.x())));
    out.println("seed-004 check   PyTorch float32 differs by "
        + scientific(Math.abs(PYTORCH_FLOAT32_DF6_DX - grad.x()))
        + ": float32 rounding (its ulp near 48.76 is " + Math.ulp(48.76f) + ")");

    // The same holder reused along a sweep of x: the into-form overwrites it, allocating nothing.
    StringBuilder sweep = new StringBuilder();
    for (double xi = 2; xi <= 5; xi++) {
      Seed004GraphDerivatives.f6Gradient(xi, c, grad);
      sweep.append(sweep.length() == 0 ? "" : ", ").append("x = ").append(xi).append(": ")
          .append(grad.x());
    }
    out.println("seed-004 sweep   df6/dx with one reused holder: " + sweep);
  }

  /**
   * The model's data: features N(0, 1) times {@link #FEATURE_SCALES}, targets x·{@link
   * #TRUE_WEIGHTS} plus {@link #NOISE}·N(0, 1), from {@link #DATA_SEED}.
   *
   * @return {the rows of x, then y as one more row}
   */
  static double[][] modelData() {
    Random random = new Random(DATA_SEED);
    double[][] data = new double[SAMPLES + 1][];
    double[] y = new double[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      double[] row = new double[FEATURE_SCALES.length];
      for (int j = 0; j < row.length; j++) {
        row[j] = FEATURE_SCALES[j] * random.nextGaussian();
        y[i] += row[j] * TRUE_WEIGHTS[j];
      }
      y[i] += NOISE * random.nextGaussian();
      data[i] = row;
    }
    data[SAMPLES] = y;
    return data;
  }

  /**
   * The sheet's closed form of Adam's first step (ε = 0): w¹ = w⁰ − α·sign(g¹), component by
   * component.
   */
  static double[] sheetFirstStep(double[] w0, double[] g1) {
    double[] w1 = new double[w0.length];
    for (int j = 0; j < w0.length; j++) {
      w1[j] = w0[j] - ALPHA * Math.signum(g1[j]);
    }
    return w1;
  }

  /**
   * The sheet's closed form of Adam's second step (ε = 0), with β = β1 and γ = β2: w² = w¹ −
   * α(βg¹ + g²)√(1 + γ) / ((1 + β)√(γ(g¹)² + (g²)²)).
   */
  static double[] sheetSecondStep(double[] w1, double[] g1, double[] g2) {
    double beta = Adam.DEFAULT_BETA1;
    double gamma = Adam.DEFAULT_BETA2;
    double[] w2 = new double[w1.length];
    for (int j = 0; j < w1.length; j++) {
      w2[j] = w1[j] - ALPHA * (beta * g1[j] + g2[j]) * Math.sqrt(1 + gamma)
          / ((1 + beta) * Math.sqrt(gamma * g1[j] * g1[j] + g2[j] * g2[j]));
    }
    return w2;
  }

  private static void printAdamSteps(PrintStream out, double[][] x, double[] y) {
    out.println("seed-004 adam     task 2: m = beta m + (1 - beta) g, v = gamma v + (1 - gamma)"
        + " g^2, m^ = m/(1 - beta^t), v^ = v/(1 - gamma^t), w <- w - alpha m^/(sqrt(v^) + eps);"
        + " dev.fluxion.train.Adam with alpha = " + ALPHA + ", beta = " + Adam.DEFAULT_BETA1
        + ", gamma = " + Adam.DEFAULT_BETA2 + ", eps = " + Adam.DEFAULT_EPSILON);
    out.println("seed-004 adam     on L(w) = 1/n sum_i (x_i.w - y_i)^2, " + SAMPLES + " samples,"
        + " features N(0, 1) scaled by " + Arrays.toString(FEATURE_SCALES) + ", y = x.w* + "
        + NOISE + " N(0, 1), w* = " + Arrays.toString(TRUE_WEIGHTS) + " (java.util.Random("
        + DATA_SEED + ")); Fluxion's gradient");
    var adam = new Adam(ALPHA);
    var g = new Seed004GraphDerivatives.ModelLossGradient();
    double[] w = new double[TRUE_WEIGHTS.length];
    double[] w0 = w.clone();
    double[] g1 = Seed004GraphDerivatives.modelLossGradient(w, x, y, g).w().clone();
    adam.step(w, g1);
    double[] w1 = w.clone();
    double[] sheet1 = sheetFirstStep(w0, g1);
    out.println("seed-004 adam     w0 = " + Arrays.toString(w0) + ", g1 = grad L(w0) = "
        + Arrays.toString(g1));
    out.println("seed-004 adam 1   w1 = " + Arrays.toString(w1) + "  (Adam)");
    out.println("seed-004 adam 1   sheet (b): w0 - alpha sign(g1) = " + Arrays.toString(sheet1)
        + "; max abs difference " + scientific(maxAbsDifference(w1, sheet1))
        + " (eps's doing: alpha eps/|g1| at most " + scientific(ALPHA * Adam.DEFAULT_EPSILON
            / minAbs(g1)) + ")");
    double[] g2 = Seed004GraphDerivatives.modelLossGradient(w, x, y, g).w().clone();
    adam.step(w, g2);
    double[] sheet2 = sheetSecondStep(w1, g1, g2);
    out.println("seed-004 adam     g2 = grad L(w1) = " + Arrays.toString(g2));
    out.println("seed-004 adam 2   w2 = " + Arrays.toString(w) + "  (Adam)");
    out.println("seed-004 adam 2   sheet (c): w1 - alpha (beta g1 + g2) sqrt(1 + gamma) / ((1 +"
        + " beta) sqrt(gamma g1^2 + g2^2)) = " + Arrays.toString(sheet2) + "; max abs difference "
        + scientific(maxAbsDifference(w, sheet2)));
  }

  /**
   * One training run of the model: its weights after every step and the data loss {@link
   * #modelLoss} before the first step and after every step.
   *
   * @param weights {@code TRAINING_STEPS + 1} rows: the weights before the first step and after
   *     every step
   * @param losses the data loss at each of those weights
   */
  record Run(double[][] weights, double[] losses) {

    double[] last() {
      return weights[weights.length - 1];
    }
  }

  /**
   * Trains the model from w = 0 with Adam on the penalised loss ({@code decoupled} false) or with
   * AdamW on the plain loss ({@code decoupled} true), λ = {@link #LAMBDA} either way.
   */
  static Run train(double[][] x, double[] y, boolean decoupled) {
    Optimizer optimizer = decoupled ? new AdamW(ALPHA, LAMBDA) : new Adam(ALPHA);
    var penalised = new Seed004GraphDerivatives.PenalisedLossGradient();
    var plain = new Seed004GraphDerivatives.ModelLossGradient();
    double[] w = new double[TRUE_WEIGHTS.length];
    double[][] weights = new double[TRAINING_STEPS + 1][];
    double[] losses = new double[TRAINING_STEPS + 1];
    weights[0] = w.clone();
    losses[0] = modelLoss(w, x, y);
    for (int t = 1; t <= TRAINING_STEPS; t++) {
      double[] gradient = decoupled
          ? Seed004GraphDerivatives.modelLossGradient(w, x, y, plain).w()
          : Seed004GraphDerivatives.penalisedLossGradient(w, x, y, LAMBDA, penalised).w();
      optimizer.step(w, gradient);
      weights[t] = w.clone();
      losses[t] = modelLoss(w, x, y);
    }
    return new Run(weights, losses);
  }

  /**
   * The minimiser of the penalised loss, in closed form: the ridge solution of (2/n XᵀX + λI) w =
   * 2/n Xᵀy, by Gaussian elimination.
   *
   * @return w
   */
  static double[] ridge(double[][] x, double[] y) {
    int d = TRUE_WEIGHTS.length;
    double[][] a = new double[d][d + 1];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < d; k++) {
          a[j][k] += 2 * x[i][j] * x[i][k] / x.length;
        }
        a[j][d] += 2 * x[i][j] * y[i] / x.length;
      }
    }
    for (int j = 0; j < d; j++) {
      a[j][j] += LAMBDA;
    }
    for (int col = 0; col < d; col++) { // symmetric positive definite: no pivoting needed
      for (int r = col + 1; r < d; r++) {
        double factor = a[r][col] / a[col][col];
        for (int k = col; k <= d; k++) {
          a[r][k] -= factor * a[col][k];
        }
      }
    }
    double[] w = new double[d];
    for (int r = d - 1; r >= 0; r--) {
      double s = a[r][d];
      for (int k = r + 1; k < d; k++) {
        s -= a[r][k] * w[k];
      }
      w[r] = s / a[r][r];
    }
    return w;
  }

  private static void printAdamVersusAdamW(PrintStream out, double[][] x, double[] y) {
    out.println("seed-004 decay    task 2 (e): the same model from w = 0, " + TRAINING_STEPS
        + " full-batch steps, alpha = " + ALPHA + ", lambda = " + LAMBDA + ": Adam on L(w) +"
        + " lambda/2 |w|^2 (L2 in the loss), and AdamW on L(w) with weight decay lambda");
    Run l2 = train(x, y, false);
    Run decoupled = train(x, y, true);
    double[] ridge = ridge(x, y);
    for (int k = 0; k < 2; k++) {
      Run run = k == 0 ? l2 : decoupled;
      double[] w = run.last();
      double squares = 0;
      for (double wj : w) {
        squares += wj * wj;
      }
      StringBuilder progress = new StringBuilder();
      for (int t : new int[] {0, 10, 100, 1000, TRAINING_STEPS}) {
        progress.append(progress.length() == 0 ? "" : ", ").append(t).append(": ")
            .append(fixed(run.losses()[t]));
      }
      out.println("seed-004 " + (k == 0 ? "adam+l2" : "adamw  ") + "  w = " + Arrays.toString(w)
          + "; L(w) = " + fixed(run.losses()[TRAINING_STEPS]) + ", L + lambda/2 |w|^2 = "
          + fixed(run.losses()[TRAINING_STEPS] + 0.5 * LAMBDA * squares) + ", |w - ridge| = "
          + scientific(maxAbsDifference(w, ridge)) + "; L by step " + progress);
    }
    out.println("seed-004 decay    ridge solution, the minimiser of L + lambda/2 |w|^2 in closed"
        + " form: " + Arrays.toString(ridge) + "; true w* = " + Arrays.toString(TRUE_WEIGHTS));
    out.println("seed-004 decay    they differ by up to "
        + fixed(maxAbsDifference(l2.last(), decoupled.last())) + ": with L2 in the loss Adam ends"
        + " at the ridge solution, which shrinks w[2] (the small feature's, whose gradients are"
        + " small) to " + fixed(l2.last()[2]) + "; AdamW decays every weight by alpha lambda w"
        + " per step, outside Adam's rescaling, and keeps w[2] = " + fixed(decoupled.last()[2]));

    // On a log-scale step axis, every step would crowd the right end: plot about 200 of them.
    int[] shown = LineChart.logSpacedSteps(TRAINING_STEPS);
    double[] steps = new double[shown.length];
    for (int k = 0; k < shown.length; k++) {
      steps[k] = shown[k];
    }
    var losses = new LineChart("seed-004: the same model, L2 in the loss vs decoupled decay"
        + " (lambda = " + LAMBDA + ")", "step (log scale)", "data loss L(w) (log scale)")
        .logarithmicX().logarithmicY()
        .add("Adam on L + lambda/2 |w|^2", steps, LineChart.pick(l2.losses(), shown))
        .add("AdamW on L, decay lambda", steps, LineChart.pick(decoupled.losses(), shown));
    out.println("seed-004 plot     loss curves of Adam + L2 and AdamW: "
        + losses.save("seed-004-adam-l2-vs-adamw-loss"));
    var weights = new LineChart("seed-004: weights while training, Adam + L2 (solid) vs AdamW"
        + " (dashed)", "step (log scale)", "weight").logarithmicX();
    Color[] colors = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xd62728)};
    for (int j = 0; j < TRUE_WEIGHTS.length; j++) {
      weights
          .add("w[" + j + "], Adam + L2", steps, LineChart.pick(component(l2, j), shown),
              colors[j], false)
          .add("w[" + j + "], AdamW", steps, LineChart.pick(component(decoupled, j), shown),
              colors[j], true);
    }
    out.println("seed-004 plot     the weights of both runs step by step: "
        + weights.save("seed-004-adam-l2-vs-adamw-weights"));
  }

  /** Component j of a run's weights, before the first step and after every step. */
  private static double[] component(Run run, int j) {
    double[] values = new double[TRAINING_STEPS + 1];
    for (int t = 0; t <= TRAINING_STEPS; t++) {
      values[t] = run.weights()[t][j];
    }
    return values;
  }

  private static double maxAbsDifference(double[] a, double[] b) {
    double worst = 0;
    for (int j = 0; j < a.length; j++) {
      worst = Math.max(worst, Math.abs(a[j] - b[j]));
    }
    return worst;
  }

  private static double minAbs(double[] a) {
    double least = Double.POSITIVE_INFINITY;
    for (double v : a) {
      least = Math.min(least, Math.abs(v));
    }
    return least;
  }

  private static String fixed(double value) {
    return String.format(Locale.ROOT, "%.6f", value);
  }

  private static String scientific(double value) {
    return String.format(Locale.ROOT, "%.1e", value);
  }

  /**
   * Runs this example alone, without the tour.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    new Seed004Graph().run(System.out);
  }
}
