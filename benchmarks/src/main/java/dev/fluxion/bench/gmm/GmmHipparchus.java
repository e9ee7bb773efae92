package dev.fluxion.bench.gmm;

import org.hipparchus.analysis.differentiation.Gradient;

/**
 * {@link Gmm#objective} with Hipparchus' {@link Gradient}: forward mode by operator overloading,
 * every intermediate value carrying its gradient over all K(d+1)(d+2)/2 parameters — the way a
 * Java user without a source transformation would get this gradient.
 */
public final class GmmHipparchus {
  private GmmHipparchus() {}

  /**
   * The objective and its gradient.
   *
   * @param in the parameters and points
   * @param constant {@link GmmInput#constant()}
   * @param out receives the gradient, in the order of {@link GmmInput#parameterRows()}
   * @return the objective's value
   */
  public static double gradient(GmmInput in, double constant, double[] out) {
    int d = in.d();
    int k = in.k();
    int n = in.x().length;
    int p = in.parameters();
    int next = 0;
    Gradient[] alphas = new Gradient[k];
    for (int c = 0; c < k; c++) {
      alphas[c] = Gradient.variable(p, next++, in.alphas()[c]);
    }
    Gradient[][] means = new Gradient[k][d];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        means[c][j] = Gradient.variable(p, next++, in.means()[c][j]);
      }
    }
    Gradient[][] icf = new Gradient[k][];
    for (int c = 0; c < k; c++) {
      icf[c] = new Gradient[in.icf()[c].length];
      for (int j = 0; j < icf[c].length; j++) {
        icf[c][j] = Gradient.variable(p, next++, in.icf()[c][j]);
      }
    }

    Gradient zero = Gradient.constant(p, 0);
    Gradient[][] qdiags = new Gradient[k][d];
    Gradient[] sumQs = new Gradient[k];
    for (int c = 0; c < k; c++) {
      sumQs[c] = zero;
      for (int j = 0; j < d; j++) {
        qdiags[c][j] = icf[c][j].exp();
        sumQs[c] = sumQs[c].add(icf[c][j]);
      }
    }

    Gradient[] mainTerm = new Gradient[k];
    Gradient[] xcentered = new Gradient[d];
    Gradient[] qxcentered = new Gradient[d];
    Gradient slse = zero;
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < d; j++) {
          xcentered[j] = means[c][j].negate().add(in.x()[i][j]);
          qxcentered[j] = qdiags[c][j].multiply(xcentered[j]);
        }
        int lower = d;
        for (int j = 0; j < d; j++) {
          for (int l = j + 1; l < d; l++) {
            qxcentered[l] = qxcentered[l].add(icf[c][lower++].multiply(xcentered[j]));
          }
        }
        Gradient sqnorm = zero;
        for (int j = 0; j < d; j++) {
          sqnorm = sqnorm.add(qxcentered[j].square());
        }
        mainTerm[c] = alphas[c].add(sumQs[c]).subtract(sqnorm.multiply(0.5));
      }
      slse = slse.add(logsumexp(mainTerm, zero));
    }

    Gradient prior = zero;
    double gamma2 = in.gamma() * in.gamma();
    for (int c = 0; c < k; c++) {
      Gradient frobenius = zero;
      for (int j = 0; j < d; j++) {
        frobenius = frobenius.add(qdiags[c][j].square());
      }
      for (int j = d; j < icf[c].length; j++) {
        frobenius = frobenius.add(icf[c][j].square());
      }
      prior = prior.add(frobenius.multiply(0.5 * gamma2)).subtract(sumQs[c].multiply(in.m()));
    }

    Gradient f = slse.subtract(logsumexp(alphas, zero).multiply(n)).add(prior).add(constant);
    System.arraycopy(f.getGradient(), 0, out, 0, p);
    return f.getValue();
  }

  private static Gradient logsumexp(Gradient[] v, Gradient zero) {
    double max = Double.NEGATIVE_INFINITY;
    for (Gradient e : v) {
      max = Math.max(max, e.getValue());
    }
    Gradient sum = zero;
    for (Gradient e : v) {
      sum = sum.add(e.subtract(max).exp());
    }
    return sum.log().add(max);
  }
}
