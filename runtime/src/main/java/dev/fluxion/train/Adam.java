package dev.fluxion.train;

/**
 * Adam (Kingma and Ba): each component moves by the learning rate α times the bias-corrected
 * mean of its gradient over the root of the bias-corrected mean of its square,
 *
 * <pre>
 * m ← β1 m + (1 - β1) g        m̂ = m / (1 - β1^t)
 * v ← β2 v + (1 - β2) g²       v̂ = v / (1 - β2^t)
 * w ← w - α m̂ / (√v̂ + ε)
 * </pre>
 *
 * <p>with t the number of the step, from 1, and m, v starting at 0. The first step is therefore
 * {@code w - α g / (|g| + ε)}: α times the sign of each component's gradient, whatever its size.
 *
 * <p>An L2 penalty written into the loss passes through the division by √v̂, so it shrinks
 * components with large gradients less; {@link AdamW} decays the weights directly instead.
 */
public final class Adam extends Optimizer {

  /** The default β1, the decay of the gradient's running mean. */
  public static final double DEFAULT_BETA1 = 0.9;

  /** The default β2, the decay of the squared gradient's running mean. */
  public static final double DEFAULT_BETA2 = 0.999;

  /** The default ε, which keeps the division finite where v̂ is 0. */
  public static final double DEFAULT_EPSILON = 1e-8;

  private final AdamMoments moments;

  /**
   * Adam with a constant learning rate and the default β1, β2 and ε.
   *
   * @param rate the learning rate α
   */
  public Adam(double rate) {
    this(LearningRate.constant(rate));
  }

  /**
   * Adam with a scheduled learning rate and the default β1, β2 and ε.
   *
   * @param learningRate the schedule of α
   */
  public Adam(LearningRate learningRate) {
    this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
  }

  /**
   * Adam with every setting given.
   *
   * @param learningRate the schedule of α
   * @param beta1 the decay of the gradient's running mean, in [0, 1)
   * @param beta2 the decay of the squared gradient's running mean, in [0, 1)
   * @param epsilon added to √v̂, not negative
   */
  public Adam(LearningRate learningRate, double beta1, double beta2, double epsilon) {
    super(learningRate);
    this.moments = new AdamMoments(beta1, beta2, epsilon);
  }

  /**
   * β1, the decay of the gradient's running mean.
   *
   * @return β1
   */
  public double beta1() {
    return moments.beta1;
  }

  /**
   * β2, the decay of the squared gradient's running mean.
   *
   * @return β2
   */
  public double beta2() {
    return moments.beta2;
  }

  /**
   * ε, added to √v̂.
   *
   * @return ε
   */
  public double epsilon() {
    return moments.epsilon;
  }

  @Override
  protected void allocate(int size) {
    moments.allocate(size);
  }

  @Override
  protected void update(double[] params, double[] gradient, int offset, double rate) {
    moments.startStep(steps());
    for (int i = 0; i < params.length; i++) {
      params[i] -= rate * moments.direction(offset + i, gradient[i]);
    }
  }
}
