package dev.fluxion.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pins the numbers the seed-004 example prints, at x = 3, c = 5. */
class Seed004GraphTest {

  private static final double TIGHT = 1e-12;

  private static PrintedOutput printed;

  private static String output;

  @BeforeAll
  static void runExample() {
    printed = PrintedOutput.of(new Seed004Graph());
    output = printed.text();
  }

  private static double number(String prefix, String label) {
    return printed.number(prefix, label);
  }

  private static String line(String prefix) {
    return printed.line(prefix);
  }

  @Test
  void printsHeadingThenLinesThatBeginWithTheSeedName() {
    String[] lines = output.split("\\R");
    assertTrue(lines[0].startsWith("== seed-004"), lines[0]);
    for (int i = 1; i < lines.length; i++) {
      assertTrue(lines[i].startsWith("seed-004 "), "line " + i + ": " + lines[i]);
    }
  }

  @Test
  void df6dxToFullDoublePrecision() {
    String line = line("seed-004 df6/dx = ");
    double dfdx = number("seed-004 df6/dx = ", "df6/dx");
    assertEquals(48.75689335076091, dfdx, TIGHT);
    // Printed with Double.toString: every digit needed to round-trip the double.
    String full = Double.toString(Seed004GraphDerivatives.f6Gradient(3, 5).x());
    assertTrue(line.startsWith("seed-004 df6/dx = " + full + " "), line);
    assertTrue(full.length() >= 16, full);
    // The reference values shown for comparison.
    assertTrue(line.contains("PyTorch float32: 48.756893157958984"), line);
  }

  @Test
  void valueAndConstantPartial() {
    assertEquals(42.11137142490805, number("seed-004 f6 ", "f6"), TIGHT);
    assertEquals(42.11137142490805, number("seed-004 f6 ", "plain Java:"), TIGHT);
    assertEquals(-10.0, number("seed-004 df6/dc", "df6/dc"), TIGHT);
  }

  @Test
  void forwardValues() {
    String prefix = "seed-004 forward";
    assertEquals(9.0, number(prefix, "f1"), 0);
    assertEquals(Math.log(3), number(prefix, "f2"), TIGHT);
    assertEquals(8.192153039641536, number(prefix, "f3"), TIGHT);
    assertEquals(13.192153039641536, number(prefix, "f4"), TIGHT);
    assertEquals(3.1921530396415356, number(prefix, "f5"), TIGHT);
  }

  @Test
  void step1AdjointsOfF4AndF5AreEachOther() {
    double f4 = 13.192153039641536;
    double f5 = 3.1921530396415356;
    assertEquals(f5, number("seed-004 step 1  df6/df4", "df6/df4"), TIGHT);
    assertEquals(f5, number("seed-004 step 1  df6/df4", "= f5"), TIGHT);
    assertEquals(f4, number("seed-004 step 1  df6/df5", "df6/df5"), TIGHT);
    assertEquals(f4, number("seed-004 step 1  df6/df5", "= f4"), TIGHT);
  }

  @Test
  void step2AdjointOfF3() {
    assertEquals(1.0, number("seed-004 step 2  df4/df3", "df4/df3"), 0);
    assertEquals(1.0, number("seed-004 step 2  df4/df3", "df5/df3"), 0);
    String prefix = "seed-004 step 2  df6/df3";
    assertEquals(16.38430607928307, number(prefix, "df6/df3"), TIGHT);
    assertEquals(16.38430607928307, number(prefix, "df5/df3"), TIGHT); // the chained value
  }

  @Test
  void step3AdjointsOfF1AndF2() {
    double f2 = Math.log(3);
    double df6df3 = 16.38430607928307;
    assertEquals(1 / f2, number("seed-004 step 3  df3/df1", "df3/df1"), TIGHT);
    assertEquals(-9 / (f2 * f2), number("seed-004 step 3  df3/df1", "df3/df2"), TIGHT);
    assertEquals(df6df3 / f2, number("seed-004 step 3  df6/df1", "df6/df1"), TIGHT);
    assertEquals(14.913638094424012, number("seed-004 step 3  df6/df1", "df6/df1"), TIGHT);
    assertEquals(-df6df3 * 9 / (f2 * f2), number("seed-004 step 3  df6/df2", "df6/df2"), 1e-11);
    assertEquals(-122.17480564734949, number("seed-004 step 3  df6/df2", "df6/df2"), 1e-11);
  }

  @Test
  void step4ChainAgreesWithEndToEnd() {
    assertEquals(6.0, number("seed-004 step 4  df1/dx", "df1/dx"), 0);
    assertEquals(1.0 / 3, number("seed-004 step 4  df1/dx", "df2/dx"), TIGHT);
    String prefix = "seed-004 step 4  chain";
    assertEquals(48.75689335076091, number(prefix, "df2/dx"), TIGHT);
    assertEquals(48.75689335076091, number(prefix, "end to end:"), TIGHT);
  }

  @Test
  void nodeByNodePullbacksGiveTheSameAdjoints() {
    String prefix = "seed-004 pullbacks";
    assertEquals(16.38430607928307, number(prefix, "f3bar"), TIGHT);
    assertEquals(14.913638094424012, number(prefix, "f1bar"), TIGHT);
    assertEquals(-122.17480564734949, number(prefix, "f2bar"), 1e-11);
    assertEquals(48.75689335076091, number(prefix, "xbar"), TIGHT);
    assertEquals(14.913638094424012 * 6, number(prefix, "(="), 1e-11);
    assertEquals(-122.17480564734949 / 3, number(prefix, "via f1 +"), 1e-11);
  }

  @Test
  void finiteDifferencesAndPyTorchAgreeToTheirPrecision() {
    assertEquals(48.75689335076091, number("seed-004 check   central", ") ="), 1e-6);
    double torchDiff = number("seed-004 check   PyTorch", "differs by");
    assertTrue(torchDiff > 0 && torchDiff < Math.ulp(48.76f), "PyTorch difference " + torchDiff);
  }

  @Test
  void reusedHolderSweep() {
    String prefix = "seed-004 sweep";
    for (int x = 2; x <= 5; x++) {
      double expected = expectedDf6dx(x, 5);
      assertEquals(expected, number(prefix, "x = " + (double) x + ":"), 1e-12 * Math.abs(expected));
    }
  }

  // ---- task 2: Adam ----

  private static double[] vector(String prefix, String label) {
    return printed.group(prefix, label, "[");
  }

  /** ∇L(w) = (2/n) Σ (x_i·w − y_i) x_i, written out here. */
  private static double[] modelGradient(double[] w) {
    double[][] data = Seed004Graph.modelData();
    int n = data.length - 1;
    double[] y = data[n];
    double[] g = new double[w.length];
    for (int i = 0; i < n; i++) {
      double r = -y[i];
      for (int j = 0; j < w.length; j++) {
        r += data[i][j] * w[j];
      }
      for (int j = 0; j < w.length; j++) {
        g[j] += 2 * r * data[i][j] / n;
      }
    }
    return g;
  }

  @Test
  void adamsFirstStepIsMinusAlphaTimesTheSignOfTheGradient() {
    double alpha = 0.01;
    double[] w0 = vector("seed-004 adam     w0", "w0 =");
    double[] g1 = vector("seed-004 adam     w0", "g1 = grad L(w0) =");
    assertArrayEquals(new double[3], w0, 0);
    double[] expectedG1 = modelGradient(w0);
    for (int j = 0; j < 3; j++) {
      assertEquals(expectedG1[j], g1[j], 1e-12 * Math.abs(expectedG1[j]), "g1[" + j + "]");
    }
    double[] w1 = vector("seed-004 adam 1   w1", "w1 =");
    double[] sheet = vector("seed-004 adam 1   sheet (b)", "sign(g1) =");
    double worst = 0;
    for (int j = 0; j < 3; j++) {
      double closedForm = w0[j] - alpha * Math.signum(g1[j]);
      assertEquals(closedForm, sheet[j], 0);
      // g/(|g| + eps) is sign(g) up to eps/|g|.
      assertEquals(closedForm, w1[j], alpha * 1e-8 / Math.abs(g1[j]) + 1e-17, "w1[" + j + "]");
      worst = Math.max(worst, Math.abs(w1[j] - closedForm));
    }
    assertEquals(worst, number("seed-004 adam 1   sheet (b)", "max abs difference"), 0.051 * worst);
  }

  @Test
  void adamsSecondStepMatchesTheSheetsClosedForm() {
    double alpha = 0.01;
    double beta = 0.9;
    double gamma = 0.999;
    double[] g1 = vector("seed-004 adam     w0", "g1 = grad L(w0) =");
    double[] w1 = vector("seed-004 adam 1   w1", "w1 =");
    double[] g2 = vector("seed-004 adam     g2", "g2 = grad L(w1) =");
    double[] w2 = vector("seed-004 adam 2   w2", "w2 =");
    double[] sheet = vector("seed-004 adam 2   sheet (c)", "g2^2)) =");
    double[] expectedG2 = modelGradient(w1);
    for (int j = 0; j < 3; j++) {
      assertEquals(expectedG2[j], g2[j], 1e-12 * Math.abs(expectedG2[j]), "g2[" + j + "]");
      double closedForm = w1[j] - alpha * (beta * g1[j] + g2[j]) * Math.sqrt(1 + gamma)
          / ((1 + beta) * Math.sqrt(gamma * g1[j] * g1[j] + g2[j] * g2[j]));
      assertEquals(closedForm, sheet[j], 1e-16, "sheet w2[" + j + "]");
      // With eps = 1e-8 Adam's step differs from the eps-free closed form by about alpha eps/|g|.
      assertEquals(closedForm, w2[j], 2 * alpha * 1e-8 / Math.abs(g2[j]), "w2[" + j + "]");
      assertTrue(Math.abs(w2[j] - closedForm) < 1e-8, "w2[" + j + "]");
    }
  }

  /** The minimiser of L(w) + λ/2 |w|², (2/n XᵀX + λI) w = 2/n Xᵀy, by Cramer's rule. */
  private static double[] ridge(double lambda) {
    double[][] data = Seed004Graph.modelData();
    int n = data.length - 1;
    double[][] a = new double[3][3];
    double[] b = new double[3];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 3; j++) {
        b[j] += 2 * data[i][j] * data[n][i] / n;
        for (int k = 0; k < 3; k++) {
          a[j][k] += 2 * data[i][j] * data[i][k] / n;
        }
      }
    }
    for (int j = 0; j < 3; j++) {
      a[j][j] += lambda;
    }
    double det = determinant(a);
    double[] w = new double[3];
    for (int col = 0; col < 3; col++) {
      double[][] replaced = {a[0].clone(), a[1].clone(), a[2].clone()};
      for (int r = 0; r < 3; r++) {
        replaced[r][col] = b[r];
      }
      w[col] = determinant(replaced) / det;
    }
    return w;
  }

  private static double determinant(double[][] m) {
    return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  }

  @Test
  void adamWithL2EndsAtTheRidgeSolutionAndAdamWElsewhere() {
    double lambda = 0.1;
    double[] ridge = ridge(lambda);
    double[] l2 = vector("seed-004 adam+l2", "w =");
    double[] decoupled = vector("seed-004 adamw ", "w =");
    assertArrayEquals(ridge, l2, 1e-9);
    assertArrayEquals(ridge, vector("seed-004 decay    ridge", "closed form:"), 1e-12);
    // The ridge solution shrinks the small feature's weight; AdamW keeps it near the true 3.0.
    assertEquals(0.62, ridge[2], 0.01);
    assertEquals(3.0, decoupled[2], 0.1);
    assertEquals(1.0, decoupled[0], 0.05);
    assertEquals(0.2, decoupled[1], 0.01);
    double differ = 0;
    for (int j = 0; j < 3; j++) {
      differ = Math.max(differ, Math.abs(l2[j] - decoupled[j]));
    }
    assertTrue(differ > 2, "Adam + L2 and AdamW end " + differ + " apart");
    assertEquals(differ, number("seed-004 decay    they differ", "differ by up to"), 5e-7);
    // Each run's printed losses are its weights' losses; Adam + L2 has the lower penalised loss
    // (it minimises it), AdamW the lower data loss.
    double[] penalised = new double[2];
    double[] data = new double[2];
    String[] prefixes = {"seed-004 adam+l2", "seed-004 adamw "};
    double[][] weights = {l2, decoupled};
    for (int k = 0; k < 2; k++) {
      data[k] = loss(weights[k]);
      double squares = 0;
      for (double v : weights[k]) {
        squares += v * v;
      }
      penalised[k] = data[k] + 0.5 * lambda * squares;
      assertEquals(data[k], number(prefixes[k], "L(w) ="), 5e-7);
      assertEquals(penalised[k], number(prefixes[k], "L + lambda/2 |w|^2 ="), 5e-7);
      assertEquals(data[k], number(prefixes[k], "3000:"), 5e-7);
    }
    assertTrue(penalised[0] < penalised[1] && data[1] < data[0], output);
  }

  private static double loss(double[] w) {
    double[][] data = Seed004Graph.modelData();
    int n = data.length - 1;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double r = -data[n][i];
      for (int j = 0; j < w.length; j++) {
        r += data[i][j] * w[j];
      }
      sum += r * r;
    }
    return sum / n;
  }

  @Test
  void trainingIsPlotted() {
    printed.plot("seed-004 plot     loss curves of Adam + L2 and AdamW");
    printed.plot("seed-004 plot     the weights of both runs");
  }

  /** df6/dx = 2·f3·df3/dx with df3/dx = (2x·ln x − x) / ln² x, by hand. */
  private static double expectedDf6dx(double x, double c) {
    double ln = Math.log(x);
    double f3 = x * x / ln;
    return 2 * f3 * (2 * x * ln - x) / (ln * ln);
  }
}
