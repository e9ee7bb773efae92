package dev.fluxion.corpus.scalar;

import dev.fluxion.Differentiable;

/** Arithmetic, literals of every shape, numeric promotion and casts. */
public final class Arithmetic {

  private Arithmetic() {}

  /** {@code 3x² − 2x + 7}; derivative {@code 6x − 2}. */
  @Differentiable
  public static double polynomial(double x) {
    return 3 * x * x - 2 * x + 7;
  }

  /** {@code (x + 1) / (y² + 1)}. */
  @Differentiable
  public static double quotient(double x, double y) {
    return (x + 1) / (y * y + 1);
  }

  /** {@code (−x)(−y) − (x − y)}; gradient {@code (y − 1, x + 1)}. */
  @Differentiable
  public static double unaryMinus(double x, double y) {
    return -x * -y + -(x - y);
  }

  /** Literals in every notation; derivative {@code 10.75 + 0.002 x}. */
  @Differentiable
  public static double literals(double x) {
    return 0.5 * x + 1e-3 * x * x + 0x1p-2 * x + 1_000.0 - 2.5e+1 + 10L * x + 0.0d;
  }

  /** {@code 7 / 2} is the int 3: {@code 3x + x/2 + 3x}; derivative 6.5. */
  @Differentiable
  public static double integerDivision(double x) {
    return x * (7 / 2) + x / 2 + (double) (7 / 2) * x;
  }

  /** An int parameter widened to double: {@code n x + (n / 2) x}; derivative {@code n + n/2}. */
  @Differentiable
  public static double intCasts(double x, int n) {
    return (double) n * x + n / 2 * x;
  }

  /** Casting an active value to int cuts the derivative: derivative {@code (int) x + 0}. */
  @Differentiable
  public static double truncation(double x) {
    return x * (int) x + (long) (2 * x);
  }

  /** int and long mixed with double: derivative {@code i + 2 l x}. */
  @Differentiable
  public static double mixedTypes(double x, int i, long l) {
    return i * x + l * x * x + i / l;
  }

  /** {@code ((x + y)(x − z)) / ((y + 2)(z + 3))}. */
  @Differentiable
  public static double nestedParentheses(double x, double y, double z) {
    return ((x + y) * (x - z)) / ((y + 2) * (z + 3));
  }

  /** {@code x³ / x + x − x} is {@code x²} with extra steps; derivative {@code 2x}. */
  @Differentiable
  public static double sameVariableTwice(double x) {
    return x * x * x / x + x - x;
  }

  /** Only y is differentiated: {@code x² y + sin y}; partial {@code x² + cos y}. */
  @Differentiable(wrt = {"y"})
  public static double wrtSubset(double x, double y) {
    return x * x * y + Math.sin(y);
  }

  /** A multiplication by the literal zero still leaves a valid gradient {@code (0, 1)}. */
  @Differentiable
  public static double multiplyByZero(double x, double y) {
    return x * 0 + y;
  }

  /** {@code x % y + x/2} with {@code x % y = x − y trunc(x/y)}: gradient {@code (1.5, −trunc(x/y))}. */
  @Differentiable
  public static double remainder(double x, double y) {
    return x % y + 0.5 * x;
  }

  /** Unary plus and a double negation: {@code +x · −(−x) = x²}; derivative 2x. */
  @Differentiable
  public static double unaryPlus(double x) {
    return +x * - -x;
  }

  /** Negative zero literals: {@code −0.0 x + x (−0.0) + x}; derivative 1. */
  @Differentiable
  public static double negativeZero(double x) {
    return -0.0 * x + x * -0.0 + x;
  }

  /** Division by an inactive int and of an int: {@code x/n + n/x}; derivative {@code 1/n − n/x²}. */
  @Differentiable
  public static double divideByInt(double x, int n) {
    return x / n + n / x;
  }

  /** long arithmetic feeding a double: {@code x (2 big + 1) / big}. */
  @Differentiable
  public static double longArithmetic(double x, long big) {
    long m = big * 2L + 1;
    return x * m / big;
  }

  /** {@code final} locals, active and inactive: {@code 2x · 3}; derivative 6. */
  @Differentiable
  public static double finalLocals(double x) {
    final double k = x * 2;
    final int n = 3;
    return k * n;
  }
}
