package dev.fluxion.corpus.loops;

import dev.fluxion.Differentiable;

/** Methods that write into their parameter arrays, and methods for aliasing tests. */
public final class ParameterArrays {

  private ParameterArrays() {}

  /**
   * Writes 2·source into target, then returns Σ target_i·source_i + Σ target_i² (= 6 Σ
   * source_i² when the arrays are different). Passing one array for both must be rejected by the
   * gradient call.
   */
  @Differentiable
  public static double scaleInto(double[] target, double[] source) {
    for (int i = 0; i < source.length; i++) {
      target[i] = 2 * source[i];
    }
    double s = 0;
    for (int i = 0; i < source.length; i++) {
      s += target[i] * source[i] + target[i] * target[i];
    }
    return s;
  }

  /** Σ x_i² y_i: reads both arrays, writes neither. */
  @Differentiable
  public static double bilinear(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * x[i] * y[i];
    }
    return s;
  }

  /** Squares each element of its parameter in place, then returns Σ data_i·weights_i. */
  @Differentiable
  public static double squareInPlace(double[] data, double[] weights) {
    for (int i = 0; i < data.length; i++) {
      data[i] = data[i] * data[i];
    }
    double s = 0;
    for (int i = 0; i < data.length; i++) {
      s += data[i] * weights[i];
    }
    return s;
  }

  /** Writes a row of its matrix parameter (the row is overwritten by its running sum). */
  @Differentiable
  public static double cumulateRows(double[][] m) {
    for (int i = 1; i < m.length; i++) {
      for (int j = 0; j < m[i].length; j++) {
        m[i][j] += m[i - 1][j] * 0.5;
      }
    }
    double s = 0;
    for (int j = 0; j < m[m.length - 1].length; j++) {
      s += Math.sin(m[m.length - 1][j]);
    }
    return s;
  }

  /**
   * Writes 2·m[0] into v, then returns Σ_j v_j m_0j + v_j² (= 6 Σ m_0j² for distinct arrays).
   * Passing a row of m as v must be rejected by the gradient call.
   */
  @Differentiable
  public static double scaleRowInto(double[][] m, double[] v) {
    for (int j = 0; j < v.length; j++) {
      v[j] = 2 * m[0][j];
    }
    double s = 0;
    for (int j = 0; j < v.length; j++) {
      s += v[j] * m[0][j] + v[j] * v[j];
    }
    return s;
  }

  /**
   * Adds half of each row of source into the same row of target, then returns Σ target_ij ·
   * source_ij. Matrices that share a row object must be rejected when target is written.
   */
  @Differentiable
  public static double addRows(double[][] target, double[][] source) {
    for (int i = 0; i < target.length; i++) {
      for (int j = 0; j < target[i].length; j++) {
        target[i][j] += 0.5 * source[i][j];
      }
    }
    double s = 0;
    for (int i = 0; i < target.length; i++) {
      for (int j = 0; j < target[i].length; j++) {
        s += target[i][j] * source[i][j];
      }
    }
    return s;
  }

  /** Writes its parameter, then returns early from inside the loop: a[i]² for the first > 3. */
  @Differentiable
  public static double writeThenReturnEarly(double[] a) {
    for (int i = 0; i < a.length; i++) {
      a[i] = a[i] * a[i];
      if (a[i] > 3) {
        return a[i] * a[0] + i;
      }
    }
    return -1 + a[0];
  }

  /** A recursive method that writes its parameter: prefix sums, then Σ a_i² from i on. */
  @Differentiable
  public static double recursivePrefix(double[] a, int i) {
    if (i >= a.length) {
      return 0;
    }
    if (i > 0) {
      a[i] += a[i - 1];
    }
    return a[i] * a[i] + recursivePrefix(a, i + 1);
  }
}
