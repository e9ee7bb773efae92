package dev.fluxion;

/**
 * The loops {@link ArrayMath} and {@link ArrayMathDerivatives} share. Every {@code add…} method
 * adds into its first argument; none checks shapes (the callers have).
 */
final class ArrayKernels {
  private ArrayKernels() {}

  // Σ_i a_i b_i, over the entries of a
  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  // out += alpha · x
  static void addScaled(double[] out, double alpha, double[] x) {
    for (int i = 0; i < x.length; i++) {
      out[i] += alpha * x[i];
    }
  }

  // out += m · x
  static void addMatVec(double[] out, double[][] m, double[] x) {
    for (int i = 0; i < m.length; i++) {
      out[i] += dot(m[i], x);
    }
  }

  // out += mᵀ · u
  static void addTransposedMatVec(double[] out, double[][] m, double[] u) {
    for (int i = 0; i < m.length; i++) {
      addScaled(out, u[i], m[i]);
    }
  }

  // out += u · vᵀ
  static void addOuter(double[][] out, double[] u, double[] v) {
    for (int i = 0; i < u.length; i++) {
      addScaled(out[i], u[i], v);
    }
  }

  // out += a · b (row i of a · b is a_i · b)
  static void addMatMul(double[][] out, double[][] a, double[][] b) {
    for (int i = 0; i < a.length; i++) {
      addTransposedMatVec(out[i], b, a[i]);
    }
  }

  // out += a · bᵀ (row i of a · bᵀ is b · a_i)
  static void addMatMulTransposed(double[][] out, double[][] a, double[][] b) {
    for (int i = 0; i < a.length; i++) {
      addMatVec(out[i], b, a[i]);
    }
  }

  // out += aᵀ · b (the sum over i of the outer products a_i · b_iᵀ)
  static void addTransposedMatMul(double[][] out, double[][] a, double[][] b) {
    for (int i = 0; i < a.length; i++) {
      addOuter(out, a[i], b[i]);
    }
  }

  // The number of entries in each row of m (0 when m has no rows)
  static int columns(double[][] m) {
    return m.length == 0 ? 0 : m[0].length;
  }
}
