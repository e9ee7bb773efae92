package dev.fluxion.corpus.scalar;

import dev.fluxion.Differentiable;

/** The scalar functions of seed 002, tasks 1 and 2, differentiated in x and in the coefficients. */
public final class Seed002Exercises {

  private Seed002Exercises() {}

  /** Task 1: {@code a x³ + b x² + c x + d}. */
  @Differentiable
  public static double cubic(double x, double a, double b, double c, double d) {
    return a * x * x * x + b * x * x + c * x + d;
  }

  /** Task 1: {@code e^(−0.5x) sin 2x}. */
  @Differentiable
  public static double dampedSine(double x) {
    return Math.exp(-0.5 * x) * Math.sin(2 * x);
  }

  /** Task 2: {@code a x⁶ + b x⁴ + d ln x}, x > 0. */
  @Differentiable
  public static double sextic(double x, double a, double b, double d) {
    return a * Math.pow(x, 6) + b * Math.pow(x, 4) + d * Math.log(x);
  }

  /** Task 2: {@code e^(−x) cos(−2x)}. */
  @Differentiable
  public static double dampedCosine(double x) {
    return Math.exp(-x) * Math.cos(-2 * x);
  }

  /** Task 1, x only: the coefficients are constants, the cubic is reached by a call. */
  @Differentiable(wrt = {"x"})
  public static double cubicInX(double x, double a, double b, double c, double d) {
    return cubic(x, a, b, c, d);
  }

  /** Task 2, written out in scalars: {@code σ(w·x + b)} with d = 3 and x fixed. */
  @Differentiable
  public static double neuron(double w1, double w2, double w3, double b) {
    double z = w1 * 0.5 + w2 * -1.25 + w3 * 2.0 + b;
    return 1 / (1 + Math.exp(-z));
  }
}
