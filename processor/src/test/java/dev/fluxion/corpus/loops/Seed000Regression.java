package dev.fluxion.corpus.loops;

import dev.fluxion.Differentiable;

/** Seed 000: the linear-regression loss and the matrix-factorisation loss. */
public final class Seed000Regression {

  private Seed000Regression() {}

  /** Task 1: f = Σ (w1 + w2·x_i − y_i)², in the weights only. */
  @Differentiable(wrt = {"w1", "w2"})
  public static double loss(double w1, double w2, double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double e = w1 + w2 * x[i] - y[i];
      s += e * e;
    }
    return s;
  }

  /** Task 1, the mean over the data, in every argument (the data too), as in the design notes. */
  @Differentiable
  public static double meanLoss(double w1, double w2, double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double e = w1 + w2 * x[i] - y[i];
      s += e * e;
    }
    return s / x.length;
  }

  /** ‖v‖₂. */
  @Differentiable
  public static double norm(double[] v) {
    double s = 0;
    for (double e : v) {
      s += e * e;
    }
    return Math.sqrt(s);
  }

  /** Task 2: f = (r − q·p)² + l1‖p‖₂ + l2‖q‖₂, in q and p. */
  @Differentiable(wrt = {"q", "p"})
  public static double matrixFactorisation(double r, double[] q, double[] p, double l1,
      double l2) {
    double qp = 0;
    for (int i = 0; i < q.length; i++) {
      qp += q[i] * p[i];
    }
    double e = r - qp;
    return e * e + l1 * norm(p) + l2 * norm(q);
  }
}
