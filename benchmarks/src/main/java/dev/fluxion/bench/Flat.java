package dev.fluxion.bench;

/**
 * Copies gradients shaped like their parameters into one flat array, without allocating: the
 * tools' common layout (see {@link BenchmarkCase}).
 */
public final class Flat {
  private Flat() {}

  /** Copies {@code v} into {@code out} from {@code at}; returns the index after it. */
  public static int copy(double[] v, double[] out, int at) {
    System.arraycopy(v, 0, out, at, v.length);
    return at + v.length;
  }

  /** Copies the rows of {@code m} one after the other into {@code out} from {@code at}. */
  public static int copy(double[][] m, double[] out, int at) {
    for (double[] row : m) {
      at = copy(row, out, at);
    }
    return at;
  }
}
