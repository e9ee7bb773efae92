package dev.fluxion.corpus.loops;

import dev.fluxion.Differentiable;

/**
 * The smallest methods that reproduced processor bugs found while the loops corpus was first run
 * (kept so that each bug has a one-line test).
 */
public final class Regressions {

  private Regressions() {}

  /** Σ_i a[i][0]: a row of a matrix parameter read inside a loop; gradient 1 in column 0. */
  @Differentiable
  public static double sumFirstColumn(double[][] a) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i][0];
    }
    return s;
  }

  /** An array local declared inside a loop body and reassigned to a loop-carried local. */
  @Differentiable
  public static double freshArrayPerIteration(double[] x, int steps) {
    double[] h = x;
    for (int s = 0; s < steps; s++) {
      double[] next = new double[h.length];
      for (int i = 0; i < h.length; i++) {
        next[i] = h[i] * h[i];
      }
      h = next;
    }
    return h[0];
  }

  /** b = a² then swap the buffers, steps times: f = x^(2^steps). */
  @Differentiable
  public static double swapInLoop(double[] x, int steps) {
    double[] a = new double[1];
    double[] b = new double[1];
    a[0] = x[0];
    for (int s = 0; s < steps; s++) {
      b[0] = a[0] * a[0];
      double[] t = a;
      a = b;
      b = t;
    }
    return a[0];
  }

  /** Writes its parameter: a[0] ← a[0]², then returns a[0]. The pullback must accumulate. */
  @Differentiable
  public static double squareFirst(double[] a) {
    a[0] = a[0] * a[0];
    return a[0];
  }

  /** An array local assigned in both branches of an {@code if}: f = p[0] with p = a or b. */
  @Differentiable
  public static double pickByIf(double[] a, double[] b, int k) {
    double[] p;
    if (k > 0) {
      p = a;
    } else {
      p = b;
    }
    return p[0] * p[0];
  }

  /** A straight-line {@code double[]} result: (x, x²). */
  @Differentiable
  public static double[] pairResult(double x) {
    double[] y = new double[2];
    y[0] = x;
    y[1] = x * x;
    return y;
  }

  /** {@code (n == 1 ? a[0] : x[0])·x[1]}, a from data: one variable fed by data and by x. */
  @Differentiable(wrt = {"x"})
  public static double pickDataOrActive(double[] x, double[] a, int n) {
    double r = n == 1 ? a[0] : x[0];
    return r * x[1];
  }

  /** Elementwise product. */
  @Differentiable
  public static double[] times(double[] p, double[] q) {
    double[] r = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      r[i] = p[i] * q[i];
    }
    return r;
  }

  /** {@code a ⊙ x}, passing its data array on to {@link #times}, which only reads it. */
  @Differentiable(wrt = {"x"})
  public static double[] scaled(double[] x, double[] a) {
    return times(a, x);
  }

  /** {@code a[0]·x[0]} through two calls: the data array must stay data. */
  @Differentiable(wrt = {"x"})
  public static double firstScaled(double[] x, double[] a) {
    double[] m = scaled(x, a);
    return m[0];
  }

  /** Scales in place and hands back its argument: fine alone, refused under a caller. */
  @Differentiable
  public static double[] scaleInPlace(double[] x, double a) {
    for (int i = 0; i < x.length; i++) {
      x[i] *= a;
    }
    return x;
  }

  /** Calls {@link #scaleInPlace} on a fresh copy: the result is then not an argument. */
  @Differentiable
  public static double scaledCopySum(double[] x, double a) {
    double[] c = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      c[i] = x[i];
    }
    double[] s = scaleInPlace(c, a);
    return s[0] + s[1];
  }

  /** A return in a switch nested in a case that then breaks (found by the fuzzer). */
  @Differentiable
  public static double nestedSwitchBreak(double x, int n) {
    switch (n % 3) {
      case 0:
        switch (n) {
          case 0:
            return x * x;
          default:
            break;
        }
        break;
      default:
        x = x * 3;
    }
    return x;
  }

  /** Multiplies p[0] by s and returns s. */
  @Differentiable
  public static double scaleFirst(double s, double[] p) {
    p[0] *= s;
    return s;
  }

  /** x·y through a callee's write into a local array, its result unused (found by the fuzzer). */
  @Differentiable
  public static double productThroughWrite(double x, double y) {
    double[] a = {x, 0.5, 0.5};
    double unused = scaleFirst(y, a);
    return a[0];
  }

  /** (w[0] − y[0])², y data: the negation -y[0] reads y, it does not write it. */
  @Differentiable(wrt = "w")
  public static double negatedResidualSquared(double[] w, double[] y) {
    double r = -y[0];
    r += w[0];
    return r * r;
  }

  /**
   * Calls {@link #negatedResidualSquared} with its own data array y; once rejected (FLX207) as if
   * the callee wrote y (found while writing the tour's examples).
   */
  @Differentiable(wrt = "w")
  public static double callsNegatedResidual(double[] w, double[] y) {
    return negatedResidualSquared(w, y);
  }
}
