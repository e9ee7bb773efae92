package dev.fluxion.controls;

import dev.fluxion.Differentiable;
import dev.fluxion.Gradients;
import dev.fluxion.NoDerivative;

/** Values that must not carry a derivative: @NoDerivative parameters and stopped gradients. */
public final class Controls {
  private Controls() {}

  /** {@code a·x² + b} with {@code b} data: only ∂/∂a and ∂/∂x. */
  @Differentiable
  public static double marked(double a, double x, @NoDerivative double b) {
    return a * x * x + b;
  }

  /** {@code x·stop(x)}: the derivative sees the second factor as a constant, so d/dx = x. */
  @Differentiable
  public static double stopped(double x) {
    return x * Gradients.stop(x);
  }

  /** A normalised vector's first entry, with the norm held constant: d/dx_i = δ_i0 / ‖x‖. */
  @Differentiable
  public static double stoppedNorm(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    double norm = Gradients.stop(Math.sqrt(s));
    return x[0] / norm;
  }

  /** A constant copy of an array: writing into it changes nothing upstream. */
  @Differentiable
  public static double stoppedArray(double[] x) {
    double[] c = Gradients.stop(x);
    c[0] = c[0] * 10;
    return x[1] * c[0];
  }
}
