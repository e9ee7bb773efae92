package dev.fluxion.examples;

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

  /** df6/dx = 2·f3·df3/dx with df3/dx = (2x·ln x − x) / ln² x, by hand. */
  private static double expectedDf6dx(double x, double c) {
    double ln = Math.log(x);
    double f3 = x * x / ln;
    return 2 * f3 * (2 * x * ln - x) / (ln * ln);
  }
}
