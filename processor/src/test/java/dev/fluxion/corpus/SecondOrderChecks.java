package dev.fluxion.corpus;

import static org.junit.jupiter.api.Assertions.fail;

import dev.fluxion.testing.FiniteDifferences;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Small linear algebra and the assertions the forward-mode and second-order tests share: matrices
 * as {@code double[][]}, finite-difference Jacobians, directional derivatives and Hessians (by
 * {@link FiniteDifferences#partial}, Ridders' extrapolation), and comparisons with a tolerance
 * relative to the largest entry (products of matrices cancel, so a per-entry relative tolerance
 * would be meaningless for entries near zero).
 */
final class SecondOrderChecks {

  /** Generated code against a hand-written formula: they round differently, nothing more. */
  static final double EXACT = 1e-12;

  /** Forward mode against reverse mode. */
  static final double MODES = 1e-12;

  /** Against finite differences (Ridders' extrapolation). */
  static final double FD = 1e-7;

  private SecondOrderChecks() {}

  // ---- assertions ----

  /**
   * Asserts {@code |expected_i − actual_i| ≤ tol · max(1, max_i |expected_i|)} for every i.
   *
   * @param what a description for the message
   * @param expected the expected values
   * @param actual the actual values, as many
   * @param tol the tolerance, relative to the largest expected entry (absolute below 1)
   */
  static void assertAllClose(String what, double[] expected, double[] actual, double tol) {
    if (expected.length != actual.length) {
      fail(what + ": expected " + expected.length + " entries, got " + actual.length);
    }
    double scale = 1;
    for (double e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    StringBuilder problems = new StringBuilder();
    for (int i = 0; i < expected.length; i++) {
      double diff = Math.abs(expected[i] - actual[i]);
      if (!(diff <= tol * scale)) {
        problems.append(String.format("%n  [%d]: expected %s, got %s (difference %.3g, allowed %.3g)",
            i, expected[i], actual[i], diff, tol * scale));
      }
    }
    if (problems.length() > 0) {
      fail(what + ":" + problems);
    }
  }

  /** {@link #assertAllClose(String, double[], double[], double)} for matrices, entry by entry. */
  static void assertAllClose(String what, double[][] expected, double[][] actual, double tol) {
    if (expected.length != actual.length) {
      fail(what + ": expected " + expected.length + " rows, got " + actual.length);
    }
    assertAllClose(what, flatten(expected), flatten(actual), tol);
  }

  /** Asserts that H equals its transpose up to {@code tol} relative to its largest entry. */
  static void assertSymmetric(String what, double[][] h, double tol) {
    assertAllClose(what + " is symmetric", h, transpose(h), tol);
  }

  // ---- finite differences ----

  /**
   * The directional derivative d/dt f(x + t·v) at t = 0 of a vector function, component by
   * component, by Ridders' extrapolation.
   */
  static double[] directionalFd(Function<double[], double[]> f, double[] x, double[] v) {
    int m = f.apply(x.clone()).length;
    double[] d = new double[m];
    for (int i = 0; i < m; i++) {
      int component = i;
      d[i] = FiniteDifferences.partial(
          t -> f.apply(axpy(t[0], v, x))[component], new double[] {0}, 0);
    }
    return d;
  }

  /** The directional derivative of a matrix function along a matrix direction. */
  static double[][] directionalFd(UnaryOperator<double[][]> f, double[][] x, double[][] h) {
    double[][] value = f.apply(copy(x));
    double[][] d = new double[value.length][];
    for (int i = 0; i < value.length; i++) {
      d[i] = new double[value[i].length];
      for (int j = 0; j < value[i].length; j++) {
        int row = i;
        int column = j;
        d[i][j] = FiniteDifferences.partial(
            t -> f.apply(add(x, scale(t[0], h)))[row][column], new double[] {0}, 0);
      }
    }
    return d;
  }

  /** The Jacobian of a vector function, column k the partials along input k. */
  static double[][] jacobianFd(Function<double[], double[]> f, double[] x) {
    int m = f.apply(x.clone()).length;
    double[][] j = new double[m][x.length];
    for (int k = 0; k < x.length; k++) {
      double[] column = directionalFd(f, x, unit(x.length, k));
      for (int i = 0; i < m; i++) {
        j[i][k] = column[i];
      }
    }
    return j;
  }

  /** The Hessian as the finite-difference Jacobian of the gradient. */
  static double[][] hessianFd(Function<double[], double[]> gradient, double[] x) {
    return jacobianFd(gradient, x);
  }

  // ---- linear algebra ----

  static double[] unit(int n, int k) {
    double[] e = new double[n];
    e[k] = 1;
    return e;
  }

  /** a·v + x, a new vector. */
  static double[] axpy(double a, double[] v, double[] x) {
    double[] r = x.clone();
    for (int i = 0; i < r.length; i++) {
      r[i] += a * v[i];
    }
    return r;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  static double[] times(double[][] m, double[] v) {
    double[] r = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      r[i] = dot(m[i], v);
    }
    return r;
  }

  static double[][] times(double[][] a, double[][] b) {
    double[][] r = new double[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b[0].length; j++) {
        for (int k = 0; k < b.length; k++) {
          r[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return r;
  }

  /** The product of several matrices, left to right. */
  static double[][] product(double[][]... factors) {
    double[][] r = factors[0];
    for (int i = 1; i < factors.length; i++) {
      r = times(r, factors[i]);
    }
    return r;
  }

  static double[][] transpose(double[][] a) {
    double[][] t = new double[a[0].length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        t[j][i] = a[i][j];
      }
    }
    return t;
  }

  /** The sum of matrices of one shape. */
  static double[][] add(double[][]... terms) {
    double[][] r = new double[terms[0].length][terms[0][0].length];
    for (double[][] t : terms) {
      for (int i = 0; i < r.length; i++) {
        for (int j = 0; j < r[i].length; j++) {
          r[i][j] += t[i][j];
        }
      }
    }
    return r;
  }

  static double[][] scale(double a, double[][] m) {
    double[][] r = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      r[i] = new double[m[i].length];
      for (int j = 0; j < m[i].length; j++) {
        r[i][j] = a * m[i][j];
      }
    }
    return r;
  }

  /** a·v, a new vector. */
  static double[] scale(double a, double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = a * v[i];
    }
    return r;
  }

  /** The outer product a bᵀ. */
  static double[][] outer(double[] a, double[] b) {
    double[][] r = new double[a.length][b.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b.length; j++) {
        r[i][j] = a[i] * b[j];
      }
    }
    return r;
  }

  static double[][] identity(int n) {
    double[][] r = new double[n][n];
    for (int i = 0; i < n; i++) {
      r[i][i] = 1;
    }
    return r;
  }

  static double[][] copy(double[][] m) {
    double[][] r = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      r[i] = m[i].clone();
    }
    return r;
  }

  static double[] flatten(double[][] m) {
    return Arrays.stream(m).flatMapToDouble(Arrays::stream).toArray();
  }

  /** Solves A x = b by Gaussian elimination with partial pivoting (A and b are not changed). */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = copy(a);
    double[] x = b.clone();
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      double[] row = m[col];
      m[col] = m[pivot];
      m[pivot] = row;
      double t = x[col];
      x[col] = x[pivot];
      x[pivot] = t;
      for (int r = col + 1; r < n; r++) {
        double factor = m[r][col] / m[col][col];
        for (int c = col; c < n; c++) {
          m[r][c] -= factor * m[col][c];
        }
        x[r] -= factor * x[col];
      }
    }
    for (int r = n - 1; r >= 0; r--) {
      double s = x[r];
      for (int c = r + 1; c < n; c++) {
        s -= m[r][c] * x[c];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }

  /**
   * Solves H x = b by conjugate gradients, H symmetric positive definite and known only through
   * products {@code hv.apply(v) = H v}: at most n iterations, stopping when the residual is below
   * {@code 1e-14 · |b|}.
   */
  static double[] conjugateGradients(UnaryOperator<double[]> hv, double[] b) {
    int n = b.length;
    double[] x = new double[n];
    double[] r = b.clone();
    double[] p = r.clone();
    double rr = dot(r, r);
    double stop = 1e-28 * rr;
    for (int it = 0; it < n && rr > stop; it++) {
      double[] hp = hv.apply(p);
      double alpha = rr / dot(p, hp);
      x = axpy(alpha, p, x);
      r = axpy(-alpha, hp, r);
      double next = dot(r, r);
      p = axpy(next / rr, p, r);
      rr = next;
    }
    return x;
  }
}
