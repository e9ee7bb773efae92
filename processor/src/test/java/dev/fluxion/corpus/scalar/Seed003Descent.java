package dev.fluxion.corpus.scalar;

import dev.fluxion.Differentiable;

/**
 * Seed 003: {@code f = (x1 − 6)² + x2² − x1 x2}, gradient {@code (2(x1 − 6) − x2, 2 x2 − x1)},
 * minimised by gradient descent from (6, 6) through (9, 3) to (8, 4).
 */
public final class Seed003Descent {

  private Seed003Descent() {}

  /** The function of the pen-and-paper task. */
  @Differentiable
  public static double f(double x1, double x2) {
    return (x1 - 6) * (x1 - 6) + x2 * x2 - x1 * x2;
  }

  /** The same with pow and a compound assignment. */
  @Differentiable
  public static double fWithPow(double x1, double x2) {
    double r = Math.pow(x1 - 6, 2);
    r += Math.pow(x2, 2);
    r -= x1 * x2;
    return r;
  }
}
