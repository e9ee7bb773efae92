package dev.fluxion.corpus.custom;

import dev.fluxion.Differentiable;

/** Differentiable code calling functions with registered pullbacks and tangents. */
public final class UsesKernels {
  private UsesKernels() {}

  /** (Σ wᵢxᵢ²)·(Σ xᵢ³): the same function twice, with both arguments varying. */
  @Differentiable
  public static double energy(double[] w, double[] x) {
    return Kernels.weightedSquares(w, x) * Kernels.weightedSquares(x, x);
  }

  /** ‖shift(c, x)‖² + Σ yᵢ·xᵢ²: a scalar and an array into a function returning an array. */
  @Differentiable
  public static double shifted(double c, double[] x) {
    double[] y = Kernels.shift(c, x);
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s += y[i] * y[i];
    }
    return s + Kernels.weightedSquares(y, x);
  }

  /** shift applied three times in a loop, each time to the last result. */
  @Differentiable
  public static double iterated(double[] x, double c) {
    double[] y = Kernels.shift(c, x);
    for (int k = 0; k < 2; k++) {
      y = Kernels.shift(0.5 * c, y);
    }
    return Kernels.weightedSquares(y, x);
  }

  /** Only the data argument is constant: the pullback gets a scratch adjoint for it. */
  @Differentiable(wrt = "x")
  public static double weightedByData(double[] w, double[] x) {
    return Math.sin(Kernels.weightedSquares(w, x));
  }
}
