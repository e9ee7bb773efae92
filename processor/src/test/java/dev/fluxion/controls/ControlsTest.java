package dev.fluxion.controls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;



import org.junit.jupiter.api.Test;

/**
 * @NoDerivative parameters and Gradients.stop, in reverse mode, forward mode and second order.
 * These methods live outside the behaviour corpus on purpose: a stopped gradient differs from
 * finite differences of the value by design.
 */
class ControlsTest {

  @Test
  void noDerivativeParametersAreData() {
    var g = ControlsDerivatives.markedGradient(2, 3, 5);
    assertEquals(23, g.value(), 0);
    assertEquals(9, g.a(), 0);
    assertEquals(12, g.x(), 0);
    // The holder has no accessor for b; the tangent form takes no tangent for it.
    assertEquals(2 * 9.0 + 12 * 0.5, ControlsDerivatives.markedTangent(2, 3, 5, 2, 0.5).tangent(), 0);
    assertEquals(Controls.marked(2, 3, 5), g.value(), 0);
  }

  @Test
  void stoppedValuesAreConstants() {
    assertEquals(1.5, ControlsDerivatives.stoppedGradient(1.5).x(), 0);
    assertEquals(1.5, ControlsDerivatives.stoppedTangent(1.5, 1).tangent(), 0);
    // The stop holds at every order: the gradient stop(x) is itself a constant, so the Hessian is
    // 0 (as in JAX, where the second derivative of x·stop_gradient(x) is 0 too).
    assertEquals(0, ControlsDerivatives.stoppedHessian(1.5).hessian()[0][0], 0);

    double[] x = {3, 4};
    var g = ControlsDerivatives.stoppedNormGradient(x);
    assertEquals(0.6, g.value(), 1e-15);
    assertArrayEquals(new double[] {0.2, 0}, g.x(), 1e-15);

    var h = ControlsDerivatives.stoppedArrayGradient(new double[] {2, 5});
    assertEquals(100, h.value(), 0);
    assertArrayEquals(new double[] {0, 20}, h.x(), 0);
  }
}
