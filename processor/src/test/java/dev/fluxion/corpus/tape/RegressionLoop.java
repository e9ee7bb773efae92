package dev.fluxion.corpus.tape;

import dev.fluxion.Differentiable;

/** The README's regression loop, whose tape cost per iteration the README states. */
public final class RegressionLoop {
  private RegressionLoop() {}

  /** Mean squared error of the line {@code w1 + w2·x} through the points {@code (x_i, y_i)}. */
  @Differentiable(wrt = {"w1", "w2"})
  public static double loss(double w1, double w2, double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double e = w1 + w2 * x[i] - y[i];
      s += e * e;
    }
    return s / x.length;
  }
}
