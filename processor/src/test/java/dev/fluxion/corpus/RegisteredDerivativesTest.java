package dev.fluxion.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.corpus.registered.Library;
import dev.fluxion.corpus.registered.UsesRegisteredDerivatives;
import org.junit.jupiter.api.Test;

/**
 * Calls of methods with registered partial derivatives, against closed forms; ModesAgreeTest
 * checks the same methods against finite differences, in forward mode and to second order.
 */
class RegisteredDerivativesTest {

  private static double sigma(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  @Test
  void softplusThroughItsRegisteredPartial() {
    double[] w = {0.5, -1.0, 2.0};
    double[] x = {1.5, 0.25, -0.75};
    var g = UsesRegisteredDerivatives.softplusSumGradient(w, x);
    double[] expected = new double[3];
    double value = 0;
    for (int i = 0; i < 3; i++) {
      expected[i] = sigma(w[i] * x[i]) * x[i];
      value += Library.softplus(w[i] * x[i]);
    }
    assertEquals(value, g.value(), 1e-15);
    assertArrayEquals(expected, g.w(), 1e-15);
  }

  @Test
  void registrationsInAnotherClassAreFoundThroughUsesDerivatives() {
    double a = 0.7;
    double b = -1.3;
    var g = UsesRegisteredDerivatives.logisticProductGradient(a, b);
    double s = sigma(a * b);
    assertEquals(s + a, g.value(), 1e-15);
    assertEquals(s * (1 - s) * b + 1, g.a(), 1e-15);
    assertEquals(s * (1 - s) * a, g.b(), 1e-15);
    // Second order uses the registered partial's own derivative: d²/db² = σ''(ab)·a².
    double second = s * (1 - s) * (1 - 2 * s) * a * a;
    assertEquals(second, UsesRegisteredDerivativesHessian.of(a, b)[1][1], 1e-14);
  }

  /** Small indirection, so the Hessian reads like the math above. */
  private static final class UsesRegisteredDerivativesHessian {
    static double[][] of(double a, double b) {
      return UsesRegisteredDerivatives.logisticProductHessian(a, b).hessian();
    }
  }

  @Test
  void forwardModeUsesTheSamePartials() {
    double x = 0.9;
    double y = 1.4;
    double z = -0.6;
    var g = UsesRegisteredDerivatives.blendedGradient(x, y, z);
    var t = UsesRegisteredDerivatives.blendedTangent(x, y, z, 0.3, -0.2, 0.5);
    assertEquals(0.3 * g.x() - 0.2 * g.y() + 0.5 * g.z(), t.tangent(), 1e-14);
  }
}
