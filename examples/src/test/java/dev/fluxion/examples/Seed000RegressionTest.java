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
    // Least squares by the normal equations, solved here by Cramer's rule.
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
    double det = n * sxx - sx * sx;
    double lsW1 = (sy * sxx - sx * sxy) / det;
    double lsW2 = (n * sxy - sx * sy) / det;
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
