package dev.fluxion.corpus.custom;

import dev.fluxion.ArrayMath;
import dev.fluxion.Differentiable;

/**
 * Every array primitive of the runtime's {@link ArrayMath} called from differentiable code, so
 * that their registered pullbacks, tangents and pullback tangents are checked in every mode and to
 * second order. Matrices are built from vector parameters where the method should have Hessians.
 */
public final class UsesArrayMath {
  private UsesArrayMath() {}

  /** ⟨softmax(x), w⟩ + logsumexp(w·x elementwise). */
  @Differentiable
  public static double softmaxAttention(double[] x, double[] w) {
    double[] p = ArrayMath.softmax(x);
    double[] wx = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      wx[i] = w[i] * x[i];
    }
    return ArrayMath.dot(p, w) + ArrayMath.logSumExp(wx);
  }

  /**
   * A one-layer network on a 3×4 matrix made from p: h = tanh(M x), then
   * logsumexp(h) + ‖sigmoid(h)‖² + Σ relu(x − 1).
   */
  @Differentiable
  public static double layer(double[] p, double[] x) {
    double[][] m = {
        {p[0], p[1], p[2], p[3]},
        {p[1], -p[2], p[3], p[0]},
        {-p[3], p[0], p[1], -p[2]}};
    double[] h = ArrayMath.tanh(ArrayMath.matVec(m, x));
    double[] shifted = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      shifted[i] = x[i] - 1.0;
    }
    return ArrayMath.logSumExp(h) + ArrayMath.squaredNorm(ArrayMath.sigmoid(h))
        + ArrayMath.sum(ArrayMath.relu(shifted));
  }

  /** Σ of (A B) for 2×2 matrices made from a and b, plus its squared first row. */
  @Differentiable
  public static double product(double[] a, double[] b) {
    double[][] left = {{a[0], a[1]}, {a[2], a[3]}};
    double[][] right = {{b[0], -b[1]}, {b[2], b[3]}};
    double[][] c = ArrayMath.matMul(left, right);
    return ArrayMath.sum(c[0]) + ArrayMath.sum(c[1]) + ArrayMath.squaredNorm(c[0]);
  }

  /** ‖A B x‖² with matrix parameters (gradients and tangents; no Hessian form for matrices). */
  @Differentiable
  public static double matrices(double[][] a, double[][] b, double[] x) {
    double[] y = ArrayMath.matVec(ArrayMath.matMul(a, b), ArrayMath.tanh(x));
    return ArrayMath.squaredNorm(y);
  }

  /** The primitives inside a loop: an RNN-like recurrence over 3 steps. */
  @Differentiable
  public static double recurrence(double[] p, double[] h0) {
    double[][] w = {
        {p[0], p[1], p[2], p[3]},
        {p[3], p[0], p[1], p[2]},
        {p[2], p[3], p[0], p[1]},
        {p[1], p[2], p[3], p[0]}};
    double[] h = ArrayMath.sigmoid(h0);
    for (int t = 0; t < 3; t++) {
      h = ArrayMath.tanh(ArrayMath.matVec(w, h));
    }
    return ArrayMath.logSumExp(h);
  }
}
