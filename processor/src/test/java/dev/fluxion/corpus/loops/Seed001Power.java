package dev.fluxion.corpus.loops;

import dev.fluxion.Differentiable;

/** Seed 001: f^k(x) = W^k x, summed; its gradient 1ᵀW^k vanishes or explodes with |λ|. */
public final class Seed001Power {

  private Seed001Power() {}

  /** Σ_i (W^k x)_i, each step a call to {@link ArrayOps#matVec} (a {@code double[]} result). */
  @Differentiable
  public static double powerSum(double[][] W, double[] x, int k) {
    double[] h = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      h[i] = x[i];
    }
    for (int s = 0; s < k; s++) {
      h = ArrayOps.matVec(W, h);
    }
    double sum = 0;
    for (int i = 0; i < h.length; i++) {
      sum += h[i];
    }
    return sum;
  }

  /** The same, written inline, in x only, with W a constant. */
  @Differentiable(wrt = {"x"})
  public static double powerSumInX(double[][] W, double[] x, int k) {
    double[] h = x;
    for (int s = 0; s < k; s++) {
      double[] next = new double[h.length];
      for (int i = 0; i < h.length; i++) {
        for (int j = 0; j < h.length; j++) {
          next[i] += W[i][j] * h[j];
        }
      }
      h = next;
    }
    double sum = 0;
    for (double v : h) {
      sum += v;
    }
    return sum;
  }
}
