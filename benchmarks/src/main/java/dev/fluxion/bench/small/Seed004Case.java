package dev.fluxion.bench.small;

import dev.fluxion.bench.AbstractCase;
import dev.fluxion.bench.FiniteDifferences;
import dev.fluxion.bench.Tool;
import dev.fluxion.bench.Verifier;
import dev.fluxion.examples.Seed004Graph;
import dev.fluxion.examples.Seed004GraphDerivatives;
import java.util.EnumSet;

/**
 * The seed-004 graph of the examples tour ({@link Seed004Graph#f6}) at x = 3, c = 5: two inputs,
 * a handful of operations — what a call costs when there is almost nothing to compute.
 */
public final class Seed004Case extends AbstractCase {
  static final double VALUE = 42.11137142490805;
  static final double DF6_DX = 48.75689335076091;
  static final double DF6_DC = -10;

  /** {x, c}: an array, so that finite differences can move them. */
  private final double[] point = {3, 5};
  private final double[] gradient = new double[2];
  private final Seed004GraphDerivatives.F6Gradient holder =
      new Seed004GraphDerivatives.F6Gradient();
  private final Seed004GraphDerivatives.F6Tangent tangent = new Seed004GraphDerivatives.F6Tangent();

  /** The case, with every tool. */
  public Seed004Case() {
    super("seed-004", EnumSet.allOf(Tool.class), EnumSet.allOf(Tool.class));
  }

  @Override
  public double objective() {
    return Seed004Graph.f6(point[0], point[1]);
  }

  @Override
  public double[] fluxionGradient() {
    Seed004GraphDerivatives.f6Gradient(point[0], point[1], holder);
    gradient[0] = holder.x();
    gradient[1] = holder.c();
    return gradient;
  }

  @Override
  public double[] fluxionForward() {
    gradient[0] = Seed004GraphDerivatives.f6Tangent(point[0], point[1], 1, 0, tangent).tangent();
    gradient[1] = Seed004GraphDerivatives.f6Tangent(point[0], point[1], 0, 1, tangent).tangent();
    return gradient;
  }

  @Override
  public double[] handGradient() {
    SmallHand.seed004(point[0], point[1], gradient);
    return gradient;
  }

  @Override
  public double[] finiteDifferences() {
    return FiniteDifferences.gradient(this::objective, gradient, point);
  }

  @Override
  public double[] hipparchus() {
    SmallHipparchus.seed004(point[0], point[1], gradient);
    return gradient;
  }

  @Override
  public void checkReference(double objective, double[] derivative, double tolerance) {
    double t = Math.max(tolerance, 1e-14);
    Verifier.near("seed-004 f6", objective, VALUE, 1e-14);
    Verifier.near("seed-004 df6/dx", derivative[0], DF6_DX, t);
    Verifier.near("seed-004 df6/dc", derivative[1], DF6_DC, t);
  }
}
