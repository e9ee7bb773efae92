package dev.fluxion.bench.gmm;

import dev.fluxion.bench.AbstractCase;
import dev.fluxion.bench.FiniteDifferences;
import dev.fluxion.bench.Flat;
import dev.fluxion.bench.ForwardSweeps;
import dev.fluxion.bench.Tool;
import dev.fluxion.bench.Verifier;
import java.util.Set;

/**
 * GMM on one ADBench file: the full gradient (alphas, means, icf) by every tool that finishes in
 * reasonable time on its size.
 */
public final class GmmCase extends AbstractCase {
  /** ADBench's reference values for {@code gmm-1k-gmm_d10_K25.txt}: f, first and last entry. */
  static final String REFERENCE_FILE = "gmm-1k-gmm_d10_K25.txt";

  static final double REFERENCE_VALUE = -25649.65262;
  static final double REFERENCE_FIRST = 48.34668342;
  static final double REFERENCE_LAST = -6.026474121;

  /** The published values have 10 significant digits. */
  private static final double REFERENCE_TOLERANCE = 1e-9;

  private final String file;
  private final GmmInput in;
  private final double constant;
  private final double[] gradient;
  private final double[][] parameterRows;
  private final GmmDerivatives.ObjectiveGradient holder = new GmmDerivatives.ObjectiveGradient();
  private final GmmDerivatives.ObjectiveTangent tangent = new GmmDerivatives.ObjectiveTangent();
  private final GmmHandGradient hand;
  private final double[] alphasDot;
  private final double[][] meansDot;
  private final double[][] icfDot;
  private final double[][] directionRows;

  /**
   * The case of one file.
   *
   * @param name the case's name
   * @param file the ADBench file
   * @param tools the tools to run on it
   * @param quickTools those of the quick run
   */
  public GmmCase(String name, String file, Set<Tool> tools, Set<Tool> quickTools) {
    super(name, tools, quickTools);
    this.file = file;
    this.in = GmmInput.read(file);
    this.constant = in.constant();
    this.gradient = new double[in.parameters()];
    this.parameterRows = in.parameterRows();
    this.hand = new GmmHandGradient(in.d(), in.k());
    this.alphasDot = new double[in.k()];
    this.meansDot = new double[in.k()][in.d()];
    this.icfDot = new double[in.k()][in.icf()[0].length];
    this.directionRows = FiniteDifferences.rows(new double[][] {alphasDot}, meansDot, icfDot);
  }

  /** The input. */
  public GmmInput input() {
    return in;
  }

  @Override
  public double objective() {
    return Gmm.objective(in.alphas(), in.means(), in.icf(), in.x(), in.gamma(), in.m(), constant);
  }

  @Override
  public double[] fluxionGradient() {
    GmmDerivatives.objectiveGradient(
        in.alphas(), in.means(), in.icf(), in.x(), in.gamma(), in.m(), constant, holder);
    Flat.copy(holder.icf(), gradient, Flat.copy(holder.means(), gradient,
        Flat.copy(holder.alphas(), gradient, 0)));
    return gradient;
  }

  @Override
  public double[] fluxionForward() {
    return ForwardSweeps.gradient(this::tangent, gradient, directionRows);
  }

  private double tangent() {
    return GmmDerivatives.objectiveTangent(in.alphas(), in.means(), in.icf(), in.x(), in.gamma(),
        in.m(), constant, alphasDot, meansDot, icfDot, tangent).tangent();
  }

  @Override
  public double[] handGradient() {
    hand.gradient(in, constant, gradient);
    return gradient;
  }

  @Override
  public double[] finiteDifferences() {
    return FiniteDifferences.gradient(this::objective, gradient, parameterRows);
  }

  @Override
  public double[] hipparchus() {
    GmmHipparchus.gradient(in, constant, gradient);
    return gradient;
  }

  @Override
  public void checkReference(double objective, double[] derivative, double tolerance) {
    if (derivative.length != in.parameters()) {
      throw new AssertionError(name() + ": " + derivative.length + " gradient entries, expected "
          + in.parameters());
    }
    if (!file.equals(REFERENCE_FILE)) {
      return; // ADBench publishes reference values for this one file only
    }
    double t = Math.max(tolerance, REFERENCE_TOLERANCE);
    Verifier.near(name() + " f", objective, REFERENCE_VALUE, REFERENCE_TOLERANCE);
    Verifier.near(name() + " d/d alpha_0", derivative[0], REFERENCE_FIRST, t);
    Verifier.near(name() + " last entry", derivative[derivative.length - 1], REFERENCE_LAST, t);
  }
}
