package dev.fluxion.corpus.loops;

import dev.fluxion.Checkpoints;
import dev.fluxion.Differentiable;

/**
 * The integrators and RNNs of {@link Models}, their long loop marked with {@link
 * Checkpoints#binomial(int)}: the snapshot count is a parameter, so that tests try several.
 */
public final class Checkpointed {

  private Checkpointed() {}

  /** {@link Models#dampedOscillator}, checkpointed. */
  @Differentiable(wrt = {"x0", "v0", "c"})
  public static double dampedOscillator(double x0, double v0, double c, double k, double dt,
      int steps, int snapshots) {
    double x = x0;
    double v = v0;
    Checkpoints.binomial(snapshots);
    for (int i = 0; i < steps; i++) {
      double a = -k * x - c * v;
      x += dt * v;
      v += dt * a;
    }
    return x + 0.5 * v;
  }

  /** The damped oscillator with a constant snapshot count, as a user would write it. */
  @Differentiable(wrt = {"x0", "v0", "c"})
  public static double oscillator(double x0, double v0, double c, int steps) {
    double x = x0;
    double v = v0;
    Checkpoints.binomial(100);
    for (int i = 0; i < steps; i++) {
      double a = -x - c * v;
      x += 1e-3 * v;
      v += 1e-3 * a;
    }
    return x + 0.5 * v;
  }

  /** {@link Models#pendulumEnergy}, checkpointed: the state is an array written in place. */
  @Differentiable(wrt = {"theta0", "omega0", "c"})
  public static double pendulumEnergy(double theta0, double omega0, double c, int steps,
      int snapshots) {
    double[] s = {theta0, omega0};
    double dt = 1e-3;
    Checkpoints.binomial(snapshots);
    for (int i = 0; i < steps; i++) {
      double theta = s[0];
      double omega = s[1];
      s[0] = theta + dt * omega;
      s[1] = omega + dt * (-Math.sin(theta) - c * omega);
    }
    return 0.5 * s[1] * s[1] + 1 - Math.cos(s[0]);
  }

  /** {@link Models#rnnFinalSum}, checkpointed: a fresh state array each step. */
  @Differentiable(wrt = {"w", "u", "b", "xs", "h0"})
  public static double rnnFinalSum(double[][] w, double[][] u, double[] b, double[][] xs,
      double[] h0, int snapshots) {
    int n = h0.length;
    double[] h = new double[n];
    for (int i = 0; i < n; i++) {
      h[i] = h0[i];
    }
    Checkpoints.binomial(snapshots);
    for (int t = 0; t < xs.length; t++) {
      double[] next = new double[n];
      for (int i = 0; i < n; i++) {
        double z = b[i];
        for (int j = 0; j < n; j++) {
          z += w[i][j] * h[j];
        }
        for (int j = 0; j < xs[t].length; j++) {
          z += u[i][j] * xs[t][j];
        }
        next[i] = Math.tanh(z);
      }
      h = next;
    }
    double s = 0;
    for (double v : h) {
      s += v;
    }
    return s;
  }

  /** {@link Models#rnnSquaredError}, checkpointed: the state updated in place. */
  @Differentiable(wrt = {"w", "u", "b"})
  public static double rnnSquaredError(double[][] w, double[][] u, double[] b, double[][] xs,
      double[] h0, double[] target, int snapshots) {
    int n = h0.length;
    double[] h = new double[n];
    for (int i = 0; i < n; i++) {
      h[i] = h0[i];
    }
    double[] z = new double[n];
    Checkpoints.binomial(snapshots);
    for (int t = 0; t < xs.length; t++) {
      for (int i = 0; i < n; i++) {
        z[i] = b[i];
        for (int j = 0; j < n; j++) {
          z[i] += w[i][j] * h[j];
        }
        for (int j = 0; j < xs[t].length; j++) {
          z[i] += u[i][j] * xs[t][j];
        }
      }
      for (int i = 0; i < n; i++) {
        h[i] = Math.tanh(z[i]);
      }
    }
    double e = 0;
    for (int i = 0; i < n; i++) {
      e += (h[i] - target[i]) * (h[i] - target[i]);
    }
    return e;
  }

  /**
   * A loop that leaves by {@code break} once the value passes a limit, writing into a parameter
   * array and counting in an {@code int} array: the trip count is known only at the end.
   */
  @Differentiable(wrt = {"x0", "rate", "trace"})
  public static double untilLimit(double x0, double rate, double limit, double[] trace,
      int[] visits, int snapshots) {
    double x = x0;
    int i = 0;
    Checkpoints.binomial(snapshots);
    while (i < trace.length) {
      x = x * rate + 0.1 * Math.sin(x) + trace[i];
      trace[i] = x * x;
      visits[i % visits.length]++;
      i++;
      if (x > limit) {
        break;
      }
    }
    double s = x;
    for (double t : trace) {
      s += 0.01 * t;
    }
    return s;
  }

  /** {@link #untilLimit} without the marker, to compare with. */
  @Differentiable(wrt = {"x0", "rate", "trace"})
  public static double untilLimitRecorded(double x0, double rate, double limit, double[] trace,
      int[] visits) {
    double x = x0;
    int i = 0;
    while (i < trace.length) {
      x = x * rate + 0.1 * Math.sin(x) + trace[i];
      trace[i] = x * x;
      visits[i % visits.length]++;
      i++;
      if (x > limit) {
        break;
      }
    }
    double s = x;
    for (double t : trace) {
      s += 0.01 * t;
    }
    return s;
  }

  /**
   * A checkpointed loop reading an array that statements after it overwrite: its iterations run
   * again in the reverse sweep, so those writes must be undone by then.
   */
  @Differentiable
  public static double overwrittenAfter(double x0, double[] coeffs, int steps, int snapshots) {
    double[] k = new double[2];
    k[0] = coeffs[0];
    k[1] = coeffs[1];
    double x = x0;
    Checkpoints.binomial(snapshots);
    for (int i = 0; i < steps; i++) {
      x = x + 0.01 * (k[0] * Math.sin(x) + k[1]);
    }
    k[0] = 100;
    for (int i = 0; i < 3; i++) {
      k[1] = k[1] * x;
    }
    return x + k[0] * 0.001 + k[1];
  }

  /** {@link #overwrittenAfter} without the marker. */
  @Differentiable
  public static double overwrittenAfterRecorded(double x0, double[] coeffs, int steps) {
    double[] k = new double[2];
    k[0] = coeffs[0];
    k[1] = coeffs[1];
    double x = x0;
    for (int i = 0; i < steps; i++) {
      x = x + 0.01 * (k[0] * Math.sin(x) + k[1]);
    }
    k[0] = 100;
    for (int i = 0; i < 3; i++) {
      k[1] = k[1] * x;
    }
    return x + k[0] * 0.001 + k[1];
  }

  /**
   * A checkpointed loop with if/else chains that break or continue on one path and go on on two:
   * its jumps are deferred to a jump variable, which the iterations' state must not include.
   */
  @Differentiable(wrt = {"x0", "c"})
  public static double deferredJumps(double x0, double c, double limit, int steps,
      int snapshots) {
    double x = x0;
    double s = 0;
    Checkpoints.binomial(snapshots);
    for (int i = 0; i < steps; i++) {
      if (i % 3 == 0) {
        x = x * (1 + 0.01 * c);
      } else if (x > limit) {
        break;
      } else {
        x = x + 0.001 * c * x * x;
      }
      s += Math.sin(x);
      if (i % 5 == 1) {
        s += 0.02 * x;
      } else if (i % 5 == 4) {
        continue;
      } else {
        s += 0.01 * x;
      }
      x += 0.001;
    }
    return s + x;
  }

  /** {@link #deferredJumps} without the marker, to compare with. */
  @Differentiable(wrt = {"x0", "c"})
  public static double deferredJumpsRecorded(double x0, double c, double limit, int steps) {
    double x = x0;
    double s = 0;
    for (int i = 0; i < steps; i++) {
      if (i % 3 == 0) {
        x = x * (1 + 0.01 * c);
      } else if (x > limit) {
        break;
      } else {
        x = x + 0.001 * c * x * x;
      }
      s += Math.sin(x);
      if (i % 5 == 1) {
        s += 0.02 * x;
      } else if (i % 5 == 4) {
        continue;
      } else {
        s += 0.01 * x;
      }
      x += 0.001;
    }
    return s + x;
  }
}
