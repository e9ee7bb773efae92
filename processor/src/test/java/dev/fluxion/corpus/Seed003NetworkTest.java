package dev.fluxion.corpus;

import static dev.fluxion.testing.ArrayFiniteDifferences.mat;
import static dev.fluxion.testing.ArrayFiniteDifferences.out;
import static dev.fluxion.testing.FiniteDifferences.assertClose;
import static dev.fluxion.testing.FiniteDifferences.vec;

import dev.fluxion.corpus.loops.Seed003Network;
import dev.fluxion.corpus.loops.Seed003NetworkDerivatives;
import dev.fluxion.testing.ArrayFiniteDifferences;
import dev.fluxion.testing.ArrayFiniteDifferences.ArrayCase;
import dev.fluxion.testing.ArrayFiniteDifferences.Args;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seed 003: the two-input ReLU network with softmax and squared loss, against the sheet's
 * backpropagation: e_j = f_j − y_j; g_{2,1} = e_1 f_1(1 − f_1) − e_2 f_1 f_2, g_{2,2} = e_2 f_2(1 −
 * f_2) − e_1 f_1 f_2; ∂L/∂u_kj = z_k g_{2,j}; ∂L/∂w_k = (u_k1 g_{2,1} + u_k2 g_{2,2}) 1[w_k x > 0]
 * x.
 */
class Seed003NetworkTest {

  /** The sheet's formulas: {∂L/∂w, ∂L/∂u}. */
  static Object[] sheetGradient(double[] w, double[][] u, double x, double[] y) {
    double[] z = {Math.max(0, w[0] * x), Math.max(0, w[1] * x)};
    double a1 = z[0] * u[0][0] + z[1] * u[1][0];
    double a2 = z[0] * u[0][1] + z[1] * u[1][1];
    double f1 = Math.exp(a1) / (Math.exp(a1) + Math.exp(a2));
    double f2 = Math.exp(a2) / (Math.exp(a1) + Math.exp(a2));
    double e1 = f1 - y[0];
    double e2 = f2 - y[1];
    double g21 = e1 * f1 * (1 - f1) - e2 * f1 * f2;
    double g22 = e2 * f2 * (1 - f2) - e1 * f1 * f2;
    double[][] du = mat(vec(z[0] * g21, z[0] * g22), vec(z[1] * g21, z[1] * g22));
    double[] dw = new double[2];
    for (int k = 0; k < 2; k++) {
      double active = w[k] * x > 0 ? 1 : 0;
      dw[k] = (u[k][0] * g21 + u[k][1] * g22) * active * x;
    }
    return out(dw, du);
  }

  static Stream<Arguments> cases() {
    return ArrayFiniteDifferences.arguments(
        ArrayCase.of("loss", "w", "u", "x", "y")
            .wrt("w", "u")
            .primal(a -> Seed003Network.loss(a.v(0), a.m(1), a.d(2), a.v(3)))
            .generated(a -> {
              var g = Seed003NetworkDerivatives.lossGradient(a.v(0), a.m(1), a.d(2), a.v(3));
              return out(g.value(), g.w(), g.u());
            })
            .exact(a -> sheetGradient(a.v(0), a.m(1), a.d(2), a.v(3)))
            // both units on
            .at(vec(0.5, 0.3), mat(vec(0.4, -0.7), vec(1.1, 0.2)), 2.0, vec(1, 0))
            // the second unit off (w_2 x < 0)
            .at(vec(0.8, -0.6), mat(vec(-0.3, 0.9), vec(0.5, 0.25)), 1.5, vec(0, 1))
            // negative input: the first unit off
            .at(vec(0.8, -0.6), mat(vec(-0.3, 0.9), vec(0.5, 0.25)), -1.25, vec(0.3, 0.7)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesAndTheSheet(ArrayCase c, Args point) {
    c.check(point);
  }

  @Test
  void deadUnitGetsNoGradient() {
    var g = Seed003NetworkDerivatives.lossGradient(
        vec(0.8, -0.6), mat(vec(-0.3, 0.9), vec(0.5, 0.25)), 1.5, vec(0, 1));
    assertClose("∂L/∂w_2 with w_2 x < 0", 0, g.w()[1]);
    assertClose("∂L/∂u_21 with z_2 = 0", 0, g.u()[1][0]);
    assertClose("∂L/∂u_22 with z_2 = 0", 0, g.u()[1][1]);
  }

  @Test
  void equalLogitsGiveTheHalfwayLoss() {
    // w = 0: z = 0, a = 0, f = (½, ½), L = ½ (¼ + ¼) for y = (1, 0).
    var g = Seed003NetworkDerivatives.lossGradient(
        vec(1e-3, 2e-3), mat(vec(0, 0), vec(0, 0)), 1.0, vec(1, 0));
    assertClose("L", 0.25, g.value());
  }
}
