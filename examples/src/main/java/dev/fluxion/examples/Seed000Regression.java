package dev.fluxion.examples;

import dev.fluxion.Differentiable;
import dev.fluxion.train.Adam;
import dev.fluxion.train.GradientCheck;
import dev.fluxion.train.LearningRate;
import dev.fluxion.train.MiniBatches;
import dev.fluxion.train.Optimizer;
import dev.fluxion.train.Sgd;
import java.io.PrintStream;
import java.math.BigDecimal;
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
 *
 * <p>Then both are trained with the runtime's toolkit. The line is fitted to 200 synthetic points
 * three ways, by the same {@link Sgd} rule on {@link #meanSquaredError} with batches from {@link
 * MiniBatches}: full-batch (the whole set per step), mini-batch (20 points per step) and
 * stochastic (one point per step); each recovers the true weights, the least-squares solution up
 * to its batch noise. And a 5 × 6 ratings matrix with unknown entries is factorised by {@link
 * #ratingsLoss}, the sheet's loss summed over the known ratings, with {@link Adam}, after {@link
 * GradientCheck} has compared Fluxion's gradient with finite differences. Each run prints its
 * losses as it goes and draws its loss curve ({@link LineChart}).
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

  /** How many points the three training runs fit. */
  static final int TRAINING_POINTS = 200;

  /** The seed of the generator that draws the training runs' data. */
  static final long TRAINING_SEED = 2025;

  /** How many passes over the data each training run makes. */
  static final int EPOCHS = 50;

  /** The seed of the generator that shuffles the mini-batches. */
  static final long SHUFFLE_SEED = 7;

  /** The batch size of mini-batch gradient descent. */
  static final int MINI_BATCH = 20;

  /** The learning rate of full-batch gradient descent (for the mean, not the summed, loss). */
  static final double FULL_BATCH_RATE = 0.2;

  /** The first and last learning rates of mini-batch gradient descent's cosine schedule. */
  static final double[] MINI_BATCH_RATES = {0.1, 0.001};

  /** The first and last learning rates of stochastic gradient descent's cosine schedule. */
  static final double[] STOCHASTIC_RATES = {0.05, 0.0005};

  /**
   * A small ratings matrix, users by items, 0 where the rating is unknown: items 0–2 and 3–5 are
   * two kinds, users 0, 1 and 4 like the first, users 2 and 3 the second.
   */
  static final double[][] RATINGS = {
    {5, 4, 0, 1, 1, 0},
    {4, 0, 5, 1, 0, 1},
    {1, 1, 0, 5, 4, 4},
    {0, 1, 1, 4, 0, 5},
    {5, 5, 4, 0, 1, 0}
  };

  /** The number of factors per user and per item in the ratings fit. */
  static final int RANK = 2;

  /** The seed of the generator that draws the ratings fit's starting factors. */
  static final long RATINGS_SEED = 11;

  /** The learning rate of Adam in the ratings fit. */
  static final double RATINGS_RATE = 0.05;

  /** The number of Adam steps in the ratings fit. */
  static final int RATINGS_STEPS = 1500;

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

  /**
   * The regression loss as the three training runs use it: the mean squared residual of the line
   * w[0] + w[1]·x over a batch of points, so that one learning rate suits every batch size.
   *
   * @param w the intercept and the slope
   * @param x the batch's inputs
   * @param y the batch's targets, as many as inputs
   * @return (1/n) Σ (w[0] + w[1]·x_i − y_i)²
   */
  @Differentiable(wrt = {"w"})
  public static double meanSquaredError(double[] w, double[] x, double[] y) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double residual = w[0] + w[1] * x[i] - y[i];
      sum += residual * residual;
    }
    return sum / x.length;
  }

  /**
   * The sheet's factorisation loss summed over the known entries of a ratings matrix: rating r_ui
   * of user u for item i contributes {@link #factorisation}(r_ui, p_i, q_u, l1, l2), so each
   * factor vector's norm is weighted by how many known ratings it serves.
   *
   * @param ratings users by items, 0 where unknown
   * @param p the items' factors, one row per item
   * @param q the users' factors, one row per user
   * @param l1 the weight of ‖p_i‖₂
   * @param l2 the weight of ‖q_u‖₂
   * @return the summed loss
   */
  @Differentiable(wrt = {"p", "q"})
  public static double ratingsLoss(
      double[][] ratings, double[][] p, double[][] q, double l1, double l2) {
    double loss = 0;
    for (int u = 0; u < ratings.length; u++) {
      for (int i = 0; i < ratings[u].length; i++) {
        if (ratings[u][i] > 0) {
          loss += factorisation(ratings[u][i], p[i], q[u], l1, l2);
        }
      }
    }
    return loss;
  }

  @Override
  public String name() {
    return "seed-000";
  }

  @Override
  public String description() {
    return "sheet 000: regression and matrix-factorisation gradients vs the sheet; the line fitted"
        + " by full-batch, mini-batch and stochastic GD; a ratings matrix factorised by Adam";
  }

  @Override
  public void run(PrintStream out) {
    out.println("== seed-000: sheet 000, task 1: gradients of a regression loss and a"
        + " matrix-factorisation loss ==");
    printRegression(out);
    printFactorisation(out);
    printTraining(out);
    printRatings(out);
  }

  /**
   * The synthetic data: x uniform in [−2, 2), y = TRUE_W1 + TRUE_W2·x + NOISE·N(0, 1).
   *
   * @return {x, y}
   */
  static double[][] data() {
    return draw(POINTS, DATA_SEED);
  }

  /**
   * Draws {@code points} synthetic points from a generator seeded with {@code seed}: x uniform in
   * [−2, 2), y = TRUE_W1 + TRUE_W2·x + NOISE·N(0, 1).
   *
   * @return {x, y}
   */
  static double[][] draw(int points, long seed) {
    Random random = new Random(seed);
    double[] x = new double[points];
    double[] y = new double[points];
    for (int i = 0; i < points; i++) {
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

  /**
   * The training runs' data: x uniform in [−2, 2), y = TRUE_W1 + TRUE_W2·x + NOISE·N(0, 1), drawn
   * like {@link #data()} but more of it, from {@link #TRAINING_SEED}.
   *
   * @return {x, y}
   */
  static double[][] trainingData() {
    return draw(TRAINING_POINTS, TRAINING_SEED);
  }

  /**
   * One training run's outcome.
   *
   * @param w the fitted intercept and slope
   * @param losses the loss on all the data before the first step and after every step
   * @param stepsPerEpoch how many steps make an epoch
   */
  record Fit(double[] w, double[] losses, int stepsPerEpoch) {

    /** The loss on all the data after {@code epoch} epochs. */
    double lossAfterEpoch(int epoch) {
      return losses[epoch * stepsPerEpoch];
    }
  }

  /**
   * Fits the line to the data by {@link #EPOCHS} passes of gradient descent over shuffled
   * batches, with Fluxion's gradient of {@link #meanSquaredError} on each batch: full-batch
   * descent when the batch is the whole data set, stochastic when it is one point.
   *
   * @param batchSize the points per step
   * @param optimizer the update rule
   * @return the fitted weights and the loss after every step
   */
  static Fit fit(double[] x, double[] y, int batchSize, Optimizer optimizer) {
    var batches = new MiniBatches(x.length, batchSize, SHUFFLE_SEED);
    double[] xBatch = new double[batchSize];
    double[] yBatch = new double[batchSize];
    double[] w = {0, 0};
    var g = new Seed000RegressionDerivatives.MeanSquaredErrorGradient();
    double[] losses = new double[EPOCHS * batches.count() + 1];
    losses[0] = meanSquaredError(w, x, y);
    int step = 0;
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      batches.shuffle();
      for (int b = 0; b < batches.count(); b++) {
        batches.gather(b, x, xBatch);
        batches.gather(b, y, yBatch);
        Seed000RegressionDerivatives.meanSquaredErrorGradient(w, xBatch, yBatch, g);
        optimizer.step(w, g.w());
        losses[++step] = meanSquaredError(w, x, y);
      }
    }
    return new Fit(w, losses, batches.count());
  }

  /** The three training runs, in the order printed: full-batch, mini-batch, stochastic. */
  static Fit[] fits(double[] x, double[] y) {
    int miniBatchSteps = EPOCHS * TRAINING_POINTS / MINI_BATCH;
    int stochasticSteps = EPOCHS * TRAINING_POINTS;
    return new Fit[] {
      fit(x, y, TRAINING_POINTS, Sgd.plain(FULL_BATCH_RATE)),
      fit(x, y, MINI_BATCH, Sgd.plain(
          LearningRate.cosine(MINI_BATCH_RATES[0], MINI_BATCH_RATES[1], miniBatchSteps))),
      fit(x, y, 1, Sgd.plain(
          LearningRate.cosine(STOCHASTIC_RATES[0], STOCHASTIC_RATES[1], stochasticSteps)))
    };
  }

  private static void printTraining(PrintStream out) {
    double[][] data = trainingData();
    double[] x = data[0];
    double[] y = data[1];
    out.println("seed-000 train    " + TRAINING_POINTS + " points drawn as above from"
        + " java.util.Random(" + TRAINING_SEED + "); L(w) = 1/n sum_i (w[0] + w[1]*x_i - y_i)^2"
        + " on each batch, Fluxion's gradient (into-form); " + EPOCHS + " epochs from w = (0, 0),"
        + " batches shuffled by MiniBatches(seed " + SHUFFLE_SEED + ")");
    Fit[] fits = fits(x, y);
    String[] names = {"full-batch GD", "mini-batch GD", "stochastic GD"};
    String[] settings = {
      "batch " + TRAINING_POINTS + ", 1 step per epoch, Sgd.plain(" + FULL_BATCH_RATE + ")",
      "batch " + MINI_BATCH + ", " + TRAINING_POINTS / MINI_BATCH + " steps per epoch,"
          + " Sgd.plain(cosine " + plain(MINI_BATCH_RATES[0]) + " -> "
          + plain(MINI_BATCH_RATES[1]) + ")",
      "batch 1, " + TRAINING_POINTS + " steps per epoch, Sgd.plain(cosine "
          + plain(STOCHASTIC_RATES[0]) + " -> " + plain(STOCHASTIC_RATES[1]) + ")"
    };
    int[] shown = {1, 5, 10, 25, EPOCHS};
    for (int k = 0; k < fits.length; k++) {
      StringBuilder progress = new StringBuilder("0: " + fixed(fits[k].lossAfterEpoch(0)));
      for (int epoch : shown) {
        progress.append(", ").append(epoch).append(": ").append(fixed(fits[k].lossAfterEpoch(epoch)));
      }
      out.println("seed-000 " + names[k] + "  " + settings[k] + "; L by epoch " + progress);
    }
    double[] exact = leastSquares(x, y);
    for (int k = 0; k < fits.length; k++) {
      double[] w = fits[k].w();
      out.println("seed-000 weights  " + names[k] + ": w = " + Arrays.toString(w)
          + "  |w - least squares| = " + scientific(maxAbs(w[0] - exact[0], w[1] - exact[1]))
          + ", |w - true| = " + scientific(maxAbs(w[0] - TRUE_W1, w[1] - TRUE_W2)));
    }
    out.println("seed-000 weights  least squares (closed form): w = " + Arrays.toString(exact)
        + ", L = " + fixed(meanSquaredError(exact, x, y)) + "  (true: [" + TRUE_W1 + ", "
        + TRUE_W2 + "]; the noise, sd " + NOISE + ", keeps L near " + NOISE + "^2)");
    var chart = new LineChart("seed-000: linear regression, loss on all " + TRAINING_POINTS
        + " points", "epoch", "mean squared error (log scale)").logarithmicY();
    for (int k = 0; k < fits.length; k++) {
      double[] losses = fits[k].losses();
      double[] epochs = new double[losses.length];
      for (int step = 0; step < losses.length; step++) {
        epochs[step] = step / (double) fits[k].stepsPerEpoch();
      }
      chart.add(names[k], epochs, losses);
    }
    out.println("seed-000 plot     loss curves of the three runs: "
        + chart.save("seed-000-regression-loss"));
  }

  /**
   * The starting factors of the ratings fit, uniform in [0, 1).
   *
   * @return {p (items by RANK), q (users by RANK)}
   */
  static double[][][] startingFactors() {
    Random random = new Random(RATINGS_SEED);
    double[][] p = new double[RATINGS[0].length][RANK];
    double[][] q = new double[RATINGS.length][RANK];
    for (double[][] factors : new double[][][] {p, q}) {
      for (double[] row : factors) {
        for (int f = 0; f < RANK; f++) {
          row[f] = random.nextDouble();
        }
      }
    }
    return new double[][][] {p, q};
  }

  /**
   * The ratings fit: {@link #RATINGS_STEPS} Adam steps on {@link #ratingsLoss}, one optimizer
   * for the item factors and one for the user factors.
   *
   * @return {p, q, {the loss before the first step and after every step}}
   */
  static double[][][] fitRatings() {
    double[][][] start = startingFactors();
    double[][] p = start[0];
    double[][] q = start[1];
    var adamP = new Adam(RATINGS_RATE);
    var adamQ = new Adam(RATINGS_RATE);
    var g = new Seed000RegressionDerivatives.RatingsLossGradient();
    double[] losses = new double[RATINGS_STEPS + 1];
    for (int step = 0; step < RATINGS_STEPS; step++) {
      Seed000RegressionDerivatives.ratingsLossGradient(RATINGS, p, q, L1, L2, g);
      losses[step] = g.value();
      adamP.step(p, g.p());
      adamQ.step(q, g.q());
    }
    losses[RATINGS_STEPS] = ratingsLoss(RATINGS, p, q, L1, L2);
    return new double[][][] {p, q, {losses}};
  }

  /** The predicted rating of user u for item i, q_u·p_i. */
  static double predicted(double[][] p, double[][] q, int u, int i) {
    double dot = 0;
    for (int f = 0; f < RANK; f++) {
      dot += q[u][f] * p[i][f];
    }
    return dot;
  }

  private static void printRatings(PrintStream out) {
    int known = 0;
    for (double[] row : RATINGS) {
      for (double r : row) {
        known += r > 0 ? 1 : 0;
      }
    }
    int users = RATINGS.length;
    int items = RATINGS[0].length;
    out.println("seed-000 ratings  " + users + " users x " + items + " items, " + known + " of "
        + users * items + " ratings known (0 = unknown): " + Arrays.deepToString(RATINGS));
    out.println("seed-000 ratings  loss = sum over known r_ui of the sheet's f(p_i, q_u) = (r_ui -"
        + " q_u.p_i)^2 + l1*||p_i|| + l2*||q_u||, l1 = " + L1 + ", l2 = " + L2 + ", " + RANK
        + " factors each, starting uniform in [0, 1) (java.util.Random(" + RATINGS_SEED + "))");

    // The user's own check of the generated gradient, before trusting it for training.
    double[][][] start = startingFactors();
    var g = Seed000RegressionDerivatives.ratingsLossGradient(RATINGS, start[0], start[1], L1, L2);
    var report = GradientCheck.check(
        theta -> ratingsLoss(RATINGS, rows(theta, 0, items), rows(theta, items, users), L1, L2),
        flatten(start[0], start[1]), flatten(g.p(), g.q()));
    out.println("seed-000 ratings  at the start, GradientCheck: " + report);

    double[][][] fitted = fitRatings();
    double[][] p = fitted[0];
    double[][] q = fitted[1];
    double[] losses = fitted[2][0];
    StringBuilder progress = new StringBuilder();
    for (int step : new int[] {0, 100, 250, 500, 1000, RATINGS_STEPS}) {
      progress.append(progress.length() == 0 ? "" : ", ").append(step).append(": ")
          .append(fixed(losses[step]));
    }
    out.println("seed-000 ratings  Adam(" + RATINGS_RATE + ") on p and on q, " + RATINGS_STEPS
        + " steps: loss by step " + progress);
    double squares = 0;
    for (int u = 0; u < users; u++) {
      StringBuilder row = new StringBuilder();
      for (int i = 0; i < items; i++) {
        double r = predicted(p, q, u, i);
        String shown = String.format(Locale.ROOT, "%.2f", r);
        row.append(i == 0 ? "" : "  ").append(RATINGS[u][i] > 0 ? " " + shown + " " : "(" + shown + ")");
        if (RATINGS[u][i] > 0) {
          squares += (RATINGS[u][i] - r) * (RATINGS[u][i] - r);
        }
      }
      out.println("seed-000 ratings  user " + u + ": q.p = " + row + "   known: "
          + Arrays.toString(RATINGS[u]));
    }
    out.println("seed-000 ratings  known ratings fitted to RMS error " + fixed(Math.sqrt(squares
        / known)) + "; (in brackets) the unknown ones, predicted");
    int[] shown = LineChart.logSpacedSteps(RATINGS_STEPS);
    double[] steps = new double[shown.length];
    for (int k = 0; k < shown.length; k++) {
      steps[k] = shown[k];
    }
    var chart = new LineChart("seed-000: matrix factorisation of a " + users + " x " + items
        + " ratings matrix by Adam", "step (log scale)", "regularised loss")
        .logarithmicX().add("loss after each step", steps, LineChart.pick(losses, shown));
    out.println("seed-000 plot     loss curve of the ratings fit: "
        + chart.save("seed-000-ratings-loss"));
  }

  /** The rows of two matrices laid end to end. */
  static double[] flatten(double[][] a, double[][] b) {
    int length = 0;
    for (double[][] m : new double[][][] {a, b}) {
      for (double[] row : m) {
        length += row.length;
      }
    }
    double[] flat = new double[length];
    int at = 0;
    for (double[][] m : new double[][][] {a, b}) {
      for (double[] row : m) {
        System.arraycopy(row, 0, flat, at, row.length);
        at += row.length;
      }
    }
    return flat;
  }

  /** {@code count} rows of {@link #RANK} values each, read from {@code flat} at row {@code first}. */
  static double[][] rows(double[] flat, int first, int count) {
    double[][] rows = new double[count][];
    for (int r = 0; r < count; r++) {
      int from = (first + r) * RANK;
      rows[r] = Arrays.copyOfRange(flat, from, from + RANK);
    }
    return rows;
  }

  private static double maxAbs(double a, double b) {
    return Math.max(Math.abs(a), Math.abs(b));
  }

  private static String scientific(double value) {
    return String.format(Locale.ROOT, "%.1e", value);
  }

  /** A number as written in the source, never in E notation. */
  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
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
