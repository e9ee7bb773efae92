package dev.fluxion.corpus.loops;

import dev.fluxion.Differentiable;

/**
 * Loops and {@code switch}: every statement form of the subset, with trip counts and exits that
 * depend on active values.
 */
public final class Loops {

  private Loops() {}

  /** {@code for} with an int trip count: x^n by repeated multiplication. */
  @Differentiable
  public static double powerLoop(double x, int n) {
    double p = 1;
    for (int i = 0; i < n; i++) {
      p *= x;
    }
    return p;
  }

  /** {@code for} counting down, with a loop-carried pair of values (a linear recurrence). */
  @Differentiable
  public static double twoTermRecurrence(double a, double b, int n) {
    for (int i = n; i > 0; i--) {
      double t = 0.5 * a + 0.25 * b;
      a = b;
      b = t;
    }
    return 3 * a + b;
  }

  /** {@code while} whose trip count depends on an active value: halve until at most 1. */
  @Differentiable
  public static double halveUntilSmall(double x) {
    double s = x;
    int k = 0;
    while (s > 1) {
      s = s * 0.5;
      k++;
    }
    return s * s + k;
  }

  /** {@code while} growing until an active threshold is passed. */
  @Differentiable
  public static double growPast(double x, double limit) {
    double s = x;
    while (s < limit) {
      s = s * 1.5 + 1;
    }
    return s;
  }

  /** {@code do}/{@code while} with an active exit: take square roots until below 1.5. */
  @Differentiable
  public static double repeatedSqrt(double x) {
    int k = 0;
    do {
      x = Math.sqrt(x);
      k++;
    } while (x > 1.5);
    return x * k;
  }

  /** {@code do}/{@code while}: the exponential series until the term is negligible. */
  @Differentiable
  public static double expSeries(double x) {
    double term = 1;
    double sum = 1;
    int k = 0;
    do {
      k++;
      term = term * x / k;
      sum += term;
    } while (Math.abs(term) > 1e-17 * Math.abs(sum));
    return sum;
  }

  /** A {@code while} loop counting an int down with a postfix decrement in its condition. */
  @Differentiable
  public static double cosineIteration(double x, int n) {
    int i = n;
    while (i-- > 0) {
      x = Math.cos(x);
    }
    return x;
  }

  /** Newton's iteration for √a: a {@code for} with a cap, left by {@code break} on convergence. */
  @Differentiable
  public static double newtonSqrt(double a) {
    double x = a > 1 ? a : 1;
    for (int it = 0; it < 100; it++) {
      double step = (x * x - a) / (2 * x);
      x -= step;
      if (Math.abs(step) < 1e-12) {
        break;
      }
    }
    return x;
  }

  /** Newton's iteration for ∛a: a {@code while} whose condition holds the convergence test. */
  @Differentiable
  public static double newtonCubeRoot(double a) {
    double x = a;
    double step = 1;
    int it = 0;
    while (Math.abs(step) >= 1e-12 && it < 100) {
      step = (x * x * x - a) / (3 * x * x);
      x = x - step;
      it++;
    }
    return x;
  }

  /** Kepler's equation E − e sin E = M by Newton's method, with early return on convergence. */
  @Differentiable
  public static double kepler(double m, double e) {
    double big = m;
    for (int it = 0; it < 60; it++) {
      double step = (big - e * Math.sin(big) - m) / (1 - e * Math.cos(big));
      big -= step;
      if (Math.abs(step) < 1e-13) {
        return big;
      }
    }
    return big;
  }

  /** {@code switch} in the arrow form, with a multi-label case and a block. */
  @Differentiable
  public static double switchArrow(double x, int k) {
    double y;
    switch (k) {
      case 0 -> y = x * x;
      case 1, 2 -> {
        y = Math.exp(x);
        y += k * x;
      }
      default -> y = Math.cos(x);
    }
    return y * x;
  }

  /** {@code switch} in the colon form with {@code break}. */
  @Differentiable
  public static double switchColon(double x, int k) {
    double y = x;
    switch (k) {
      case 0:
        y = x * x;
        break;
      case 1:
        y = Math.sin(x);
        break;
      case 2:
        y = y * 3 + 1;
        y *= x;
        break;
      default:
        y = -x;
    }
    return y + x;
  }

  /** {@code switch} in the colon form whose cases end with {@code return}. */
  @Differentiable
  public static double switchReturn(double x, int k) {
    double y = x * x;
    switch (k) {
      case 0:
        return y + 1;
      case 1:
        y *= x;
        return Math.log1p(y);
      default:
        break;
    }
    return Math.sin(y);
  }

  /** {@code switch} in the colon form with a fall-through from one case into the next. */
  @Differentiable
  @SuppressWarnings("fallthrough")
  public static double switchFallThrough(double x, int k) {
    double y = x;
    switch (k) {
      case 0:
        y += 1;
        // falls through
      case 1:
        y *= x;
        break;
      default:
        y = Math.sin(y);
    }
    return y;
  }

  /** {@code switch} on an int computed from an active value: a piecewise function of x. */
  @Differentiable
  public static double switchOnFloor(double x) {
    double y;
    switch ((int) Math.floor(x)) {
      case 0:
        y = x * x;
        break;
      case 1:
        y = 2 * x - 1;
        break;
      default:
        y = Math.exp(x - 2) + 2;
    }
    return y;
  }

  /** {@code while (true)} left by {@code break}: the first n with Σ_{i<n} x^i above 10. */
  @Differentiable
  public static double whileTrue(double x) {
    double term = 1;
    double sum = 0;
    while (true) {
      sum += term;
      if (sum > 10) {
        break;
      }
      term *= x;
    }
    return sum;
  }

  /** {@code continue} inside {@code do}/{@code while} jumps to the condition. */
  @Differentiable
  public static double doWhileContinue(double[] x) {
    int i = -1;
    double s = 0;
    do {
      i++;
      if (i % 2 == 1) {
        continue;
      }
      s += x[i] * x[i] * (i + 1);
    } while (i < x.length - 1);
    return s;
  }

  /** An endless {@code for (;;)} left by {@code return}, a labelled {@code continue} on a while. */
  @Differentiable
  public static double forEverReturn(double[] x) {
    int i = 0;
    double p = 1;
    scan:
    while (i < x.length) {
      for (;;) {
        p *= 1 + x[i] * 0.1;
        i++;
        if (i >= x.length) {
          return p;
        }
        if (x[i] < 0) {
          i++;
          continue scan;
        }
      }
    }
    return -p;
  }

  /**
   * A {@code switch} inside a loop: {@code break} leaves the {@code switch}, {@code continue} the
   * loop's iteration.
   */
  @Differentiable
  public static double switchInLoop(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      switch (i % 3) {
        case 0:
          s += x[i];
          break;
        case 1:
          if (x[i] < 0) {
            continue;
          }
          s += x[i] * x[i];
          break;
        default:
          s = s * 0.5 + Math.sin(x[i]);
      }
      s *= 1.1;
    }
    return s;
  }

  /** Nested loops with {@code break} and {@code continue}. */
  @Differentiable
  public static double nestedBreakContinue(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      if (i % 2 == 1) {
        continue;
      }
      for (int j = 0; j < x.length; j++) {
        if (j > i) {
          break;
        }
        if (x[j] < 0) {
          continue;
        }
        s += x[i] * x[j];
      }
    }
    return s;
  }

  /** Nested loops left by an active test: stop the inner sum once it exceeds a limit. */
  @Differentiable
  public static double nestedActiveBreak(double[][] a) {
    double total = 0;
    for (int i = 0; i < a.length; i++) {
      double row = 0;
      for (int j = 0; j < a[i].length; j++) {
        row += a[i][j] * a[i][j];
        if (row > 2) {
          break;
        }
      }
      total += Math.sqrt(row);
    }
    return total;
  }

  /** A labelled {@code break} that leaves both loops at the first element above a threshold. */
  @Differentiable
  public static double labelledBreak(double[][] a) {
    double s = 0;
    outer:
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        if (a[i][j] > 2) {
          break outer;
        }
        s += a[i][j] * a[i][j] * (i + 1);
      }
    }
    return s;
  }

  /** A labelled {@code continue} that skips the rest of a row at its first negative element. */
  @Differentiable
  public static double labelledContinue(double[][] a) {
    double s = 0;
    rows:
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        if (a[i][j] < 0) {
          continue rows;
        }
        s += a[i][j] * (j + 1);
      }
      s *= 1.5;
    }
    return s;
  }

  /** Early {@code return} from inside a loop once a running sum of squares exceeds a limit. */
  @Differentiable(wrt = {"x"})
  public static double earlyReturn(double[] x, double limit) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * x[i];
      if (s > limit) {
        return Math.sqrt(s) * (i + 1);
      }
    }
    return s;
  }

  /** Early {@code return} from inside nested loops: the first product above a threshold. */
  @Differentiable
  public static double firstLargeProduct(double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < y.length; j++) {
        double p = x[i] * y[j];
        if (p > 1) {
          return p + i - j;
        }
      }
    }
    return -1;
  }

  /** The enhanced {@code for} over a {@code double[]}. */
  @Differentiable
  public static double enhancedFor(double[] x) {
    double s = 0;
    for (double v : x) {
      s += Math.sin(v) * v;
    }
    return s;
  }

  /** The enhanced {@code for} over the rows of a {@code double[][]}, and over each row. */
  @Differentiable
  public static double enhancedForMatrix(double[][] a) {
    double s = 0;
    for (double[] row : a) {
      double r = 0;
      for (double v : row) {
        r += v * v * v;
      }
      s += r * r;
    }
    return s;
  }

  /** {@code while (true)} left only by {@code return}: no statement follows the loop. */
  @Differentiable
  public static double squareOnceBelowOne(double x) {
    double s = x;
    while (true) {
      s *= 0.5;
      if (s < 1) {
        return s * s;
      }
    }
  }

  /**
   * Ifs whose one branch goes on and whose other may return, one after the other: each return is
   * deferred, and what follows runs only if none was taken.
   */
  @Differentiable
  public static double returnsFromBranches(double x, double y) {
    double s = x * y;
    if (x > 0) {
      s += x;
    } else if (y > 1) {
      return s;
    }
    if (y > 0) {
      s *= y;
    } else if (x > 1) {
      return s * 2;
    }
    s += Math.sin(x);
    return s;
  }

  /**
   * A {@code switch} in a loop where paths from several cases go on after it, with a
   * {@code break} out of the switch from an {@code if} that others join after, and a
   * {@code continue} of the loop.
   */
  @Differentiable
  public static double switchWithJoins(double x, int n) {
    double s = x;
    for (int i = 0; i < n; i++) {
      switch (i % 3) {
        case 0:
          if (s > 2) {
            if (s > 5) {
              break;
            }
            s *= 0.5;
          }
          s += x;
          break;
        case 1:
          if (s < 0) {
            continue;
          }
          s *= x;
          break;
        default:
          s -= 0.25 * x;
      }
      s = Math.sin(s) + s;
    }
    return s;
  }

  /**
   * A variable declared after an {@code if} whose jump is deferred, and used after a later jump:
   * it stays in scope (the fuzzer's seeds 421, 588 and 721).
   */
  @Differentiable
  public static double declaredBetweenJumps(double x, int n) {
    double s = x;
    for (int i = 0; i < n; i++) {
      if (i % 2 == 0) {
        s += x;
      } else {
        if (s > 2.5) {
          break;
        }
        s *= 0.9;
      }
      double d = s * x;
      if (d > 6) {
        return d;
      }
      d -= 0.1 * d * d;
      s = d + x;
    }
    return s;
  }
}
