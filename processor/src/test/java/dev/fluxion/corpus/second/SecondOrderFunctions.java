package dev.fluxion.corpus.second;

import dev.fluxion.Differentiable;

/**
 * Scalar functions for second-order tests: the non-quadratic test functions of seed 001, task 3
 * (ε* step and Newton step), and functions whose Hessian is known in closed form.
 */
public final class SecondOrderFunctions {

  private SecondOrderFunctions() {}

  /**
   * Seed 001's test function: f(x) = Σ (e^(x_i) − x_i) + c·(Σ x_i)², strictly convex, minimum 0
   * at x = 0 (every gradient component is e^(x_i) − 1 + 2c·Σx).
   */
  @Differentiable(wrt = {"x"})
  public static double convex(double[] x, double c) {
    double f = 0;
    double sum = 0;
    for (double xi : x) {
      f += Math.exp(xi) - xi;
      sum += xi;
    }
    return f + c * sum * sum;
  }

  /** The Rosenbrock function Σ 100(x_{i+1} − x_i²)² + (1 − x_i)², minimum 0 at (1, …, 1). */
  @Differentiable
  public static double rosenbrock(double[] x) {
    double f = 0;
    for (int i = 0; i + 1 < x.length; i++) {
      double a = x[i + 1] - x[i] * x[i];
      double b = 1 - x[i];
      f += 100 * a * a + b * b;
    }
    return f;
  }

  /** f(x, y) = x²y + sin(x)·y³: H = [[2y − sin(x)y³, 2x + 3cos(x)y²], [·, 6 sin(x) y]]. */
  @Differentiable
  public static double mixed(double x, double y) {
    return x * x * y + Math.sin(x) * y * y * y;
  }

  /** ½ xᵀ A x + bᵀ x, differentiated in x: H = (A + Aᵀ)/2 whatever A is. */
  @Differentiable(wrt = {"x"})
  public static double quadratic(double[] x, double[][] A, double[] b) {
    double f = 0;
    for (int i = 0; i < x.length; i++) {
      double row = 0;
      for (int j = 0; j < x.length; j++) {
        row += A[i][j] * x[j];
      }
      f += 0.5 * x[i] * row + b[i] * x[i];
    }
    return f;
  }

  /**
   * Scalars and a vector laid end to end (s, v, t): f = s·t·Σ v_i² + exp(s)·v_0 + t³·v_last;
   * checks the flat layout order and every kind of block of the Hessian.
   */
  @Differentiable
  public static double layout(double s, double[] v, double t) {
    double squares = 0;
    for (int i = 0; i < v.length; i++) {
      squares += v[i] * v[i];
    }
    return s * t * squares + Math.exp(s) * v[0] + t * t * t * v[v.length - 1];
  }

  /** A loop with a data-dependent branch: f = Σ_i (x_i > 0 ? x_i³ : sin x_i) · x_{(i+1) mod n}. */
  @Differentiable
  public static double branchy(double[] x) {
    double f = 0;
    int n = x.length;
    for (int i = 0; i < n; i++) {
      double left;
      if (x[i] > 0) {
        left = x[i] * x[i] * x[i];
      } else {
        left = Math.sin(x[i]);
      }
      f += left * x[(i + 1) % n];
    }
    return f;
  }

  /** A call: convex(x, c) scaled by the norm, so the Hessian goes through another method. */
  @Differentiable(wrt = {"x"})
  public static double callsConvex(double[] x, double c) {
    double n = 0;
    for (int i = 0; i < x.length; i++) {
      n += x[i] * x[i];
    }
    return convex(x, c) * Math.sqrt(1 + n);
  }
}
