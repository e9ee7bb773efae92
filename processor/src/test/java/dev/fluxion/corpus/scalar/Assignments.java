package dev.fluxion.corpus.scalar;

import dev.fluxion.Differentiable;

/** Compound assignment, {@code ++}/{@code --}, reassignment of locals and of parameters. */
public final class Assignments {

  private Assignments() {}

  /** {@code ((x + y) x − 2y) / y = x²/y + x − 2}; gradient {@code (2x/y + 1, −x²/y²)}. */
  @Differentiable
  public static double compound(double x, double y) {
    double s = x;
    s += y;
    s *= x;
    s -= 2 * y;
    s /= y;
    return s;
  }

  /** {@code ++}/{@code --} as statements and inside expressions; derivative {@code 2x + 5}. */
  @Differentiable
  public static double incrementDecrement(double x) {
    double a = x;
    a++;
    ++a;
    a--;
    double b = a++ * 2;
    double c = --a * a;
    return a + b + c;
  }

  /** An int counter changed every way; it ends at 8, so the derivative is 8. */
  @Differentiable
  public static double intCounter(double x) {
    int k = 0;
    k++;
    k += 2;
    k *= 3;
    --k;
    return x * k;
  }

  /** {@code sin(x²) x} built by reassigning one local. */
  @Differentiable
  public static double reassignLocal(double x) {
    double t = x * x;
    t = Math.sin(t);
    t = t * x;
    return t;
  }

  /** {@code (xy − 1)(xy + y)} built by reassigning both parameters. */
  @Differentiable
  public static double reassignParameters(double x, double y) {
    x = x * y;
    y = x + y;
    x = x - 1;
    return x * y;
  }

  /** Compound assignment with an inactive int: {@code (n + x) x − n}; derivative {@code n + 2x}. */
  @Differentiable
  public static double compoundWithInactive(double x, int n) {
    double s = 1;
    s *= n;
    s += x;
    s *= x;
    s -= n;
    return s;
  }

  /** A local combined with itself: {@code s *= s; s += s} gives {@code 2x²}; derivative 4x. */
  @Differentiable
  public static double compoundSelf(double x) {
    double s = x;
    s *= s;
    s += s;
    return s;
  }

  /** Swapping parameters through a temporary: {@code y² x}; gradient {@code (y², 2xy)}. */
  @Differentiable
  public static double swap(double x, double y) {
    double t = x;
    x = y;
    y = t;
    return x * x * y;
  }

  /** {@code var} locals and a multi-declarator declaration: {@code 12x² + 3x + x}. */
  @Differentiable
  public static double varLocals(double x) {
    var u = x * 2;
    var k = 3;
    var w = u * k + 1.5;
    double a = w * u, b = x;
    return a + b;
  }

  /** Compound assignment of a product with a parameter: {@code x (x + y)²}. */
  @Differentiable
  public static double compoundOnParameter(double x, double y) {
    y += x;
    y *= y;
    x *= y;
    return x;
  }

  /** The same local name in sibling blocks and branches: {@code 3(2x + x²)} for x > 0, else 5(…). */
  @Differentiable
  public static double siblingBlocks(double x) {
    double r = 0;
    {
      double t = x * 2;
      r += t;
    }
    {
      double t = x * x;
      r += t;
    }
    if (x > 0) {
      double u = r * 3;
      r = u;
    } else {
      double u = r * 5;
      r = u;
    }
    return r;
  }

  /** {@code k += x} on an int k truncates: the result is {@code (int) (1 + x) · x}. */
  @Differentiable
  public static double intCompoundFromActive(double x) {
    int k = 1;
    k += x;
    return k * x;
  }

  /** A chained assignment: {@code a = b = 2x}, result {@code 4x²}. */
  @Differentiable
  public static double chainedAssignment(double x) {
    double a;
    double b;
    a = b = x * 2;
    return a * b;
  }

  /** An assignment inside an expression: {@code (x += 1) * x = (x + 1)²}. */
  @Differentiable
  public static double assignmentInExpression(double x) {
    double y = (x += 1) * x;
    return y;
  }

  /** {@code x++; return --x * x;} is {@code x²}. */
  @Differentiable
  public static double incrementParameterInReturn(double x) {
    x++;
    return --x * x;
  }
}
