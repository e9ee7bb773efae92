package dev.fluxion.bench.gmm;

import dev.fluxion.Differentiable;

/**
 * ADBench's Gaussian mixture objective, as a user would write it for Fluxion: the
 * log-likelihood of the points {@code x} under K Gaussians with a Wishart prior on their inverse
 * covariances (formulas in {@code shared/adbench/README.md}).
 *
 * <p>Component k has weight logit {@code alphas[k]}, mean {@code means[k]} and inverse covariance
 * factor {@code Q_k = diag(exp(icf[k][0..d))) + L_k}, whose strictly lower part {@code L_k} is
 * {@code icf[k][d..)} listed column by column.
 */
public final class Gmm {
  private Gmm() {}

  /**
   * The log-likelihood with the Wishart prior.
   *
   * @param alphas the K weight logits
   * @param means the K means, d values each
   * @param icf the K inverse covariance factors, d(d+1)/2 values each
   * @param x the n points, d values each
   * @param gamma the Wishart prior's γ
   * @param m the Wishart prior's m
   * @param constant the terms without parameters, −n·d/2·log 2π − K·C ({@link GmmInput#constant})
   * @return the objective f
   */
  @Differentiable(wrt = {"alphas", "means", "icf"})
  public static double objective(double[] alphas, double[][] means, double[][] icf,
      double[][] x, double gamma, int m, double constant) {
    int n = x.length;
    int k = alphas.length;
    int d = means[0].length;

    double[][] qdiags = new double[k][d];
    double[] sumQs = new double[k];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        qdiags[c][j] = Math.exp(icf[c][j]);
        sumQs[c] += icf[c][j];
      }
    }

    double[] mainTerm = new double[k];
    double[] xcentered = new double[d];
    double[] qxcentered = new double[d];
    double slse = 0;
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < d; j++) {
          xcentered[j] = x[i][j] - means[c][j];
        }
        // Q·xcentered: the diagonal, then the lower part, column by column.
        for (int j = 0; j < d; j++) {
          qxcentered[j] = qdiags[c][j] * xcentered[j];
        }
        int lower = d;
        for (int j = 0; j < d; j++) {
          for (int l = j + 1; l < d; l++) {
            qxcentered[l] += icf[c][lower] * xcentered[j];
            lower++;
          }
        }
        double sqnorm = 0;
        for (int j = 0; j < d; j++) {
          sqnorm += qxcentered[j] * qxcentered[j];
        }
        mainTerm[c] = alphas[c] + sumQs[c] - 0.5 * sqnorm;
      }
      slse += logsumexp(mainTerm);
    }

    double prior = 0;
    for (int c = 0; c < k; c++) {
      double frobenius = 0;
      for (int j = 0; j < d; j++) {
        frobenius += qdiags[c][j] * qdiags[c][j];
      }
      for (int j = d; j < icf[c].length; j++) {
        frobenius += icf[c][j] * icf[c][j];
      }
      prior += 0.5 * gamma * gamma * frobenius - m * sumQs[c];
    }

    return constant + slse - n * logsumexp(alphas) + prior;
  }

  /**
   * log Σ exp(v_i), shifted by the largest v_i so that no exp overflows.
   *
   * @param v the values
   * @return the log of the sum of their exponentials
   */
  @Differentiable
  public static double logsumexp(double[] v) {
    double max = v[0];
    for (int i = 1; i < v.length; i++) {
      max = Math.max(max, v[i]);
    }
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      sum += Math.exp(v[i] - max);
    }
    return Math.log(sum) + max;
  }
}
