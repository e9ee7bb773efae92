package dev.fluxion.corpus.loops;

import dev.fluxion.Differentiable;

/**
 * Loops whose trip count the reverse sweep works out from their bounds (a counter stepped by one
 * up to a bound the loop does not change, read nowhere else), next to loops that look alike but
 * must still record their trip count: the counter read after the loop, stepped by two, a bound
 * the body moves, a {@code break}.
 */
public final class Counted {

  private Counted() {}

  /** A triangle of products: the inner loop starts past the outer counter, Σ_{j<l} x_j x_l w_l. */
  @Differentiable
  public static double triangle(double[] x, double[] w) {
    int d = x.length;
    double s = 0;
    for (int j = 0; j < d; j++) {
      for (int l = j + 1; l < d; l++) {
        s += x[j] * x[l] * w[l];
      }
    }
    return s;
  }

  /** Inclusive bounds and a start that is neither 0 nor 1: Σ_{i=2..n} Σ_{k=i..n} sin(x_{k mod len}) · i. */
  @Differentiable
  public static double inclusive(double[] x, int n) {
    double s = 0;
    for (int i = 2; i <= n; i++) {
      for (int k = i; k <= n; k++) {
        s += Math.sin(x[k % x.length]) * i;
      }
    }
    return s;
  }

  /**
   * Ranges that may be empty or negative: the inner loop runs from {@code from} to {@code to}
   * (no iteration when {@code from >= to}), once per entry of x, and keeps a scratch array.
   */
  @Differentiable
  public static double shiftedRange(double[] x, int from, int to) {
    double[] scratch = new double[x.length];
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      for (int k = from; k < to; k++) {
        scratch[i] = scratch[i] * 0.5 + x[i] * k;
      }
      s += scratch[i] * scratch[i] + x[i];
    }
    return s;
  }

  /** A while loop with its counter declared before it and stepped at the end of the body. */
  @Differentiable
  public static double whileCounter(double[] x) {
    double p = 1;
    for (int i = 0; i < x.length; i++) {
      int j = 0;
      while (j < x.length) {
        p = p * (1 + 0.1 * x[i] * x[j]);
        j++;
      }
    }
    return p;
  }

  /** The inner counter is read after its loop: its trip count is still recorded. */
  @Differentiable
  public static double counterReadAfter(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      int k = i;
      for (; k < x.length; k++) {
        s += x[k] * x[i];
      }
      s += k * x[i];
    }
    return s;
  }

  /** Stepped by two, and a bound the body moves: both recorded as before. */
  @Differentiable
  public static double irregularSteps(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      for (int k = 0; k < x.length; k += 2) {
        s += Math.exp(x[k] - x[i]);
      }
      int bound = x.length;
      for (int k = 0; k < bound; k++) {
        s += x[k] * x[i];
        if (k == 1) {
          bound--;
        }
      }
    }
    return s;
  }

  /** A counted-looking loop that leaves early with {@code break}. */
  @Differentiable
  public static double earlyExit(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      for (int k = 0; k < x.length; k++) {
        if (k > i) {
          break;
        }
        s += x[i] * x[k] * x[k];
      }
    }
    return s;
  }
}
