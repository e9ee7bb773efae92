package dev.fluxion.corpus.scalar;

import dev.fluxion.Differentiable;

/** Every differentiable {@code java.lang.StrictMath} function, grouped by family. */
public final class StrictMathFunctions {

  private StrictMathFunctions() {}

  /** {@code sin x + cos 2x + tan(x/2)}. */
  @Differentiable
  public static double trig(double x) {
    return StrictMath.sin(x) + StrictMath.cos(2 * x) + StrictMath.tan(x / 2);
  }

  /** {@code asin x + acos y + atan xy + atan2(y, x)} for x, y in (−1, 1). */
  @Differentiable
  public static double inverseTrig(double x, double y) {
    return StrictMath.asin(x) + StrictMath.acos(y) + StrictMath.atan(x * y)
        + StrictMath.atan2(y, x);
  }

  /** {@code sinh x + cosh 2x + tanh x}. */
  @Differentiable
  public static double hyperbolic(double x) {
    return StrictMath.sinh(x) + StrictMath.cosh(2 * x) + StrictMath.tanh(x);
  }

  /** {@code exp x + expm1 2x + ln x + log10 x + log1p x} for x > 0. */
  @Differentiable
  public static double expLog(double x) {
    return StrictMath.exp(x) + StrictMath.expm1(2 * x) + StrictMath.log(x)
        + StrictMath.log10(x) + StrictMath.log1p(x);
  }

  /** {@code √x + ∛y + x^y + hypot(x, y)} for x > 0. */
  @Differentiable
  public static double roots(double x, double y) {
    return StrictMath.sqrt(x) + StrictMath.cbrt(y) + StrictMath.pow(x, y) + StrictMath.hypot(x, y);
  }

  /** {@code |x| + max(x, y) + min(x, y)} plus the step functions, which add nothing. */
  @Differentiable
  public static double piecewise(double x, double y) {
    return StrictMath.abs(x) + StrictMath.max(x, y) + StrictMath.min(x, 2 * y)
        + StrictMath.floor(x) + StrictMath.ceil(y) + StrictMath.rint(x * y) + StrictMath.signum(x);
  }

  /**
   * {@code toRadians x + toDegrees y + fma(x, y, z) + copySign(x, y) + IEEEremainder(x, z) +
   * scalb(y, 3)}.
   */
  @Differentiable
  public static double misc(double x, double y, double z) {
    return StrictMath.toRadians(x) + StrictMath.toDegrees(y) + StrictMath.fma(x, y, z)
        + StrictMath.copySign(x, y) + StrictMath.IEEEremainder(x, z) + StrictMath.scalb(y, 3);
  }
}
