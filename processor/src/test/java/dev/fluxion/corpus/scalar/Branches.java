package dev.fluxion.corpus.scalar;

import dev.fluxion.Differentiable;

/**
 * {@code if}/{@code else}, early returns, {@code ?:}, comparisons and boolean logic, and int/long
 * values that steer control but are never active.
 */
public final class Branches {

  private Branches() {}

  /** {@code −x²} below 0, {@code x} on [0, 1), {@code 2x − 1} from 1 on. */
  @Differentiable
  public static double piecewise(double x) {
    if (x < 0) {
      return -x * x;
    } else if (x < 1) {
      return x;
    } else {
      return 2 * x - 1;
    }
  }

  /** Three returns: {@code xy} when x > y, {@code (y − x)²} when y − x > 1, else {@code x + y}. */
  @Differentiable
  public static double earlyReturn(double x, double y) {
    if (x > y) {
      return x * y;
    }
    double d = y - x;
    if (d > 1) {
      return d * d;
    }
    return x + y;
  }

  /** {@code x > y ? x² : y eˣ}. */
  @Differentiable
  public static double ternary(double x, double y) {
    return x > y ? x * x : y * Math.exp(x);
  }

  /** {@code −1 − x} below −1, {@code x²} above 1, {@code (x² + 1)/2} between. */
  @Differentiable
  public static double nestedTernary(double x) {
    return x < -1 ? -1 - x : x > 1 ? x * x : 0.5 * x * x + 0.5;
  }

  /**
   * Boolean locals built with {@code &&}, {@code ||}, {@code !} and {@code ==}: {@code xy} when
   * exactly "both positive and neither above 1" (flipped by {@code flip}); else {@code x + 2y}
   * when either is above 1 or they are equal; else {@code x − y}.
   */
  @Differentiable
  public static double booleanLogic(double x, double y, boolean flip) {
    boolean both = x > 0 && y > 0;
    boolean either = x > 1 || y > 1;
    if (flip) {
      both = !both;
    }
    if (both && !either) {
      return x * y;
    }
    if (either || x == y) {
      return x + 2 * y;
    }
    return x - y;
  }

  /** Control by an int: {@code x²} for even n, {@code x³} for odd n ≥ 3 except 5, else −x. */
  @Differentiable
  public static double intCondition(double x, int n) {
    if (n % 2 == 0) {
      return Math.pow(x, 2);
    } else if (n >= 3 && n != 5) {
      return x * x * x;
    }
    return -x;
  }

  /** An int exponent chosen in a branch: {@code x^e} with e = 3 when n > 2, else 2. */
  @Differentiable
  public static double intExponentBranch(double x, int n) {
    int e = n > 2 ? 3 : 2;
    if (e == 3) {
      return Math.pow(x, e);
    }
    return x * x;
  }

  /** A local assigned in both branches: {@code 3 √x} for x > 0, else {@code −3x}. */
  @Differentiable
  public static double branchAssignsLocal(double x) {
    double y;
    if (x > 0) {
      y = Math.sqrt(x);
    } else {
      y = -x;
    }
    return y * 3;
  }

  /** An if without else: {@code (xy)² + x} when xy > 2, else {@code xy + x}. */
  @Differentiable
  public static double ifWithoutElse(double x, double y) {
    double r = x * y;
    if (r > 2) {
      r = r * r;
    }
    r += x;
    return r;
  }

  /** A long steering control: {@code x · (steps / 2)} when that is above 1, else x. */
  @Differentiable
  public static double longControl(double x, long steps) {
    long half = steps / 2;
    if (half > 1L) {
      return x * half;
    }
    return x;
  }

  /** A condition on an active value: {@code ln x²} when x² > 4, else {@code x²/4}. */
  @Differentiable
  public static double conditionOnActive(double x) {
    boolean big = x * x > 4.0;
    return big ? Math.log(x * x) : x * x / 4;
  }

  /**
   * Nested ifs with a local declared inside a branch: {@code 2xy} (x, y > 0), {@code (2x + y)²}
   * (x > 0 ≥ y), y otherwise.
   */
  @Differentiable
  public static double nestedIfs(double x, double y) {
    if (x > 0) {
      double t = x * 2;
      if (y > 0) {
        return t * y;
      }
      t = t + y;
      return t * t;
    }
    return y;
  }

  /** Comparisons of every kind between active values, choosing the factor: see the test. */
  @Differentiable
  public static double comparisons(double x, double y) {
    double k = 0;
    if (x <= y) {
      k += 1;
    }
    if (x >= y) {
      k += 2;
    }
    if (x != y) {
      k += 4;
    }
    return k * x * y;
  }

  /** if/else if/else without braces: {@code x²}, x, {@code −3x}. */
  @Differentiable
  public static double noBraces(double x) {
    if (x > 1) return x * x;
    else if (x > 0) return x;
    else return -x * 3;
  }

  /** A branch that returns a constant: 1 above 5, else {@code x²}. */
  @Differentiable
  public static double constantReturn(double x) {
    if (x > 5) {
      return 1;
    }
    return x * x;
  }

  /** A ?: whose branches are a double and an int: x when n > 0, else 1. */
  @Differentiable
  public static double mixedTernary(double x, int n) {
    return n > 0 ? x : 1;
  }

  /** ?: as a function argument and as a factor: {@code e^|x − y| · (x < 0 ? −1 : 1)}. */
  @Differentiable
  public static double ternaryAsArgument(double x, double y) {
    return Math.exp(x > y ? x - y : y - x) * (x < 0 ? -1 : 1);
  }

  /** A boolean parameter and a negated boolean local: x, or −x when neg. */
  @Differentiable
  public static double booleanParameter(double x, boolean neg) {
    boolean keep = !neg;
    return keep ? x : -x;
  }

  /** A long compared with a double: {@code n x} when n > x, else x. */
  @Differentiable
  public static double compareLongWithDouble(double x, long n) {
    return n > x ? x * n : x;
  }
}
