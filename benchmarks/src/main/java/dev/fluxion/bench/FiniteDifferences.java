package dev.fluxion.bench;

import java.util.function.DoubleSupplier;

/**
 * Central finite differences over arrays of inputs: each element in turn is moved by ±h, the
 * objective evaluated twice, and the element put back exactly. The step is {@code h = 1e-6 ·
 * max(1, |x|)}, near the cube root of double precision's epsilon that balances truncation
 * (O(h²)) against rounding (O(ε/h)): about 8 correct digits on smooth objectives.
 */
public final class FiniteDifferences {
  private static final double RELATIVE_STEP = 1e-6;

  private FiniteDifferences() {}

  /**
   * Writes ∂f/∂(every element of every input) into {@code out}, in the order of {@code inputs}
   * and their elements.
   *
   * @param f the objective, reading the arrays of {@code inputs}
   * @param out receives the gradient; as long as all inputs together
   * @param inputs the arrays f reads, perturbed in place and restored
   * @return {@code out}
   */
  public static double[] gradient(DoubleSupplier f, double[] out, double[]... inputs) {
    int k = 0;
    for (double[] input : inputs) {
      for (int i = 0; i < input.length; i++) {
        double x = input[i];
        double h = RELATIVE_STEP * Math.max(1, Math.abs(x));
        input[i] = x + h;
        double up = f.getAsDouble();
        input[i] = x - h;
        double down = f.getAsDouble();
        input[i] = x;
        out[k++] = (up - down) / (2 * h);
      }
    }
    if (k != out.length) {
      throw new IllegalArgumentException("out has " + out.length + " entries, inputs " + k);
    }
    return out;
  }

  /** The rows of {@code matrices}, each matrix's rows in order: inputs for {@link #gradient}. */
  public static double[][] rows(double[][]... matrices) {
    int n = 0;
    for (double[][] m : matrices) {
      n += m.length;
    }
    double[][] rows = new double[n][];
    int k = 0;
    for (double[][] m : matrices) {
      for (double[] row : m) {
        rows[k++] = row;
      }
    }
    return rows;
  }
}
