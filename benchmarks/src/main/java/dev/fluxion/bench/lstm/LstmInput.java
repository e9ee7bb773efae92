package dev.fluxion.bench.lstm;

import dev.fluxion.bench.AdbenchData;

/**
 * An LSTM problem read from an ADBench file: {@code l c b} (layers, sequence length, hidden size),
 * then {@code main} (2·l·4·b values), {@code extra} (3·b), {@code state} (2·l·b) and the
 * sequence ({@code c} rows of {@code b}). The arrays are the problem's own and may be perturbed
 * in place (finite differences do, and put the values back).
 */
public final class LstmInput {
  /** Per layer, the weights then the biases of the forget, input, output and change gates. */
  final double[] main;
  /** The input weights, output weights and output biases. */
  final double[] extra;
  /** The initial state: per layer, hidden then cell. */
  final double[] state;
  /** The character sequence, one row of {@code b} per step. */
  final double[][] sequence;

  /** A problem with these parameters, initial state and sequence (shapes as in the file). */
  LstmInput(double[] main, double[] extra, double[] state, double[][] sequence) {
    this.main = main;
    this.extra = extra;
    this.state = state;
    this.sequence = sequence;
  }

  /** Reads an ADBench LSTM file, e.g. {@code lstm-lstm_l2_c1024.txt}, from the ADBench folder. */
  public static LstmInput read(String fileName) {
    AdbenchData.Numbers in = AdbenchData.read(fileName);
    int l = in.nextInt();
    int c = in.nextInt();
    int b = in.nextInt();
    double[] main = in.nextDoubles(2 * l * 4 * b);
    double[] extra = in.nextDoubles(3 * b);
    double[] state = in.nextDoubles(2 * l * b);
    double[][] sequence = in.nextMatrix(c, b);
    return new LstmInput(main, extra, state, sequence);
  }

  /** The hidden size b. */
  int width() {
    return extra.length / 3;
  }

  /** The number of layers l. */
  int layers() {
    return state.length / (2 * width());
  }

  /** The number of parameters the gradient is taken with respect to: main, then extra. */
  int parameters() {
    return main.length + extra.length;
  }
}
