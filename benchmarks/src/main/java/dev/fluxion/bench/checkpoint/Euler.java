package dev.fluxion.bench.checkpoint;

import dev.fluxion.Checkpoints;
import dev.fluxion.Differentiable;

/**
 * A damped oscillator x'' = −k·x − c·x' integrated by explicit Euler, written as a user would:
 * the same loop twice, recorded as usual and under {@link Checkpoints#binomial}. The objective
 * is the state's energy-like sum at the end, differentiated with respect to the initial state
 * and the damping.
 */
public final class Euler {
  private Euler() {}

  /** The plain loop: its reverse sweep records every iteration. */
  @Differentiable(wrt = {"x0", "v0", "c"})
  public static double oscillator(double x0, double v0, double c, double k, double dt,
      int steps) {
    double x = x0;
    double v = v0;
    for (int i = 0; i < steps; i++) {
      double a = -k * x - c * v;
      x += dt * v;
      v += dt * a;
    }
    return x * x + 0.5 * v * v;
  }

  /** The same loop, its reverse sweep checkpointed with at most {@code snapshots} states. */
  @Differentiable(wrt = {"x0", "v0", "c"})
  public static double oscillatorCheckpointed(double x0, double v0, double c, double k,
      double dt, int steps, int snapshots) {
    double x = x0;
    double v = v0;
    Checkpoints.binomial(snapshots);
    for (int i = 0; i < steps; i++) {
      double a = -k * x - c * v;
      x += dt * v;
      v += dt * a;
    }
    return x * x + 0.5 * v * v;
  }
}
