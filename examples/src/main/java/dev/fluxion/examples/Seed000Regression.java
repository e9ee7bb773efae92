package dev.fluxion.examples;

import dev.fluxion.Differentiable;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Sheet 000, task 1: the gradients of two losses written out by hand on the sheet, here computed
 * by Fluxion through loops over arrays, checked against the sheet's formulas, and used to fit.
 *
 * <p>(a) Linear regression, f(w1, w2) = Σ (w1 + w2·x_i − y_i)², whose gradient the sheet gives as
 * ∂f/∂w1 = 2 Σ (w1 + w2·x_i − y_i) and ∂f/∂w2 = 2 Σ (w1 + w2·x_i − y_i)·x_i. {@link #loss} is
 * the loss as a loop; the example evaluates Fluxion's gradient next to the formulas on synthetic
 * data drawn with a seeded {@link Random} around known weights, then fits the weights by
 * full-batch gradient descent and compares them with the true weights and with the closed-form
 * least-squares solution.
 *
 * <p>(b) Matrix factorisation, f(p, q) = (r − q·p)² + l1‖p‖₂ + l2‖q‖₂ with vectors p, q, whose
 * gradients are ∂f/∂p = l1·p/‖p‖ − 2(r − q·p)·q and ∂f/∂q = l2·q/‖q‖ − 2(r − q·p)·p. (The sheet
 * writes them elementwise with {@code diag(...)}; these are the same formulas for the dot product
 * q·p.) {@link #factorisation} is the loss, calling {@link #norm} for ‖·‖₂.
 */
public final class Seed000Regression implements Example {

  /** The true intercept the synthetic data is drawn around. */
  static final double TRUE_W1 = 1.5;

  /** The true slope the synthetic data is drawn around. */
  static final double TRUE_W2 = -0.7;

  /** The standard deviation of the Gaussian noise added to the synthetic targets. */
  static final double NOISE = 0.1;

  /** How many synthetic points. */
  static final int POINTS = 40;

  /** The seed of the generator that draws the synthetic data. */
  static final long DATA_SEED = 2024;

  /** Gradient-descent steps for the regression fit. */
  static final int STEPS = 300;

  /** The learning rate of the regression fit (for the summed, not averaged, loss). */
  static final double LEARNING_RATE = 0.005;

  /** The rating r of the factorisation loss. */
  static final double RATING = 4;

  /** The weight of ‖p‖₂ in the factorisation loss. */
  static final double L1 = 0.1;

  /** The weight of ‖q‖₂ in the factorisation loss. */
  static final double L2 = 0.2;

  /** The length of the factor vectors p and q. */
  static final int FACTORS = 3;

  /** The seed of the generator that draws p and q. */
  static final long FACTOR_SEED = 7;

  /**
   * The linear-regression loss of the sheet, f = Σ (w1 + w2·x_i − y_i)²; x and y are data, not
   * differentiated.
   *
   * @param w1 the intercept
   * @param w2 the slope
   * @param x the inputs
   * @param y the targets, as many as inputs
   * @return the summed squared residual
   */
  @Differentiable(wrt = {"w1", "w2"})
  public static double loss(double w1, double w2, double[] x, double[] y) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double residual = w1 + w2 * x[i] - y[i];
      sum += residual * residual;
    }
    return sum;
  }

  /**
   * The Euclidean norm ‖v‖₂ = √(Σ v_i²).
   *
   * @param v the vector
   * @return its length
   */
  @Differentiable
  public static double norm(double[] v) {
    double squares = 0;
    for (int i = 0; i < v.length; i++) {
      squares += v[i] * v[i];
    }
    return Math.sqrt(squares);
  }

  /**
   * The matrix-factorisation loss of the sheet for one rating, f = (r − q·p)² + l1‖p‖₂ +
   * l2‖q‖₂, differentiated with respect to the factor vectors p and q.
   *
   * @param r the rating
   * @param p the item's factors
   * @param q the user's factors, as many as p
   * @param l1 the weight of ‖p‖₂
   * @param l2 the weight of ‖q‖₂
   * @return the regularised squared error
   */
  @Differentiable(wrt = {"p", "q"})
  public static double factorisation(double r, double[] p, double[] q, double l1, double l2) {
    double dot = 0;
    for (int i = 0; i < p.length; i++) {
      dot += q[i] * p[i];
    }
    double error = r - dot;
    return error * error + l1 * norm(p) + l2 * norm(q);
  }

  @Override
  public String name() {
    return "seed-000";
  }

  @Override
  public String description() {
    return "sheet 000: regression loss gradient vs the sheet, fitted by gradient descent;"
        + " matrix-factorisation gradients";
  }

  @Override
  public void run(PrintStream out) {
    out.println("== seed-000: sheet 000, task 1: gradients of a regression loss and a"
        + " matrix-factorisation loss ==");
    printRegression(out);
    printFactorisation(out);
  }

  /**
   * The synthetic data: x uniform in [−2, 2), y = TRUE_W1 + TRUE_W2·x + NOISE·N(0, 1).
   *
   * @return {x, y}
   */
  static double[][] data() {
    Random random = new Random(DATA_SEED);
    double[] x = new double[POINTS];
    double[] y = new double[POINTS];
    for (int i = 0; i < POINTS; i++) {
      x[i] = -2 + 4 * random.nextDouble();
      y[i] = TRUE_W1 + TRUE_W2 * x[i] + NOISE * random.nextGaussian();
    }
    return new double[][] {x, y};
  }

  /**
   * The sheet's gradient of the regression loss, 2Σ(w1 + w2·x_i − y_i) and 2Σ(…)·x_i.
   *
   * @return {∂f/∂w1, ∂f/∂w2}
   */
  static double[] sheetGradient(double w1, double w2, double[] x, double[] y) {
    double d1 = 0;
    double d2 = 0;
    for (int i = 0; i < x.length; i++) {
      double residual = w1 + w2 * x[i] - y[i];
      d1 += 2 * residual;
      d2 += 2 * residual * x[i];
    }
    return new double[] {d1, d2};
  }

  /**
   * The least-squares weights in closed form: w2 = (nΣxy − ΣxΣy) / (nΣx² − (Σx)²), w1 = (Σy −
   * w2Σx) / n.
   *
   * @return {w1, w2}
   */
  static double[] leastSquares(double[] x, double[] y) {
    double n = x.length;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      sx += x[i];
      sy += y[i];
      sxx += x[i] * x[i];
      sxy += x[i] * y[i];
    }
    double w2 = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    return new double[] {(sy - w2 * sx) / n, w2};
  }

  private static void printRegression(PrintStream out) {
    double[][] data = data();
    double[] x = data[0];
    double[] y = data[1];
    out.println("seed-000 data     " + POINTS + " points, x uniform in [-2, 2), y = " + TRUE_W1
        + " + (" + TRUE_W2 + ")*x + " + NOISE + "*N(0,1), java.util.Random(" + DATA_SEED + ")");
    out.println("seed-000 loss     f(w1, w2) = sum_i (w1 + w2*x_i - y_i)^2, a for loop;"
        + " Fluxion differentiates it with respect to w1, w2");

    // The gradient at two points: where descent starts, and at the true weights.
    double[][] points = {{0, 0}, {TRUE_W1, TRUE_W2}};
    String[] names = {"start", "true "};
    for (int k = 0; k < points.length; k++) {
      double w1 = points[k][0];
      double w2 = points[k][1];
      var g = Seed000RegressionDerivatives.lossGradient(w1, w2, x, y);
      double[] sheet = sheetGradient(w1, w2, x, y);
      out.println("seed-000 grad " + names[k] + " at (w1, w2) = (" + w1 + ", " + w2 + "): f = "
          + g.value() + ", df/dw1 = " + g.w1() + ", df/dw2 = " + g.w2()
          + "  (sheet 2*sum(r_i) = " + sheet[0] + ", 2*sum(r_i*x_i) = " + sheet[1]
          + "; max abs difference " + scientific(maxAbs(g.w1() - sheet[0], g.w2() - sheet[1]))
          + ")");
    }

    // Full-batch gradient descent, one reused holder: w <- w - eta * grad f(w).
    double w1 = 0;
    double w2 = 0;
    var g = new Seed000RegressionDerivatives.LossGradient();
    double startLoss = loss(w1, w2, x, y);
    StringBuilder progress = new StringBuilder();
    for (int step = 1; step <= STEPS; step++) {
      Seed000RegressionDerivatives.lossGradient(w1, w2, x, y, g);
      w1 -= LEARNING_RATE * g.w1();
      w2 -= LEARNING_RATE * g.w2();
      if (step == 10 || step == 50 || step % 100 == 0) {
        progress.append(progress.length() == 0 ? "" : ", ").append(step).append(": ")
            .append(fixed(loss(w1, w2, x, y)));
      }
    }
    double[] exact = leastSquares(x, y);
    out.println("seed-000 descent  " + STEPS + " full-batch steps, learning rate " + LEARNING_RATE
        + ", from (0, 0): loss " + fixed(startLoss) + " -> " + progress);
    out.println("seed-000 fit      w1 = " + w1 + ", w2 = " + w2 + "  (true: " + TRUE_W1 + ", "
        + TRUE_W2 + "; closed-form least squares: " + exact[0] + ", " + exact[1] + ")");
    out.println("seed-000 fit      |descent - least squares| = "
        + scientific(maxAbs(w1 - exact[0], w2 - exact[1])) + ", |descent - true| = "
        + fixed(Math.abs(w1 - TRUE_W1)) + ", " + fixed(Math.abs(w2 - TRUE_W2))
        + " (the noise's doing)");
  }

  /**
   * The factor vectors of the example, drawn uniformly from [−1, 1).
   *
   * @return {p, q}
   */
  static double[][] factors() {
    Random random = new Random(FACTOR_SEED);
    double[] p = new double[FACTORS];
    double[] q = new double[FACTORS];
    for (int i = 0; i < FACTORS; i++) {
      p[i] = -1 + 2 * random.nextDouble();
      q[i] = -1 + 2 * random.nextDouble();
    }
    return new double[][] {p, q};
  }

  /**
   * The sheet's gradients of the factorisation loss, ∂f/∂p = l1·p/‖p‖ − 2(r − q·p)·q and ∂f/∂q =
   * l2·q/‖q‖ − 2(r − q·p)·p.
   *
   * @return {∂f/∂p, ∂f/∂q}
   */
  static double[][] sheetFactorGradients(
      double r, double[] p, double[] q, double l1, double l2) {
    double dot = 0;
    double pp = 0;
    double qq = 0;
    for (int i = 0; i < p.length; i++) {
      dot += q[i] * p[i];
      pp += p[i] * p[i];
      qq += q[i] * q[i];
    }
    double normP = Math.sqrt(pp);
    double normQ = Math.sqrt(qq);
    double[] dp = new double[p.length];
    double[] dq = new double[q.length];
    for (int i = 0; i < p.length; i++) {
      dp[i] = l1 * p[i] / normP - 2 * (r - dot) * q[i];
      dq[i] = l2 * q[i] / normQ - 2 * (r - dot) * p[i];
    }
    return new double[][] {dp, dq};
  }

  private static void printFactorisation(PrintStream out) {
    double[][] pq = factors();
    double[] p = pq[0];
    double[] q = pq[1];
    out.println("seed-000 factors  f(p, q) = (r - q.p)^2 + l1*||p|| + l2*||q||, r = " + RATING
        + ", l1 = " + L1 + ", l2 = " + L2 + ", p = " + Arrays.toString(p) + ", q = "
        + Arrays.toString(q) + " (java.util.Random(" + FACTOR_SEED + "))");
    var g = Seed000RegressionDerivatives.factorisationGradient(RATING, p, q, L1, L2);
    double[][] sheet = sheetFactorGradients(RATING, p, q, L1, L2);
    out.println("seed-000 factors  f = " + g.value() + "  (plain Java: "
        + factorisation(RATING, p, q, L1, L2) + ")");
    out.println("seed-000 factors  df/dp = " + Arrays.toString(g.p()) + "  (Fluxion)");
    out.println("seed-000 factors  sheet df/dp = " + Arrays.toString(sheet[0])
        + "  (l1*p/||p|| - 2(r - q.p)q)");
    out.println("seed-000 factors  df/dq = " + Arrays.toString(g.q()) + "  (Fluxion)");
    out.println("seed-000 factors  sheet df/dq = " + Arrays.toString(sheet[1])
        + "  (l2*q/||q|| - 2(r - q.p)p)");
    double worst = 0;
    for (int i = 0; i < FACTORS; i++) {
      worst = Math.max(worst, maxAbs(g.p()[i] - sheet[0][i], g.q()[i] - sheet[1][i]));
    }
    out.println("seed-000 factors  max abs difference Fluxion vs sheet = " + scientific(worst));
  }

  private static double maxAbs(double a, double b) {
    return Math.max(Math.abs(a), Math.abs(b));
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
    new Seed000Regression().run(System.out);
  }
}
