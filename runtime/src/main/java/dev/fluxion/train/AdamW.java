package dev.fluxion.train;

/**
 * AdamW (Loshchilov and Hutter): {@link Adam} with decoupled weight decay. Each step shrinks
 * every weight by the learning rate α times the decay λ, outside Adam's rescaling:
 *
 * <pre>
 * w ← w - α (m̂ / (√v̂ + ε) + λ w)
 * </pre>
 *
 * <p>with m̂ and v̂ as in {@link Adam}, computed from the gradient of the loss alone. Adding
 * λ/2·‖w‖² to the loss instead puts λw into the gradient, where it is divided by √v̂ like the
 * rest: weights with large gradients are then decayed less. Here every weight decays at the same
 * rate αλ. (As in PyTorch's {@code AdamW}, the decay follows the scheduled α.)
 */
public final class AdamW extends Adam {

  /** The default weight decay λ. */
  public static final double DEFAULT_WEIGHT_DECAY = 0.01;

  /**
   * AdamW with a constant learning rate, the given decay and Adam's default β1, β2 and ε.
   *
   * @param rate the learning rate α
   * @param weightDecay the decay λ, not negative
   */
  public AdamW(double rate, double weightDecay) {
    this(LearningRate.constant(rate), weightDecay);
  }

  /**
   * AdamW with a scheduled learning rate, the given decay and Adam's default β1, β2 and ε.
   *
   * @param learningRate the schedule of α
   * @param weightDecay the decay λ, not negative
   */
  public AdamW(LearningRate learningRate, double weightDecay) {
    this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON, weightDecay);
  }

  /**
   * AdamW with every setting given.
   *
   * @param learningRate the schedule of α
   * @param beta1 the decay of the gradient's running mean, in [0, 1)
   * @param beta2 the decay of the squared gradient's running mean, in [0, 1)
   * @param epsilon added to √v̂, not negative
   * @param weightDecay the decay λ, not negative
   */
  public AdamW(
      LearningRate learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
    super(learningRate, beta1, beta2, epsilon, weightDecay);
  }
}
