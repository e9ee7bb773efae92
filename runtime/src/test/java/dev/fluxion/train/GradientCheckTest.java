package dev.fluxion.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The gradient check finds a wrong component and names it, and passes right gradients. */
class GradientCheckTest {

  /** f(x) = Σ e^(x_i) + x_0 x_1 x_2 + 1000 x_2², smooth, with components of very different size. */
  private static final ToDoubleFunction<double[]> F = x -> {
    double s = 0;
    for (double v : x) {
      s += Math.exp(v);
    }
    return s + x[0] * x[1] * x[2] + 1000 * x[2] * x[2];
  };

  private static double[] gradient(double[] x) {
    return new double[] {
      Math.exp(x[0]) + x[1] * x[2],
      Math.exp(x[1]) + x[0] * x[2],
      Math.exp(x[2]) + x[0] * x[1] + 2000 * x[2]
    };
  }

  @Test
  void theRightGradientPasses() {
    double[] x = {0.3, -1.2, 2.5};
    var report = GradientCheck.check(F, x, gradient(x));
    assertTrue(report.passed(), report.toString());
    assertTrue(report.error() < 1e-7, report.toString());
    assertEquals(3, report.components());
    assertTrue(report.toString().startsWith("gradient check passed: 3 components, worst at index"),
        report.toString());
  }

  @Test
  void aWrongComponentIsReportedWithBothValues() {
    double[] x = {0.3, -1.2, 0.5};
    double[] g = gradient(x);
    double right = g[1];
    g[1] += 1e-3;
    var report = GradientCheck.check(F, x, g);
    assertFalse(report.passed());
    assertEquals(1, report.worstIndex());
    assertEquals(right + 1e-3, report.analytic());
    assertEquals(right, report.numeric(), 1e-8);
    assertEquals(1e-3, report.error(), 1e-8); // |g_1| < 1: the error is absolute
    assertTrue(report.toString().startsWith("gradient check FAILED: 3 components, worst at index 1:"
        + " analytic " + (right + 1e-3) + ", numeric "), report.toString());
    assertTrue(report.toString().endsWith(", error 1.0e-03 (tolerance 1.0e-06)"),
        report.toString());
  }

  @Test
  void largeComponentsAreComparedRelatively() {
    double[] x = {0.3, -1.2, 2.5};
    double[] g = gradient(x); // g_2 is about 5e3
    g[2] *= 1 + 1e-7;
    assertTrue(GradientCheck.check(F, x, g).passed());
    g[2] *= 1 + 1e-5;
    var report = GradientCheck.check(F, x, g);
    assertFalse(report.passed());
    assertEquals(2, report.worstIndex());
    assertEquals(1e-5, report.error(), 1e-6);
  }

  @Test
  void aNaNFailsAndIsNamed() {
    double[] x = {0.3, -1.2, 0.5};
    double[] g = gradient(x);
    g[2] = Double.NaN;
    var report = GradientCheck.check(F, x, g);
    assertFalse(report.passed());
    assertEquals(2, report.worstIndex());
    assertTrue(report.toString().contains("analytic NaN"), report.toString());
  }

  @Test
  void stepAndToleranceCanBeChosen() {
    double[] x = {0.3, -1.2, 0.5};
    double[] g = gradient(x);
    g[0] += 2e-5;
    assertFalse(GradientCheck.check(F, x, g).passed());
    var loose = GradientCheck.withDefaults().withTolerance(1e-4).withStep(1e-6);
    var report = loose.compare(F, x, g);
    assertTrue(report.passed(), report.toString());
    assertEquals(1e-4, report.tolerance());
  }

  @Test
  void numericGradientIsTheCentralDifferenceAndLeavesThePointAlone() {
    double[] x = {0.3, -1.2, 0.5};
    double[] numeric = GradientCheck.withDefaults().numericGradient(F, x);
    assertArrayEquals(gradient(x), numeric, 1e-7);
    assertArrayEquals(new double[] {0.3, -1.2, 0.5}, x, 0);
  }

  @Test
  void rejectsMismatchedLengthsAndBadSettings() {
    assertThrows(IllegalArgumentException.class,
        () -> GradientCheck.check(F, new double[3], new double[2]));
    assertThrows(IllegalArgumentException.class,
        () -> GradientCheck.check(x -> 0, new double[0], new double[0]));
    assertThrows(IllegalArgumentException.class,
        () -> GradientCheck.withDefaults().withStep(0));
    assertThrows(IllegalArgumentException.class,
        () -> GradientCheck.withDefaults().withTolerance(-1));
  }
}
