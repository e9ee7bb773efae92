package dev.fluxion.corpus.loops;

import dev.fluxion.Differentiable;

/**
 * Arrays the method fills and then reads in loops: tables filled once before the loop that reads
 * them (the reverse sweep reads them again instead of recording each read), tables written again
 * after that loop, directly, through a second variable, through a row or by a call (each read is
 * recorded), and scratch arrays that every iteration of an outer loop overwrites.
 */
public final class Tables {

  private Tables() {}

  /**
   * exp(w_j) tabulated once, then read twice per term for every x_i: Σ_i Σ_j exp(w_j)² x_i, so
   * ∂/∂w_j = 2 exp(2 w_j) Σ x_i and ∂/∂x_i = Σ_j exp(2 w_j).
   */
  @Differentiable
  public static double tableReadInLoop(double[] w, double[] x) {
    int d = w.length;
    double[] table = new double[d];
    for (int j = 0; j < d; j++) {
      table[j] = Math.exp(w[j]);
    }
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < d; j++) {
        s += table[j] * x[i] * table[j];
      }
    }
    return s;
  }

  /** The table is scaled after the loop that reads it, then read again. */
  @Differentiable
  public static double tableWrittenAfterTheLoop(double[] w, double[] x) {
    int d = w.length;
    double[] table = new double[d];
    for (int j = 0; j < d; j++) {
      table[j] = w[j] * w[j];
    }
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < d; j++) {
        s += table[j] * x[i];
      }
    }
    for (int j = 0; j < d; j++) {
      table[j] = table[j] * x[0] + Math.sin(x[j % x.length]);
    }
    for (int i = 0; i < x.length; i++) {
      s += table[i % d] * x[i] * table[(i + 1) % d];
    }
    return s;
  }

  /** The same write made through a second variable that names the table. */
  @Differentiable
  public static double tableWrittenThroughAnAlias(double[] w, double[] x) {
    int d = w.length;
    double[] table = new double[d];
    double[] alias = table;
    for (int j = 0; j < d; j++) {
      table[j] = Math.cos(w[j]);
    }
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += table[i % d] * table[i % d] * x[i];
    }
    alias[0] = x[1] * w[0];
    alias[d - 1] = alias[0] * x[2];
    for (int i = 0; i < x.length; i++) {
      s += table[i % d] * x[i];
    }
    return s;
  }

  /** A matrix of tables, read row by row in a loop, then one row is written through a copy of it. */
  @Differentiable
  public static double rowsWrittenAfterTheLoop(double[] w, double[] x) {
    int k = 3;
    int d = w.length;
    double[][] rows = new double[k][d];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        rows[c][j] = w[j] * (c + 1) + x[c];
      }
    }
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      for (int c = 0; c < k; c++) {
        double[] row = rows[c];
        for (int j = 0; j < d; j++) {
          s += row[j] * x[i] * row[j];
        }
      }
    }
    double[] first = rows[0];
    first[1] = first[1] * x[3] + w[2];
    for (int c = 0; c < k; c++) {
      s += rows[c][1] * rows[0][1];
    }
    return s;
  }

  /** The table is overwritten with its prefix sums by a call after the loop that reads it. */
  @Differentiable
  public static double tableWrittenByACall(double[] w, double[] x) {
    int d = w.length;
    double[] table = new double[d];
    for (int j = 0; j < d; j++) {
      table[j] = w[j] * x[j % x.length];
    }
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < d; j++) {
        s += table[j] * table[j] * x[i];
      }
    }
    s += ArrayOps.prefixInPlace(table);
    for (int j = 0; j < d; j++) {
      s += table[j] * w[j];
    }
    return s;
  }

  /**
   * Scratch arrays every (i, c) overwrites, as a Gaussian mixture's centred point and its product
   * with a triangular factor: read in inner loops, twice in one term, and written again by the
   * next iteration.
   */
  @Differentiable
  public static double scratchOverwrittenPerIteration(double[][] means, double[] x, double[] w) {
    int d = w.length;
    double[] centred = new double[d];
    double[] product = new double[d];
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      for (int c = 0; c < means.length; c++) {
        for (int j = 0; j < d; j++) {
          centred[j] = x[i] * w[j] - means[c][j % means[c].length];
        }
        for (int j = 0; j < d; j++) {
          product[j] = w[j] * centred[j];
        }
        for (int j = 0; j < d; j++) {
          for (int l = j + 1; l < d; l++) {
            product[l] += w[l] * centred[j];
          }
        }
        double norm = 0;
        for (int j = 0; j < d; j++) {
          norm += product[j] * product[j];
        }
        s += Math.exp(-0.1 * norm);
      }
    }
    return s;
  }

  /**
   * The same element read twice in one term (the second read is a copy of the first for the
   * reverse sweep), then written, then read twice again: the reads on either side of the write
   * are different values.
   */
  @Differentiable
  public static double elementReadTwiceAroundAWrite(double[] x) {
    double[] q = new double[x.length];
    double s = 0;
    for (int r = 0; r < 3; r++) {
      for (int j = 0; j < x.length; j++) {
        q[j] = x[j] * (r + 1) + q[j] * 0.5;
      }
      for (int j = 0; j < x.length; j++) {
        double a = q[j] * q[j];
        q[j] = q[j] * x[j];
        s += a * q[j] * q[j] + q[(j + 1) % x.length] * q[j];
      }
    }
    return s;
  }
}
