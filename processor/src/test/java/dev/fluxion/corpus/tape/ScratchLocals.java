package dev.fluxion.corpus.tape;

import dev.fluxion.Checkpoints;
import dev.fluxion.Differentiable;

/**
 * Methods with local arrays, which their reverse blocks take from the tape's scratch arrays
 * instead of allocating, and arrays that must stay {@code new} because they outlive the call.
 */
public final class ScratchLocals {
  private ScratchLocals() {}

  /**
   * A Gaussian-mixture-like log-likelihood, shaped like the benchmarks' GMM: K diagonal Gaussians
   * with log scales, their weights by logits, in a local matrix and local vectors; the callee,
   * like GMM's, allocates nothing itself.
   */
  @Differentiable(wrt = {"alphas", "means", "logScales"})
  public static double mixture(double[] alphas, double[][] means, double[][] logScales,
      double[][] x) {
    int n = x.length;
    int k = alphas.length;
    int d = means[0].length;
    double[][] scales = new double[k][d];
    double[] logDets = new double[k];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        scales[c][j] = Math.exp(logScales[c][j]);
        logDets[c] += logScales[c][j];
      }
    }
    double[] terms = new double[k];
    double[] centred = new double[d];
    double total = 0;
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < d; j++) {
          centred[j] = (x[i][j] - means[c][j]) * scales[c][j];
        }
        double sq = 0;
        for (int j = 0; j < d; j++) {
          sq += centred[j] * centred[j];
        }
        terms[c] = alphas[c] + logDets[c] - 0.5 * sq;
      }
      total += logSumExp(terms);
    }
    return total - n * logSumExp(alphas) + 0.1 * logSumExp(logDets);
  }

  /** log Σ exp(v_i), shifted by the largest v_i. */
  @Differentiable
  public static double logSumExp(double[] v) {
    double max = v[0];
    for (int i = 1; i < v.length; i++) {
      max = Math.max(max, v[i]);
    }
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      sum += Math.exp(v[i] - max);
    }
    return Math.log(sum) + max;
  }

  /**
   * A callee with a local array of its own, called twice in a row and in a loop: each call's
   * reverse block opens its scratch frame above its caller's.
   */
  @Differentiable
  public static double twoCalls(double[] x) {
    int n = x.length;
    double[] squares = new double[n];
    for (int i = 0; i < n; i++) {
      squares[i] = x[i] * x[i];
    }
    double s = entropy(x) + 2 * entropy(squares);
    for (int t = 1; t <= 3; t++) {
      squares[t % n] += 0.5 * x[0];
      s += entropy(squares) / t;
    }
    return s;
  }

  /** The entropy of softmax(v), through a local array of unnormalised probabilities. */
  @Differentiable
  public static double entropy(double[] v) {
    double max = v[0];
    for (int i = 1; i < v.length; i++) {
      max = Math.max(max, v[i]);
    }
    double[] p = new double[v.length];
    double z = 0;
    for (int i = 0; i < v.length; i++) {
      p[i] = Math.exp(v[i] - max);
      z += p[i];
    }
    double h = 0;
    for (int i = 0; i < v.length; i++) {
      double q = p[i] / z;
      h -= q * Math.log(q);
    }
    return h;
  }

  /**
   * A matrix one of whose rows is replaced by a longer vector. {@code m[1].length} is read before
   * the replacement: a new matrix's rows have the length it was made with, whatever the call
   * before did to the matrix the tape lent it.
   */
  @Differentiable
  public static double replacedRow(double[] x) {
    int n = x.length;
    double[][] m = new double[2][n];
    double[] longer = new double[n + 1];
    double s = m[1].length;
    for (int i = 0; i < n; i++) {
      m[0][i] = x[i];
      longer[i + 1] = x[i] * x[i];
    }
    longer[0] = 2;
    m[1] = longer;
    for (int i = 0; i < n; i++) {
      s += m[0][i] * m[1][i + 1] + m[1][i];
    }
    return s + m[1][0] * m[0][0] + m[1].length;
  }

  /** A relaxation whose state lives in local arrays, its long loop checkpointed. */
  @Differentiable(wrt = "x")
  public static double relaxation(double[] x, int steps, int snapshots) {
    int n = x.length;
    double[] state = new double[n];
    double[] next = new double[n];
    for (int i = 0; i < n; i++) {
      state[i] = x[i];
    }
    Checkpoints.binomial(snapshots);
    for (int t = 0; t < steps; t++) {
      for (int i = 0; i < n; i++) {
        int right = i + 1 < n ? i + 1 : 0;
        next[i] = 0.5 * (state[i] + Math.sin(state[right]));
      }
      double shift = 0.01 * entropy(next);
      for (int i = 0; i < n; i++) {
        state[i] = next[i] + shift;
      }
    }
    return logSumExp(state);
  }

  /** Returns its local array: it stays {@code new} (its adjoint array need not). */
  @Differentiable
  public static double[] squares(double[] x, double c) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = c * x[i] * x[i];
    }
    return out;
  }

  /** Returns a matrix with a local vector stored as its row: both stay {@code new}. */
  @Differentiable
  public static double[][] rows(double[] x) {
    int n = x.length;
    double[][] result = new double[2][n];
    double[] cubes = new double[n];
    for (int i = 0; i < n; i++) {
      result[0][i] = x[i];
      cubes[i] = x[i] * x[i] * x[i];
    }
    result[1] = cubes;
    return result;
  }

  /**
   * Arrays returned by callees: their adjoint arrays, zeros shaped like them, come from the tape
   * (a vector, and a matrix by its row lengths).
   */
  @Differentiable
  public static double throughResults(double[] x) {
    double[] s = squares(x, 0.5);
    double[][] r = rows(s);
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += r[0][i] * r[1][i] + s[i];
    }
    return sum;
  }
}
