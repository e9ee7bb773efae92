package com.example;

import dev.fluxion.Differentiable;

/** The README's training-toolkit example. */
public final class Line {
  @Differentiable(wrt = {"w"})
  public static double loss(double[] w, double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double e = w[0] + w[1] * x[i] - y[i];
      s += e * e;
    }
    return s / x.length;
  }
}
