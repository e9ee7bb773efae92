package dev.fluxion.corpus.second;

import dev.fluxion.Differentiable;

/** Vector-valued functions for Jacobians: forward, reverse and finite differences must agree. */
public final class VectorFunctions {

  private VectorFunctions() {}

  /** Polar to Cartesian: (r cos θ, r sin θ); J = [[cos θ, −r sin θ], [sin θ, r cos θ]]. */
  @Differentiable
  public static double[] polar(double r, double theta) {
    return new double[] {r * Math.cos(theta), r * Math.sin(theta)};
  }

  /** Softmax with the usual shift, by loops: J = diag(p) − p pᵀ. */
  @Differentiable
  public static double[] softmax(double[] a) {
    double max = a[0];
    for (int i = 1; i < a.length; i++) {
      max = Math.max(max, a[i]);
    }
    double[] p = new double[a.length];
    double total = 0;
    for (int i = 0; i < a.length; i++) {
      p[i] = Math.exp(a[i] - max);
      total += p[i];
    }
    for (int i = 0; i < a.length; i++) {
      p[i] /= total;
    }
    return p;
  }

  /**
   * A small recurrent map, h ← tanh(w·h + x_t) over the inputs, every state kept: more outputs
   * than inputs of one kind, a scalar weight and a vector of inputs.
   */
  @Differentiable
  public static double[] recurrence(double w, double[] x) {
    double[] states = new double[x.length];
    double h = 0;
    for (int t = 0; t < x.length; t++) {
      h = Math.tanh(w * h + x[t]);
      states[t] = h;
    }
    return states;
  }

  /** Prefix products with a while loop: out_i = Π_{j ≤ i} v_j; three outputs from many inputs. */
  @Differentiable
  public static double[] cumulative(double[] v) {
    double[] out = new double[3];
    double running = 1;
    int i = 0;
    while (i < v.length) {
      running *= v[i];
      if (i < 3) {
        out[i] = running;
      } else {
        out[2] += running;
      }
      i++;
    }
    return out;
  }
}
