package dev.fluxion.train;

/**
 * A learning-rate schedule: the rate of each step, as a function of how many steps came before
 * it. An {@link Optimizer} asks it once per step.
 *
 * <pre>{@code
 * var adam = new Adam(LearningRate.cosine(0.1, 0.001, 500));   // 0.1, decaying to 0.001 at step 500
 * }</pre>
 */
@FunctionalInterface
public interface LearningRate {

  /**
   * The learning rate of a step.
   *
   * @param step the number of steps taken before this one: 0 for the first step
   * @return the rate, positive
   */
  double at(long step);

  /**
   * The same rate for every step.
   *
   * @param rate the rate, positive
   * @return the schedule
   */
  static LearningRate constant(double rate) {
    requirePositive(rate, "rate");
    return step -> rate;
  }

  /**
   * Step decay: {@code initial}, multiplied by {@code factor} after every {@code every} steps, so
   * step {@code t} has {@code initial * factor^(t / every)} (integer division).
   *
   * @param initial the rate of the first {@code every} steps, positive
   * @param factor the factor applied at each decay, in (0, 1]
   * @param every how many steps between decays, positive
   * @return the schedule
   */
  static LearningRate stepDecay(double initial, double factor, long every) {
    requirePositive(initial, "initial");
    if (!(factor > 0 && factor <= 1)) {
      throw new IllegalArgumentException("factor must be in (0, 1], got " + factor);
    }
    if (every <= 0) {
      throw new IllegalArgumentException("every must be positive, got " + every);
    }
    return step -> initial * Math.pow(factor, step / every);
  }

  /**
   * Cosine annealing: from {@code initial} at step 0 down to {@code last} at step {@code steps}
   * along half a cosine, {@code last + (initial - last)(1 + cos(π t / steps)) / 2}, and {@code
   * last} after that.
   *
   * @param initial the first step's rate, positive
   * @param last the rate from step {@code steps} on, positive and at most {@code initial}
   * @param steps how many steps the decay takes, positive
   * @return the schedule
   */
  static LearningRate cosine(double initial, double last, long steps) {
    requirePositive(initial, "initial");
    requirePositive(last, "last");
    if (last > initial) {
      throw new IllegalArgumentException(
          "last (" + last + ") must be at most initial (" + initial + ")");
    }
    if (steps <= 0) {
      throw new IllegalArgumentException("steps must be positive, got " + steps);
    }
    return step -> {
      double progress = Math.min(step, steps) / (double) steps;
      return last + (initial - last) * 0.5 * (1 + Math.cos(Math.PI * progress));
    };
  }

  private static void requirePositive(double value, String name) {
    if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
    }
  }
}
