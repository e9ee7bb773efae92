package dev.fluxion.bench.small;

/** Hand-written gradients of the small objectives, each into arrays the caller owns. */
public final class SmallHand {
  private SmallHand() {}

  /**
   * ∂f6/∂x and ∂f6/∂c of the seed-004 graph f6 = (f3 + c)(f3 − c) = f3² − c², f3 = x²/ln x.
   *
   * @param out receives {∂f6/∂x, ∂f6/∂c}
   * @return f6
   */
  public static double seed004(double x, double c, double[] out) {
    double log = Math.log(x);
    double f3 = x * x / log;
    double df3dx = x * (2 * log - 1) / (log * log);
    out[0] = 2 * f3 * df3dx;
    out[1] = -2 * c;
    return (f3 + c) * (f3 - c);
  }

  /**
   * The Rosenbrock gradient: each term touches x_i and x_{i+1}.
   *
   * @param out receives ∂f/∂x
   * @return f(x)
   */
  public static double rosenbrock(double[] x, double[] out) {
    java.util.Arrays.fill(out, 0);
    double f = 0;
    for (int i = 0; i < x.length - 1; i++) {
      double a = x[i + 1] - x[i] * x[i];
      double b = 1 - x[i];
      f += 100 * a * a + b * b;
      out[i] += -400 * a * x[i] - 2 * b;
      out[i + 1] += 200 * a;
    }
    return f;
  }

  /**
   * Backpropagation through the two-layer perceptron {@link SmallModels#mlpLoss}.
   *
   * @param h scratch for the hidden layer, one entry per hidden unit
   * @param hBar scratch for the hidden layer's adjoint
   * @param out receives ∂/∂w1 (row by row), ∂/∂b1, ∂/∂w2 (row by row), ∂/∂b2, ∂/∂x
   * @return the loss
   */
  public static double mlp(double[][] w1, double[] b1, double[][] w2, double[] b2, double[] x,
      double[] y, double[] h, double[] hBar, double[] out) {
    int hidden = b1.length;
    int inputs = x.length;
    int outputs = b2.length;
    int b1At = hidden * inputs;
    int w2At = b1At + hidden;
    int b2At = w2At + outputs * hidden;
    int xAt = b2At + outputs;
    java.util.Arrays.fill(out, 0);
    for (int i = 0; i < hidden; i++) {
      double z = b1[i];
      for (int j = 0; j < inputs; j++) {
        z += w1[i][j] * x[j];
      }
      h[i] = Math.tanh(z);
      hBar[i] = 0;
    }
    double loss = 0;
    for (int k = 0; k < outputs; k++) {
      double o = b2[k];
      for (int j = 0; j < hidden; j++) {
        o += w2[k][j] * h[j];
      }
      double e = o - y[k];
      loss += 0.5 * e * e;
      out[b2At + k] = e;
      for (int j = 0; j < hidden; j++) {
        out[w2At + k * hidden + j] = e * h[j];
        hBar[j] += e * w2[k][j];
      }
    }
    for (int i = 0; i < hidden; i++) {
      double zBar = hBar[i] * (1 - h[i] * h[i]);
      out[b1At + i] = zBar;
      for (int j = 0; j < inputs; j++) {
        out[i * inputs + j] = zBar * x[j];
        out[xAt + j] += zBar * w1[i][j];
      }
    }
    return loss;
  }
}
