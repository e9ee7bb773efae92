package dev.fluxion.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the numbers the seed-000 example prints: recomputed here from the sheet's formulas, by
 * finite differences, and by least squares, independently of the example's own helpers.
 */
class Seed000RegressionTest {

  private static final double TIGHT = 1e-12;

  /** The label of the loss after the last epoch, in the training runs' progress lines. */
  private static final String EPOCHS_LABEL = " " + Seed000Regression.EPOCHS + ":";

  private static final Pattern NUMBER = Pattern.compile("-?[0-9][0-9.]*(?:E-?[0-9]+)?");

  private static PrintedOutput printed;

  private static String output;

  private static double[] x;

  private static double[] y;

  @BeforeAll
  static void runExample() {
    printed = PrintedOutput.of(new Seed000Regression());
    output = printed.text();
    double[][] data = Seed000Regression.data();
    x = data[0];
    y = data[1];
  }

  private static String line(String prefix) {
    return printed.line(prefix);
  }

  private static double number(String prefix, String label) {
    return printed.number(prefix, label);
  }

  private static double[] vector(String prefix, String label) {
    return printed.group(prefix, label, "[");
  }

  private static double sumOfSquares(double w1, double w2) {
    double f = 0;
    for (int i = 0; i < x.length; i++) {
      double r = w1 + w2 * x[i] - y[i];
      f += r * r;
    }
    return f;
  }

  @Test
  void printsHeadingThenLinesThatBeginWithTheSeedName() {
    String[] lines = output.split("\\R");
    assertTrue(lines[0].startsWith("== seed-000"), lines[0]);
    for (int i = 1; i < lines.length; i++) {
      assertTrue(lines[i].startsWith("seed-000 "), "line " + i + ": " + lines[i]);
    }
  }

  @Test
  void dataIsDrawnAroundTheTrueWeights() {
    assertEquals(Seed000Regression.POINTS, x.length);
    double worst = 0;
    for (int i = 0; i < x.length; i++) {
      assertTrue(x[i] >= -2 && x[i] < 2, "x_" + i + " = " + x[i]);
      worst = Math.max(worst, Math.abs(y[i] - (1.5 - 0.7 * x[i])));
    }
    assertTrue(worst < 5 * 0.1, "largest residual at the true weights " + worst);
  }

  @Test
  void gradientsMatchTheSheetsClosedFormsAndFiniteDifferences() {
    double[][] points = {{0, 0}, {1.5, -0.7}};
    String[] prefixes = {"seed-000 grad start", "seed-000 grad true "};
    for (int k = 0; k < points.length; k++) {
      double w1 = points[k][0];
      double w2 = points[k][1];
      // The sheet: df/dw1 = 2 sum(w1 + w2 x_i - y_i), df/dw2 = 2 sum((w1 + w2 x_i - y_i) x_i).
      double d1 = 0;
      double d2 = 0;
      for (int i = 0; i < x.length; i++) {
        d1 += 2 * (w1 + w2 * x[i] - y[i]);
        d2 += 2 * (w1 + w2 * x[i] - y[i]) * x[i];
      }
      String prefix = prefixes[k];
      assertEquals(sumOfSquares(w1, w2), number(prefix, "f ="), TIGHT * 100);
      assertEquals(d1, number(prefix, "df/dw1"), TIGHT * Math.max(1, Math.abs(d1)));
      assertEquals(d2, number(prefix, "df/dw2"), TIGHT * Math.max(1, Math.abs(d2)));
      assertEquals(d1, number(prefix, "2*sum(r_i)"), TIGHT * Math.max(1, Math.abs(d1)));
      assertEquals(d2, number(prefix, "2*sum(r_i*x_i)"), TIGHT * Math.max(1, Math.abs(d2)));
      assertTrue(number(prefix, "max abs difference") < TIGHT, line(prefix));
      // A quadratic: central differences are exact up to rounding.
      double h = 1e-4;
      assertEquals((sumOfSquares(w1 + h, w2) - sumOfSquares(w1 - h, w2)) / (2 * h),
          number(prefix, "df/dw1"), 1e-7);
      assertEquals((sumOfSquares(w1, w2 + h) - sumOfSquares(w1, w2 - h)) / (2 * h),
          number(prefix, "df/dw2"), 1e-7);
    }
  }

  @Test
  void descentRecoversTheTrueWeightsAndTheLeastSquaresSolution() {
    String prefix = "seed-000 fit      w1";
    double w1 = number(prefix, "w1");
    double w2 = number(prefix, "w2");
    assertEquals(1.5, w1, 0.05);
    assertEquals(-0.7, w2, 0.05);
    double[] exact = leastSquares(x, y);
    double lsW1 = exact[0];
    double lsW2 = exact[1];
    assertEquals(lsW1, w1, 1e-12);
    assertEquals(lsW2, w2, 1e-12);
    assertEquals(lsW1, number(prefix, "least squares:"), 1e-12);
    assertEquals(lsW2, vectorAfterLeastSquares(line(prefix))[1], 1e-12);
    assertTrue(number("seed-000 fit      |descent", "least squares| =") < 1e-12);
    // The same fit, rerun: the printed weights are what gradient descent with Fluxion gives.
    var g = new Seed000RegressionDerivatives.LossGradient();
    double v1 = 0;
    double v2 = 0;
    for (int step = 0; step < Seed000Regression.STEPS; step++) {
      Seed000RegressionDerivatives.lossGradient(v1, v2, x, y, g);
      v1 -= Seed000Regression.LEARNING_RATE * g.w1();
      v2 -= Seed000Regression.LEARNING_RATE * g.w2();
    }
    assertEquals(v1, w1, 0);
    assertEquals(v2, w2, 0);
  }

  private static double[] vectorAfterLeastSquares(String line) {
    String tail = line.substring(line.indexOf("least squares:") + "least squares:".length());
    Matcher m = NUMBER.matcher(tail);
    double[] values = new double[2];
    for (int i = 0; i < 2; i++) {
      assertTrue(m.find(), line);
      values[i] = Double.parseDouble(m.group());
    }
    return values;
  }

  @Test
  void descentLossFallsToTheMinimum() {
    String line = line("seed-000 descent");
    Matcher m = Pattern.compile("(?:loss |: )([0-9]+\\.[0-9]{6})").matcher(line);
    List<Double> losses = new ArrayList<>();
    while (m.find()) {
      losses.add(Double.parseDouble(m.group(1)));
    }
    assertEquals(6, losses.size(), line);
    assertEquals(String.format(Locale.ROOT, "%.6f", sumOfSquares(0, 0)),
        String.format(Locale.ROOT, "%.6f", losses.get(0)));
    for (int i = 1; i < losses.size(); i++) {
      assertTrue(losses.get(i) <= losses.get(i - 1), line);
    }
    double w1 = number("seed-000 fit      w1", "w1");
    double w2 = number("seed-000 fit      w1", "w2");
    assertEquals(sumOfSquares(w1, w2), losses.get(losses.size() - 1), 1e-6);
  }

  @Test
  void factorisationGradientsMatchTheSheetsFormulas() {
    double[][] pq = Seed000Regression.factors();
    double[] p = pq[0];
    double[] q = pq[1];
    assertArrayEquals(p, vector("seed-000 factors  f(p, q)", "p ="), 0);
    assertArrayEquals(q, vector("seed-000 factors  f(p, q)", "q ="), 0);
    double r = 4;
    double l1 = 0.1;
    double l2 = 0.2;
    double dot = q[0] * p[0] + q[1] * p[1] + q[2] * p[2];
    double normP = Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
    double normQ = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2]);
    double f = (r - dot) * (r - dot) + l1 * normP + l2 * normQ;
    double[] dp = new double[3];
    double[] dq = new double[3];
    for (int i = 0; i < 3; i++) {
      dp[i] = l1 * p[i] / normP - 2 * (r - dot) * q[i];
      dq[i] = l2 * q[i] / normQ - 2 * (r - dot) * p[i];
    }
    assertEquals(f, number("seed-000 factors  f =", "f ="), TIGHT);
    assertEquals(f, number("seed-000 factors  f =", "plain Java:"), TIGHT);
    assertArrayEquals(dp, vector("seed-000 factors  df/dp", "df/dp ="), TIGHT);
    assertArrayEquals(dq, vector("seed-000 factors  df/dq", "df/dq ="), TIGHT);
    assertArrayEquals(dp, vector("seed-000 factors  sheet df/dp", "df/dp ="), TIGHT);
    assertArrayEquals(dq, vector("seed-000 factors  sheet df/dq", "df/dq ="), TIGHT);
    assertTrue(number("seed-000 factors  max abs", "Fluxion vs sheet =") < TIGHT);
    // And by central differences on the loss itself.
    double h = 1e-6;
    for (int i = 0; i < 3; i++) {
      double[] pPlus = p.clone();
      double[] pMinus = p.clone();
      pPlus[i] += h;
      pMinus[i] -= h;
      assertEquals((Seed000Regression.factorisation(r, pPlus, q, l1, l2)
          - Seed000Regression.factorisation(r, pMinus, q, l1, l2)) / (2 * h), dp[i], 1e-7);
      double[] qPlus = q.clone();
      double[] qMinus = q.clone();
      qPlus[i] += h;
      qMinus[i] -= h;
      assertEquals((Seed000Regression.factorisation(r, p, qPlus, l1, l2)
          - Seed000Regression.factorisation(r, p, qMinus, l1, l2)) / (2 * h), dq[i], 1e-7);
    }
  }

  /** The least-squares line {w1, w2} by the normal equations, solved by Cramer's rule. */
  private static double[] leastSquares(double[] xs, double[] ys) {
    double n = xs.length;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < xs.length; i++) {
      sx += xs[i];
      sy += ys[i];
      sxx += xs[i] * xs[i];
      sxy += xs[i] * ys[i];
    }
    double det = n * sxx - sx * sx;
    return new double[] {(sy * sxx - sx * sxy) / det, (n * sxy - sx * sy) / det};
  }

  /** The least-squares line through the training runs' data. */
  private static double[] trainingLeastSquares() {
    double[][] data = Seed000Regression.trainingData();
    return leastSquares(data[0], data[1]);
  }

  private static double trainingLoss(double[] w) {
    double[][] data = Seed000Regression.trainingData();
    double sum = 0;
    for (int i = 0; i < data[0].length; i++) {
      double r = w[0] + w[1] * data[0][i] - data[1][i];
      sum += r * r;
    }
    return sum / data[0].length;
  }

  @Test
  void everyTrainingRunRecoversTheTrueWeights() {
    double[] exact = trainingLeastSquares();
    String[] runs = {"full-batch GD", "mini-batch GD", "stochastic GD"};
    double[] tolerances = {1e-9, 1e-3, 1e-3};
    for (int k = 0; k < runs.length; k++) {
      String prefix = "seed-000 weights  " + runs[k];
      double[] w = vector(prefix, "w =");
      assertEquals(1.5, w[0], 0.05, line(prefix));
      assertEquals(-0.7, w[1], 0.05, line(prefix));
      assertArrayEquals(exact, w, tolerances[k], line(prefix));
      double distance = Math.max(Math.abs(w[0] - exact[0]), Math.abs(w[1] - exact[1]));
      assertEquals(distance, number(prefix, "|w - least squares| ="), 0.051 * distance);
      // The loss printed after the last epoch is the loss at the printed weights.
      assertEquals(trainingLoss(w), number("seed-000 " + runs[k] + " ", EPOCHS_LABEL), 5e-7);
    }
    String exactLine = "seed-000 weights  least squares";
    assertArrayEquals(exact, vector(exactLine, "w ="), 1e-12);
    assertEquals(trainingLoss(exact), number(exactLine, "L ="), 5e-7);
  }

  @Test
  void fullBatchDescentIsPlainGradientDescentOnTheMeanLoss() {
    // Rerun here with the generated gradient and w <- w - 0.2 grad: the printed weights, exactly.
    double[][] data = Seed000Regression.trainingData();
    double[] w = {0, 0};
    var g = new Seed000RegressionDerivatives.MeanSquaredErrorGradient();
    for (int epoch = 0; epoch < Seed000Regression.EPOCHS; epoch++) {
      // The example visits the points in a shuffled order: the mean is the same up to rounding.
      Seed000RegressionDerivatives.meanSquaredErrorGradient(w, data[0], data[1], g);
      w[0] -= 0.2 * g.w()[0];
      w[1] -= 0.2 * g.w()[1];
    }
    assertArrayEquals(w, vector("seed-000 weights  full-batch GD", "w ="), 1e-12);
  }

  @Test
  void stochasticAndMiniBatchDescentReachTheFloorInFewerEpochs() {
    double floor = trainingLoss(trainingLeastSquares());
    double full = number("seed-000 full-batch GD ", "1:");
    double mini = number("seed-000 mini-batch GD ", "1:");
    double stochastic = number("seed-000 stochastic GD ", "1:");
    assertEquals(number("seed-000 full-batch GD ", "epoch 0:"), trainingLoss(new double[2]), 5e-7);
    assertTrue(stochastic < mini && mini < full, "after one epoch: " + full + ", " + mini + ", "
        + stochastic);
    assertTrue(stochastic < 2 * floor, "SGD after one epoch: " + stochastic);
    assertTrue(full > 50 * floor, "full-batch GD after one epoch: " + full);
  }

  @Test
  void trainingLossesMatchTheRunsTheExampleMakes() {
    double[][] data = Seed000Regression.trainingData();
    var fits = Seed000Regression.fits(data[0], data[1]);
    String[] runs = {"full-batch GD", "mini-batch GD", "stochastic GD"};
    for (int k = 0; k < runs.length; k++) {
      assertArrayEquals(fits[k].w(), vector("seed-000 weights  " + runs[k], "w ="), 0);
      for (int epoch : new int[] {0, 1, 5, 10, 25, 50}) {
        assertEquals(fits[k].lossAfterEpoch(epoch),
            number("seed-000 " + runs[k] + " ", (epoch == 0 ? "epoch 0" : " " + epoch) + ":"),
            5e-7);
      }
      assertEquals(Seed000Regression.EPOCHS * (int) Math.ceil(200.0 / new int[] {200, 20, 1}[k])
          + 1, fits[k].losses().length);
    }
    printed.plot("seed-000 plot     loss curves of the three runs");
  }

  /** The sheet's gradient of one rating's loss, added into dp (for p_i) and dq (for q_u). */
  private static void addSheetGradient(
      double r, double[] p, double[] q, double[] dp, double[] dq) {
    double dot = 0;
    double pp = 0;
    double qq = 0;
    for (int f = 0; f < p.length; f++) {
      dot += q[f] * p[f];
      pp += p[f] * p[f];
      qq += q[f] * q[f];
    }
    for (int f = 0; f < p.length; f++) {
      dp[f] += 0.1 * p[f] / Math.sqrt(pp) - 2 * (r - dot) * q[f];
      dq[f] += 0.2 * q[f] / Math.sqrt(qq) - 2 * (r - dot) * p[f];
    }
  }

  @Test
  void ratingsGradientIsTheSumOfTheSheetsGradientsOverTheKnownRatings() {
    double[][] ratings = Seed000Regression.RATINGS;
    double[][][] start = Seed000Regression.startingFactors();
    double[][] p = start[0];
    double[][] q = start[1];
    double[][] dp = new double[p.length][2];
    double[][] dq = new double[q.length][2];
    for (int u = 0; u < ratings.length; u++) {
      for (int i = 0; i < ratings[u].length; i++) {
        if (ratings[u][i] > 0) {
          addSheetGradient(ratings[u][i], p[i], q[u], dp[i], dq[u]);
        }
      }
    }
    var g = Seed000RegressionDerivatives.ratingsLossGradient(ratings, p, q, 0.1, 0.2);
    for (int i = 0; i < p.length; i++) {
      assertArrayEquals(dp[i], g.p()[i], 1e-12, "item " + i);
    }
    for (int u = 0; u < q.length; u++) {
      assertArrayEquals(dq[u], g.q()[u], 1e-12, "user " + u);
    }
    String check = line("seed-000 ratings  at the start, GradientCheck");
    assertTrue(check.contains("gradient check passed: 22 components"), check);
    assertTrue(number("seed-000 ratings  at the start", "error") < 1e-6, check);
  }

  @Test
  void ratingsFitPredictsTheKnownRatingsAndPrintsItsLoss() {
    double[][] ratings = Seed000Regression.RATINGS;
    double[][][] fitted = Seed000Regression.fitRatings();
    double[][] p = fitted[0];
    double[][] q = fitted[1];
    double loss = Seed000Regression.ratingsLoss(ratings, p, q, 0.1, 0.2);
    assertEquals(loss, number("seed-000 ratings  Adam", "1500:"), 5e-7);
    double start = number("seed-000 ratings  Adam", "step 0:");
    double[][][] initial = Seed000Regression.startingFactors();
    assertEquals(Seed000Regression.ratingsLoss(ratings, initial[0], initial[1], 0.1, 0.2), start,
        5e-7);
    assertTrue(loss < start / 10, line("seed-000 ratings  Adam"));
    double squares = 0;
    int known = 0;
    for (int u = 0; u < ratings.length; u++) {
      double[] shown = PrintedOutput.numbers(line("seed-000 ratings  user " + u + ":")
          .replaceFirst("^.*q\\.p = ", "").replaceFirst("known:.*$", ""));
      assertEquals(ratings[u].length, shown.length);
      for (int i = 0; i < ratings[u].length; i++) {
        double predicted = 0;
        for (int f = 0; f < 2; f++) {
          predicted += q[u][f] * p[i][f];
        }
        assertEquals(predicted, shown[i], 0.005 + 1e-12, "user " + u + ", item " + i);
        if (ratings[u][i] > 0) {
          squares += (ratings[u][i] - predicted) * (ratings[u][i] - predicted);
          known++;
          assertEquals(ratings[u][i], predicted, 1.0, "user " + u + ", item " + i);
        }
      }
    }
    assertEquals(Math.sqrt(squares / known), number("seed-000 ratings  known", "RMS error"), 5e-7);
    printed.plot("seed-000 plot     loss curve of the ratings fit");
  }

  @Test
  void factorisationGradientLeavesTheArgumentsAlone() {
    double[][] pq = Seed000Regression.factors();
    double[] p = pq[0].clone();
    double[] q = pq[1].clone();
    Seed000RegressionDerivatives.factorisationGradient(4, p, q, 0.1, 0.2);
    assertArrayEquals(Seed000Regression.factors()[0], p, 0);
    assertArrayEquals(Seed000Regression.factors()[1], q, 0);
  }
}
