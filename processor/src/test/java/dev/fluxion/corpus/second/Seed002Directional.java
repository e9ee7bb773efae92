package dev.fluxion.corpus.second;

import dev.fluxion.Differentiable;

/**
 * Seed 002, tasks 3, 4 and 5, for forward mode: directional derivatives Df(X)[H] of a
 * vector-valued function, of two matrix polynomials, and of a function that is not differentiable
 * at the origin.
 */
public final class Seed002Directional {

  private Seed002Directional() {}

  /**
   * Task 3: f(X) = (1 x2)·[[1, x2³], [sin x2, x1]] for X = (x1, x2), a row vector times a matrix,
   * written as the sheet writes it: f = (1 + x2·sin x2, x2³ + x2·x1).
   */
  @Differentiable
  public static double[] rowTimesMatrix(double[] X) {
    double x1 = X[0];
    double x2 = X[1];
    double[] row = {1, x2};
    double[][] m = {{1, x2 * x2 * x2}, {Math.sin(x2), x1}};
    double[] f = new double[2];
    for (int j = 0; j < 2; j++) {
      for (int i = 0; i < 2; i++) {
        f[j] += row[i] * m[i][j];
      }
    }
    return f;
  }

  /** The matrix product P·Q, by loops. */
  @Differentiable
  public static double[][] times(double[][] P, double[][] Q) {
    int n = P.length;
    int inner = Q.length;
    int m = Q[0].length;
    double[][] R = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int k = 0; k < inner; k++) {
          s += P[i][k] * Q[k][j];
        }
        R[i][j] = s;
      }
    }
    return R;
  }

  /** The transpose Pᵀ. */
  @Differentiable
  public static double[][] transpose(double[][] P) {
    double[][] T = new double[P[0].length][P.length];
    for (int i = 0; i < P.length; i++) {
      for (int j = 0; j < P[0].length; j++) {
        T[j][i] = P[i][j];
      }
    }
    return T;
  }

  /** Task 4: f(X) = C X B Xᵀ A X, differentiated in X only. */
  @Differentiable(wrt = {"X"})
  public static double[][] cxbxtax(double[][] X, double[][] A, double[][] B, double[][] C) {
    return times(times(times(times(times(C, X), B), transpose(X)), A), X);
  }

  /** Task 4: f(X) = X X A X X, differentiated in X only. */
  @Differentiable(wrt = {"X"})
  public static double[][] xxaxx(double[][] X, double[][] A) {
    double[][] xx = times(X, X);
    return times(times(xx, A), xx);
  }

  /**
   * Task 4, X X A X X once more, in one body: the four products are one loop over the right
   * factor (A for the second, X otherwise), each a triple loop, the running product reassigned.
   */
  @Differentiable(wrt = {"X"})
  public static double[][] xxaxxLoops(double[][] X, double[][] A) {
    int d = X.length;
    double[][] left = X;
    for (int f = 0; f < 4; f++) {
      double[][] next = new double[d][d];
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          for (int k = 0; k < d; k++) {
            double right = X[k][j];
            if (f == 1) {
              right = A[k][j];
            }
            next[i][j] += left[i][k] * right;
          }
        }
      }
      left = next;
    }
    return left;
  }

  /**
   * Task 4, X X A X X a third time: the right factor is an array local, X or A, chosen by an
   * {@code if} (an active and an inactive array merged into one variable).
   */
  @Differentiable(wrt = {"X"})
  public static double[][] xxaxxMerged(double[][] X, double[][] A) {
    int d = X.length;
    double[][] left = X;
    for (int f = 0; f < 4; f++) {
      double[][] right = X;
      if (f == 1) {
        right = A;
      }
      double[][] next = new double[d][d];
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          for (int k = 0; k < d; k++) {
            next[i][j] += left[i][k] * right[k][j];
          }
        }
      }
      left = next;
    }
    return left;
  }

  /**
   * Task 5: f(x, y) = y³/(x² + y²), and 0 at the origin, with the sheet's case distinction as an
   * {@code if}.
   */
  @Differentiable
  public static double cubicOverNorm(double x, double y) {
    if (x == 0 && y == 0) {
      return 0;
    }
    return y * y * y / (x * x + y * y);
  }
}
