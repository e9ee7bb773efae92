package dev.fluxion.corpus.loops;

import dev.fluxion.Differentiable;

/**
 * Calls to differentiable methods that write the caller's arrays.
 */
public final class Extras {

  private Extras() {}

  /**
   * Calls {@link ArrayOps#prefixInPlace} on a local copy and then reads the copy, which the call
   * has overwritten with prefix sums: Σ P_i² + 10 P_{n−1}.
   */
  @Differentiable
  public static double callsWriter(double[] x) {
    double[] a = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      a[i] = x[i];
    }
    double s = ArrayOps.prefixInPlace(a);
    return s + 10 * a[a.length - 1];
  }

  /** The same on the parameter itself: the primal leaves the prefix sums in the caller's array. */
  @Differentiable
  public static double callsWriterOnParameter(double[] x) {
    double s = ArrayOps.prefixInPlace(x);
    return s + 10 * x[x.length - 1];
  }
}
