package dev.fluxion.examples;

import dev.fluxion.Differentiable;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Sheet 001: automatic differentiation of a composition by forward and by reverse mode, exploding
 * and vanishing gradients of a repeated linear map, and the two second-order steps of the
 * quadratic model.
 *
 * <p>Task 1 is l(x) = f(g(h(x))). Reverse mode runs forward once, then multiplies the local
 * derivatives from the output back, dl/df·df/dg·dg/dh·dh/dx, one row vector at a time; forward
 * mode carries a tangent from the input on, one input direction per sweep. Here h(x) = tanh(W1 x)
 * maps R³ to R⁴, g(u)_j = sin(Σ_i W2_ji u_i) maps R⁴ to R² and f(v) = ln(e^v0 + e^v1) is a
 * scalar; {@link #l} calls the three. The gradient of l comes out of reverse mode in one sweep,
 * out of forward mode in three, and out of the generated Jacobians of h and g multiplied in either
 * order; all agree.
 *
 * <p>Task 2 repeats a linear map: f^k(x) = W^k x = Q Λ^k Q⁻¹ x, and the gradient of the sum of
 * its components, (W^k)ᵀ·1, grows or shrinks like |λ_max|^k. {@link #sumOfPower} is that sum
 * through a loop of k matrix-vector products; W = Q diag(λ, 1/2) Q⁻¹ with λ = 0.9, 1 and 1.1. The
 * sheet's two worked examples (3x + 4 and 7x, each applied three times, derivatives 27 and 7³)
 * come first, and last the sheet's observation that backpropagating a left eigenvector u (uᵀW =
 * λuᵀ) through k steps multiplies it by λ^k.
 *
 * <p>Task 3 is the quadratic model f(x0) + δᵀg + ½δᵀHδ. Along −g it is least at ε* = gᵀg / gᵀHg,
 * which needs one Hessian-vector product H·g and no Hessian; over all δ at the Newton step δ =
 * −H⁻¹g, solved here by conjugate gradients from Hessian-vector products only (and checked against
 * the full Hessian). On the test function {@link #testFunction}, not a quadratic, Newton's errors
 * square from step to step while descent with ε* gains a constant factor.
 */
public final class Seed001Gradients implements Example {

  /** The weights of h, 4 × 3. */
  static final double[][] W1 = {{0.5, -0.3, 0.8}, {-0.6, 0.2, 0.4}, {0.1, 0.9, -0.5}, {0.7, 0.3, 0.2}};

  /** The weights of g, 2 × 4. */
  static final double[][] W2 = {{0.4, -0.7, 0.2, 0.5}, {-0.3, 0.6, 0.8, -0.1}};

  /** The point where the gradient of l is shown. */
  static final double[] X = {0.3, -1.2, 0.7};

  /** Q of W = Q diag(λ, μ) Q⁻¹ (det Q = 1). */
  static final double[][] Q = {{2, 1}, {1, 1}};

  /** Q⁻¹; its first row is a left eigenvector of W for λ. */
  static final double[][] Q_INVERSE = {{1, -1}, {-1, 2}};

  /** The eigenvalues λ of the three maps: vanishing, steady, exploding. */
  static final double[] LAMBDAS = {0.9, 1.0, 1.1};

  /** The other eigenvalue of every map. */
  static final double MU = 0.5;

  /** The point the repeated map starts from. */
  static final double[] X0_POWER = {1, 1};

  /** The powers k whose gradients are printed. */
  static final int[] KS = {1, 10, 20, 30, 40, 50};

  /** The weight of (Σx_i)² in the test function. */
  static final double C = 0.1;

  /** Where the second-order steps start. */
  static final double[] START = {1, -0.5, 0.8, 0.3};

  /** How many steps of Newton and of descent with ε* are compared. */
  static final int STEPS = 6;

  /**
   * h(x) = tanh(W1 x).
   *
   * @param x a point of R³
   * @return a point of R⁴
   */
  @Differentiable
  public static double[] h(double[] x) {
    double[] u = new double[W1.length];
    for (int i = 0; i < W1.length; i++) {
      double s = 0;
      for (int j = 0; j < x.length; j++) {
        s += W1[i][j] * x[j];
      }
      u[i] = Math.tanh(s);
    }
    return u;
  }

  /**
   * g(u)_j = sin(Σ_i W2_ji u_i).
   *
   * @param u a point of R⁴
   * @return a point of R²
   */
  @Differentiable
  public static double[] g(double[] u) {
    double[] v = new double[W2.length];
    for (int j = 0; j < W2.length; j++) {
      double s = 0;
      for (int i = 0; i < u.length; i++) {
        s += W2[j][i] * u[i];
      }
      v[j] = Math.sin(s);
    }
    return v;
  }

  /**
   * f(v) = ln(e^v0 + e^v1).
   *
   * @param v a point of R²
   * @return a scalar
   */
  @Differentiable
  public static double f(double[] v) {
    return Math.log(Math.exp(v[0]) + Math.exp(v[1]));
  }

  /**
   * l(x) = f(g(h(x))).
   *
   * @param x a point of R³
   * @return the scalar l
   */
  @Differentiable
  public static double l(double[] x) {
    return f(g(h(x)));
  }

  /**
   * The sheet's first example, 3x + 4.
   *
   * @param x the input
   * @return 3x + 4
   */
  @Differentiable
  public static double affine(double x) {
    return 3 * x + 4;
  }

  /**
   * affine applied three times, 27x + 52.
   *
   * @param x the input
   * @return affine(affine(affine(x)))
   */
  @Differentiable
  public static double affineThrice(double x) {
    return affine(affine(affine(x)));
  }

  /**
   * The sheet's second example, 7x.
   *
   * @param x the input
   * @return 7x
   */
  @Differentiable
  public static double seven(double x) {
    return 7 * x;
  }

  /**
   * seven applied three times, 7³x.
   *
   * @param x the input
   * @return seven(seven(seven(x)))
   */
  @Differentiable
  public static double sevenThrice(double x) {
    return seven(seven(seven(x)));
  }

  /**
   * f^k(x) = W^k x, by k matrix-vector products.
   *
   * @param x the start
   * @param w the square matrix W
   * @param k how many times W is applied
   * @return W^k x
   */
  @Differentiable(wrt = {"x"})
  public static double[] power(double[] x, double[][] w, int k) {
    double[] current = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      current[i] = x[i];
    }
    for (int step = 0; step < k; step++) {
      double[] next = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < x.length; j++) {
          next[i] += w[i][j] * current[j];
        }
      }
      current = next;
    }
    return current;
  }

  /**
   * The sum of the components of W^k x: its gradient in x is (W^k)ᵀ·1.
   *
   * @param x the start
   * @param w the square matrix W
   * @param k how many times W is applied
   * @return Σ_i (W^k x)_i
   */
  @Differentiable(wrt = {"x"})
  public static double sumOfPower(double[] x, double[][] w, int k) {
    double[] y = power(x, w, k);
    double sum = 0;
    for (double yi : y) {
      sum += yi;
    }
    return sum;
  }

  /**
   * The test function of task 3: f(x) = Σ (e^(x_i) − x_i) + c·(Σ x_i)², convex but not
   * quadratic, least (0) at x = 0, where every e^(x_i) − 1 + 2c·Σx vanishes.
   *
   * @param x the point
   * @param c the weight of the coupling term
   * @return f(x)
   */
  @Differentiable(wrt = {"x"})
  public static double testFunction(double[] x, double c) {
    double f = 0;
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      f += Math.exp(x[i]) - x[i];
      sum += x[i];
    }
    return f + c * sum * sum;
  }

  @Override
  public String name() {
    return "seed-001";
  }

  @Override
  public String description() {
    return "sheet 001: l = f(g(h(x))) by forward and reverse mode; exploding and vanishing"
        + " gradients of W^k x; the eps* step and the Newton step from Hessian-vector products";
  }

  @Override
  public void run(PrintStream out) {
    out.println("== seed-001: sheet 001: forward and reverse mode, exploding and vanishing"
        + " gradients, second-order steps ==");
    printChain(out);
    printPowers(out);
    printSecondOrder(out);
  }

  // ---- task 1 ----

  /**
   * The gradient of l at x by forward mode: one tangent sweep per input direction.
   *
   * @return dl/dx
   */
  static double[] forwardGradient(double[] x) {
    double[] gradient = new double[x.length];
    var holder = new Seed001GradientsDerivatives.LTangent();
    for (int k = 0; k < x.length; k++) {
      double[] direction = new double[x.length];
      direction[k] = 1;
      gradient[k] = Seed001GradientsDerivatives.lTangent(x, direction, holder).tangent();
    }
    return gradient;
  }

  private static void printChain(PrintStream out) {
    double[] x = X;
    out.println("seed-001 chain   h(x) = tanh(W1 x): R^3 -> R^4, g(u)_j = sin(sum_i W2_ji u_i):"
        + " R^4 -> R^2, f(v) = ln(e^v0 + e^v1), l(x) = f(g(h(x))) at x = " + Arrays.toString(x));
    var reverse = Seed001GradientsDerivatives.lGradient(x);
    double[] forward = forwardGradient(x);
    out.println("seed-001 chain   l(x) = " + reverse.value() + "  (plain Java: " + l(x) + ")");
    out.println("seed-001 chain   reverse mode, 1 sweep:  dl/dx = "
        + Arrays.toString(reverse.x()));
    out.println("seed-001 chain   forward mode, " + x.length + " sweeps: dl/dx = "
        + Arrays.toString(forward));

    // The sheet's two orders, with the generated Jacobians of h and g and the gradient of f.
    double[] u = h(x);
    double[] v = g(u);
    double[][] jh = Seed001GradientsDerivatives.hJacobian(x);
    double[][] jg = Seed001GradientsDerivatives.gJacobian(u);
    double[] df = Seed001GradientsDerivatives.fGradient(v).v();
    double[] leftToRight = rowTimes(rowTimes(df, jg), jh); // (dl/df dg/dh) dh/dx
    double[] rightToLeft = rowTimes(df, times(jg, jh)); // dl/df (dg/dh dh/dx)
    out.println("seed-001 chain   Jacobians: dh/dx " + jh.length + "x" + jh[0].length
        + ", dg/dh " + jg.length + "x" + jg[0].length + ", df/dg = " + Arrays.toString(df));
    out.println("seed-001 chain   (df/dg * dg/dh) * dh/dx = " + Arrays.toString(leftToRight)
        + "  (reverse order: row vectors only)");
    out.println("seed-001 chain   df/dg * (dg/dh * dh/dx) = " + Arrays.toString(rightToLeft)
        + "  (forward order: a " + jg.length + "x" + jh[0].length + " matrix first)");
    double worst = 0;
    for (int k = 0; k < x.length; k++) {
      worst = Math.max(worst, Math.max(Math.abs(forward[k] - reverse.x()[k]),
          Math.max(Math.abs(leftToRight[k] - reverse.x()[k]),
              Math.abs(rightToLeft[k] - reverse.x()[k]))));
    }
    out.println("seed-001 chain   max abs difference between the four = " + scientific(worst)
        + "; one output, " + x.length + " inputs: reverse mode needs 1 sweep, forward mode "
        + x.length);
  }

  // ---- task 2 ----

  /**
   * W = Q diag(λ, μ) Q⁻¹.
   *
   * @return the 2 × 2 matrix
   */
  static double[][] matrix(double lambda) {
    double[][] scaled = {{Q[0][0] * lambda, Q[0][1] * MU}, {Q[1][0] * lambda, Q[1][1] * MU}};
    return times(scaled, Q_INVERSE);
  }

  /**
   * The gradient of Σ(W^k x) in closed form: (W^k)ᵀ·1 = Q⁻ᵀ diag(λ^k, μ^k) Qᵀ·1.
   *
   * @return the gradient
   */
  static double[] closedFormGradient(double lambda, int k) {
    double[] qt1 = {Q[0][0] + Q[1][0], Q[0][1] + Q[1][1]}; // Qᵀ·1
    double[] scaled = {Math.pow(lambda, k) * qt1[0], Math.pow(MU, k) * qt1[1]};
    return new double[] {
      Q_INVERSE[0][0] * scaled[0] + Q_INVERSE[1][0] * scaled[1],
      Q_INVERSE[0][1] * scaled[0] + Q_INVERSE[1][1] * scaled[1]
    };
  }

  private static void printPowers(PrintStream out) {
    double d3 = Seed001GradientsDerivatives.affineThriceTangent(2, 1).tangent();
    double r3 = Seed001GradientsDerivatives.affineThriceGradient(2).x();
    double d7 = Seed001GradientsDerivatives.sevenThriceTangent(2, 1).tangent();
    double r7 = Seed001GradientsDerivatives.sevenThriceGradient(2).x();
    out.println("seed-001 powers  f(x) = 3x + 4: f^3(x) = " + (affineThrice(1) - affineThrice(0))
        + "x + " + affineThrice(0) + ", d f^3/dx = " + d3 + " (forward), " + r3
        + " (reverse)  (sheet: 27)");
    out.println("seed-001 powers  f(x) = 7x: d f^3/dx = " + d7 + " (forward), " + r7
        + " (reverse)  (sheet: 7^3 = " + (7 * 7 * 7) + ")");
    out.println("seed-001 powers  W = Q diag(lambda, " + MU + ") Q^-1, Q = "
        + Arrays.deepToString(Q) + "; |grad_x sum(W^k x)| at x = " + Arrays.toString(X0_POWER)
        + ", reverse mode through k matrix-vector products:");
    int kMax = KS[KS.length - 1];
    double[] ks = new double[kMax];
    for (int k = 1; k <= kMax; k++) {
      ks[k - 1] = k;
    }
    var chart = new LineChart("seed-001: |grad_x sum(W^k x)| over k, W = Q diag(lambda, " + MU
        + ") Q^-1", "k (matrix-vector products)", "gradient norm (log scale)").logarithmicY();
    double worst = 0;
    for (double lambda : LAMBDAS) {
      double[][] w = matrix(lambda);
      StringBuilder line = new StringBuilder();
      double[] norms = new double[kMax];
      double previous = 0;
      double last = 0;
      for (int k = 1; k <= kMax; k++) {
        double[] gradient = Seed001GradientsDerivatives.sumOfPowerGradient(X0_POWER, w, k).x();
        double[] exact = closedFormGradient(lambda, k);
        double norm = Math.hypot(gradient[0], gradient[1]);
        norms[k - 1] = norm;
        worst = Math.max(worst, Math.max(Math.abs(gradient[0] - exact[0]),
            Math.abs(gradient[1] - exact[1])) / Math.hypot(exact[0], exact[1]));
        if (contains(KS, k)) {
          line.append(line.length() == 0 ? "" : ", ").append("k = ").append(k).append(": ")
              .append(short6(norm));
        }
        previous = last;
        last = norm;
      }
      String kind = lambda < 1 ? "vanishing" : lambda > 1 ? "exploding" : "steady";
      out.println("seed-001 powers  lambda = " + lambda + " (" + kind + "): " + line
          + "; ratio at k = 50: " + fixed(last / previous));
      chart.add("lambda = " + lambda + " (" + kind + ")", ks, norms);
    }
    out.println("seed-001 powers  every gradient vs (W^k)^T 1 = Q^-T diag(lambda^k, mu^k) Q^T 1:"
        + " max relative difference " + scientific(worst));
    out.println("seed-001 plot    gradient norms over k = 1 ... " + kMax + ", log scale: "
        + chart.save("seed-001-gradient-norms"));

    // A left eigenvector, backpropagated: the pullback of W^k x with seed u is (W^k)^T u.
    double lambda = LAMBDAS[LAMBDAS.length - 1];
    int k = KS[KS.length - 1];
    double[] u = Q_INVERSE[0];
    var pulled = new Seed001GradientsDerivatives.PowerGradient();
    Seed001GradientsDerivatives.powerPullback(X0_POWER, matrix(lambda), k, u, pulled);
    out.println("seed-001 powers  left eigenvector u = " + Arrays.toString(u) + " (u^T W = "
        + lambda + " u^T), pulled back through k = " + k + ": " + Arrays.toString(pulled.x())
        + " = " + short6(pulled.x()[0] / u[0]) + " u  (lambda^k = "
        + short6(Math.pow(lambda, k)) + ")");
  }

  // ---- task 3 ----

  /**
   * ε* = gᵀg / gᵀHg at x, from one Hessian-vector product along g.
   *
   * @return {ε*, gᵀg, gᵀHg}
   */
  static double[] epsilonStar(double[] x) {
    double[] g = Seed001GradientsDerivatives.testFunctionGradient(x, C).x();
    var hg = Seed001GradientsDerivatives.testFunctionHessianVectorProduct(x, C, g);
    double gg = dot(g, g);
    double ghg = dot(g, hg.hessianVectorProduct());
    return new double[] {gg / ghg, gg, ghg};
  }

  /**
   * The Newton step δ = −H⁻¹g at x by conjugate gradients, H known only through Hessian-vector
   * products (at most n of them).
   *
   * @return δ
   */
  static double[] newtonStep(double[] x) {
    var holder = new Seed001GradientsDerivatives.TestFunctionHessian();
    double[] g = Seed001GradientsDerivatives.testFunctionGradient(x, C).x();
    int n = x.length;
    double[] delta = new double[n];
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = -g[i];
    }
    double[] p = r.clone();
    double rr = dot(r, r);
    double stop = 1e-28 * rr;
    for (int it = 0; it < n && rr > stop; it++) {
      double[] hp = Seed001GradientsDerivatives.testFunctionHessianVectorProduct(x, C, p, holder)
          .hessianVectorProduct();
      double alpha = rr / dot(p, hp);
      for (int i = 0; i < n; i++) {
        delta[i] += alpha * p[i];
        r[i] -= alpha * hp[i];
      }
      double next = dot(r, r);
      for (int i = 0; i < n; i++) {
        p[i] = r[i] + next / rr * p[i];
      }
      rr = next;
    }
    return delta;
  }

  /**
   * The Newton step from the full Hessian, by Gaussian elimination: the check on {@link
   * #newtonStep}.
   *
   * @return δ
   */
  static double[] newtonStepFromHessian(double[] x) {
    var h = Seed001GradientsDerivatives.testFunctionHessian(x, C);
    int n = x.length;
    double[][] m = new double[n][];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      m[i] = h.hessian()[i].clone();
      b[i] = -h.gradient()[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      double[] row = m[col];
      m[col] = m[pivot];
      m[pivot] = row;
      double t = b[col];
      b[col] = b[pivot];
      b[pivot] = t;
      for (int r = col + 1; r < n; r++) {
        double factor = m[r][col] / m[col][col];
        for (int c = col; c < n; c++) {
          m[r][c] -= factor * m[col][c];
        }
        b[r] -= factor * b[col];
      }
    }
    double[] delta = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = b[r];
      for (int c = r + 1; c < n; c++) {
        s -= m[r][c] * delta[c];
      }
      delta[r] = s / m[r][r];
    }
    return delta;
  }

  /**
   * The errors ‖x_k‖ (the minimum is 0) of {@link #STEPS} Newton steps and of as many descent
   * steps with ε*, from {@link #START}.
   *
   * @return {Newton errors, descent errors}, each of length STEPS + 1
   */
  static double[][] errors() {
    double[] newton = START.clone();
    double[] descent = START.clone();
    double[][] errors = new double[2][STEPS + 1];
    errors[0][0] = norm(newton);
    errors[1][0] = norm(descent);
    for (int k = 1; k <= STEPS; k++) {
      double[] delta = newtonStep(newton);
      double eps = epsilonStar(descent)[0];
      double[] g = Seed001GradientsDerivatives.testFunctionGradient(descent, C).x();
      for (int i = 0; i < START.length; i++) {
        newton[i] += delta[i];
        descent[i] -= eps * g[i];
      }
      errors[0][k] = norm(newton);
      errors[1][k] = norm(descent);
    }
    return errors;
  }

  private static void printSecondOrder(PrintStream out) {
    double[] x = START;
    double f0 = testFunction(x, C);
    double[] g = Seed001GradientsDerivatives.testFunctionGradient(x, C).x();
    out.println("seed-001 second  f(x) = sum_i (e^x_i - x_i) + " + C + "*(sum_i x_i)^2, least (0)"
        + " at x = 0; x0 = " + Arrays.toString(x) + ": f(x0) = " + f0 + ", g = "
        + Arrays.toString(g));
    double[] hg = Seed001GradientsDerivatives.testFunctionHessianVectorProduct(x, C, g)
        .hessianVectorProduct();
    double[] eps = epsilonStar(x);
    out.println("seed-001 second  one Hessian-vector product H g = " + Arrays.toString(hg));
    out.println("seed-001 second  eps* = g^T g / g^T H g = " + eps[1] + " / " + eps[2] + " = "
        + eps[0]);
    double[] stepped = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      stepped[i] = x[i] - eps[0] * g[i];
    }
    double model = f0 - eps[0] * eps[1] + 0.5 * eps[0] * eps[0] * eps[2];
    out.println("seed-001 second  eps* step: f(x0 - eps* g) = " + testFunction(stepped, C)
        + "  (quadratic model: " + model + ")");
    double[] delta = newtonStep(x);
    double[] check = newtonStepFromHessian(x);
    double worst = 0;
    double[] newton = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      worst = Math.max(worst, Math.abs(delta[i] - check[i]));
      newton[i] = x[i] + delta[i];
    }
    out.println("seed-001 second  Newton step -H^-1 g by conjugate gradients on Hessian-vector"
        + " products: " + Arrays.toString(delta));
    out.println("seed-001 second  Newton step from the full Hessian (Gaussian elimination): max"
        + " abs difference " + scientific(worst) + "; f(x0 + delta) = " + testFunction(newton, C));
    double[][] errors = errors();
    out.println("seed-001 second  |x_k - x*|, Newton:       " + list(errors[0]));
    out.println("seed-001 second  |x_k - x*|, eps* descent: " + list(errors[1]));
    out.println("seed-001 second  e(k+1)/e(k)^2, Newton:       " + quadraticRatios(errors[0])
        + "  (bounded: quadratic convergence)");
    out.println("seed-001 second  e(k+1)/e(k),   eps* descent: " + linearRatios(errors[1])
        + "  (a constant factor: linear convergence)");
  }

  // ---- helpers ----

  private static boolean contains(int[] values, int value) {
    for (int v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }

  private static String list(double[] values) {
    StringBuilder s = new StringBuilder();
    for (double v : values) {
      s.append(s.length() == 0 ? "" : ", ").append(short3(v));
    }
    return s.toString();
  }

  /** e(k+1)/e(k)² while e(k) is above rounding (1e-7). */
  private static String quadraticRatios(double[] e) {
    StringBuilder s = new StringBuilder();
    for (int k = 0; k + 1 < e.length && e[k] > 1e-7; k++) {
      s.append(s.length() == 0 ? "" : ", ").append(fixed(e[k + 1] / (e[k] * e[k])));
    }
    return s.toString();
  }

  private static String linearRatios(double[] e) {
    StringBuilder s = new StringBuilder();
    for (int k = 0; k + 1 < e.length; k++) {
      s.append(s.length() == 0 ? "" : ", ").append(fixed(e[k + 1] / e[k]));
    }
    return s.toString();
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  /** The row vector r times the matrix m. */
  static double[] rowTimes(double[] r, double[][] m) {
    double[] result = new double[m[0].length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < result.length; j++) {
        result[j] += r[i] * m[i][j];
      }
    }
    return result;
  }

  static double[][] times(double[][] a, double[][] b) {
    double[][] result = new double[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b[0].length; j++) {
        for (int k = 0; k < b.length; k++) {
          result[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return result;
  }

  private static String scientific(double value) {
    return String.format(Locale.ROOT, "%.1e", value);
  }

  private static String short3(double value) {
    return String.format(Locale.ROOT, "%.3e", value);
  }

  private static String short6(double value) {
    return String.format(Locale.ROOT, "%.6g", value);
  }

  private static String fixed(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  /**
   * Runs this example alone, without the tour.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    new Seed001Gradients().run(System.out);
  }
}
