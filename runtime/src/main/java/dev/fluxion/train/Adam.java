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
public sealed class Adam extends Optimizer permits AdamW {

  /** The default β1, the decay of the gradient's running mean. */
  public static final double DEFAULT_BETA1 = 0.9;

  /** The default β2, the decay of the squared gradient's running mean. */
  public static final double DEFAULT_BETA2 = 0.999;

  /** The default ε, which keeps the division finite where v̂ is 0. */
  public static final double DEFAULT_EPSILON = 1e-8;

  private final double beta1;

  private final double beta2;

  private final double epsilon;

  /** The decoupled weight decay λ: 0 here, set by {@link AdamW}. */
  private final double weightDecay;

  /** The running mean m of each component's gradient. */
  private double[] first;

  /** The running mean v of each component's squared gradient. */
  private double[] second;

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
    this(learningRate, beta1, beta2, epsilon, 0);
  }

  /** Adam with decoupled weight decay λ: {@link AdamW}'s constructor. */
  Adam(LearningRate learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
    super(learningRate);
    requireDecay(beta1, "beta1");
    requireDecay(beta2, "beta2");
    if (!(epsilon >= 0 && epsilon < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("epsilon must be finite and not negative, got " + epsilon);
    }
    if (!(weightDecay >= 0 && weightDecay < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "weightDecay must be finite and not negative, got " + weightDecay);
    }
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.weightDecay = weightDecay;
  }

  /**
   * β1, the decay of the gradient's running mean.
   *
   * @return β1
   */
  public final double beta1() {
    return beta1;
  }

  /**
   * β2, the decay of the squared gradient's running mean.
   *
   * @return β2
   */
  public final double beta2() {
    return beta2;
  }

  /**
   * ε, added to √v̂.
   *
   * @return ε
   */
  public final double epsilon() {
    return epsilon;
  }

  /**
   * The decoupled weight decay λ: 0 for Adam, see {@link AdamW}.
   *
   * @return λ
   */
  public final double weightDecay() {
    return weightDecay;
  }

  @Override
  protected final void allocate(int size) {
    first = new double[size];
    second = new double[size];
  }

  @Override
  protected final void update(double[] params, double[] gradient, int offset, double rate) {
    long t = steps();
    double correction1 = 1 - Math.pow(beta1, t);
    double correction2 = 1 - Math.pow(beta2, t);
    for (int i = 0; i < params.length; i++) {
      int k = offset + i;
      double g = gradient[i];
      double m = beta1 * first[k] + (1 - beta1) * g;
      double v = beta2 * second[k] + (1 - beta2) * g * g;
      first[k] = m;
      second[k] = v;
      double direction = (m / correction1) / (Math.sqrt(v / correction2) + epsilon);
      params[i] -= rate * (direction + weightDecay * params[i]);
    }
  }

  private static void requireDecay(double beta, String name) {
    if (!(beta >= 0 && beta < 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1), got " + beta);
    }
  }
}
