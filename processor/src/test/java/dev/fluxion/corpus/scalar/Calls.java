package dev.fluxion.corpus.scalar;

import dev.fluxion.Differentiable;

/**
 * Calls to other {@code @Differentiable} methods: in the same class, in other corpus classes,
 * recursion and mutual recursion, and instance methods calling instance and static methods.
 */
public final class Calls {

  final double gain;

  /**
   * A receiver for the instance methods.
   *
   * @param gain a constant factor
   */
  public Calls(double gain) {
    this.gain = gain;
  }

  /** {@code x²}. */
  @Differentiable
  public static double square(double x) {
    return x * x;
  }

  /** {@code square(x) + square(y)}. */
  @Differentiable
  public static double sumOfSquares(double x, double y) {
    return square(x) + square(y);
  }

  /** {@code square(square(x) + 1) = (x² + 1)²}; derivative {@code 4x(x² + 1)}. */
  @Differentiable
  public static double nested(double x) {
    return square(square(x) + 1);
  }

  /** Arguments that are expressions: {@code sumOfSquares(xy, x − y)}. */
  @Differentiable
  public static double expressionArguments(double x, double y) {
    return sumOfSquares(x * y, x - y);
  }

  /** Calls into other corpus classes: {@code polynomial(x) · sin 3x + SCALE x + OFFSET}. */
  @Differentiable
  public static double crossClass(double x) {
    return Arithmetic.polynomial(x) * MathFunctions.sin(x) + Constants.scaled(x);
  }

  /** The same callee called twice with the same argument: {@code (sin 3x)² + sin 3x}. */
  @Differentiable
  public static double sameCallTwice(double x) {
    double a = MathFunctions.sin(x);
    double b = MathFunctions.sin(x);
    return a * b + a;
  }

  /** Recursion on an int: {@code xⁿ}. */
  @Differentiable
  public static double power(double x, int n) {
    return n == 0 ? 1 : x * power(x, n - 1);
  }

  /** Recursion with branches and a local holding a recursive result: {@code xⁿ} by squaring. */
  @Differentiable
  public static double powerBySquaring(double x, int n) {
    if (n == 0) {
      return 1;
    }
    if (n % 2 == 0) {
      double half = powerBySquaring(x, n / 2);
      return half * half;
    }
    return x * powerBySquaring(x, n - 1);
  }

  /** Mutual recursion: n alternating applications of cos and sin, cos outermost. */
  @Differentiable
  public static double cosChain(double x, int n) {
    return n == 0 ? x : Math.cos(sinChain(x, n - 1));
  }

  /** Mutual recursion: n alternating applications of sin and cos, sin outermost. */
  @Differentiable
  public static double sinChain(double x, int n) {
    return n == 0 ? x : Math.sin(cosChain(x, n - 1));
  }

  /** Inactive arguments computed at the call: {@code power(x, k + 1) + power(y, 2 k)}. */
  @Differentiable
  public static double inactiveArguments(double x, double y, int k) {
    return power(x, k + 1) + power(y, 2 * k);
  }

  /** A call whose argument is a constant: {@code x · square(3)}; derivative 9. */
  @Differentiable
  public static double constantArgument(double x) {
    return x * square(3);
  }

  /** An instance method: {@code gain x²}. */
  @Differentiable
  public double scaledSquare(double x) {
    return gain * square(x);
  }

  /** An instance method calling another instance method: {@code gain (x + y)² + gain y²}. */
  @Differentiable
  public double instanceCallsInstance(double x, double y) {
    return scaledSquare(x + y) + this.scaledSquare(y);
  }

  /** Recursion that changes a double argument: {@code halve(x/2, n − 1) · 2} is x. */
  @Differentiable
  public static double halve(double x, int n) {
    return n == 0 ? x : halve(x / 2, n - 1) * 2;
  }

  /** A call in a condition, and a call qualified by its own class: {@code x³} when x² > 4, else x. */
  @Differentiable
  public static double callInCondition(double x) {
    if (square(x) > 4) {
      return Calls.square(x) * x;
    }
    return x;
  }
}
