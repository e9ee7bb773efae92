package dev.fluxion.corpus.scalar;

import dev.fluxion.Differentiable;

/**
 * Every differentiable {@code java.lang.Math} function, one method each (mostly with an inner
 * function, so that the chain rule is exercised too), and the methods the kink conventions are
 * tested on.
 */
public final class MathFunctions {

  private MathFunctions() {}

  /** {@code sin 3x}. */
  @Differentiable
  public static double sin(double x) {
    return Math.sin(3 * x);
  }

  /** {@code cos x²}. */
  @Differentiable
  public static double cos(double x) {
    return Math.cos(x * x);
  }

  /** {@code tan x}. */
  @Differentiable
  public static double tan(double x) {
    return Math.tan(x);
  }

  /** {@code asin(x/2)}. */
  @Differentiable
  public static double asin(double x) {
    return Math.asin(x / 2);
  }

  /** {@code acos x}. */
  @Differentiable
  public static double acos(double x) {
    return Math.acos(x);
  }

  /** {@code atan 2x}. */
  @Differentiable
  public static double atan(double x) {
    return Math.atan(2 * x);
  }

  /** {@code atan2(y, x)}. */
  @Differentiable
  public static double atan2(double y, double x) {
    return Math.atan2(y, x);
  }

  /** {@code sinh x}. */
  @Differentiable
  public static double sinh(double x) {
    return Math.sinh(x);
  }

  /** {@code cosh x}. */
  @Differentiable
  public static double cosh(double x) {
    return Math.cosh(x);
  }

  /** {@code tanh x}. */
  @Differentiable
  public static double tanh(double x) {
    return Math.tanh(x);
  }

  /** {@code exp(−x²)}. */
  @Differentiable
  public static double exp(double x) {
    return Math.exp(-x * x);
  }

  /** {@code expm1 x}. */
  @Differentiable
  public static double expm1(double x) {
    return Math.expm1(x);
  }

  /** {@code ln x}. */
  @Differentiable
  public static double log(double x) {
    return Math.log(x);
  }

  /** {@code log10 x}. */
  @Differentiable
  public static double log10(double x) {
    return Math.log10(x);
  }

  /** {@code log1p x}. */
  @Differentiable
  public static double log1p(double x) {
    return Math.log1p(x);
  }

  /** {@code √x}. */
  @Differentiable
  public static double sqrt(double x) {
    return Math.sqrt(x);
  }

  /** {@code ∛x}, negative arguments included. */
  @Differentiable
  public static double cbrt(double x) {
    return Math.cbrt(x);
  }

  /** {@code x^y}, both active. */
  @Differentiable
  public static double pow(double x, double y) {
    return Math.pow(x, y);
  }

  /** {@code x³} through pow with an int literal exponent, negative bases included. */
  @Differentiable
  public static double powConstantExponent(double x) {
    return Math.pow(x, 3);
  }

  /** {@code 2^y}. */
  @Differentiable
  public static double powConstantBase(double y) {
    return Math.pow(2, y);
  }

  /** {@code hypot(x, y)}. */
  @Differentiable
  public static double hypot(double x, double y) {
    return Math.hypot(x, y);
  }

  /** {@code |x|}. */
  @Differentiable
  public static double abs(double x) {
    return Math.abs(x);
  }

  /** {@code max(x, y)}. */
  @Differentiable
  public static double max(double x, double y) {
    return Math.max(x, y);
  }

  /** {@code min(x, y)}. */
  @Differentiable
  public static double min(double x, double y) {
    return Math.min(x, y);
  }

  /** {@code max(x, 0)} with an int literal (resolves to {@code max(double, double)}). */
  @Differentiable
  public static double relu(double x) {
    return Math.max(x, 0);
  }

  /** {@code x ⌊x⌋}: floor is constant between integers; derivative {@code ⌊x⌋}. */
  @Differentiable
  public static double floor(double x) {
    return x * Math.floor(x);
  }

  /** {@code x + ⌈x⌉}; derivative 1. */
  @Differentiable
  public static double ceil(double x) {
    return x + Math.ceil(x);
  }

  /** {@code x rint(x)}; derivative {@code rint(x)}. */
  @Differentiable
  public static double rint(double x) {
    return x * Math.rint(x);
  }

  /** {@code signum(x) + x}; derivative 1, also at 0. */
  @Differentiable
  public static double signum(double x) {
    return Math.signum(x) + x;
  }

  /** {@code toRadians x²}. */
  @Differentiable
  public static double toRadians(double x) {
    return Math.toRadians(x * x);
  }

  /** {@code toDegrees x}. */
  @Differentiable
  public static double toDegrees(double x) {
    return Math.toDegrees(x);
  }

  /** {@code fma(a, b, c) = ab + c}. */
  @Differentiable
  public static double fma(double a, double b, double c) {
    return Math.fma(a, b, c);
  }

  /** {@code copySign(m, s)}: |m| with the sign of s. */
  @Differentiable
  public static double copySign(double m, double s) {
    return Math.copySign(m, s);
  }

  /** {@code IEEEremainder(x, y) = x − n y} with n the integer nearest x/y. */
  @Differentiable
  public static double ieeeRemainder(double x, double y) {
    return Math.IEEEremainder(x, y);
  }

  /** {@code scalb(x, n) = x 2ⁿ} with an inactive int n. */
  @Differentiable
  public static double scalb(double x, int n) {
    return Math.scalb(x, n);
  }

  /** {@code x |n|} and {@code max} of ints: int overloads of Math are inactive. */
  @Differentiable
  public static double intOverloads(double x, int n) {
    return x * Math.abs(n) + Math.max(n, 2) * x * x;
  }

  /** Several functions composed: {@code √(1 + sin² x) · e^{tanh x}}. */
  @Differentiable
  public static double composed(double x) {
    double s = Math.sin(x);
    return Math.sqrt(1 + s * s) * Math.exp(Math.tanh(x));
  }

  /** {@code nextUp x + nextDown x + nextAfter(x, 0) + ulp x}: derivative 3 (ulp is a step). */
  @Differentiable
  public static double neighbours(double x) {
    return Math.nextUp(x) + Math.nextDown(x) + Math.nextAfter(x, 0.0) + Math.ulp(x);
  }

  /** {@code x · round(x)}: round returns a long, a constant; derivative {@code round(x)}. */
  @Differentiable
  public static double roundToLong(double x) {
    return x * Math.round(x);
  }

  /** {@code pow(x, 0) + x}: the x-partial of pow is 0 when the exponent is 0, also at x = 0. */
  @Differentiable
  public static double powZeroExponent(double x) {
    return Math.pow(x, 0) + x;
  }

  /** {@code x^x}; derivative {@code x^x (ln x + 1)}. */
  @Differentiable
  public static double powSelf(double x) {
    return Math.pow(x, x);
  }

  /** The same argument twice: {@code max(x, x) + min(x, x) + hypot(x, x)}, a tie everywhere. */
  @Differentiable
  public static double sameArgumentKinks(double x) {
    return Math.max(x, x) + Math.min(x, x) + Math.hypot(x, x);
  }
}
