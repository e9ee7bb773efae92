package dev.fluxion.corpus.loops;

import dev.fluxion.Differentiable;

/**
 * Seed 003: the two-input ReLU network with softmax and squared loss. δ_k = w_k x, z_k = max(0,
 * δ_k), a_j = Σ_k z_k u_kj, f = softmax(a), L = ½ Σ_j (f_j − y_j)².
 */
public final class Seed003Network {

  private Seed003Network() {}

  /** The loss, in the weights w (2) and u (2×2). */
  @Differentiable(wrt = {"w", "u"})
  public static double loss(double[] w, double[][] u, double x, double[] y) {
    int k = w.length;
    double[] z = new double[k];
    for (int i = 0; i < k; i++) {
      z[i] = Math.max(0, w[i] * x);
    }
    int m = u[0].length;
    double[] a = new double[m];
    for (int j = 0; j < m; j++) {
      for (int i = 0; i < k; i++) {
        a[j] += z[i] * u[i][j];
      }
    }
    double sum = 0;
    double[] f = new double[m];
    for (int j = 0; j < m; j++) {
      f[j] = Math.exp(a[j]);
      sum += f[j];
    }
    double loss = 0;
    for (int j = 0; j < m; j++) {
      f[j] /= sum;
      loss += 0.5 * (f[j] - y[j]) * (f[j] - y[j]);
    }
    return loss;
  }
}
