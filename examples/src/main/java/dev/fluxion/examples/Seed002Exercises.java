package dev.fluxion.examples;

import dev.fluxion.Differentiable;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Sheet 002: every derivative of tasks 1 to 6, each next to the formula the sheet asks for.
 *
 * <p>Tasks 1 and 2 are derivatives by hand and in PyTorch: scalar derivatives (reverse mode), the
 * directional derivatives Df(w)[h] of σ(w·x + b), Df(X)[H] of X a and of A X Xᵀ B (forward mode,
 * against σ'(z)·x·h, H a and the bilinear rule A H Xᵀ B + A X Hᵀ B), and the gradients of σ(w·x +
 * b) in w, of v X a in X and of v A X Xᵀ B z in X (reverse mode, against σ'(z)·x, v aᵀ and (p qᵀ
 * + q pᵀ) X with p = Aᵀv, q = B z), at values drawn from a seeded normal generator as the sheet
 * suggests. Task 3 is the directional derivative of f(X) = (1 x2)·[[1, x2³], [sin x2, x1]], a map
 * from R² to R², and its Jacobian. Task 4 is Df(X)[H] of C X B Xᵀ A X and of X X A X X, d = 3,
 * against the product rule. Task 5 is the dessert: y³/(x² + y²) at the origin, whose directional
 * derivatives (by limits) are not linear in the direction; forward mode differentiates the branch
 * the program takes there and returns 0. Task 6 is a second derivative: the Hessian of xᵀBx‖x‖².
 */
public final class Seed002Exercises implements Example {

  /** The seed of the generator that draws the values of tasks 2, 4 and 6. */
  static final long SEED = 2002;

  /** d of tasks 2 and 4. */
  static final int D = 3;

  /** k of task 2's X a. */
  static final int K = 2;

  /** n of task 2's X Xᵀ. */
  static final int N = 2;

  /** The point of task 3. */
  static final double[] TASK3_X = {0.8, 1.7};

  /** The directions of task 3. */
  static final double[][] TASK3_H = {{1, 0}, {0, 1}, {0.5, -2}};

  /** The directions of task 5, (1, 0), (0, 1) and (a, b). */
  static final double[][] TASK5_V = {{1, 0}, {0, 1}, {2, 1}, {1, -3}};

  /** The step t of task 5's difference quotients. */
  static final double TASK5_T = 1e-6;

  /** The point of task 6. */
  static final double[] TASK6_X = {1, -2, 0.5, 3};

  // ---- task 1 and task 2: scalars ----

  /**
   * Task 1: a x³ + b x² + c x + d, differentiated in x.
   *
   * @return the cubic
   */
  @Differentiable(wrt = {"x"})
  public static double cubic(double x, double a, double b, double c, double d) {
    return a * x * x * x + b * x * x + c * x + d;
  }

  /**
   * Task 1: e^(−0.5x) sin 2x.
   *
   * @return the damped sine
   */
  @Differentiable
  public static double dampedSine(double x) {
    return Math.exp(-0.5 * x) * Math.sin(2 * x);
  }

  /**
   * Task 2: a x⁶ + b x⁴ + d ln x, differentiated in x.
   *
   * @return the value
   */
  @Differentiable(wrt = {"x"})
  public static double sextic(double x, double a, double b, double d) {
    return a * Math.pow(x, 6) + b * Math.pow(x, 4) + d * Math.log(x);
  }

  /**
   * Task 2: e^(−x) cos(−2x).
   *
   * @return the damped cosine
   */
  @Differentiable
  public static double dampedCosine(double x) {
    return Math.exp(-x) * Math.cos(-2 * x);
  }

  // ---- tasks 1 and 2: vectors and matrices ----

  /**
   * Tasks 1 and 2: σ(w·x + b), differentiated in w.
   *
   * @return the neuron's output
   */
  @Differentiable(wrt = {"w"})
  public static double neuron(double[] w, double[] x, double b) {
    double z = b;
    for (int i = 0; i < w.length; i++) {
      z += w[i] * x[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * Task 1: X a, X ∈ R^(d×k), differentiated in X.
   *
   * @return the vector X a
   */
  @Differentiable(wrt = {"X"})
  public static double[] matrixTimesVector(double[][] X, double[] a) {
    double[] y = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      for (int j = 0; j < a.length; j++) {
        y[i] += X[i][j] * a[j];
      }
    }
    return y;
  }

  /**
   * Task 2: v X a, differentiated in X.
   *
   * @return the scalar vᵀ X a
   */
  @Differentiable(wrt = {"X"})
  public static double vXa(double[] v, double[][] X, double[] a) {
    double[] xa = matrixTimesVector(X, a);
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      s += v[i] * xa[i];
    }
    return s;
  }

  /**
   * The matrix product P Q.
   *
   * @return P Q
   */
  @Differentiable
  public static double[][] times(double[][] P, double[][] Q) {
    double[][] R = new double[P.length][Q[0].length];
    for (int i = 0; i < P.length; i++) {
      for (int j = 0; j < Q[0].length; j++) {
        double s = 0;
        for (int k = 0; k < Q.length; k++) {
          s += P[i][k] * Q[k][j];
        }
        R[i][j] = s;
      }
    }
    return R;
  }

  /**
   * The transpose Pᵀ.
   *
   * @return Pᵀ
   */
  @Differentiable
  public static double[][] transpose(double[][] P) {
    double[][] T = new double[P[0].length][P.length];
    for (int i = 0; i < P.length; i++) {
      for (int j = 0; j < P[0].length; j++) {
        T[j][i] = P[i][j];
      }
    }
    return T;
  }

  /**
   * Task 1: A X Xᵀ B, X ∈ R^(d×n), differentiated in X.
   *
   * @return the d × d matrix
   */
  @Differentiable(wrt = {"X"})
  public static double[][] axxtb(double[][] X, double[][] A, double[][] B) {
    return times(times(times(A, X), transpose(X)), B);
  }

  /**
   * Task 2: v A X Xᵀ B z, differentiated in X.
   *
   * @return the scalar
   */
  @Differentiable(wrt = {"X"})
  public static double vAXXtBz(double[] v, double[][] A, double[][] X, double[][] B, double[] z) {
    double[][] m = times(times(times(A, X), transpose(X)), B);
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      for (int j = 0; j < z.length; j++) {
        s += v[i] * m[i][j] * z[j];
      }
    }
    return s;
  }

  // ---- task 3 ----

  /**
   * Task 3: f(X) = (1 x2)·[[1, x2³], [sin x2, x1]] for X = (x1, x2): a row vector times a matrix.
   *
   * @return (1 + x2 sin x2, x2³ + x2 x1)
   */
  @Differentiable
  public static double[] rowTimesMatrix(double[] X) {
    double x1 = X[0];
    double x2 = X[1];
    double[] row = {1, x2};
    double[][] m = {{1, x2 * x2 * x2}, {Math.sin(x2), x1}};
    double[] f = new double[2];
    for (int j = 0; j < 2; j++) {
      for (int i = 0; i < 2; i++) {
        f[j] += row[i] * m[i][j];
      }
    }
    return f;
  }

  // ---- task 4 ----

  /**
   * Task 4: C X B Xᵀ A X, differentiated in X.
   *
   * @return the d × d matrix
   */
  @Differentiable(wrt = {"X"})
  public static double[][] cxbxtax(double[][] X, double[][] A, double[][] B, double[][] C) {
    return times(times(times(times(times(C, X), B), transpose(X)), A), X);
  }

  /**
   * Task 4: X X A X X, differentiated in X.
   *
   * @return the d × d matrix
   */
  @Differentiable(wrt = {"X"})
  public static double[][] xxaxx(double[][] X, double[][] A) {
    double[][] xx = times(X, X);
    return times(times(xx, A), xx);
  }

  // ---- task 5 ----

  /**
   * Task 5: y³/(x² + y²), and 0 at the origin, with the sheet's case distinction as an {@code if}.
   *
   * @return f(x, y)
   */
  @Differentiable
  public static double cubicOverNorm(double x, double y) {
    if (x == 0 && y == 0) {
      return 0;
    }
    return y * y * y / (x * x + y * y);
  }

  // ---- task 6 ----

  /**
   * Task 6: xᵀ B x ‖x‖², differentiated in x.
   *
   * @return the quartic
   */
  @Differentiable(wrt = {"x"})
  public static double quarticForm(double[] x, double[][] B) {
    double form = 0;
    double squares = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        form += x[i] * B[i][j] * x[j];
      }
      squares += x[i] * x[i];
    }
    return form * squares;
  }

  @Override
  public String name() {
    return "seed-002";
  }

  @Override
  public String description() {
    return "sheet 002: every derivative of tasks 1-6: scalar, directional (forward mode),"
        + " matrix gradients, the origin of y^3/(x^2+y^2), the Hessian of x^T B x |x|^2";
  }

  @Override
  public void run(PrintStream out) {
    out.println("== seed-002: sheet 002: derivatives by reverse mode, directional derivatives by"
        + " forward mode, a Hessian ==");
    Values values = Values.draw();
    printTask1Scalars(out);
    printTask1Directional(out, values);
    printTask2Scalars(out);
    printTask2Gradients(out, values);
    printTask3(out);
    printTask4(out, values);
    printTask5(out);
    printTask6(out, values);
  }

  /** The values of tasks 2, 4 and 6, drawn from N(0, 1) with {@link #SEED}, in this order. */
  record Values(double[] w, double[] x, double b, double[] hw, double[][] xdk, double[] a,
      double[][] hdk, double[] v, double[][] xdn, double[][] hdn, double[][] a3, double[][] b3,
      double[] z, double[][] c3, double[][] x3, double[][] h3, double[][] b4) {

    static Values draw() {
      Random r = new Random(SEED);
      return new Values(vector(r, D), vector(r, D), r.nextGaussian(), vector(r, D),
          matrix(r, D, K), vector(r, K), matrix(r, D, K), vector(r, D), matrix(r, D, N),
          matrix(r, D, N), matrix(r, D, D), matrix(r, D, D), vector(r, D), matrix(r, D, D),
          matrix(r, D, D), matrix(r, D, D), matrix(r, 4, 4));
    }
  }

  static double[] vector(Random r, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextGaussian();
    }
    return v;
  }

  static double[][] matrix(Random r, int rows, int columns) {
    double[][] m = new double[rows][];
    for (int i = 0; i < rows; i++) {
      m[i] = vector(r, columns);
    }
    return m;
  }

  private static void printTask1Scalars(PrintStream out) {
    double x = 1.5;
    var cubic = Seed002ExercisesDerivatives.cubicGradient(x, 2, -3, 0.5, 7);
    out.println("seed-002 task 1  f(x) = 2x^3 - 3x^2 + 0.5x + 7 at x = " + x + ": f' = "
        + cubic.x() + "  (3ax^2 + 2bx + c = " + (3 * 2 * x * x + 2 * -3 * x + 0.5) + ")");
    double s = 0.8;
    double sine = Seed002ExercisesDerivatives.dampedSineGradient(s).x();
    out.println("seed-002 task 1  f(x) = e^(-0.5x) sin 2x at x = " + s + ": f' = " + sine
        + "  (e^(-0.5x)(2cos 2x - 0.5 sin 2x) = "
        + Math.exp(-0.5 * s) * (2 * Math.cos(2 * s) - 0.5 * Math.sin(2 * s)) + ")");
  }

  private static void printTask2Scalars(PrintStream out) {
    double s = 0.8;
    double p = 1.2;
    var sextic = Seed002ExercisesDerivatives.sexticGradient(p, 0.5, -2, 3);
    out.println("seed-002 task 2  f(x) = 0.5x^6 - 2x^4 + 3 ln x at x = " + p + ": f' = "
        + sextic.x() + "  (6ax^5 + 4bx^3 + d/x = "
        + (6 * 0.5 * Math.pow(p, 5) + 4 * -2 * Math.pow(p, 3) + 3 / p) + ")");
    double cosine = Seed002ExercisesDerivatives.dampedCosineGradient(s).x();
    out.println("seed-002 task 2  f(x) = e^(-x) cos(-2x) at x = " + s + ": f' = " + cosine
        + "  (-e^(-x)(cos 2x + 2 sin 2x) = "
        + -Math.exp(-s) * (Math.cos(2 * s) + 2 * Math.sin(2 * s)) + ")");
  }

  private static void printTask1Directional(PrintStream out, Values v) {
    out.println("seed-002 task 1  values from java.util.Random(" + SEED + ").nextGaussian(),"
        + " d = " + D + ", k = " + K + ", n = " + N);
    var neuron = Seed002ExercisesDerivatives.neuronTangent(v.w(), v.x(), v.b(), v.hw());
    double z = v.b() + dot(v.w(), v.x());
    double sigma = 1 / (1 + Math.exp(-z));
    out.println("seed-002 task 1  Df(w)[h] of sigma(w.x + b) = " + neuron.tangent()
        + "  (sigma(z)(1 - sigma(z)) x.h = " + sigma * (1 - sigma) * dot(v.x(), v.hw()) + ")");
    var xa = Seed002ExercisesDerivatives.matrixTimesVectorTangent(v.xdk(), v.a(), v.hdk());
    out.println("seed-002 task 1  Df(X)[H] of X a = " + Arrays.toString(xa.tangent())
        + "  (H a = " + Arrays.toString(matVec(v.hdk(), v.a())) + ")");
    var bilinear = Seed002ExercisesDerivatives.axxtbTangent(v.xdn(), v.a3(), v.b3(), v.hdn());
    double[][] rule = add(times(times(times(v.a3(), v.hdn()), transpose(v.xdn())), v.b3()),
        times(times(times(v.a3(), v.xdn()), transpose(v.hdn())), v.b3()));
    out.println("seed-002 task 1  Df(X)[H] of A X X^T B = " + Arrays.deepToString(bilinear.tangent()));
    out.println("seed-002 task 1  bilinear rule A H X^T B + A X H^T B: max abs difference "
        + scientific(maxAbsDifference(rule, bilinear.tangent())));
  }

  private static void printTask2Gradients(PrintStream out, Values v) {
    var neuron = Seed002ExercisesDerivatives.neuronGradient(v.w(), v.x(), v.b());
    double z = v.b() + dot(v.w(), v.x());
    double sigma = 1 / (1 + Math.exp(-z));
    double[] formula = new double[D];
    for (int i = 0; i < D; i++) {
      formula[i] = sigma * (1 - sigma) * v.x()[i];
    }
    out.println("seed-002 task 2  grad_w sigma(w.x + b) = " + Arrays.toString(neuron.w())
        + "  (sigma'(z) x = " + Arrays.toString(formula) + ")");
    var vxa = Seed002ExercisesDerivatives.vXaGradient(v.v(), v.xdk(), v.a());
    double[][] outer = new double[D][K];
    for (int i = 0; i < D; i++) {
      for (int j = 0; j < K; j++) {
        outer[i][j] = v.v()[i] * v.a()[j];
      }
    }
    out.println("seed-002 task 2  grad_X v X a = " + Arrays.deepToString(vxa.X())
        + "  (v a^T: max abs difference " + scientific(maxAbsDifference(outer, vxa.X())) + ")");
    var vaxxtbz = Seed002ExercisesDerivatives.vAXXtBzGradient(v.v(), v.a3(), v.xdn(), v.b3(), v.z());
    double[] pp = matVec(transpose(v.a3()), v.v());
    double[] qq = matVec(v.b3(), v.z());
    double[][] sym = new double[D][D];
    for (int i = 0; i < D; i++) {
      for (int j = 0; j < D; j++) {
        sym[i][j] = pp[i] * qq[j] + qq[i] * pp[j];
      }
    }
    out.println("seed-002 task 2  grad_X v A X X^T B z = " + Arrays.deepToString(vaxxtbz.X())
        + "  ((p q^T + q p^T) X, p = A^T v, q = B z: max abs difference "
        + scientific(maxAbsDifference(times(sym, v.xdn()), vaxxtbz.X())) + ")");
  }

  private static void printTask3(PrintStream out) {
    double[] x = TASK3_X;
    double x1 = x[0];
    double x2 = x[1];
    out.println("seed-002 task 3  f(X) = (1 x2) [[1, x2^3], [sin x2, x1]] = (1 + x2 sin x2, x2^3"
        + " + x2 x1), X = " + Arrays.toString(x) + ": f(X) = "
        + Arrays.toString(rowTimesMatrix(x)));
    for (double[] h : TASK3_H) {
      var t = Seed002ExercisesDerivatives.rowTimesMatrixTangent(x, h);
      double[] hand = {
        h[1] * (Math.sin(x2) + x2 * Math.cos(x2)), 3 * x2 * x2 * h[1] + x2 * h[0] + x1 * h[1]
      };
      out.println("seed-002 task 3  Df(X)[" + h[0] + ", " + h[1] + "] = "
          + Arrays.toString(t.tangent()) + "  ((h2 (sin x2 + x2 cos x2), 3 x2^2 h2 + x2 h1 + x1"
          + " h2) = " + Arrays.toString(hand) + ")");
    }
    out.println("seed-002 task 3  Jacobian = "
        + Arrays.deepToString(Seed002ExercisesDerivatives.rowTimesMatrixJacobian(x))
        + "  ([[0, sin x2 + x2 cos x2], [x2, 3 x2^2 + x1]])");
  }

  private static void printTask4(PrintStream out, Values v) {
    double[][] x = v.x3();
    double[][] h = v.h3();
    double[][] a = v.a3();
    double[][] b = v.b3();
    double[][] c = v.c3();
    var t1 = Seed002ExercisesDerivatives.cxbxtaxTangent(x, a, b, c, h);
    double[][] rule1 = add(product(c, h, b, transpose(x), a, x),
        add(product(c, x, b, transpose(h), a, x), product(c, x, b, transpose(x), a, h)));
    out.println("seed-002 task 4  D(C X B X^T A X)[H] = " + Arrays.deepToString(t1.tangent()));
    out.println("seed-002 task 4  product rule C H B X^T A X + C X B H^T A X + C X B X^T A H:"
        + " max abs difference " + scientific(maxAbsDifference(rule1, t1.tangent())));
    var t2 = Seed002ExercisesDerivatives.xxaxxTangent(x, a, h);
    double[][] rule2 = add(add(product(h, x, a, x, x), product(x, h, a, x, x)),
        add(product(x, x, a, h, x), product(x, x, a, x, h)));
    out.println("seed-002 task 4  D(X X A X X)[H] = " + Arrays.deepToString(t2.tangent()));
    out.println("seed-002 task 4  product rule H X A X X + X H A X X + X X A H X + X X A X H:"
        + " max abs difference " + scientific(maxAbsDifference(rule2, t2.tangent())));
  }

  /**
   * The difference quotient (f(t·v) − f(0, 0)) / t of task 5.
   *
   * @return the quotient at {@link #TASK5_T}
   */
  static double quotient(double a, double b) {
    return (cubicOverNorm(TASK5_T * a, TASK5_T * b) - cubicOverNorm(0, 0)) / TASK5_T;
  }

  private static void printTask5(PrintStream out) {
    out.println("seed-002 task 5  f(x, y) = y^3/(x^2 + y^2), f(0, 0) = 0, written with an if;"
        + " directional derivatives at the origin:");
    double d10 = quotient(1, 0);
    double d01 = quotient(0, 1);
    for (double[] v : TASK5_V) {
      double a = v[0];
      double b = v[1];
      double limit = quotient(a, b);
      double ad = Seed002ExercisesDerivatives.cubicOverNormTangent(0, 0, a, b).tangent();
      out.println("seed-002 task 5  along (" + a + ", " + b + "): limit (f(t v) - f(0))/t = "
          + limit + " (t = " + TASK5_T + "; b^3/(a^2 + b^2) = " + b * b * b / (a * a + b * b)
          + "), a*" + d10 + " + b*" + d01 + " = " + (a * d10 + b * d01) + "; forward mode: "
          + ad);
    }
    out.println("seed-002 task 5  the limits are not linear in the direction: f has no derivative"
        + " at the origin");
    out.println("seed-002 task 5  forward mode returns 0 along every direction: at (0, 0) the"
        + " program takes the branch 'return 0', a constant, and AD differentiates the branch"
        + " taken, not the limit");
    double[] v = TASK5_V[2];
    double t = 1e-9;
    out.println("seed-002 task 5  one step off the origin, at " + t + "*(" + v[0] + ", " + v[1]
        + "), the other branch is taken: forward mode along (" + v[0] + ", " + v[1] + ") = "
        + Seed002ExercisesDerivatives.cubicOverNormTangent(t * v[0], t * v[1], v[0], v[1])
            .tangent());
  }

  /**
   * The closed form of task 6, S = B + Bᵀ, q = xᵀBx, s = ‖x‖²: H = s·S + 2 S x xᵀ + 2 x xᵀ S +
   * 2q·I.
   *
   * @return the Hessian
   */
  static double[][] task6ClosedForm(double[] x, double[][] b) {
    int n = x.length;
    double[][] s = add(b, transpose(b));
    double q = dot(x, matVec(b, x));
    double sq = dot(x, x);
    double[] sx = matVec(s, x);
    double[][] h = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        h[i][j] = sq * s[i][j] + 2 * sx[i] * x[j] + 2 * x[i] * sx[j] + (i == j ? 2 * q : 0);
      }
    }
    return h;
  }

  private static void printTask6(PrintStream out, Values v) {
    double[] x = TASK6_X;
    double[][] b = v.b4();
    out.println("seed-002 task 6  f(x) = x^T B x |x|^2, B 4x4 from the same generator, x = "
        + Arrays.toString(x));
    var h = Seed002ExercisesDerivatives.quarticFormHessian(x, b);
    out.println("seed-002 task 6  f = " + h.value() + ", gradient = "
        + Arrays.toString(h.gradient()));
    for (int i = 0; i < x.length; i++) {
      out.println("seed-002 task 6  Hessian row " + (i + 1) + " = "
          + Arrays.toString(h.hessian()[i]));
    }
    double asymmetry = maxAbsDifference(h.hessian(), transpose(h.hessian()));
    out.println("seed-002 task 6  closed form |x|^2 (B + B^T) + 2(B + B^T) x x^T + 2 x x^T (B +"
        + " B^T) + 2 (x^T B x) I: max abs difference "
        + scientific(maxAbsDifference(task6ClosedForm(x, b), h.hessian()))
        + "; |H - H^T| = " + scientific(asymmetry));
    double[] direction = {1, 1, 1, 1};
    var hv = Seed002ExercisesDerivatives.quarticFormHessianVectorProduct(x, b, direction);
    out.println("seed-002 task 6  one Hessian-vector product, H (1, 1, 1, 1) = "
        + Arrays.toString(hv.hessianVectorProduct()) + "  (forward over reverse, no Hessian)");
  }

  // ---- helpers ----

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double[] matVec(double[][] m, double[] v) {
    double[] r = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      r[i] = dot(m[i], v);
    }
    return r;
  }

  static double[][] add(double[][] a, double[][] b) {
    double[][] r = new double[a.length][a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        r[i][j] = a[i][j] + b[i][j];
      }
    }
    return r;
  }

  /** The product of several matrices, left to right, in plain Java. */
  static double[][] product(double[][]... factors) {
    double[][] r = factors[0];
    for (int i = 1; i < factors.length; i++) {
      r = times(r, factors[i]);
    }
    return r;
  }

  static double maxAbsDifference(double[][] a, double[][] b) {
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        worst = Math.max(worst, Math.abs(a[i][j] - b[i][j]));
      }
    }
    return worst;
  }

  private static String scientific(double value) {
    return String.format(Locale.ROOT, "%.1e", value);
  }

  /**
   * Runs this example alone, without the tour.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    new Seed002Exercises().run(System.out);
  }
}
