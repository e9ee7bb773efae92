package dev.fluxion.bench.gmm;

import dev.fluxion.bench.AdbenchData;
import org.hipparchus.special.Gamma;

/**
 * One GMM input: parameters, points and the Wishart prior, as read from an ADBench file (layout
 * in {@code shared/adbench/README.md}).
 *
 * @param alphas the K weight logits
 * @param means the K means, d values each
 * @param icf the K inverse covariance factors, d(d+1)/2 values each
 * @param x the n points
 * @param gamma the Wishart prior's γ
 * @param m the Wishart prior's m
 */
public record GmmInput(double[] alphas, double[][] means, double[][] icf, double[][] x,
    double gamma, int m) {

  /** Reads the ADBench file of that name. */
  public static GmmInput read(String file) {
    AdbenchData.Numbers in = AdbenchData.read(file);
    int d = in.nextInt();
    int k = in.nextInt();
    int n = in.nextInt();
    double[] alphas = in.nextDoubles(k);
    double[][] means = in.nextMatrix(k, d);
    double[][] icf = in.nextMatrix(k, d * (d + 1) / 2);
    double[][] x = in.nextMatrix(n, d);
    double gamma = in.nextDouble();
    int m = in.nextInt();
    return new GmmInput(alphas, means, icf, x, gamma, m);
  }

  /** The dimension d. */
  public int d() {
    return means[0].length;
  }

  /** The number of components K. */
  public int k() {
    return alphas.length;
  }

  /** The number of gradient entries, K(d+1)(d+2)/2: alphas, then means, then icf. */
  public int parameters() {
    return k() * (d() + 1) * (d() + 2) / 2;
  }

  /**
   * The objective's terms without parameters, −n·d/2·log 2π − K·C, with C = N·d·(log γ − ½ log 2)
   * − log Γ_d(N/2) and N = d + m + 1. A constant, so computed here in plain Java: it needs {@code
   * lgamma}, which is no differentiable function.
   */
  public double constant() {
    int d = d();
    int bigN = d + m + 1;
    double a = 0.5 * bigN;
    double logMultiGamma = 0.25 * d * (d - 1) * Math.log(Math.PI);
    for (int j = 1; j <= d; j++) {
      logMultiGamma += Gamma.logGamma(a + 0.5 * (1 - j));
    }
    double c = bigN * d * (Math.log(gamma) - 0.5 * Math.log(2)) - logMultiGamma;
    return -0.5 * x.length * d * Math.log(2 * Math.PI) - k() * c;
  }

  /** The parameters laid end to end in gradient order: alphas, means row by row, icf row by row. */
  public double[][] parameterRows() {
    double[][] rows = new double[1 + 2 * k()][];
    rows[0] = alphas;
    System.arraycopy(means, 0, rows, 1, k());
    System.arraycopy(icf, 0, rows, 1 + k(), k());
    return rows;
  }
}
