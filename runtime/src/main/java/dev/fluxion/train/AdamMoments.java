package dev.fluxion.train;

/**
 * The moment estimates Adam and AdamW share: per component, the running means of the gradient
 * and of its square, and the bias-corrected direction they give.
 *
 * <pre>
 * m ← β1 m + (1 - β1) g        m̂ = m / (1 - β1^t)
 * v ← β2 v + (1 - β2) g²       v̂ = v / (1 - β2^t)        direction = m̂ / (√v̂ + ε)
 * </pre>
 */
final class AdamMoments {

  final double beta1;

  final double beta2;

  final double epsilon;

  private double[] first;

  private double[] second;

  /** The step the corrections below are for; 0 before the first. */
  private long correctedFor;

  private double correction1;

  private double correction2;

  AdamMoments(double beta1, double beta2, double epsilon) {
    requireDecay(beta1, "beta1");
    requireDecay(beta2, "beta2");
    if (!(epsilon >= 0 && epsilon < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("epsilon must be finite and not negative, got " + epsilon);
    }
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  /** Zeroed moments for {@code size} components. */
  void allocate(int size) {
    first = new double[size];
    second = new double[size];
    correctedFor = 0;
  }

  /** Prepares the bias corrections of step {@code t} (counting from 1); cheap when repeated. */
  void startStep(long t) {
    if (t != correctedFor) {
      correction1 = 1 - Math.pow(beta1, t);
      correction2 = 1 - Math.pow(beta2, t);
      correctedFor = t;
    }
  }

  /**
   * Folds the gradient of component {@code k} into its moments and returns m̂ / (√v̂ + ε).
   *
   * @param k the component
   * @param g its gradient in this step
   * @return the direction the component moves against, scaled by the learning rate
   */
  double direction(int k, double g) {
    double m = beta1 * first[k] + (1 - beta1) * g;
    double v = beta2 * second[k] + (1 - beta2) * g * g;
    first[k] = m;
    second[k] = v;
    return (m / correction1) / (Math.sqrt(v / correction2) + epsilon);
  }

  private static void requireDecay(double beta, String name) {
    if (!(beta >= 0 && beta < 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1), got " + beta);
    }
  }
}
