package dev.fluxion;

/**
 * Controls for use inside {@code @Differentiable} methods.
 */
public final class Gradients {
  private Gradients() {}

  /**
   * The value of {@code x}, with no derivative: gradients do not flow back through it (JAX's
   * {@code stop_gradient}, Swift's {@code withoutDerivative(at:)}).
   *
   * @param x a value
   * @return {@code x}, as a constant
   */
  public static double stop(double x) {
    return x;
  }

  /**
   * A copy of {@code x}, with no derivative: gradients do not flow back through it, and writing
   * into the copy leaves {@code x} alone.
   *
   * @param x an array
   * @return a new array with the same elements, as constants
   */
  public static double[] stop(double[] x) {
    return x.clone();
  }
}
