package dev.fluxion.bench.small;

import dev.fluxion.bench.AbstractCase;
import dev.fluxion.bench.FiniteDifferences;
import dev.fluxion.bench.ForwardSweeps;
import dev.fluxion.bench.Tool;
import dev.fluxion.bench.Verifier;
import java.util.EnumSet;

/**
 * The chained Rosenbrock function ({@link SmallModels#rosenbrock}) at its classic start point
 * x = (−1.2, 1, −1.2, 1, …), where each term is known: 24.2 from a pair (−1.2, 1) and 484 from a
 * pair (1, −1.2); ∂f/∂x_0 = −215.6 and, for even n, ∂f/∂x_{n−1} = −88.
 */
public final class RosenbrockCase extends AbstractCase {
  private final double[] x;
  private final double[] xDot;
  private final double[] gradient;
  private final SmallModelsDerivatives.RosenbrockGradient holder =
      new SmallModelsDerivatives.RosenbrockGradient();
  private final SmallModelsDerivatives.RosenbrockTangent tangent =
      new SmallModelsDerivatives.RosenbrockTangent();

  /** The case in n (even) dimensions, with every tool. */
  public RosenbrockCase(int n) {
    super("rosenbrock-" + n, EnumSet.allOf(Tool.class), n <= 10 ? EnumSet.allOf(Tool.class) : EXACT);
    if (n < 2 || n % 2 != 0) {
      throw new IllegalArgumentException("n must be even and at least 2: " + n);
    }
    x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i % 2 == 0 ? -1.2 : 1;
    }
    xDot = new double[n];
    gradient = new double[n];
  }

  @Override
  public double objective() {
    return SmallModels.rosenbrock(x);
  }

  @Override
  public double[] fluxionGradient() {
    SmallModelsDerivatives.rosenbrockGradient(x, holder);
    System.arraycopy(holder.x(), 0, gradient, 0, x.length);
    return gradient;
  }

  @Override
  public double[] fluxionForward() {
    return ForwardSweeps.gradient(this::tangent, gradient, xDot);
  }

  private double tangent() {
    return SmallModelsDerivatives.rosenbrockTangent(x, xDot, tangent).tangent();
  }

  @Override
  public double[] handGradient() {
    SmallHand.rosenbrock(x, gradient);
    return gradient;
  }

  @Override
  public double[] finiteDifferences() {
    return FiniteDifferences.gradient(this::objective, gradient, x);
  }

  @Override
  public double[] hipparchus() {
    SmallHipparchus.rosenbrock(x, gradient);
    return gradient;
  }

  @Override
  public void checkReference(double objective, double[] derivative, double tolerance) {
    int n = x.length;
    double t = Math.max(tolerance, 1e-13);
    Verifier.near(name() + " f", objective, 24.2 * (n / 2) + 484 * (n / 2 - 1), 1e-13);
    Verifier.near(name() + " df/dx_0", derivative[0], -215.6, t);
    Verifier.near(name() + " df/dx_n-1", derivative[n - 1], -88, t);
  }
}
