package dev.fluxion.corpus.loops;

import dev.fluxion.Differentiable;

/** Loops of a million iterations, for memory and tape tests. */
public final class LongLoops {

  private LongLoops() {}

  /** s ← 0.999999 s + 10⁻⁶ x, n times from 0: s_n = x (1 − 0.999999ⁿ). */
  @Differentiable
  public static double decay(double x, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s = s * 0.999999 + x * 1e-6;
    }
    return s;
  }

  /**
   * The same recurrence through a ring buffer of four elements, each overwritten n/4 times: the
   * element written last holds s_n.
   */
  @Differentiable
  public static double ringBuffer(double x, int n) {
    double[] buf = new double[4];
    for (int i = 0; i < n; i++) {
      buf[i % 4] = buf[(i + 3) % 4] * 0.999999 + x * 1e-6;
    }
    return buf[(n + 3) % 4];
  }

  /**
   * A nonlinear recurrence that needs its intermediate values in the reverse sweep: s ← s + 10⁻⁶
   * sin(x + s).
   */
  @Differentiable
  public static double nonlinear(double x, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s = s + 1e-6 * Math.sin(x + s);
    }
    return s;
  }
}
