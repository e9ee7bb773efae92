package dev.fluxion;

import java.util.function.Function;

/** Central finite differences of functions of flat vectors. */
final class FiniteDifferences {
  private FiniteDifferences() {}

  /** The step, relative to the size of the point's entries. */
  static final double RELATIVE_STEP = 1e-6;

  /** (g(u + h v) − g(u − h v)) / 2h: the derivative of g at u in the direction v. */
  static double[] directional(Function<double[], double[]> g, double[] u, double[] v) {
    double h = RELATIVE_STEP * Math.max(1, Flat.maxAbs(u));
    double[] plus = g.apply(step(u, h, v));
    double[] minus = g.apply(step(u, -h, v));
    double[] derivative = new double[plus.length];
    for (int i = 0; i < derivative.length; i++) {
      derivative[i] = (plus[i] - minus[i]) / (2 * h);
    }
    return derivative;
  }

  /** The gradient of a scalar function g at u, one coordinate direction at a time. */
  static double[] gradient(Function<double[], Double> g, double[] u) {
    double[] gradient = new double[u.length];
    for (int k = 0; k < u.length; k++) {
      double[] unit = new double[u.length];
      unit[k] = 1;
      gradient[k] = directional(w -> new double[] {g.apply(w)}, u, unit)[0];
    }
    return gradient;
  }

  // u + h v
  private static double[] step(double[] u, double h, double[] v) {
    double[] w = u.clone();
    for (int i = 0; i < w.length; i++) {
      w[i] += h * v[i];
    }
    return w;
  }
}
