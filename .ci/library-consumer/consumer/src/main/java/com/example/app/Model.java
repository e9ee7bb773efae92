package com.example.app;

import com.example.lib.Activations;
import com.example.lib.Spring;
import com.example.lib.Vectors;
import dev.fluxion.Differentiable;

/** A consumer's differentiable methods, built on the library's, which come from its jar. */
public final class Model {
  private Model() {}

  /** Mean squared error of softplus(w·x + b) against y, plus an L2 penalty; xs and ys are data. */
  @Differentiable(wrt = {"w", "b"})
  public static double loss(double[] w, double b, double[][] xs, double[] ys) {
    double s = 0;
    for (int i = 0; i < ys.length; i++) {
      double e = Activations.softplus(Vectors.dot(w, xs[i]) + b) - ys[i];
      s += e * e;
    }
    return s / ys.length + 0.01 * Vectors.squaredNorm(w);
  }

  /**
   * A library method's array result, a library method differentiated with respect to one of its
   * parameters only, and a library instance method.
   */
  @Differentiable(wrt = {"x"})
  public static double energy(double[] x, Spring spring) {
    double[] h = Vectors.tanhAll(x);
    double e = 0;
    for (int i = 0; i < h.length; i++) {
      e += spring.energy(h[i]) + Activations.logistic(x[i], 2.0);
    }
    return e;
  }
}
