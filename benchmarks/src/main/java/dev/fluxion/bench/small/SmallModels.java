package dev.fluxion.bench.small;

import dev.fluxion.Differentiable;

/**
 * The small objectives as the loops corpus writes them ({@code
 * processor/src/test/java/dev/fluxion/corpus/loops/Models.java}): the chained Rosenbrock function
 * and a two-layer perceptron whose hidden layer is a call.
 */
public final class SmallModels {
  private SmallModels() {}

  /**
   * The n-dimensional Rosenbrock function Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)².
   *
   * @param x the point
   * @return f(x)
   */
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

  /**
   * One dense layer with tanh: tanh(W x + b).
   *
   * @param w the weights, one row per output
   * @param b the biases
   * @param x the input
   * @return the layer's output
   */
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
   * A two-layer perceptron, tanh then linear, with squared error ½‖W2 tanh(W1 x + b1) + b2 − y‖².
   *
   * @param w1 the hidden layer's weights
   * @param b1 the hidden layer's biases
   * @param w2 the output layer's weights
   * @param b2 the output layer's biases
   * @param x the input
   * @param y the target
   * @return the loss
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
}
