package dev.fluxion.corpus.loops;

import dev.fluxion.Differentiable;

/**
 * Seed 002, task 2 (the coding task) and task 4 made scalar by v·f(X)·z: vectors and matrices.
 */
public final class Seed002Matrices {

  private Seed002Matrices() {}

  /** Task 2: σ(w·x + b), d = 3. */
  @Differentiable
  public static double neuron(double[] w, double[] x, double b) {
    double z = b;
    for (int i = 0; i < w.length; i++) {
      z += w[i] * x[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** Task 2: v X a with X d×k (3×2). */
  @Differentiable
  public static double vXa(double[] v, double[][] X, double[] a) {
    double s = 0;
    for (int i = 0; i < X.length; i++) {
      for (int j = 0; j < a.length; j++) {
        s += v[i] * X[i][j] * a[j];
      }
    }
    return s;
  }

  /**
   * Task 2: v A X Xᵀ B z with X d×n (3×2), A and B d×d, in X; the matrix M = A X Xᵀ B is built in
   * {@code double[][]} locals.
   */
  @Differentiable(wrt = {"X"})
  public static double vAXXtBz(double[] v, double[][] A, double[][] X, double[][] B, double[] z) {
    int d = X.length;
    int n = X[0].length;
    double[][] ax = new double[d][n];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < d; k++) {
          ax[i][j] += A[i][k] * X[k][j];
        }
      }
    }
    double[][] axxt = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < n; k++) {
          axxt[i][j] += ax[i][k] * X[j][k];
        }
      }
    }
    double[][] m = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < d; k++) {
          m[i][j] += axxt[i][k] * B[k][j];
        }
      }
    }
    double s = 0;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        s += v[i] * m[i][j] * z[j];
      }
    }
    return s;
  }

  /** The row vector r M: out_j = Σ_i r_i M_ij. */
  @Differentiable
  public static double[] vecMat(double[] r, double[][] M) {
    double[] out = new double[M[0].length];
    for (int i = 0; i < M.length; i++) {
      for (int j = 0; j < out.length; j++) {
        out[j] += r[i] * M[i][j];
      }
    }
    return out;
  }

  /** The row vector r Mᵀ: out_i = Σ_j r_j M_ij. */
  @Differentiable
  public static double[] vecMatT(double[] r, double[][] M) {
    double[] out = new double[M.length];
    for (int i = 0; i < M.length; i++) {
      for (int j = 0; j < r.length; j++) {
        out[i] += r[j] * M[i][j];
      }
    }
    return out;
  }

  /** Task 4: v C X B Xᵀ A X z, d = 3, in X; a chain of row-vector products (calls). */
  @Differentiable(wrt = {"X"})
  public static double vCXBXtAXz(double[] v, double[][] C, double[][] X, double[][] B,
      double[][] A, double[] z) {
    double[] r = vecMat(v, C);
    r = vecMat(r, X);
    r = vecMat(r, B);
    r = vecMatT(r, X);
    r = vecMat(r, A);
    r = vecMat(r, X);
    return ArrayOps.dot(r, z);
  }

  /** Task 4: v X X A X X z, d = 3, in X. */
  @Differentiable(wrt = {"X"})
  public static double vXXAXXz(double[] v, double[][] X, double[][] A, double[] z) {
    double[] r = vecMat(v, X);
    r = vecMat(r, X);
    r = vecMat(r, A);
    r = vecMat(r, X);
    r = vecMat(r, X);
    return ArrayOps.dot(r, z);
  }
}
