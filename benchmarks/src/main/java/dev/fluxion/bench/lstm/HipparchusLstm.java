package dev.fluxion.bench.lstm;

import org.hipparchus.analysis.differentiation.Gradient;

/**
 * {@link Lstm#loss} written again for Hipparchus' {@link Gradient}, forward mode by operator
 * overloading: every parameter (main, then extra) is a free parameter, so every intermediate value
 * carries a gradient as long as all of them together.
 */
final class HipparchusLstm {
  private HipparchusLstm() {}

  /** Writes the gradient of the loss into {@code gradient} (main, then extra); returns the loss. */
  static double gradient(LstmInput in, double[] gradient) {
    int n = in.parameters();
    int b = in.width();
    int layers = in.layers();
    Gradient[] main = variables(in.main, 0, n);
    Gradient[] extra = variables(in.extra, in.main.length, n);
    Gradient[][] hidden = new Gradient[layers][b];
    Gradient[][] cell = new Gradient[layers][b];
    for (int j = 0; j < layers; j++) {
      for (int i = 0; i < b; i++) {
        hidden[j][i] = Gradient.constant(n, in.state[2 * j * b + i]);
        cell[j][i] = Gradient.constant(n, in.state[2 * j * b + b + i]);
      }
    }
    Gradient[] input = new Gradient[b];
    Gradient total = Gradient.constant(n, 0);
    double[][] sequence = in.sequence;
    for (int t = 0; t < sequence.length - 1; t++) {
      for (int i = 0; i < b; i++) {
        input[i] = extra[i].multiply(sequence[t][i]);
      }
      for (int j = 0; j < layers; j++) {
        int w = 8 * j * b;
        Gradient[] h = hidden[j];
        Gradient[] s = cell[j];
        for (int i = 0; i < b; i++) {
          Gradient forget = sigmoid(input[i].multiply(main[w + i]).add(main[w + 4 * b + i]));
          Gradient ingate = sigmoid(h[i].multiply(main[w + b + i]).add(main[w + 5 * b + i]));
          Gradient outgate = sigmoid(input[i].multiply(main[w + 2 * b + i]).add(main[w + 6 * b + i]));
          Gradient change = h[i].multiply(main[w + 3 * b + i]).add(main[w + 7 * b + i]).tanh();
          s[i] = s[i].multiply(forget).add(ingate.multiply(change));
          h[i] = outgate.multiply(s[i].tanh());
          input[i] = h[i];
        }
      }
      Gradient[] prediction = new Gradient[b];
      Gradient sum = Gradient.constant(n, 2);
      for (int i = 0; i < b; i++) {
        prediction[i] = input[i].multiply(extra[b + i]).add(extra[2 * b + i]);
        sum = sum.add(prediction[i].exp());
      }
      Gradient lse = sum.log();
      for (int i = 0; i < b; i++) {
        total = total.add(prediction[i].subtract(lse).multiply(sequence[t + 1][i]));
      }
    }
    Gradient loss = total.divide(-(sequence.length - 1) * b);
    System.arraycopy(loss.getGradient(), 0, gradient, 0, n);
    return loss.getValue();
  }

  private static Gradient[] variables(double[] values, int first, int n) {
    Gradient[] v = new Gradient[values.length];
    for (int k = 0; k < values.length; k++) {
      v[k] = Gradient.variable(n, first + k, values[k]);
    }
    return v;
  }

  private static Gradient sigmoid(Gradient x) {
    return x.negate().exp().add(1).reciprocal();
  }
}
