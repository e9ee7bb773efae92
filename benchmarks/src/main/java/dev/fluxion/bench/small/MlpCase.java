package dev.fluxion.bench.small;

import dev.fluxion.bench.AbstractCase;
import dev.fluxion.bench.FiniteDifferences;
import dev.fluxion.bench.Flat;
import dev.fluxion.bench.ForwardSweeps;
import dev.fluxion.bench.Tool;
import java.util.EnumSet;
import java.util.Random;

/**
 * The loops corpus' two-layer perceptron ({@link SmallModels#mlpLoss}) on one sample, with
 * weights and data drawn from a fixed seed: the gradient with respect to both layers' weights and
 * biases and the input. Its reference is the hand-written backpropagation, which finite
 * differences and every other tool must match.
 */
public final class MlpCase extends AbstractCase {
  private final double[][] w1;
  private final double[] b1;
  private final double[][] w2;
  private final double[] b2;
  private final double[] x;
  private final double[] y;
  private final double[][] w1Dot;
  private final double[] b1Dot;
  private final double[][] w2Dot;
  private final double[] b2Dot;
  private final double[] xDot;
  private final double[][] parameterRows;
  private final double[][] directionRows;
  private final double[] h;
  private final double[] hBar;
  private final double[] gradient;
  private final SmallModelsDerivatives.MlpLossGradient holder =
      new SmallModelsDerivatives.MlpLossGradient();
  private final SmallModelsDerivatives.MlpLossTangent tangent =
      new SmallModelsDerivatives.MlpLossTangent();

  /** The perceptron inputs → hidden (tanh) → outputs, with every tool. */
  public MlpCase(int inputs, int hidden, int outputs) {
    super("mlp-" + inputs + "-" + hidden + "-" + outputs, EnumSet.allOf(Tool.class), EXACT);
    Random random = new Random(7);
    w1 = gaussians(random, hidden, inputs, 1 / Math.sqrt(inputs));
    b1 = gaussians(random, 1, hidden, 0.1)[0];
    w2 = gaussians(random, outputs, hidden, 1 / Math.sqrt(hidden));
    b2 = gaussians(random, 1, outputs, 0.1)[0];
    x = gaussians(random, 1, inputs, 1)[0];
    y = gaussians(random, 1, outputs, 1)[0];
    w1Dot = new double[hidden][inputs];
    b1Dot = new double[hidden];
    w2Dot = new double[outputs][hidden];
    b2Dot = new double[outputs];
    xDot = new double[inputs];
    parameterRows = rows(w1, b1, w2, b2, x);
    directionRows = rows(w1Dot, b1Dot, w2Dot, b2Dot, xDot);
    h = new double[hidden];
    hBar = new double[hidden];
    gradient = new double[hidden * inputs + hidden + outputs * hidden + outputs + inputs];
  }

  private static double[][] gaussians(Random random, int rows, int columns, double scale) {
    double[][] m = new double[rows][columns];
    for (double[] row : m) {
      for (int j = 0; j < columns; j++) {
        row[j] = scale * random.nextGaussian();
      }
    }
    return m;
  }

  /** The parameters' rows in gradient order: w1, b1, w2, b2, x. */
  private static double[][] rows(double[][] w1, double[] b1, double[][] w2, double[] b2,
      double[] x) {
    return FiniteDifferences.rows(w1, new double[][] {b1}, w2, new double[][] {b2, x});
  }

  @Override
  public double objective() {
    return SmallModels.mlpLoss(w1, b1, w2, b2, x, y);
  }

  @Override
  public double[] fluxionGradient() {
    SmallModelsDerivatives.mlpLossGradient(w1, b1, w2, b2, x, y, holder);
    int at = Flat.copy(holder.w1(), gradient, 0);
    at = Flat.copy(holder.b1(), gradient, at);
    at = Flat.copy(holder.w2(), gradient, at);
    at = Flat.copy(holder.b2(), gradient, at);
    Flat.copy(holder.x(), gradient, at);
    return gradient;
  }

  @Override
  public double[] fluxionForward() {
    return ForwardSweeps.gradient(this::tangent, gradient, directionRows);
  }

  private double tangent() {
    return SmallModelsDerivatives.mlpLossTangent(
        w1, b1, w2, b2, x, y, w1Dot, b1Dot, w2Dot, b2Dot, xDot, tangent).tangent();
  }

  @Override
  public double[] handGradient() {
    SmallHand.mlp(w1, b1, w2, b2, x, y, h, hBar, gradient);
    return gradient;
  }

  @Override
  public double[] finiteDifferences() {
    return FiniteDifferences.gradient(this::objective, gradient, parameterRows);
  }

  @Override
  public double[] hipparchus() {
    SmallHipparchus.mlp(w1, b1, w2, b2, x, y, gradient);
    return gradient;
  }

  @Override
  public void checkReference(double objective, double[] derivative, double tolerance) {
    if (derivative.length != gradient.length) {
      throw new AssertionError(name() + ": " + derivative.length + " entries, expected "
          + gradient.length);
    }
  }
}
