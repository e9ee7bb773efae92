package dev.fluxion.bench.lstm;

import java.util.Arrays;

/**
 * The hand-written adjoint of {@link Lstm#loss}: a forward sweep that keeps, per step and layer,
 * what the reverse sweep needs (the layer's input, its previous state, its four gates and the tanh
 * of its new cell), then a reverse sweep over the steps, layers last to first.
 *
 * <p>With {@code s′ = s·f + i·g} and {@code h′ = o·tanh s′}: {@code ∂s′ = ∂c + ∂h′·o·(1 − tanh²
 * s′)}, {@code ∂o = ∂h′·tanh s′}, {@code ∂s = ∂s′·f}, {@code ∂f = ∂s′·s}, {@code ∂i = ∂s′·g},
 * {@code ∂g = ∂s′·i}; each gate's pre-activation gets its adjoint times σ′ = σ(1 − σ) or
 * tanh′ = 1 − tanh², and passes it on to its weight, its bias and its input. The hidden state's
 * adjoint collects the input and change gates' parts from the next step, and the next layer's
 * input adjoint from the same step.
 *
 * <p>Every buffer is allocated once, for the input's shape; not thread-safe.
 */
final class HandLstm {
  /** Values kept per step and layer, each a vector of b. */
  private static final int INPUT = 0;
  private static final int HIDDEN = 1;
  private static final int CELL = 2;
  private static final int FORGET = 3;
  private static final int INGATE = 4;
  private static final int OUTGATE = 5;
  private static final int CHANGE = 6;
  private static final int TANH_CELL = 7;
  private static final int KEPT = 8;

  private final int b;
  private final int layers;
  private final int steps;
  /** Entry {@code ((t·layers + j)·KEPT + kind)·b + i}. */
  private final double[] kept;
  /** Per step, the output layer's softmax weights exp(ŷᵢ)/(Σ exp(ŷ) + 2). */
  private final double[] weights;
  private final double[][] hidden;
  private final double[][] cell;
  private final double[][] hiddenBar;
  private final double[][] cellBar;
  private final double[] inputBar;

  HandLstm(LstmInput in) {
    this.b = in.width();
    this.layers = in.layers();
    this.steps = in.sequence.length - 1;
    this.kept = new double[steps * layers * KEPT * b];
    this.weights = new double[steps * b];
    this.hidden = new double[layers][b];
    this.cell = new double[layers][b];
    this.hiddenBar = new double[layers][b];
    this.cellBar = new double[layers][b];
    this.inputBar = new double[b];
  }

  /**
   * Writes the gradient of the loss into {@code gradient}: ∂/∂main, then ∂/∂extra.
   *
   * @return the loss
   */
  double gradient(LstmInput in, double[] gradient) {
    double total = forward(in);
    Arrays.fill(gradient, 0);
    reverse(in, gradient);
    return -total / (steps * b);
  }

  private int at(int t, int j, int kind) {
    return ((t * layers + j) * KEPT + kind) * b;
  }

  /** The forward sweep, keeping what {@link #reverse} needs; returns the log-likelihood total. */
  private double forward(LstmInput in) {
    double[] main = in.main;
    double[] extra = in.extra;
    for (int j = 0; j < layers; j++) {
      System.arraycopy(in.state, 2 * j * b, hidden[j], 0, b);
      System.arraycopy(in.state, 2 * j * b + b, cell[j], 0, b);
    }
    double total = 0;
    for (int t = 0; t < steps; t++) {
      double[] x = in.sequence[t];
      int input = at(t, 0, INPUT);
      for (int i = 0; i < b; i++) {
        kept[input + i] = x[i] * extra[i];
      }
      for (int j = 0; j < layers; j++) {
        int w = 8 * j * b;
        int base = at(t, j, 0);
        double[] h = hidden[j];
        double[] s = cell[j];
        for (int i = 0; i < b; i++) {
          double in1 = kept[base + i];
          double f = sigmoid(in1 * main[w + i] + main[w + 4 * b + i]);
          double ig = sigmoid(h[i] * main[w + b + i] + main[w + 5 * b + i]);
          double o = sigmoid(in1 * main[w + 2 * b + i] + main[w + 6 * b + i]);
          double g = Math.tanh(h[i] * main[w + 3 * b + i] + main[w + 7 * b + i]);
          kept[base + HIDDEN * b + i] = h[i];
          kept[base + CELL * b + i] = s[i];
          kept[base + FORGET * b + i] = f;
          kept[base + INGATE * b + i] = ig;
          kept[base + OUTGATE * b + i] = o;
          kept[base + CHANGE * b + i] = g;
          s[i] = s[i] * f + ig * g;
          double ts = Math.tanh(s[i]);
          kept[base + TANH_CELL * b + i] = ts;
          h[i] = o * ts;
        }
        if (j + 1 < layers) {
          System.arraycopy(h, 0, kept, at(t, j + 1, INPUT), b);
        }
      }
      double[] last = hidden[layers - 1];
      double sum = 0;
      int y = t * b;
      for (int i = 0; i < b; i++) {
        double e = Math.exp(last[i] * extra[b + i] + extra[2 * b + i]);
        weights[y + i] = e;
        sum += e;
      }
      double lse = Math.log(sum + 2);
      double[] next = in.sequence[t + 1];
      for (int i = 0; i < b; i++) {
        weights[y + i] /= sum + 2;
        total += next[i] * (last[i] * extra[b + i] + extra[2 * b + i] - lse);
      }
    }
    return total;
  }

  /** The reverse sweep: adds ∂loss/∂main and ∂loss/∂extra into {@code gradient}. */
  private void reverse(LstmInput in, double[] gradient) {
    double[] main = in.main;
    double[] extra = in.extra;
    int mainLength = main.length;
    double seed = -1.0 / (steps * b);
    for (double[] row : hiddenBar) {
      Arrays.fill(row, 0);
    }
    for (double[] row : cellBar) {
      Arrays.fill(row, 0);
    }
    for (int t = steps - 1; t >= 0; t--) {
      double[] next = in.sequence[t + 1];
      double count = 0;
      for (int i = 0; i < b; i++) {
        count += next[i];
      }
      // The output layer: ŷᵢ = h_last,i · outWeightᵢ + outBiasᵢ; h_last is layer l−1's new hidden.
      int last = at(t, layers - 1, 0);
      double[] lastBar = hiddenBar[layers - 1];
      for (int i = 0; i < b; i++) {
        double yBar = seed * (next[i] - count * weights[t * b + i]);
        double h = kept[last + OUTGATE * b + i] * kept[last + TANH_CELL * b + i];
        gradient[mainLength + b + i] += yBar * h;
        gradient[mainLength + 2 * b + i] += yBar;
        lastBar[i] += yBar * extra[b + i];
      }
      for (int j = layers - 1; j >= 0; j--) {
        layerReverse(main, gradient, t, j);
        double[] target = j > 0 ? hiddenBar[j - 1] : null;
        for (int i = 0; i < b; i++) {
          if (target != null) {
            target[i] += inputBar[i];
          } else {
            gradient[mainLength + i] += inputBar[i] * in.sequence[t][i];
          }
        }
      }
    }
  }

  /**
   * One layer's step backwards: turns {@code hiddenBar[j]} and {@code cellBar[j]} (adjoints of
   * the step's new state) into the adjoints of the state before it, adds the gates' weight and
   * bias adjoints into {@code gradient}, and leaves the input's adjoint in {@link #inputBar}.
   */
  private void layerReverse(double[] main, double[] gradient, int t, int j) {
    int w = 8 * j * b;
    int base = at(t, j, 0);
    double[] hBar = hiddenBar[j];
    double[] sBar = cellBar[j];
    for (int i = 0; i < b; i++) {
      double x = kept[base + INPUT * b + i];
      double h = kept[base + HIDDEN * b + i];
      double s = kept[base + CELL * b + i];
      double f = kept[base + FORGET * b + i];
      double ig = kept[base + INGATE * b + i];
      double o = kept[base + OUTGATE * b + i];
      double g = kept[base + CHANGE * b + i];
      double ts = kept[base + TANH_CELL * b + i];
      double newCellBar = sBar[i] + hBar[i] * o * (1 - ts * ts);
      double zf = newCellBar * s * f * (1 - f);
      double zi = newCellBar * g * ig * (1 - ig);
      double zo = hBar[i] * ts * o * (1 - o);
      double zc = newCellBar * ig * (1 - g * g);
      gradient[w + i] += zf * x;
      gradient[w + 4 * b + i] += zf;
      gradient[w + b + i] += zi * h;
      gradient[w + 5 * b + i] += zi;
      gradient[w + 2 * b + i] += zo * x;
      gradient[w + 6 * b + i] += zo;
      gradient[w + 3 * b + i] += zc * h;
      gradient[w + 7 * b + i] += zc;
      inputBar[i] = zf * main[w + i] + zo * main[w + 2 * b + i];
      hBar[i] = zi * main[w + b + i] + zc * main[w + 3 * b + i];
      sBar[i] = newCellBar * f;
    }
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
