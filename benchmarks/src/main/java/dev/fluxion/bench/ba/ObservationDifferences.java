package dev.fluxion.bench.ba;

/**
 * Central finite differences of one observation's residuals: the block-sparse counterpart of
 * {@link dev.fluxion.bench.FiniteDifferences}, with its step {@code 1e-6·max(1, |x|)}. Each of the
 * 15 inputs is moved by ±h in place and put back exactly; both residuals come from the same two
 * evaluations.
 */
final class ObservationDifferences {
  private static final double RELATIVE_STEP = 1e-6;

  private ObservationDifferences() {}

  /**
   * Writes observation {@code i}'s Jacobian block into {@code out} at {@code at}, laid out as
   * {@link HandJacobian#block}.
   */
  static void block(BaInput in, int i, double[] out, int at) {
    double[] cam = in.cameraOf(i);
    double[] x = in.pointOf(i);
    for (int k = 0; k < Reprojection.CAMERA; k++) {
      column(in, i, cam, k, out, at + k);
    }
    for (int k = 0; k < Reprojection.POINT; k++) {
      column(in, i, x, k, out, at + Reprojection.CAMERA + k);
    }
    column(in, i, in.weights, i, out, at + Reprojection.INPUTS - 1);
  }

  /** ∂(e₀, e₁)/∂values[k], written at {@code at} and {@code at + 15}. */
  private static void column(BaInput in, int i, double[] values, int k, double[] out, int at) {
    double v = values[k];
    double h = RELATIVE_STEP * Math.max(1, Math.abs(v));
    values[k] = v + h;
    double[] up = error(in, i);
    values[k] = v - h;
    double[] down = error(in, i);
    values[k] = v;
    out[at] = (up[0] - down[0]) / (2 * h);
    out[at + Reprojection.INPUTS] = (up[1] - down[1]) / (2 * h);
  }

  private static double[] error(BaInput in, int i) {
    return Reprojection.error(in.cameraOf(i), in.pointOf(i), in.weights[i], in.features[i]);
  }

  /** ∂w_err/∂w at {@code w}. */
  static double weightError(double w) {
    double h = RELATIVE_STEP * Math.max(1, Math.abs(w));
    return (Reprojection.weightError(w + h) - Reprojection.weightError(w - h)) / (2 * h);
  }
}
