package dev.fluxion.bench;

import java.util.function.DoubleSupplier;

/**
 * A gradient by forward mode: one directional derivative per input, along each unit vector in
 * turn. The directions are the tangent arrays the tangent call reads; each element is set to 1,
 * the call made, and the element put back to 0.
 */
public final class ForwardSweeps {
  private ForwardSweeps() {}

  /**
   * Writes the directional derivative along every unit vector into {@code out}, in the order of
   * {@code directions} and their elements.
   *
   * @param tangent makes the tangent call on the current directions and returns its tangent
   * @param out receives the gradient
   * @param directions the tangent arrays, all 0 on entry and on return
   * @return {@code out}
   */
  public static double[] gradient(DoubleSupplier tangent, double[] out, double[]... directions) {
    int k = 0;
    for (double[] direction : directions) {
      for (int i = 0; i < direction.length; i++) {
        direction[i] = 1;
        out[k++] = tangent.getAsDouble();
        direction[i] = 0;
      }
    }
    return out;
  }
}
