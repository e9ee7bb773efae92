package dev.fluxion.bench.checkpoint;

import dev.fluxion.Tape;
import dev.fluxion.bench.FiniteDifferences;

/**
 * The checkpointing case: {@link Euler}'s oscillator over a fixed number of steps, and its
 * gradient with respect to (x0, v0, c) by Fluxion's into-form, recorded or checkpointed. One
 * instance owns its holders and the gradient buffer it returns; it is used by one thread.
 */
public final class EulerCase {
  /** The steps of the timed case. */
  public static final int STEPS = 1_000_000;

  /** The case's name, the TSV's {@code case} column. */
  public static final String NAME = "euler-1e6";

  /** Relative agreement of checkpointed and recorded gradients: the same operations. */
  private static final double ROUNDING = 1e-12;

  /** Steps of the short run checked against finite differences. */
  private static final int SHORT_STEPS = 2_000;

  private final double[] start = {1.0, 0.0, 0.05}; // x0, v0, c
  private final double k = 1.0;
  private final double dt = 1e-4; // 10⁶ steps span t = 100: about 16 periods, damped to e^-2.5
  private final int steps;
  private final double[] gradient = new double[3];
  private final EulerDerivatives.OscillatorGradient recorded =
      new EulerDerivatives.OscillatorGradient();
  private final EulerDerivatives.OscillatorCheckpointedGradient checkpointed =
      new EulerDerivatives.OscillatorCheckpointedGradient();

  /** The case over {@code steps} steps. */
  public EulerCase(int steps) {
    this.steps = steps;
  }

  /** The plain forward pass: the objective alone. */
  public double objective() {
    return Euler.oscillator(start[0], start[1], start[2], k, dt, steps);
  }

  /**
   * The gradient ∂f/∂(x0, v0, c) into the case's buffer, overwritten by the next call.
   *
   * @param snapshots the checkpointed loop's snapshot count, or {@link EulerTool#RECORDED} for
   *     the plain loop
   */
  public double[] gradient(int snapshots) {
    if (snapshots == EulerTool.RECORDED) {
      EulerDerivatives.oscillatorGradient(start[0], start[1], start[2], k, dt, steps, recorded);
      gradient[0] = recorded.x0();
      gradient[1] = recorded.v0();
      gradient[2] = recorded.c();
    } else {
      EulerDerivatives.oscillatorCheckpointedGradient(start[0], start[1], start[2], k, dt, steps,
          snapshots, checkpointed);
      gradient[0] = checkpointed.x0();
      gradient[1] = checkpointed.v0();
      gradient[2] = checkpointed.c();
    }
    return gradient;
  }

  /**
   * The bytes of tape one gradient needs: {@link Tape#capacityBytes()} of a fresh tape after a
   * call of the reverse form the into-form runs on. Deterministic: the tape grows geometrically
   * from its initial size to what the largest push needed.
   */
  public long tapeBytes(int snapshots) {
    Tape tape = new Tape();
    if (snapshots == EulerTool.RECORDED) {
      EulerDerivatives.oscillatorReverse(start[0], start[1], start[2], k, dt, steps, 1.0, tape);
    } else {
      EulerDerivatives.oscillatorCheckpointedReverse(start[0], start[1], start[2], k, dt, steps,
          snapshots, 1.0, tape);
    }
    return tape.capacityBytes();
  }

  /**
   * Checks a tool before it is timed: on a short run, the recorded gradient against central
   * finite differences and the checkpointed one against the recorded one; on this case's run,
   * the checkpointed gradient against the recorded one, to rounding.
   *
   * @throws AssertionError naming the entry that is off
   */
  public void verify(EulerTool tool) {
    if (tool.snapshots() == EulerTool.OBJECTIVE) {
      return;
    }
    EulerCase small = new EulerCase(SHORT_STEPS);
    double[] fd = FiniteDifferences.gradient(small::objective, new double[3], small.start);
    double[] plain = small.gradient(EulerTool.RECORDED).clone();
    agree(SHORT_STEPS + " steps, finite differences", fd, plain, 1e-6);
    if (tool.snapshots() == EulerTool.RECORDED) {
      return;
    }
    agree(SHORT_STEPS + " steps, " + tool.label(), small.gradient(tool.snapshots()), plain,
        ROUNDING);
    agree(steps + " steps, " + tool.label(), gradient(tool.snapshots()).clone(),
        gradient(EulerTool.RECORDED).clone(), ROUNDING);
  }

  /** Asserts that every entry is within {@code tolerance} relative of the recorded gradient's. */
  private static void agree(String what, double[] actual, double[] recorded, double tolerance) {
    for (int i = 0; i < recorded.length; i++) {
      double error = Math.abs(actual[i] - recorded[i]);
      if (!(error <= tolerance * Math.abs(recorded[i]))) {
        throw new AssertionError(NAME + ", " + what + ": entry " + i + " is " + actual[i]
            + ", the recorded loop's " + recorded[i]);
      }
    }
  }
}
