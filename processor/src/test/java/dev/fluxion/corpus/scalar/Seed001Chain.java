package dev.fluxion.corpus.scalar;

import dev.fluxion.Differentiable;

/**
 * Seed 001: {@code l(x) = f(g(h(x)))} as separate methods, so dl/dx = f'(g(h(x))) g'(h(x)) h'(x)
 * is assembled by the calls; and the worked examples of composing an affine map three times.
 */
public final class Seed001Chain {

  private Seed001Chain() {}

  /** {@code h(x) = x² + 1}. */
  @Differentiable
  public static double h(double x) {
    return x * x + 1;
  }

  /** {@code g(u) = sin u}. */
  @Differentiable
  public static double g(double u) {
    return Math.sin(u);
  }

  /** {@code f(v) = e^v}. */
  @Differentiable
  public static double f(double v) {
    return Math.exp(v);
  }

  /** {@code l(x) = f(g(h(x))) = exp(sin(x² + 1))}. */
  @Differentiable
  public static double l(double x) {
    return f(g(h(x)));
  }

  /** {@code 3x + 4}. */
  @Differentiable
  public static double affine(double x) {
    return 3 * x + 4;
  }

  /** {@code affine³(x) = 27x + 52}: derivative 3³ = 27. */
  @Differentiable
  public static double affineThreeTimes(double x) {
    return affine(affine(affine(x)));
  }

  /** {@code 7x}. */
  @Differentiable
  public static double linear(double x) {
    return 7 * x;
  }

  /** {@code linear³(x) = 7³ x}, through locals: derivative 343. */
  @Differentiable
  public static double linearThreeTimes(double x) {
    double once = linear(x);
    double twice = linear(once);
    return linear(twice);
  }
}
