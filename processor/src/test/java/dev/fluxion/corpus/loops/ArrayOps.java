package dev.fluxion.corpus.loops;

import dev.fluxion.Differentiable;

/**
 * Arrays: reads, writes, overwrites, {@code length}, {@code new}, initialisers, reassigned array
 * locals, int index arithmetic, {@code int[]} data, calls that pass arrays, recursion over an
 * array, and {@code double[]} results.
 */
public final class ArrayOps {

  private ArrayOps() {}

  /** Σ x_i². */
  @Differentiable
  public static double sumOfSquares(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * x[i];
    }
    return s;
  }

  /** a·b. */
  @Differentiable
  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Σ (x[i + 1] − x[i])²: index arithmetic on reads. */
  @Differentiable
  public static double squaredDifferences(double[] x) {
    double s = 0;
    for (int i = 0; i + 1 < x.length; i++) {
      double d = x[i + 1] - x[i];
      s += d * d;
    }
    return s;
  }

  /** Σ (i + 1) x[n − 1 − i]²: reading backwards. */
  @Differentiable
  public static double reversedWeights(double[] x) {
    int n = x.length;
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += (i + 1) * x[n - 1 - i] * x[n - 1 - i];
    }
    return s;
  }

  /** The mean and the unbiased variance, using {@code x.length} as a divisor: mean + variance. */
  @Differentiable
  public static double meanPlusVariance(double[] x) {
    double mean = 0;
    for (int i = 0; i < x.length; i++) {
      mean += x[i];
    }
    mean /= x.length;
    double v = 0;
    for (int i = 0; i < x.length; i++) {
      v += (x[i] - mean) * (x[i] - mean);
    }
    return mean + v / (x.length - 1);
  }

  /** One element of a local array overwritten several times. */
  @Differentiable
  public static double overwriteElement(double[] x) {
    double[] t = new double[2];
    t[0] = x[0];
    t[0] = t[0] * t[0];
    t[0] = Math.sin(t[0]) + x[1];
    t[1] = t[0] * x[0];
    t[0] *= t[1];
    t[0] += t[0];
    return t[0] + t[1];
  }

  /** Array initialisers with active elements, passed to another differentiable method. */
  @Differentiable
  public static double initialisers(double x, double y) {
    double[] c = {1, 2, x};
    double[] d = {y, x * y, 3};
    return dot(c, d) + c[2] * d[0];
  }

  /** {@code new double[n]} filled by a recurrence: a[i] = a[i − 1]·x + 1, the last element. */
  @Differentiable
  public static double filledByRecurrence(double x, int n) {
    double[] a = new double[n];
    a[0] = x;
    for (int i = 1; i < n; i++) {
      a[i] = a[i - 1] * x + 1;
    }
    return a[n - 1];
  }

  /** {@code new double[n][m]}: the Gram matrix x xᵀ + diag(x) as a local, then trace(M²). */
  @Differentiable
  public static double gramTrace(double[] x) {
    int n = x.length;
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i][j] = x[i] * x[j];
      }
      m[i][i] += x[i];
    }
    double t = 0;
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        t += m[i][k] * m[k][i];
      }
    }
    return t;
  }

  /**
   * The lower triangle of x xᵀ in a {@code new double[n][n]} local, weighted by column: Σ_{j ≤ i}
   * x_i x_j (j + 1).
   */
  @Differentiable
  public static double triangle(double[] x) {
    int n = x.length;
    double[][] rows = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        rows[i][j] = x[i] * x[j];
      }
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        s += rows[i][j] * (j + 1);
      }
    }
    return s;
  }

  /**
   * A ragged {@code double[][]} local: {@code new double[n][]}, then {@code rows[i] = new
   * double[i + 1]}; Σ_{j ≤ i} x_i x_j (j + 1).
   */
  @Differentiable
  public static double raggedTriangle(double[] x) {
    int n = x.length;
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = new double[i + 1];
      for (int j = 0; j <= i; j++) {
        rows[i][j] = x[i] * x[j];
      }
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < rows[i].length; j++) {
        s += rows[i][j] * (j + 1);
      }
    }
    return s;
  }

  /** Index expressions with side effects: {@code x[k++] * k} reads x[k] then the new k. */
  @Differentiable
  public static double sideEffectIndex(double[] x) {
    int k = 0;
    double s = 0;
    while (k < x.length) {
      s += x[k++] * k;
    }
    double[] t = new double[x.length];
    int j = 0;
    t[j++] = x[0];
    t[j++] += x[0] * s;
    return s + t[0] * t[1] + j;
  }

  /** Chained assignment through array elements: {@code a[0] = b[1] = x * y}. */
  @Differentiable
  public static double chainedAssignment(double x, double y) {
    double[] a = new double[2];
    double[] b = new double[2];
    a[0] = b[1] = x * y;
    a[1] = a[0] + (b[0] = y);
    return a[0] * a[1] + b[1] * b[0];
  }

  /**
   * An array local chosen by {@code if}/{@code else} (an array-valued {@code ?:} is rejected with
   * FLX202), then reads and a write through it.
   */
  @Differentiable
  public static double chooseArray(double[] a, double[] b, int k) {
    double[] p;
    double[] q = new double[2];
    double[] r;
    if (k > 0) {
      p = a;
      r = q;
    } else {
      p = b;
      r = new double[2];
    }
    r[0] = p[0] * p[1];
    return r[0] + q[0] + p[1];
  }

  /** A nested initialiser {@code {{1, x}, {y, x·y}}}, a {@code var} array local, {@code a[i]++}. */
  @Differentiable
  public static double nestedInitialiser(double x, double y) {
    double[][] m = {{1, x}, {y, x * y}};
    var v = new double[2];
    v[0] = x;
    v[1] = 2;
    v[1]++;
    return m[0][1] * m[1][0] + m[1][1] * v[1] + v[0];
  }

  /** Writes to the rows of a local matrix through the enhanced-for variable. */
  @Differentiable
  public static double scaleRowsInEnhancedFor(double[][] a) {
    double[][] c = new double[a.length][a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        c[i][j] = a[i][j];
      }
    }
    for (double[] row : c) {
      row[0] = row[0] * row[row.length - 1];
    }
    double s = 0;
    for (int i = 0; i < c.length; i++) {
      s += c[i][0];
    }
    return s;
  }

  /** In-place prefix recurrence a[i] += a[i − 1] over a local copy, then Σ a_i². */
  @Differentiable
  public static double prefixOnCopy(double[] x) {
    double[] a = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      a[i] = x[i];
    }
    for (int i = 1; i < a.length; i++) {
      a[i] += a[i - 1];
    }
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * a[i];
    }
    return s;
  }

  /**
   * In-place prefix recurrence a[i] += a[i − 1] over the parameter array itself, then Σ a_i². The
   * primal leaves the prefix sums in the caller's array; the gradient call leaves it unchanged.
   */
  @Differentiable
  public static double prefixInPlace(double[] a) {
    for (int i = 1; i < a.length; i++) {
      a[i] += a[i - 1];
    }
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * a[i];
    }
    return s;
  }

  /** Bubble sort by swaps on a local copy, then the rank-weighted sum Σ (i + 1) sorted_i. */
  @Differentiable
  public static double sortedWeightedSum(double[] x) {
    int n = x.length;
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = x[i];
    }
    for (int pass = 0; pass < n - 1; pass++) {
      boolean swapped = false;
      for (int i = 0; i < n - 1 - pass; i++) {
        if (s[i] > s[i + 1]) {
          double t = s[i];
          s[i] = s[i + 1];
          s[i + 1] = t;
          swapped = true;
        }
      }
      if (!swapped) {
        break;
      }
    }
    double w = 0;
    for (int i = 0; i < n; i++) {
      w += (i + 1) * s[i];
    }
    return w;
  }

  /** Horner's rule: Σ c_i x^i, coefficients in increasing order. */
  @Differentiable
  public static double horner(double[] c, double x) {
    double p = 0;
    for (int i = c.length - 1; i >= 0; i--) {
      p = p * x + c[i];
    }
    return p;
  }

  /** An {@code int[]} permutation as inactive index data: Σ (i + 1) x[perm[i]]². */
  @Differentiable
  public static double permuted(double[] x, int[] perm) {
    double s = 0;
    for (int i = 0; i < perm.length; i++) {
      s += (i + 1) * x[perm[i]] * x[perm[i]];
    }
    return s;
  }

  /** Recursion over an array with an int index: Σ_{i ≥ from} sin(x_i)·(i + 1). */
  @Differentiable
  public static double recursiveSum(double[] x, int from) {
    if (from >= x.length) {
      return 0;
    }
    return Math.sin(x[from]) * (from + 1) + recursiveSum(x, from + 1);
  }

  /**
   * A reassigned array local: a diffusion step h ← next, with {@code new double[n]} every step,
   * then Σ h_i².
   */
  @Differentiable
  public static double diffusion(double[] x, int steps) {
    int n = x.length;
    double[] h = new double[n];
    for (int i = 0; i < n; i++) {
      h[i] = x[i];
    }
    for (int s = 0; s < steps; s++) {
      double[] next = new double[n];
      for (int i = 0; i < n; i++) {
        double left = h[(i + n - 1) % n];
        double right = h[(i + 1) % n];
        next[i] = 0.5 * h[i] + 0.25 * (left + right) + 0.1 * Math.sin(h[i]);
      }
      h = next;
    }
    return sumOfSquares(h);
  }

  /** Swapping two array locals by reassignment (double buffering) without allocating. */
  @Differentiable
  public static double doubleBuffer(double[] x, int steps) {
    double[] a = new double[x.length];
    double[] b = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      a[i] = x[i];
    }
    for (int s = 0; s < steps; s++) {
      for (int i = 0; i < a.length; i++) {
        b[i] = a[i] * a[i] * 0.5 + a[(i + 1) % a.length] * 0.3;
      }
      double[] t = a;
      a = b;
      b = t;
    }
    double r = 0;
    for (int i = 0; i < a.length; i++) {
      r += a[i];
    }
    return r;
  }

  /** A {@code double[]} result: W x. */
  @Differentiable
  public static double[] matVec(double[][] w, double[] x) {
    double[] y = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      double s = 0;
      for (int j = 0; j < x.length; j++) {
        s += w[i][j] * x[j];
      }
      y[i] = s;
    }
    return y;
  }

  /** A {@code double[]} result from an elementwise nonlinearity and a parameter: tanh(x)·a. */
  @Differentiable
  public static double[] scaledTanh(double[] x, double a) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.tanh(x[i]) * a;
    }
    return y;
  }

  /** Calls with arrays: ‖W x‖² through {@link #matVec} and {@link #sumOfSquares}. */
  @Differentiable
  public static double normOfProduct(double[][] w, double[] x) {
    double[] y = matVec(w, x);
    return sumOfSquares(y);
  }

  /** A call inside a loop, on the rows of a matrix: Σ_i dot(A_i, x)². */
  @Differentiable
  public static double rowDots(double[][] a, double[] x) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = dot(a[i], x);
      s += d * d;
    }
    return s;
  }

  /** A matrix parameter written through a row alias of a local copy: Σ rows after scaling. */
  @Differentiable
  public static double rowAlias(double[][] a) {
    double[][] c = new double[a.length][a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        c[i][j] = a[i][j];
      }
    }
    double s = 0;
    for (int i = 0; i < c.length; i++) {
      double[] row = c[i];
      for (int j = 0; j < row.length; j++) {
        row[j] = row[j] * row[j] + j;
      }
      s += c[i][0] * row[row.length - 1];
    }
    return s;
  }
}
