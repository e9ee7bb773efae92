package dev.fluxion.corpus.loops;

import dev.fluxion.Differentiable;

/**
 * {@code double[][]} results (the issue lists them among the subset's results; the pullback takes
 * a {@code double[][]} seed by analogy with {@code double[]} results). Kept in a file of their own
 * so that they can be set aside while that form is not supported.
 */
public final class MatrixResults {

  private MatrixResults() {}

  /** The outer product u vᵀ. */
  @Differentiable
  public static double[][] outer(double[] u, double[] v) {
    double[][] m = new double[u.length][v.length];
    for (int i = 0; i < u.length; i++) {
      for (int j = 0; j < v.length; j++) {
        m[i][j] = u[i] * v[j];
      }
    }
    return m;
  }

  /** The matrix product P Q. */
  @Differentiable
  public static double[][] matMul(double[][] P, double[][] Q) {
    int n = P.length;
    int m = Q[0].length;
    double[][] r = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int k = 0; k < Q.length; k++) {
          s += P[i][k] * Q[k][j];
        }
        r[i][j] = s;
      }
    }
    return r;
  }

  /** tr(P Q P): a scalar through a call with a {@code double[][]} result, twice. */
  @Differentiable
  public static double traceOfProducts(double[][] P, double[][] Q) {
    double[][] pq = matMul(P, Q);
    double[][] pqp = matMul(pq, P);
    double t = 0;
    for (int i = 0; i < pqp.length; i++) {
      t += pqp[i][i];
    }
    return t;
  }
}
