package dev.fluxion.corpus;

import static dev.fluxion.testing.ArrayFiniteDifferences.dot;
import static dev.fluxion.testing.ArrayFiniteDifferences.out;
import static dev.fluxion.testing.FiniteDifferences.assertClose;
import static dev.fluxion.testing.FiniteDifferences.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.fluxion.corpus.loops.Seed000Regression;
import dev.fluxion.corpus.loops.Seed000RegressionDerivatives;
import dev.fluxion.testing.ArrayFiniteDifferences;
import dev.fluxion.testing.ArrayFiniteDifferences.ArrayCase;
import dev.fluxion.testing.ArrayFiniteDifferences.Args;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seed 000: f = Σ (w1 + w2·x_i − y_i)² with the sheet's gradients 2Σ(…) and 2Σ(…)·x_i; the
 * matrix-factorisation loss (r − q·p)² + l1‖p‖₂ + l2‖q‖₂ with the sheet's gradients l2·q/‖q‖ −
 * 2(r − q·p)p and l1·p/‖p‖ − 2(r − q·p)q.
 */
class Seed000RegressionTest {

  private static final double[] X = {1, 2, 3, 4, 5.5};
  private static final double[] Y = {2.1, 3.9, 6.2, 7.8, 11.3};

  /** The sheet's gradient of the regression loss: {2Σ e_i, 2Σ e_i x_i}. */
  static double[] sheetGradient(double w1, double w2, double[] x, double[] y) {
    double g1 = 0;
    double g2 = 0;
    for (int i = 0; i < x.length; i++) {
      double e = w1 + w2 * x[i] - y[i];
      g1 += 2 * e;
      g2 += 2 * e * x[i];
    }
    return vec(g1, g2);
  }

  static Stream<Arguments> cases() {
    Random r = new Random(0);
    double[] bx = new double[50];
    double[] by = new double[50];
    for (int i = 0; i < 50; i++) {
      bx[i] = r.nextGaussian();
      by[i] = 0.5 - 1.5 * bx[i] + 0.1 * r.nextGaussian();
    }
    double[] q = {0.6, -1.1, 0.4};
    double[] p = {1.2, 0.3, -0.8};
    return ArrayFiniteDifferences.arguments(
        ArrayCase.of("loss", "w1", "w2", "x", "y")
            .wrt("w1", "w2")
            .primal(a -> Seed000Regression.loss(a.d(0), a.d(1), a.v(2), a.v(3)))
            .generated(a -> {
              var g = Seed000RegressionDerivatives.lossGradient(a.d(0), a.d(1), a.v(2), a.v(3));
              return out(g.value(), g.w1(), g.w2());
            })
            .exact(a -> {
              double[] s = sheetGradient(a.d(0), a.d(1), a.v(2), a.v(3));
              return out(s[0], s[1]);
            })
            .at(0.5, 1.5, X, Y)
            .at(-1.0, 2.5, X, Y)
            .at(0.2, -0.3, bx, by),
        ArrayCase.of("meanLoss", "w1", "w2", "x", "y")
            .primal(a -> Seed000Regression.meanLoss(a.d(0), a.d(1), a.v(2), a.v(3)))
            .generated(a -> {
              var g = Seed000RegressionDerivatives.meanLossGradient(
                  a.d(0), a.d(1), a.v(2), a.v(3));
              return out(g.value(), g.w1(), g.w2(), g.x(), g.y());
            })
            .exact(a -> {
              double w1 = a.d(0);
              double w2 = a.d(1);
              double[] x = a.v(2);
              double[] y = a.v(3);
              int n = x.length;
              double[] s = sheetGradient(w1, w2, x, y);
              double[] dx = new double[n];
              double[] dy = new double[n];
              for (int i = 0; i < n; i++) {
                double e = w1 + w2 * x[i] - y[i];
                dx[i] = 2 * e * w2 / n;
                dy[i] = -2 * e / n;
              }
              return out(s[0] / n, s[1] / n, dx, dy);
            })
            .at(0.5, 1.5, X, Y),
        ArrayCase.of("matrixFactorisation", "r", "q", "p", "l1", "l2")
            .wrt("q", "p")
            .primal(a -> Seed000Regression.matrixFactorisation(
                a.d(0), a.v(1), a.v(2), a.d(3), a.d(4)))
            .generated(a -> {
              var g = Seed000RegressionDerivatives.matrixFactorisationGradient(
                  a.d(0), a.v(1), a.v(2), a.d(3), a.d(4));
              return out(g.value(), g.q(), g.p());
            })
            .exact(a -> factorisationSheetGradient(a.d(0), a.v(1), a.v(2), a.d(3), a.d(4)))
            .at(2.0, q, p, 0.1, 0.2)
            .at(-0.5, p, q, 1.5, 0.75));
  }

  /** The sheet's gradients {∂f/∂q, ∂f/∂p}. */
  static Object[] factorisationSheetGradient(double r, double[] q, double[] p, double l1,
      double l2) {
    double e = r - dot(q, p);
    double nq = Math.sqrt(dot(q, q));
    double np = Math.sqrt(dot(p, p));
    double[] dq = new double[q.length];
    double[] dp = new double[p.length];
    for (int i = 0; i < q.length; i++) {
      dq[i] = l2 * q[i] / nq - 2 * e * p[i];
      dp[i] = l1 * p[i] / np - 2 * e * q[i];
    }
    return out(dq, dp);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesAndTheSheet(ArrayCase c, Args point) {
    c.check(point);
  }

  @Test
  void perfectFitHasZeroGradient() {
    double[] x = {1, 2, 3};
    double[] y = {3, 5, 7}; // y = 1 + 2x
    var g = Seed000RegressionDerivatives.lossGradient(1, 2, x, y);
    assertClose("loss", 0, g.value());
    assertClose("∂/∂w1", 0, g.w1());
    assertClose("∂/∂w2", 0, g.w2());
  }

  @Test
  void workedValues() {
    // x = (1, 2), y = (0, 0), w = (1, 1): e = (2, 3), f = 13, ∂/∂w1 = 10, ∂/∂w2 = 4 + 12 = 16.
    var g = Seed000RegressionDerivatives.lossGradient(1, 1, vec(1, 2), vec(0, 0));
    assertClose("f", 13, g.value());
    assertClose("∂/∂w1", 10, g.w1());
    assertClose("∂/∂w2", 16, g.w2());
    // r = 1, q = (1, 0), p = (0, 2), l1 = l2 = 1: q·p = 0, e = 1,
    // ∂f/∂q = q/‖q‖ − 2p = (1, −4), ∂f/∂p = p/‖p‖ − 2q = (−2, 1).
    var m = Seed000RegressionDerivatives.matrixFactorisationGradient(1, vec(1, 0), vec(0, 2), 1, 1);
    assertClose("f", 1 + 2 + 1, m.value());
    assertArrayEquals(vec(1, -4), m.q(), 1e-15);
    assertArrayEquals(vec(-2, 1), m.p(), 1e-15);
  }
}
