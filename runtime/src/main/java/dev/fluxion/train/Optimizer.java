package dev.fluxion.train;

import java.util.Objects;

/**
 * A first-order optimizer: it updates parameters in place, one step per gradient, and keeps the
 * state its rule needs (velocities, moment estimates) between steps.
 *
 * <p>A training step is
 *
 * <pre>{@code
 * ModelDerivatives.lossGradient(w, x, y, g);   // g.w() = dL/dw at w
 * optimizer.step(w, g.w());                    // w <- w - (the rule's update)
 * }</pre>
 *
 * <p>The first step fixes the number of components the optimizer has state for and allocates that
 * state; every later step must pass parameters of the same shape and allocates nothing. Use one
 * optimizer per parameter array, or pass the arrays of a matrix together with {@link
 * #step(double[][], double[][])}, whose rows are laid end to end. The learning rate of each step
 * comes from a {@link LearningRate} schedule, asked with the number of steps taken before it.
 *
 * <p>An optimizer is not thread-safe: give each training loop its own.
 */
public abstract class Optimizer {

  private final LearningRate learningRate;

  private long steps;

  /** The number of components the state is for, or -1 before the first step. */
  private int size = -1;

  /**
   * Creates an optimizer whose steps take their rates from a schedule.
   *
   * @param learningRate the schedule, asked once per step
   */
  protected Optimizer(LearningRate learningRate) {
    this.learningRate = Objects.requireNonNull(learningRate, "learningRate");
  }

  /**
   * Takes one step: updates every component of {@code params} in place from the gradient of the
   * loss at {@code params}.
   *
   * @param params the parameters, updated in place
   * @param gradient the gradient at {@code params}, as long as it; left unchanged
   * @throws IllegalArgumentException if the lengths differ, or differ from the first step's
   */
  public final void step(double[] params, double[] gradient) {
    if (params.length != gradient.length) {
      throw new IllegalArgumentException("params has " + params.length
          + " components but gradient has " + gradient.length);
    }
    double rate = begin(params.length);
    update(params, gradient, 0, rate);
  }

  /**
   * Takes one step on a matrix of parameters (or any list of arrays): its rows, laid end to end,
   * are the components, each with its own state.
   *
   * @param params the parameters, updated in place
   * @param gradient the gradient at {@code params}, shaped like it; left unchanged
   * @throws IllegalArgumentException if the shapes differ, or the number of components differs
   *     from the first step's
   */
  public final void step(double[][] params, double[][] gradient) {
    if (params.length != gradient.length) {
      throw new IllegalArgumentException("params has " + params.length
          + " rows but gradient has " + gradient.length);
    }
    int components = 0;
    for (int r = 0; r < params.length; r++) {
      if (params[r].length != gradient[r].length) {
        throw new IllegalArgumentException("row " + r + " of params has " + params[r].length
            + " components but row " + r + " of gradient has " + gradient[r].length);
      }
      components += params[r].length;
    }
    double rate = begin(components);
    int offset = 0;
    for (int r = 0; r < params.length; r++) {
      update(params[r], gradient[r], offset, rate);
      offset += params[r].length;
    }
  }

  /**
   * How many steps this optimizer has taken since it was made or {@link #reset()}; during {@link
   * #update}, the number of the step being taken, counting from 1.
   *
   * @return the step count
   */
  public final long steps() {
    return steps;
  }

  /**
   * The schedule the steps take their learning rates from.
   *
   * @return the schedule
   */
  public final LearningRate learningRate() {
    return learningRate;
  }

  /**
   * The learning rate the next step will use.
   *
   * @return the schedule's rate after {@link #steps()} steps
   */
  public final double nextRate() {
    return learningRate.at(steps);
  }

  /**
   * Forgets every step taken: the count returns to 0 and the state is dropped, so that the next
   * step starts afresh and may have another number of components.
   */
  public void reset() {
    steps = 0;
    size = -1;
  }

  /**
   * Creates zeroed state for {@code size} components. Called by the first step after construction
   * or {@link #reset()}, before {@link #update}.
   *
   * @param size the number of components the steps will update
   */
  protected abstract void allocate(int size);

  /**
   * Applies one step's update to a run of components: {@code params[i]} is component {@code
   * offset + i} of the state. A step over a matrix calls this once per row, all with the same
   * {@link #steps()} and {@code rate}.
   *
   * @param params the components to update, in place
   * @param gradient their gradient, as long as {@code params}
   * @param offset the index of {@code params[0]} among all components
   * @param rate this step's learning rate
   */
  protected abstract void update(double[] params, double[] gradient, int offset, double rate);

  /** Checks the size, allocates the state on the first step, counts the step; returns its rate. */
  private double begin(int components) {
    if (size < 0) {
      allocate(components);
      size = components;
    } else if (components != size) {
      throw new IllegalArgumentException("this optimizer has state for " + size
          + " components (set by its first step) but was given " + components
          + "; use one optimizer per parameter array, or reset() it");
    }
    double rate = learningRate.at(steps);
    steps++;
    return rate;
  }
}
