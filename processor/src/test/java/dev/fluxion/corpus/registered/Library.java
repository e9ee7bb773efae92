package dev.fluxion.corpus.registered;

import dev.fluxion.Differentiable;
import dev.fluxion.Partial;

/**
 * Functions Fluxion does not look inside, with their partial derivatives registered beside them:
 * the way a library ships derivatives for its own routines.
 */
public final class Library {
  private Library() {}

  /** log(1 + eˣ), computed stably: not @Differentiable (it branches on a big x). */
  public static double softplus(double x) {
    return x > 30 ? x : Math.log1p(Math.exp(x));
  }

  /** ∂softplus/∂x = σ(x). */
  @Differentiable
  @Partial(of = "softplus", wrt = "x")
  public static double softplusDx(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** A weighted power mean of two positive values, (w·aᵖ + (1 − w)·bᵖ)^(1/p), with p = 3. */
  public static double blend(double a, double b, double w) {
    return Math.cbrt(w * a * a * a + (1 - w) * b * b * b);
  }

  /** ∂blend/∂a. */
  @Differentiable
  @Partial(of = "blend", wrt = "a")
  public static double blendDa(double a, double b, double w) {
    double m = blendValue(a, b, w);
    return w * a * a / (m * m);
  }

  /** ∂blend/∂b. */
  @Differentiable
  @Partial(of = "blend", wrt = "b")
  public static double blendDb(double a, double b, double w) {
    double m = blendValue(a, b, w);
    return (1 - w) * b * b / (m * m);
  }

  /** ∂blend/∂w. */
  @Differentiable
  @Partial(of = "blend", wrt = "w")
  public static double blendDw(double a, double b, double w) {
    double m = blendValue(a, b, w);
    return (a * a * a - b * b * b) / (3 * m * m);
  }

  /** The blend, differentiable, for use inside the partials. */
  @Differentiable
  public static double blendValue(double a, double b, double w) {
    return Math.cbrt(w * a * a * a + (1 - w) * b * b * b);
  }
}
