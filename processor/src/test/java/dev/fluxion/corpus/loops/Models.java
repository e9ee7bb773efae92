package dev.fluxion.corpus.loops;

import dev.fluxion.Differentiable;

/** Small numeric models: losses, networks, an integrator, a test function. */
public final class Models {

  private Models() {}

  /** log Σ exp x_i, stabilised by the maximum, found with a loop and an {@code if}. */
  @Differentiable
  public static double logSumExp(double[] x) {
    double max = x[0];
    for (int i = 1; i < x.length; i++) {
      if (x[i] > max) {
        max = x[i];
      }
    }
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += Math.exp(x[i] - max);
    }
    return max + Math.log(s);
  }

  /** Softmax cross-entropy −log softmax(logits)[label], with the max subtracted. */
  @Differentiable
  public static double softmaxCrossEntropy(double[] logits, int label) {
    double max = Double.NEGATIVE_INFINITY;
    for (double z : logits) {
      max = Math.max(max, z);
    }
    double[] e = new double[logits.length];
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      e[i] = Math.exp(logits[i] - max);
      sum += e[i];
    }
    return -Math.log(e[label] / sum);
  }

  /** The n-dimensional Rosenbrock function Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)². */
  @Differentiable
  public static double rosenbrock(double[] x) {
    double f = 0;
    for (int i = 0; i < x.length - 1; i++) {
      double a = x[i + 1] - x[i] * x[i];
      double b = 1 - x[i];
      f += 100 * a * a + b * b;
    }
    return f;
  }

  /** One dense layer with tanh: tanh(W x + b), a {@code double[]} result. */
  @Differentiable
  public static double[] tanhLayer(double[][] w, double[] b, double[] x) {
    double[] h = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      double z = b[i];
      for (int j = 0; j < x.length; j++) {
        z += w[i][j] * x[j];
      }
      h[i] = Math.tanh(z);
    }
    return h;
  }

  /**
   * A two-layer perceptron, tanh then linear, with squared error ½‖W2 tanh(W1 x + b1) + b2 − y‖²;
   * the hidden layer is a call to {@link #tanhLayer}.
   */
  @Differentiable(wrt = {"w1", "b1", "w2", "b2", "x"})
  public static double mlpLoss(
      double[][] w1, double[] b1, double[][] w2, double[] b2, double[] x, double[] y) {
    double[] h = tanhLayer(w1, b1, x);
    double loss = 0;
    for (int k = 0; k < w2.length; k++) {
      double o = b2[k];
      for (int j = 0; j < h.length; j++) {
        o += w2[k][j] * h[j];
      }
      double e = o - y[k];
      loss += 0.5 * e * e;
    }
    return loss;
  }

  /** A two-layer perceptron with ReLU, written in one method: Σ_k v_k relu((W x)_k). */
  @Differentiable
  public static double reluNet(double[][] w, double[] v, double[] x) {
    double out = 0;
    for (int k = 0; k < w.length; k++) {
      double z = 0;
      for (int j = 0; j < x.length; j++) {
        z += w[k][j] * x[j];
      }
      double a = z > 0 ? z : 0;
      out += v[k] * a;
    }
    return out;
  }

  /**
   * An RNN h_t = tanh(W h_{t−1} + U x_t + b) over the rows of xs (30 steps in the tests), loss =
   * Σ of the final state. A fresh state array each step, reassigned to h.
   */
  @Differentiable
  public static double rnnFinalSum(
      double[][] w, double[][] u, double[] b, double[][] xs, double[] h0) {
    int n = h0.length;
    double[] h = new double[n];
    for (int i = 0; i < n; i++) {
      h[i] = h0[i];
    }
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

  /**
   * The same RNN, squared error of the final state against a target, differentiated only in the
   * weights; the state is updated in place in one local array via a temporary.
   */
  @Differentiable(wrt = {"w", "u", "b"})
  public static double rnnSquaredError(
      double[][] w, double[][] u, double[] b, double[][] xs, double[] h0, double[] target) {
    int n = h0.length;
    double[] h = new double[n];
    for (int i = 0; i < n; i++) {
      h[i] = h0[i];
    }
    double[] z = new double[n];
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
   * Explicit Euler for the damped oscillator x'' = −k x − c x' over {@code steps} steps of dt; the
   * result is the final position plus half the final velocity.
   */
  @Differentiable(wrt = {"x0", "v0", "c"})
  public static double dampedOscillator(double x0, double v0, double c, double k, double dt,
      int steps) {
    double x = x0;
    double v = v0;
    for (int i = 0; i < steps; i++) {
      double a = -k * x - c * v;
      x += dt * v;
      v += dt * a;
    }
    return x + 0.5 * v;
  }

  /**
   * Explicit Euler for a nonlinear pendulum θ'' = −sin θ − c θ', the state kept in a
   * {@code double[2]} local overwritten every step; the energy at the end.
   */
  @Differentiable
  public static double pendulumEnergy(double theta0, double omega0, double c, int steps) {
    double[] s = {theta0, omega0};
    double dt = 1e-3;
    for (int i = 0; i < steps; i++) {
      double theta = s[0];
      double omega = s[1];
      s[0] = theta + dt * omega;
      s[1] = omega + dt * (-Math.sin(theta) - c * omega);
    }
    return 0.5 * s[1] * s[1] + 1 - Math.cos(s[0]);
  }
}
