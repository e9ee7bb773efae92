package dev.fluxion.train;

/**
 * Stochastic gradient descent, plain or with (Nesterov) momentum. With learning rate η and
 * momentum μ, each component takes the step
 *
 * <ul>
 *   <li>plain: {@code w ← w - η g};
 *   <li>momentum: {@code v ← μ v + g}, then {@code w ← w - η v};
 *   <li>Nesterov: {@code v ← μ v + g}, then {@code w ← w - η (g + μ v)}, which looks one
 *       momentum step ahead.
 * </ul>
 *
 * <p>The velocity v starts at 0, so the first step of every variant is the plain one. (These are
 * the conventions of PyTorch's {@code SGD}, with η outside the velocity.)
 */
public final class Sgd extends Optimizer {

  private final double momentum;

  private final boolean nesterov;

  /** The velocity v per component; null for plain descent, which keeps no state. */
  private double[] velocity;

  private Sgd(LearningRate learningRate, double momentum, boolean nesterov) {
    super(learningRate);
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
    }
    this.momentum = momentum;
    this.nesterov = nesterov;
  }

  /**
   * Plain gradient descent with a constant learning rate.
   *
   * @param rate the learning rate η
   * @return the optimizer
   */
  public static Sgd plain(double rate) {
    return plain(LearningRate.constant(rate));
  }

  /**
   * Plain gradient descent with a scheduled learning rate.
   *
   * @param learningRate the schedule of η
   * @return the optimizer
   */
  public static Sgd plain(LearningRate learningRate) {
    return new Sgd(learningRate, 0, false);
  }

  /**
   * Gradient descent with momentum and a constant learning rate.
   *
   * @param rate the learning rate η
   * @param momentum μ, in [0, 1)
   * @return the optimizer
   */
  public static Sgd withMomentum(double rate, double momentum) {
    return withMomentum(LearningRate.constant(rate), momentum);
  }

  /**
   * Gradient descent with momentum and a scheduled learning rate.
   *
   * @param learningRate the schedule of η
   * @param momentum μ, in [0, 1)
   * @return the optimizer
   */
  public static Sgd withMomentum(LearningRate learningRate, double momentum) {
    return new Sgd(learningRate, momentum, false);
  }

  /**
   * Gradient descent with Nesterov momentum and a constant learning rate.
   *
   * @param rate the learning rate η
   * @param momentum μ, in [0, 1)
   * @return the optimizer
   */
  public static Sgd withNesterovMomentum(double rate, double momentum) {
    return withNesterovMomentum(LearningRate.constant(rate), momentum);
  }

  /**
   * Gradient descent with Nesterov momentum and a scheduled learning rate.
   *
   * @param learningRate the schedule of η
   * @param momentum μ, in [0, 1)
   * @return the optimizer
   */
  public static Sgd withNesterovMomentum(LearningRate learningRate, double momentum) {
    return new Sgd(learningRate, momentum, true);
  }

  /**
   * The momentum μ; 0 for plain descent.
   *
   * @return μ
   */
  public double momentum() {
    return momentum;
  }

  /**
   * Whether the momentum is Nesterov's.
   *
   * @return true for Nesterov momentum
   */
  public boolean isNesterov() {
    return nesterov;
  }

  @Override
  protected void allocate(int size) {
    velocity = momentum == 0 ? null : new double[size];
  }

  @Override
  protected void update(double[] params, double[] gradient, int offset, double rate) {
    if (velocity == null) {
      for (int i = 0; i < params.length; i++) {
        params[i] -= rate * gradient[i];
      }
      return;
    }
    for (int i = 0; i < params.length; i++) {
      double g = gradient[i];
      double v = momentum * velocity[offset + i] + g;
      velocity[offset + i] = v;
      params[i] -= rate * (nesterov ? g + momentum * v : v);
    }
  }
}
