package dev.fluxion.corpus.scalar;

import dev.fluxion.Differentiable;

/**
 * User names that a generator might also want: adjoint-like names, {@code seed}, {@code tape},
 * {@code into}, {@code value}, {@code self}, temporaries, names with {@code $}, and locals that
 * obscure class and package names. Also methods that reassign their own parameters and return in
 * many places.
 */
public final class Hygiene {

  final double factor;

  /**
   * A receiver for the instance method.
   *
   * @param factor a constant factor
   */
  public Hygiene(double factor) {
    this.factor = factor;
  }

  /** Locals named like generated ones: the result is {@code (4x² + x·xBar − 2x)² / (1 + xBar²)}. */
  @Differentiable
  public static double generatedNames(double x, double xBar) {
    double seed = x * 2;
    double tape = seed + xBar;
    double t1 = tape * x;
    double t2 = t1 - seed;
    double t3 = t2 + seed * x;
    double value = t3 * t3;
    double into = value / (1 + xBar * xBar);
    return into;
  }

  /**
   * Parameters named seed, into and tape, which the pullback itself needs: {@code seed·into +
   * tape²}.
   */
  @Differentiable
  public static double parameterNames(double seed, double into, double tape) {
    return seed * into + tape * tape;
  }

  /** More adjoint-like names and {@code $}: {@code aBar = a², a_bar = 3 aBar, $t = a_bar + a}. */
  @Differentiable
  public static double adjointNames(double a, double aBar) {
    double a$bar = a * a;
    double a_bar = 3 * a$bar;
    double $t = a_bar + a * aBar;
    double grad = $t;
    double adj = grad * aBar;
    double result = adj + grad;
    double tmp = result;
    return tmp;
  }

  /** An instance method with a parameter named self: {@code factor · self · other}. */
  @Differentiable
  public double instanceSelf(double self, double other) {
    double receiver = self * other;
    double self0 = receiver * factor;
    return self0;
  }

  /** Locals that obscure the companions' class names and the top-level packages. */
  @Differentiable
  public static double obscuringNames(double x) {
    double ArithmeticDerivatives = x * 2;
    double HygieneDerivatives = ArithmeticDerivatives + 1;
    double java = 1;
    double dev = 2;
    double Tape = 3;
    return Arithmetic.polynomial(ArithmeticDerivatives) * java + HygieneDerivatives * dev + Tape;
  }

  /** A local named like the method itself and its holder. */
  @Differentiable
  public static double named(double x) {
    double named = x * x;
    double NamedGradient = named + x;
    double namedGradient = NamedGradient * 2;
    return namedGradient;
  }

  /** Every parameter overwritten, some more than once, before the result: see the test. */
  @Differentiable
  public static double overwriteParameters(double x, double y, double z) {
    z = x * y;
    x = Math.sin(z) + y;
    y = x * z;
    x = y - z;
    return x * y + z;
  }

  /** Returns in five places, one nested two deep. */
  @Differentiable
  public static double manyReturns(double x, double y) {
    if (x < -1) {
      return -x;
    }
    if (x < 0) {
      if (y < 0) {
        return x * y;
      }
      return x + y;
    }
    double s = x + y;
    if (s > 10) {
      return s * s;
    }
    return s * x;
  }

  /** Parameters named like Math functions: {@code sin(sin) cos(cos)}. */
  @Differentiable
  public static double mathNamedParameters(double sin, double cos) {
    return Math.sin(sin) * Math.cos(cos);
  }

  /** A parameter that shadows a field: {@code factor · this.factor}. */
  @Differentiable
  public double parameterShadowsField(double factor) {
    return factor * this.factor;
  }

  /** Locals named self and into in an instance method that calls an instance method. */
  @Differentiable
  public double instanceLocals(double x) {
    double self = x * factor;
    double into = self * self;
    return into + instanceSelf(self, x);
  }

  /**
   * A local named like this class's companion, used as the argument of a same-class call (whose
   * generated form names the companion), among more generator-like names.
   */
  @Differentiable
  public static double companionLocal(double x, double y) {
    double HygieneDerivatives = x * y;
    double result = named(HygieneDerivatives);
    double resultBar = result + x;
    double t1Bar = resultBar * y;
    double seed2 = t1Bar - x;
    double tape2 = seed2 * seed2;
    return tape2 + resultBar;
  }
}
