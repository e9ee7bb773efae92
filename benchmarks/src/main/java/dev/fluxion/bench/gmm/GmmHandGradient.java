package dev.fluxion.bench.gmm;

/**
 * A hand-written adjoint of {@link Gmm#objective}: one forward pass per point that keeps each
 * component's centred point and {@code Q·(x − mean)}, then the softmax weights of the point's
 * log-sum-exp carried back through them. Owns its scratch arrays, so a call allocates nothing.
 */
public final class GmmHandGradient {
  private final double[][] qdiags;
  private final double[] sumQs;
  private final double[] mainTerm;
  private final double[][] xcentered;
  private final double[][] qxcentered;
  private final double[] qxBar;
  private final double[] xBar;

  /** Scratch for inputs of dimension d with k components. */
  public GmmHandGradient(int d, int k) {
    qdiags = new double[k][d];
    sumQs = new double[k];
    mainTerm = new double[k];
    xcentered = new double[k][d];
    qxcentered = new double[k][d];
    qxBar = new double[d];
    xBar = new double[d];
  }

  /**
   * The objective and its gradient.
   *
   * @param in the parameters and points
   * @param constant {@link GmmInput#constant()}
   * @param out receives the gradient, {@link GmmInput#parameters()} entries: alphas, means row by
   *     row, icf row by row
   * @return the objective's value
   */
  public double gradient(GmmInput in, double constant, double[] out) {
    int d = in.d();
    int k = in.k();
    int n = in.x().length;
    int icfLength = d * (d + 1) / 2;
    int meansAt = k;
    int icfAt = k + k * d;
    double[] alphas = in.alphas();
    double[][] icf = in.icf();
    java.util.Arrays.fill(out, 0);

    for (int c = 0; c < k; c++) {
      double sum = 0;
      for (int j = 0; j < d; j++) {
        qdiags[c][j] = Math.exp(icf[c][j]);
        sum += icf[c][j];
      }
      sumQs[c] = sum;
    }

    double slse = 0;
    for (int i = 0; i < n; i++) {
      double[] xi = in.x()[i];
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double[] xc = xcentered[c];
        double[] qxc = qxcentered[c];
        double[] mean = in.means()[c];
        double[] q = qdiags[c];
        double[] l = icf[c];
        for (int j = 0; j < d; j++) {
          xc[j] = xi[j] - mean[j];
          qxc[j] = q[j] * xc[j];
        }
        int lower = d;
        for (int j = 0; j < d; j++) {
          double xj = xc[j];
          for (int r = j + 1; r < d; r++) {
            qxc[r] += l[lower++] * xj;
          }
        }
        double sqnorm = 0;
        for (int j = 0; j < d; j++) {
          sqnorm += qxc[j] * qxc[j];
        }
        mainTerm[c] = alphas[c] + sumQs[c] - 0.5 * sqnorm;
        max = Math.max(max, mainTerm[c]);
      }
      double sum = 0;
      for (int c = 0; c < k; c++) {
        mainTerm[c] = Math.exp(mainTerm[c] - max); // from here on, the softmax numerators
        sum += mainTerm[c];
      }
      slse += Math.log(sum) + max;

      // Back through the log-sum-exp: component c's term gets the weight w = softmax_c.
      for (int c = 0; c < k; c++) {
        double w = mainTerm[c] / sum;
        double[] xc = xcentered[c];
        double[] qxc = qxcentered[c];
        double[] q = qdiags[c];
        double[] l = icf[c];
        int icfRow = icfAt + c * icfLength;
        out[c] += w;
        // ∂(−½‖Q xc‖²)/∂(Q xc) = −Q xc; the diagonal's q_j = exp(icf_j) also gets w from Σ q.
        for (int j = 0; j < d; j++) {
          qxBar[j] = -w * qxc[j];
          out[icfRow + j] += w + qxBar[j] * xc[j] * q[j];
          xBar[j] = q[j] * qxBar[j];
        }
        int lower = d;
        for (int j = 0; j < d; j++) {
          double xj = xc[j];
          double xjBar = 0;
          for (int r = j + 1; r < d; r++) {
            out[icfRow + lower] += qxBar[r] * xj;
            xjBar += l[lower] * qxBar[r];
            lower++;
          }
          xBar[j] += xjBar;
        }
        int meanRow = meansAt + c * d;
        for (int j = 0; j < d; j++) {
          out[meanRow + j] -= xBar[j];
        }
      }
    }

    // −n · logsumexp(alphas): its gradient is −n · softmax(alphas).
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      max = Math.max(max, alphas[c]);
    }
    double sum = 0;
    for (int c = 0; c < k; c++) {
      sum += Math.exp(alphas[c] - max);
    }
    double lseAlphas = Math.log(sum) + max;
    for (int c = 0; c < k; c++) {
      out[c] -= n * Math.exp(alphas[c] - lseAlphas);
    }

    // The Wishart prior: ½γ²(‖exp(q)‖² + ‖L‖²) − m·Σq.
    double gamma2 = in.gamma() * in.gamma();
    double prior = 0;
    for (int c = 0; c < k; c++) {
      int icfRow = icfAt + c * icfLength;
      double frobenius = 0;
      for (int j = 0; j < d; j++) {
        double q2 = qdiags[c][j] * qdiags[c][j];
        frobenius += q2;
        out[icfRow + j] += gamma2 * q2 - in.m();
      }
      for (int j = d; j < icfLength; j++) {
        frobenius += icf[c][j] * icf[c][j];
        out[icfRow + j] += gamma2 * icf[c][j];
      }
      prior += 0.5 * gamma2 * frobenius - in.m() * sumQs[c];
    }
    return constant + slse - n * lseAlphas + prior;
  }
}
