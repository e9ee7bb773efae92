package dev.fluxion.bench.lstm;

import dev.fluxion.Differentiable;

/**
 * ADBench's LSTM language-model loss, written once in Fluxion's differentiable subset as a user
 * would write it: loops over time steps, layers and the hidden units, the gates as scalar
 * expressions.
 *
 * <p>Per layer {@code j}, {@code main} holds eight vectors of length {@code b} from
 * {@code 8·j·b}: the weights of the forget, input, output and change gates, then their biases.
 * {@code extra} holds the input weights, output weights and output biases.
 */
public final class Lstm {
  private Lstm() {}

  /**
   * The logistic function.
   *
   * @param x the argument
   * @return {@code 1 / (1 + e^−x)}
   */
  @Differentiable
  public static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /**
   * The loss: the mean log-likelihood, negated, of each character of {@code sequence} given the
   * ones before it, the state starting from {@code state} (which is read, not changed).
   *
   * @param main the gates' weights and biases, layer by layer
   * @param extra the input weights, output weights and output biases
   * @param state the initial state: per layer, hidden then cell
   * @param sequence the characters, one row of {@code b} per step
   * @return the loss
   */
  @Differentiable(wrt = {"main", "extra"})
  public static double loss(double[] main, double[] extra, double[] state, double[][] sequence) {
    int b = extra.length / 3;
    int layers = state.length / (2 * b);
    double[][] hidden = new double[layers][b];
    double[][] cell = new double[layers][b];
    for (int j = 0; j < layers; j++) {
      for (int i = 0; i < b; i++) {
        hidden[j][i] = state[2 * j * b + i];
        cell[j][i] = state[2 * j * b + b + i];
      }
    }
    double[] input = new double[b];
    double[] prediction = new double[b];
    double total = 0;
    for (int t = 0; t < sequence.length - 1; t++) {
      for (int i = 0; i < b; i++) {
        input[i] = sequence[t][i] * extra[i];
      }
      // Each layer updates its state from its input; its new hidden state is the next input.
      for (int j = 0; j < layers; j++) {
        int w = 8 * j * b;
        double[] h = hidden[j];
        double[] s = cell[j];
        for (int i = 0; i < b; i++) {
          double forget = sigmoid(input[i] * main[w + i] + main[w + 4 * b + i]);
          double ingate = sigmoid(h[i] * main[w + b + i] + main[w + 5 * b + i]);
          double outgate = sigmoid(input[i] * main[w + 2 * b + i] + main[w + 6 * b + i]);
          double change = Math.tanh(h[i] * main[w + 3 * b + i] + main[w + 7 * b + i]);
          s[i] = s[i] * forget + ingate * change;
          h[i] = outgate * Math.tanh(s[i]);
          input[i] = h[i];
        }
      }
      // The log-likelihood of the next character; ADBench's log-sum-exp adds 2 to the sum.
      double sum = 0;
      for (int i = 0; i < b; i++) {
        prediction[i] = input[i] * extra[b + i] + extra[2 * b + i];
        sum += Math.exp(prediction[i]);
      }
      double lse = Math.log(sum + 2);
      for (int i = 0; i < b; i++) {
        total += sequence[t + 1][i] * (prediction[i] - lse);
      }
    }
    return -total / ((sequence.length - 1) * b);
  }
}
