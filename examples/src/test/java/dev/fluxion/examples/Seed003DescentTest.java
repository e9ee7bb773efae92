package dev.fluxion.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the numbers the seed-003 example prints: the descent's iterates exactly, the network's
 * gradients against the sheet's backprop formulas (recomputed here) and finite differences, and
 * the training losses.
 */
class Seed003DescentTest {

  private static final double TIGHT = 1e-12;

  private static final double[] W = {0.7, -0.3};

  private static final double[][] U = {{0.5, -0.4}, {0.3, 0.9}};

  private static PrintedOutput printed;

  private static String output;

  @BeforeAll
  static void runExample() {
    printed = PrintedOutput.of(new Seed003Descent());
    output = printed.text();
  }

  private static String line(String prefix) {
    return printed.line(prefix);
  }

  private static double number(String prefix, String label) {
    return printed.number(prefix, label);
  }

  private static double[] group(String prefix, String label) {
    return printed.group(prefix, label, "[(");
  }

  @Test
  void printsHeadingThenLinesThatBeginWithTheSeedName() {
    String[] lines = output.split("\\R");
    assertTrue(lines[0].startsWith("== seed-003"), lines[0]);
    for (int i = 1; i < lines.length; i++) {
      assertTrue(lines[i].startsWith("seed-003 "), "line " + i + ": " + lines[i]);
    }
  }

  @Test
  void descentReachesTheSheetsIteratesExactly() {
    double[][] from = {{6, 6}, {9, 3}, {8, 4}};
    double[][] gradients = {{-6, 6}, {3, -3}, {0, 0}};
    double[][] to = {{9, 3}, {8, 4}, {8, 4}};
    for (int k = 0; k < 3; k++) {
      String prefix = "seed-003 step " + (k + 1) + "  alpha = 1/" + (k + 2) + " ";
      assertArrayEquals(from[k], group(prefix, "grad f"), 0);
      assertArrayEquals(gradients[k], group(prefix, ") = "), 0);
      assertArrayEquals(gradients[k], group(prefix, "sheet: grad f = "), 0);
      assertArrayEquals(to[k], group(prefix, "->  x(" + (k + 1) + ") = "), 0);
      assertArrayEquals(to[k], group(prefix, ", x(" + (k + 1) + ") = "), 0);
      // Fluxion's gradient there, again, against the hand-derived (2(x1 - 6) - x2, 2 x2 - x1).
      var g = Seed003DescentDerivatives.fGradient(from[k][0], from[k][1]);
      assertEquals(2 * (from[k][0] - 6) - from[k][1], g.x1(), 0);
      assertEquals(2 * from[k][1] - from[k][0], g.x2(), 0);
    }
    String minimum = "seed-003 minimum";
    assertArrayEquals(new double[] {8, 4}, group(minimum, "f"), 0);
    assertEquals(-12.0, number(minimum, ") ="), 0);
    assertArrayEquals(new double[] {0, 0}, group(minimum, "grad f = "), 0);
  }

  /** The sheet's backprop, written out again here: {dL/dw1, dL/dw2, dL/du11, du12, du21, du22}. */
  private static double[] sheetBackprop(double[] w, double[][] u, double x, double[] y) {
    double z1 = Math.max(0, w[0] * x);
    double z2 = Math.max(0, w[1] * x);
    double a1 = z1 * u[0][0] + z2 * u[1][0];
    double a2 = z1 * u[0][1] + z2 * u[1][1];
    double f1 = Math.exp(a1) / (Math.exp(a1) + Math.exp(a2));
    double f2 = Math.exp(a2) / (Math.exp(a1) + Math.exp(a2));
    double e1 = f1 - y[0];
    double e2 = f2 - y[1];
    // g2 = (diag(f) - f f^T) e, written out for two classes.
    double g21 = e1 * f1 * (1 - f1) - e2 * f1 * f2;
    double g22 = e2 * f2 * (1 - f2) - e1 * f1 * f2;
    double dw1 = (u[0][0] * g21 + u[0][1] * g22) * (w[0] * x > 0 ? 1 : 0) * x;
    double dw2 = (u[1][0] * g21 + u[1][1] * g22) * (w[1] * x > 0 ? 1 : 0) * x;
    return new double[] {dw1, dw2, z1 * g21, z1 * g22, z2 * g21, z2 * g22};
  }

  @Test
  void networkGradientsMatchTheSheetsBackpropAndFiniteDifferences() {
    double[] inputs = {1.2, -0.8};
    double[][] targets = {{1, 0}, {0, 1}};
    for (int s = 0; s < 2; s++) {
      double x = inputs[s];
      double[] y = targets[s];
      String at = "seed-003 x = " + x + " ";
      double[] expected = sheetBackprop(W, U, x, y);
      double[] dw = group(at + " dL/dw", "dL/dw = ");
      double[] du = group(at + " dL/du", "dL/du = ");
      assertArrayEquals(Arrays.copyOfRange(expected, 0, 2), dw, TIGHT, at);
      assertArrayEquals(Arrays.copyOfRange(expected, 2, 6), du, TIGHT, at);
      assertArrayEquals(Arrays.copyOfRange(expected, 0, 2),
          group(at + " sheet (sum_j", "*x = "), TIGHT, at);
      assertArrayEquals(Arrays.copyOfRange(expected, 2, 6),
          group(at + " sheet z_k", "g2_j = "), TIGHT, at);
      assertTrue(number(at + " max abs", "Fluxion vs sheet =") < TIGHT);
      // The ReLU that is off passes no gradient to its w nor to its row of u.
      int off = x > 0 ? 1 : 0;
      assertEquals(0.0, dw[off], 0);
      assertEquals(0.0, du[2 * off], 0);
      assertEquals(0.0, du[2 * off + 1], 0);
      assertTrue(dw[1 - off] != 0, at);
      // Central differences on the loss.
      double h = 1e-6;
      for (int k = 0; k < 2; k++) {
        double[] plus = W.clone();
        double[] minus = W.clone();
        plus[k] += h;
        minus[k] -= h;
        assertEquals((Seed003Descent.networkLoss(plus, U, x, y)
            - Seed003Descent.networkLoss(minus, U, x, y)) / (2 * h), dw[k], 1e-9);
        for (int j = 0; j < 2; j++) {
          double[][] uPlus = {U[0].clone(), U[1].clone()};
          double[][] uMinus = {U[0].clone(), U[1].clone()};
          uPlus[k][j] += h;
          uMinus[k][j] -= h;
          assertEquals((Seed003Descent.networkLoss(W, uPlus, x, y)
              - Seed003Descent.networkLoss(W, uMinus, x, y)) / (2 * h), du[2 * k + j], 1e-9);
        }
      }
      double value = number(at + " y", "L =");
      assertEquals(Seed003Descent.networkLoss(W, U, x, y), value, 0);
      double a1 = Math.max(0, W[0] * x) * U[0][0] + Math.max(0, W[1] * x) * U[1][0];
      double a2 = Math.max(0, W[0] * x) * U[0][1] + Math.max(0, W[1] * x) * U[1][1];
      double f1 = 1 / (1 + Math.exp(a2 - a1));
      assertEquals(0.5 * ((f1 - y[0]) * (f1 - y[0]) + (1 - f1 - y[1]) * (1 - f1 - y[1])), value,
          TIGHT);
    }
  }

  @Test
  void fullBatchGradientIsTheMeanOfTheSampleGradients() {
    double[][] set = Seed003Descent.trainingSet();
    double[] xs = set[0];
    double[][] ys = Arrays.copyOfRange(set, 1, set.length);
    for (double x : xs) {
      assertTrue(Math.abs(x) >= 0.25 && Math.abs(x) < 2, "x = " + x);
    }
    // Fluxion through meanLoss's loop of calls, against the sum of the per-sample pullbacks, each
    // adding (1/n)·∇L_i, and against central differences.
    var mean = Seed003DescentDerivatives.meanLossGradient(W, U, xs, ys);
    var batch = new Seed003DescentDerivatives.NetworkLossGradient();
    for (int i = 0; i < xs.length; i++) {
      Seed003DescentDerivatives.networkLossPullback(W, U, xs[i], ys[i], 1.0 / xs.length, batch);
    }
    assertEquals(Seed003Descent.meanLoss(W, U, xs, ys), mean.value(), 0);
    assertArrayEquals(batch.w(), mean.w(), TIGHT);
    assertArrayEquals(batch.u()[0], mean.u()[0], TIGHT);
    assertArrayEquals(batch.u()[1], mean.u()[1], TIGHT);
    double h = 1e-6;
    for (int k = 0; k < 2; k++) {
      double[] plus = W.clone();
      double[] minus = W.clone();
      plus[k] += h;
      minus[k] -= h;
      assertEquals((Seed003Descent.meanLoss(plus, U, xs, ys)
          - Seed003Descent.meanLoss(minus, U, xs, ys)) / (2 * h), batch.w()[k], 1e-9);
      for (int j = 0; j < 2; j++) {
        double[][] uPlus = {U[0].clone(), U[1].clone()};
        double[][] uMinus = {U[0].clone(), U[1].clone()};
        uPlus[k][j] += h;
        uMinus[k][j] -= h;
        assertEquals((Seed003Descent.meanLoss(W, uPlus, xs, ys)
            - Seed003Descent.meanLoss(W, uMinus, xs, ys)) / (2 * h), batch.u()[k][j], 1e-9);
      }
    }
  }

  @Test
  void theRuntimesSgdStepsExactlyAsWMinusRateTimesGradient() {
    double[][] set = Seed003Descent.trainingSet();
    double[] xs = set[0];
    double[][] ys = Arrays.copyOfRange(set, 1, set.length);
    double[] w = W.clone();
    double[][] u = {U[0].clone(), U[1].clone()};
    var g = new Seed003DescentDerivatives.MeanLossGradient();
    for (int t = 0; t < 20; t++) {
      Seed003DescentDerivatives.meanLossGradient(w, u, xs, ys, g);
      for (int k = 0; k < 2; k++) {
        w[k] -= 0.5 * g.w()[k];
        for (int j = 0; j < 2; j++) {
          u[k][j] -= 0.5 * g.u()[k][j];
        }
      }
    }
    var trained = Seed003Descent.fullBatch(xs, ys, 20);
    assertArrayEquals(w, trained.w(), 0);
    assertArrayEquals(u[0], trained.u()[0], 0);
    assertArrayEquals(u[1], trained.u()[1], 0);
  }

  @Test
  void trainingLossesAreTheTrainedWeightsLosses() {
    double[][] set = Seed003Descent.trainingSet();
    double[] xs = set[0];
    double[][] ys = Arrays.copyOfRange(set, 1, set.length);
    int n = Seed003Descent.UPDATES;
    double start = number("seed-003 train   8 samples", "mean loss");
    var gd = Seed003Descent.fullBatch(xs, ys, n);
    var sgd = Seed003Descent.stochastic(xs, ys, n);
    var sgdSameWork = Seed003Descent.stochastic(xs, ys, n * xs.length);
    double gdLoss = number("seed-003 train   full-batch GD", "mean loss");
    double sgdLoss = number("seed-003 train   SGD, " + n + " ", "mean loss");
    double sgdSameWorkLoss = number("seed-003 train   SGD, " + n * xs.length + " ", "mean loss");
    assertEquals(Seed003Descent.meanLoss(W, U, xs, ys), start, 5e-7);
    assertEquals(Seed003Descent.meanLoss(gd.w(), gd.u(), xs, ys), gdLoss, 5e-7);
    assertEquals(Seed003Descent.meanLoss(sgd.w(), sgd.u(), xs, ys), sgdLoss, 5e-7);
    assertEquals(Seed003Descent.meanLoss(sgdSameWork.w(), sgdSameWork.u(), xs, ys),
        sgdSameWorkLoss, 5e-7);
    // Both learn; with the same number of sample gradients, SGD gets further here.
    assertTrue(gdLoss < start / 5 && sgdLoss < start / 5, output);
    assertTrue(sgdSameWorkLoss < gdLoss, output);
    // The loss curves end at the printed losses.
    assertEquals(gdLoss, gd.losses()[n], 5e-7);
    assertEquals(sgdSameWorkLoss, sgdSameWork.losses()[n * xs.length], 5e-7);
    assertEquals(start, gd.losses()[0], 5e-7);
    printed.plot("seed-003 plot    loss curves of SGD and full-batch GD");
    // Training works on copies: the example's starting weights are untouched.
    assertArrayEquals(W, Seed003Descent.W, 0);
    assertArrayEquals(U[0], Seed003Descent.U[0], 0);
    assertArrayEquals(U[1], Seed003Descent.U[1], 0);
  }
}
