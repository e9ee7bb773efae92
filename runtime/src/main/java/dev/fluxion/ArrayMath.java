package dev.fluxion;

import java.util.function.DoubleUnaryOperator;

/**
 * Vector and matrix primitives with hand-written derivatives, for use in {@link Differentiable}
 * code (and anywhere else).
 *
 * <p>Fluxion does not differentiate through the bodies of these methods: a differentiable method
 * that calls one of them uses the pullbacks and tangents registered in
 * {@link ArrayMathDerivatives}, in reverse mode, forward mode and for second derivatives alike.
 * That is faster than differentiating their loops, and keeps the slopes of {@link #sigmoid} and
 * {@link #tanh} accurate where their values saturate.
 *
 * <p>A vector is a {@code double[]}; a matrix is a {@code double[][]} of rows, {@code rows ×
 * cols}, and must be rectangular. Shapes that do not fit throw an
 * {@link IllegalArgumentException} saying which; {@code null} arrays or rows throw a
 * {@link NullPointerException}. Every method leaves its arguments as they were, and every array
 * it returns is new (a returned matrix shares no row with an argument).
 */
@UsesDerivatives(ArrayMathDerivatives.class)
public final class ArrayMath {
  private ArrayMath() {}

  /**
   * The dot product {@code Σᵢ aᵢ bᵢ} of two vectors of the same length (0 when both are empty).
   *
   * @param a a vector of {@code n} entries
   * @param b a vector of {@code n} entries
   * @return {@code a · b}
   * @throws IllegalArgumentException if {@code a} and {@code b} differ in length
   */
  public static double dot(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "dot: a has " + a.length + " entries but b has " + b.length);
    }
    return ArrayKernels.dot(a, b);
  }

  /**
   * The matrix-vector product {@code m · x}: entry {@code i} is {@code Σⱼ m[i][j] x[j]}.
   *
   * @param m a {@code rows × cols} matrix
   * @param x a vector of {@code cols} entries
   * @return a new vector of {@code rows} entries
   * @throws IllegalArgumentException if a row of {@code m} does not have {@code x.length} entries
   */
  public static double[] matVec(double[][] m, double[] x) {
    requireRowLengths("matVec", m, "m", x.length, "the length of x");
    double[] y = new double[m.length];
    ArrayKernels.addMatVec(y, m, x);
    return y;
  }

  /**
   * The matrix product {@code a · b}: entry {@code [i][l]} is {@code Σⱼ a[i][j] b[j][l]}.
   *
   * @param a an {@code n × k} matrix
   * @param b a {@code k × p} matrix
   * @return a new {@code n × p} matrix ({@code n × 0} when {@code b} has no rows)
   * @throws IllegalArgumentException if a row of {@code a} does not have {@code b.length} entries,
   *     or {@code b} is not rectangular
   */
  public static double[][] matMul(double[][] a, double[][] b) {
    requireRowLengths("matMul", a, "a", b.length, "the number of rows of b");
    int p = ArrayKernels.columns(b);
    requireRowLengths("matMul", b, "b", p, "the length of row 0 of b");
    double[][] c = new double[a.length][p];
    ArrayKernels.addMatMul(c, a, b);
    return c;
  }

  /**
   * The sum {@code Σᵢ xᵢ} of a vector's entries (0 when it is empty).
   *
   * @param x a vector
   * @return the sum of its entries
   */
  public static double sum(double[] x) {
    double sum = 0;
    for (double xi : x) {
      sum += xi;
    }
    return sum;
  }

  /**
   * The squared Euclidean norm {@code Σᵢ xᵢ²} of a vector (0 when it is empty).
   *
   * @param x a vector
   * @return {@code x · x}
   */
  public static double squaredNorm(double[] x) {
    return ArrayKernels.dot(x, x);
  }

  /**
   * The log-sum-exp {@code log Σᵢ exp(xᵢ)}, a smooth maximum: computed as {@code max + log Σᵢ
   * exp(xᵢ − max)}, so that large entries do not overflow and very negative ones do not all
   * underflow. Its gradient is {@link #softmax}{@code (x)}.
   *
   * <p>An empty vector gives {@code -Infinity} (the logarithm of an empty sum), and so does one
   * whose entries are all {@code -Infinity}; an entry {@code +Infinity} gives {@code +Infinity}.
   *
   * @param x a vector
   * @return {@code log Σᵢ exp(xᵢ)}
   */
  public static double logSumExp(double[] x) {
    double max = max(x);
    if (Double.isInfinite(max)) {
      return max;
    }
    double sum = 0;
    for (double xi : x) {
      sum += Math.exp(xi - max);
    }
    return max + Math.log(sum);
  }

  /**
   * The softmax {@code pᵢ = exp(xᵢ) / Σⱼ exp(xⱼ)}: positive entries that sum to 1 (up to
   * rounding), largest where {@code x} is. Computed from {@code exp(xᵢ − max)}, so that large
   * entries do not overflow. Entries {@code +Infinity}, or all entries {@code -Infinity}, give
   * {@code NaN}s.
   *
   * @param x a vector of {@code n} entries
   * @return a new vector of {@code n} entries (empty when {@code x} is)
   */
  public static double[] softmax(double[] x) {
    double max = max(x);
    double[] p = new double[x.length];
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      p[i] = Math.exp(x[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  /**
   * The logistic sigmoid {@code 1 / (1 + exp(−xᵢ))} of each entry, in {@code [0, 1]}. Computed
   * without overflow for entries of any size: a large negative entry gives a tiny positive value
   * (or 0), not {@code NaN}.
   *
   * @param x a vector of {@code n} entries
   * @return a new vector of {@code n} entries
   */
  public static double[] sigmoid(double[] x) {
    return map(x, ArrayMath::logistic);
  }

  /**
   * The rectifier {@code max(xᵢ, 0)} of each entry. Its derivative is taken as 0 at
   * {@code xᵢ = 0} (as it is for {@code xᵢ < 0}), in the gradient and in the tangent.
   *
   * @param x a vector of {@code n} entries
   * @return a new vector of {@code n} entries
   */
  public static double[] relu(double[] x) {
    return map(x, xi -> Math.max(xi, 0.0));
  }

  /**
   * The hyperbolic tangent {@code tanh(xᵢ)} of each entry, in {@code [−1, 1]}. Its derivative is
   * computed as {@code 1 / cosh²(xᵢ)}, which stays accurate (not exactly 0) for large entries.
   *
   * @param x a vector of {@code n} entries
   * @return a new vector of {@code n} entries
   */
  public static double[] tanh(double[] x) {
    return map(x, Math::tanh);
  }

  // 1 / (1 + e^-x), with exp taken of −|x| only
  private static double logistic(double x) {
    if (x >= 0) {
      return 1 / (1 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1 + e);
  }

  // y_i = f(x_i), into a new array
  private static double[] map(double[] x, DoubleUnaryOperator f) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = f.applyAsDouble(x[i]);
    }
    return y;
  }

  // max_i x_i, or -Infinity when x is empty
  private static double max(double[] x) {
    double max = Double.NEGATIVE_INFINITY;
    for (double xi : x) {
      max = Math.max(max, xi);
    }
    return max;
  }

  // Throws unless every row of m has `length` entries; `length` is described as `lengthOf`.
  private static void requireRowLengths(
      String method, double[][] m, String name, int length, String lengthOf) {
    for (int i = 0; i < m.length; i++) {
      if (m[i].length != length) {
        throw new IllegalArgumentException(
            method + ": row " + i + " of " + name + " has " + m[i].length + " entries, not "
                + length + " (" + lengthOf + ")");
      }
    }
  }
}
