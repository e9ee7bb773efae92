package dev.fluxion.corpus;

import static dev.fluxion.corpus.SecondOrderChecks.EXACT;
import static dev.fluxion.corpus.SecondOrderChecks.FD;
import static dev.fluxion.corpus.SecondOrderChecks.MODES;
import static dev.fluxion.corpus.SecondOrderChecks.add;
import static dev.fluxion.corpus.SecondOrderChecks.assertAllClose;
import static dev.fluxion.corpus.SecondOrderChecks.assertSymmetric;
import static dev.fluxion.corpus.SecondOrderChecks.axpy;
import static dev.fluxion.corpus.SecondOrderChecks.conjugateGradients;
import static dev.fluxion.corpus.SecondOrderChecks.copy;
import static dev.fluxion.corpus.SecondOrderChecks.directionalFd;
import static dev.fluxion.corpus.SecondOrderChecks.dot;
import static dev.fluxion.corpus.SecondOrderChecks.flatten;
import static dev.fluxion.corpus.SecondOrderChecks.hessianFd;
import static dev.fluxion.corpus.SecondOrderChecks.identity;
import static dev.fluxion.corpus.SecondOrderChecks.norm;
import static dev.fluxion.corpus.SecondOrderChecks.outer;
import static dev.fluxion.corpus.SecondOrderChecks.product;
import static dev.fluxion.corpus.SecondOrderChecks.scale;
import static dev.fluxion.corpus.SecondOrderChecks.solve;
import static dev.fluxion.corpus.SecondOrderChecks.times;
import static dev.fluxion.corpus.SecondOrderChecks.transpose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.corpus.second.Seed002Directional;
import dev.fluxion.corpus.second.Seed002DirectionalDerivatives;
import dev.fluxion.corpus.second.Seed002Hessian;
import dev.fluxion.corpus.second.Seed002HessianDerivatives;
import dev.fluxion.corpus.second.SecondOrderFunctions;
import dev.fluxion.corpus.second.SecondOrderFunctionsDerivatives;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The seed exercises that need forward mode and second order: sheet 002, tasks 3 to 6 (directional
 * derivatives of a vector function and of matrix polynomials, the origin of y³/(x² + y²), the
 * Hessian of xᵀBx‖x‖²), and sheet 001, task 3 (the ε* step and the Newton step).
 */
class SecondOrderSeedsTest {

  /** Random matrices and vectors with standard normal entries, from one seeded generator. */
  private static double[][] normalMatrix(Random random, int n) {
    double[][] m = new double[n][n];
    for (double[] row : m) {
      for (int j = 0; j < n; j++) {
        row[j] = random.nextGaussian();
      }
    }
    return m;
  }

  private static double[] normalVector(Random random, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = random.nextGaussian();
    }
    return v;
  }

  /** Sheet 002, task 3: f(X) = (1 x2)·[[1, x2³], [sin x2, x1]] = (1 + x2 sin x2, x2³ + x2 x1). */
  @Nested
  class Task3RowTimesMatrix {

    private final double[][] points = {{0.8, 1.7}, {-2, 0.3}, {1.5, -2.2}};

    private final double[][] directions = {{1, 0}, {0, 1}, {0.5, -2}, {-1.3, 0.7}};

    /** The sheet's answer: Df(X)[H] = (h2 (sin x2 + x2 cos x2), 3 x2² h2 + x2 h1 + x1 h2). */
    private double[] byHand(double[] x, double[] h) {
      double x1 = x[0];
      double x2 = x[1];
      return new double[] {
        h[1] * (Math.sin(x2) + x2 * Math.cos(x2)), 3 * x2 * x2 * h[1] + x2 * h[0] + x1 * h[1]
      };
    }

    @Test
    void directionalDerivativeIsTheHandFormulaForSeveralDirections() {
      for (double[] x : points) {
        for (double[] h : directions) {
          var t = Seed002DirectionalDerivatives.rowTimesMatrixTangent(x, h);
          String at = "Df(" + x[0] + ", " + x[1] + ")[" + h[0] + ", " + h[1] + "]";
          assertAllClose(at + " value", new double[] {1 + x[1] * Math.sin(x[1]),
              x[1] * x[1] * x[1] + x[1] * x[0]}, t.value(), EXACT);
          assertAllClose(at + " vs hand formula", byHand(x, h), t.tangent(), EXACT);
          assertAllClose(at + " vs finite differences",
              directionalFd(Seed002Directional::rowTimesMatrix, x, h), t.tangent(), FD);
        }
      }
    }

    @Test
    void jacobianByEitherModeIsTheHandJacobianAndTimesHGivesTheTangent() {
      for (double[] x : points) {
        double x1 = x[0];
        double x2 = x[1];
        double[][] byHand = {{0, Math.sin(x2) + x2 * Math.cos(x2)}, {x2, 3 * x2 * x2 + x1}};
        double[][] forward = Seed002DirectionalDerivatives.rowTimesMatrixJacobianForward(x);
        double[][] reverse = Seed002DirectionalDerivatives.rowTimesMatrixJacobianReverse(x);
        assertAllClose("forward Jacobian", byHand, forward, EXACT);
        assertAllClose("reverse Jacobian", byHand, reverse, EXACT);
        assertAllClose("forward vs reverse", forward, reverse, MODES);
        assertAllClose("chosen Jacobian", byHand,
            Seed002DirectionalDerivatives.rowTimesMatrixJacobian(x), EXACT);
        for (double[] h : directions) {
          assertAllClose("J h", times(byHand, h),
              Seed002DirectionalDerivatives.rowTimesMatrixTangent(x, h).tangent(), EXACT);
        }
      }
    }

    @Test
    void theIntoFormOverwritesOneHolder() {
      double[] x = points[0];
      var holder = new Seed002DirectionalDerivatives.RowTimesMatrixTangent();
      for (double[] h : directions) {
        assertSame(holder, Seed002DirectionalDerivatives.rowTimesMatrixTangent(x, h, holder));
        assertAllClose("reused holder", byHand(x, h), holder.tangent(), EXACT);
      }
    }
  }

  /**
   * Sheet 002, task 4: Df(X)[H] of C X B Xᵀ A X and of X X A X X (d = 3), as matrices, against the
   * product rule: one term per occurrence of X, that X replaced by H (Xᵀ by Hᵀ).
   */
  @Nested
  class Task4MatrixPolynomials {

    private static final int D = 3;

    private final Random random = new Random(4);
    private final double[][] a = normalMatrix(random, D);
    private final double[][] b = normalMatrix(random, D);
    private final double[][] c = normalMatrix(random, D);
    private final List<double[][]> xs = List.of(normalMatrix(random, D), normalMatrix(random, D));
    private final List<double[][]> hs =
        List.of(normalMatrix(random, D), normalMatrix(random, D), identity(D));

    /** C H B Xᵀ A X + C X B Hᵀ A X + C X B Xᵀ A H. */
    private double[][] cxbxtaxByHand(double[][] x, double[][] h) {
      double[][] xt = transpose(x);
      double[][] ht = transpose(h);
      return add(product(c, h, b, xt, a, x), product(c, x, b, ht, a, x),
          product(c, x, b, xt, a, h));
    }

    /** H X A X X + X H A X X + X X A H X + X X A X H. */
    private double[][] xxaxxByHand(double[][] x, double[][] h) {
      return add(product(h, x, a, x, x), product(x, h, a, x, x), product(x, x, a, h, x),
          product(x, x, a, x, h));
    }

    @Test
    void cxbxtaxIsTheProductRule() {
      for (double[][] x : xs) {
        for (double[][] h : hs) {
          var t = Seed002DirectionalDerivatives.cxbxtaxTangent(x, a, b, c, h);
          assertAllClose("C X B X^T A X", product(c, x, b, transpose(x), a, x), t.value(), EXACT);
          assertAllClose("D(C X B X^T A X)[H] vs product rule", cxbxtaxByHand(x, h), t.tangent(),
              EXACT);
          assertAllClose("D(C X B X^T A X)[H] vs finite differences",
              directionalFd(y -> Seed002Directional.cxbxtax(y, a, b, c), x, h), t.tangent(), FD);
        }
      }
    }

    @Test
    void xxaxxIsTheProductRuleWrittenWithCallsOrWithLoops() {
      for (double[][] x : xs) {
        for (double[][] h : hs) {
          double[][] expected = xxaxxByHand(x, h);
          var calls = Seed002DirectionalDerivatives.xxaxxTangent(x, a, h);
          var loops = Seed002DirectionalDerivatives.xxaxxLoopsTangent(x, a, h);
          var merged = Seed002DirectionalDerivatives.xxaxxMergedTangent(x, a, h);
          assertAllClose("X X A X X", product(x, x, a, x, x), calls.value(), EXACT);
          assertAllClose("X X A X X, loops", product(x, x, a, x, x), loops.value(), EXACT);
          assertAllClose("D(X X A X X)[H] vs product rule", expected, calls.tangent(), EXACT);
          assertAllClose("D(X X A X X)[H], loops, vs product rule", expected, loops.tangent(),
              EXACT);
          assertAllClose("D(X X A X X)[H], merged arrays, vs product rule", expected,
              merged.tangent(), EXACT);
          assertAllClose("D(X X A X X)[H] vs finite differences",
              directionalFd(y -> Seed002Directional.xxaxx(y, a), x, h), calls.tangent(), FD);
        }
      }
    }

    @Test
    void theDirectionalDerivativeIsLinearInH() {
      double[][] x = xs.get(0);
      double[][] h1 = hs.get(0);
      double[][] h2 = hs.get(1);
      UnaryOperator<double[][]> d =
          h -> Seed002DirectionalDerivatives.cxbxtaxTangent(x, a, b, c, h).tangent();
      assertAllClose("D[H1 + H2] = D[H1] + D[H2]", add(d.apply(h1), d.apply(h2)),
          d.apply(add(h1, h2)), EXACT);
      assertAllClose("D[-2.5 H] = -2.5 D[H]", scale(-2.5, d.apply(h1)),
          d.apply(scale(-2.5, h1)), EXACT);
    }

    /**
     * Forward and reverse mode are adjoint: ⟨W, Df(X)[H]⟩ = ⟨Df(X)*[W], H⟩, where Df(X)*[W] is
     * the pullback of the seed W.
     */
    @Test
    void forwardAndReverseModeAreAdjoint() {
      double[][] w = normalMatrix(new Random(44), D);
      for (double[][] x : xs) {
        for (double[][] h : hs) {
          var cx = new Seed002DirectionalDerivatives.CxbxtaxGradient();
          Seed002DirectionalDerivatives.cxbxtaxPullback(x, a, b, c, w, cx);
          double forward = dot(flatten(w),
              flatten(Seed002DirectionalDerivatives.cxbxtaxTangent(x, a, b, c, h).tangent()));
          assertEquals(forward, dot(flatten(cx.X()), flatten(h)), EXACT * Math.abs(forward) * 10);
          var xx = new Seed002DirectionalDerivatives.XxaxxGradient();
          Seed002DirectionalDerivatives.xxaxxPullback(x, a, w, xx);
          double forwardXx = dot(flatten(w),
              flatten(Seed002DirectionalDerivatives.xxaxxTangent(x, a, h).tangent()));
          assertEquals(forwardXx, dot(flatten(xx.X()), flatten(h)),
              EXACT * Math.abs(forwardXx) * 10);
          var loops = new Seed002DirectionalDerivatives.XxaxxLoopsGradient();
          Seed002DirectionalDerivatives.xxaxxLoopsPullback(x, a, w, loops);
          assertAllClose("pullback, loops", xx.X(), loops.X(), EXACT);
          var merged = new Seed002DirectionalDerivatives.XxaxxMergedGradient();
          Seed002DirectionalDerivatives.xxaxxMergedPullback(x, a, w, merged);
          assertAllClose("pullback, merged arrays", xx.X(), merged.X(), EXACT);
        }
      }
    }

    @Test
    void argumentsAreLeftAsTheyWere() {
      double[][] x = xs.get(0);
      double[][] h = hs.get(0);
      double[][] xCopy = copy(x);
      double[][] hCopy = copy(h);
      Seed002DirectionalDerivatives.xxaxxLoopsTangent(x, a, h);
      Seed002DirectionalDerivatives.cxbxtaxTangent(x, a, b, c, h);
      for (int i = 0; i < D; i++) {
        assertArrayEquals(xCopy[i], x[i], 0);
        assertArrayEquals(hCopy[i], h[i], 0);
      }
    }
  }

  /**
   * Sheet 002, task 5: f(x, y) = y³/(x² + y²), f(0, 0) = 0. The limit-based directional
   * derivatives at the origin are 0 along (1, 0), 1 along (0, 1) and b³/(a² + b²) along (a, b):
   * not linear in the direction, so f has no derivative there. Forward mode runs the program: at
   * the origin it takes the branch {@code return 0}, a constant, and returns 0 along every
   * direction. It differentiates the branch taken, not the limit.
   */
  @Nested
  class Task5TheOrigin {

    private final double[][] directions = {{1, 0}, {0, 1}, {2, 1}, {1, -3}, {0.6, 0.8}};

    /** The limit-based directional derivative, b³/(a² + b²), by the sheet's hand computation. */
    private double byLimit(double a, double b) {
      return b * b * b / (a * a + b * b);
    }

    /** The difference quotient (f(t·v) − f(0)) / t. */
    private double quotient(double a, double b, double t) {
      return (Seed002Directional.cubicOverNorm(t * a, t * b)
          - Seed002Directional.cubicOverNorm(0, 0)) / t;
    }

    @Test
    void forwardModeAtTheOriginDifferentiatesTheConstantBranch() {
      for (double[] v : directions) {
        var t = Seed002DirectionalDerivatives.cubicOverNormTangent(0, 0, v[0], v[1]);
        assertEquals(0.0, t.value(), 0);
        assertEquals(0.0, t.tangent(), 0, "along (" + v[0] + ", " + v[1] + ")");
      }
      var g = Seed002DirectionalDerivatives.cubicOverNormGradient(0, 0);
      assertEquals(0.0, g.x(), 0);
      assertEquals(0.0, g.y(), 0);
    }

    @Test
    void theLimitsAreZeroOneAndBCubedOverASquaredPlusBSquared() {
      assertEquals(0.0, byLimit(1, 0), 0);
      assertEquals(1.0, byLimit(0, 1), 0);
      for (double[] v : directions) {
        double a = v[0];
        double b = v[1];
        // The quotient is b³/(a² + b²) for every t ≠ 0 (f is homogeneous of degree 1), so the
        // limit is reached at once: check a range of t, all agreeing with the hand formula.
        for (double t = 1e-1; t >= 1e-8; t /= 10) {
          assertEquals(byLimit(a, b), quotient(a, b, t), 1e-14,
              "(f(t v) - f(0)) / t along (" + a + ", " + b + ") at t = " + t);
        }
      }
    }

    @Test
    void theLimitsAreNotLinearInTheDirectionButForwardModeIs() {
      double d10 = quotient(1, 0, 1e-6);
      double d01 = quotient(0, 1, 1e-6);
      for (double[] v : directions) {
        double a = v[0];
        double b = v[1];
        double linear = a * d10 + b * d01; // = b
        double limit = quotient(a, b, 1e-6);
        double ad = Seed002DirectionalDerivatives.cubicOverNormTangent(0, 0, a, b).tangent();
        if (a != 0 && b != 0) {
          assertNotEquals(linear, limit, 1e-3, "along (" + a + ", " + b + ")");
        }
        if (b != 0) {
          assertNotEquals(ad, limit, 1e-3, "AD vs the limit along (" + a + ", " + b + ")");
        }
        // What forward mode returns is linear: 0 = a*0 + b*0.
        double adLinear = a * Seed002DirectionalDerivatives.cubicOverNormTangent(0, 0, 1, 0).tangent()
            + b * Seed002DirectionalDerivatives.cubicOverNormTangent(0, 0, 0, 1).tangent();
        assertEquals(adLinear, ad, 0);
      }
    }

    @Test
    void awayFromTheOriginForwardModeIsTheDerivative() {
      for (double[] v : directions) {
        double a = v[0];
        double b = v[1];
        // On the ray t·v, f = t·b³/(a² + b²): its derivative along v is the limit above, at any
        // t ≠ 0, however small; only at t = 0 exactly does the program take the other branch.
        for (double t : new double[] {1, 1e-3, 1e-9}) {
          double tangent =
              Seed002DirectionalDerivatives.cubicOverNormTangent(t * a, t * b, a, b).tangent();
          assertEquals(byLimit(a, b), tangent, 1e-12, "at t = " + t);
        }
        double[] p = {0.7 * a + 0.2, -0.4 * b + 0.5};
        double fd = directionalFd(
            q -> new double[] {Seed002Directional.cubicOverNorm(q[0], q[1])}, p, v)[0];
        assertEquals(fd, Seed002DirectionalDerivatives.cubicOverNormTangent(p[0], p[1], a, b)
            .tangent(), 1e-7 * Math.max(1, Math.abs(fd)));
      }
    }
  }

  /**
   * Sheet 002, task 6: the second derivative of f(x) = xᵀBx‖x‖². With S = B + Bᵀ, q = xᵀBx and
   * s = ‖x‖²: ∇f = s·S x + 2q·x and H = s·S + 2 S x xᵀ + 2 x xᵀ S + 2q·I.
   */
  @Nested
  class Task6Hessian {

    private final Random random = new Random(6);
    private final double[][] b = normalMatrix(random, 4);
    private final List<double[]> points =
        List.of(normalVector(random, 4), normalVector(random, 4), new double[] {1, -2, 0.5, 3});

    private double[][] byHand(double[] x) {
      double[][] s = add(b, transpose(b));
      double q = dot(x, times(b, x));
      double sq = dot(x, x);
      return add(scale(sq, s), scale(2, times(s, outer(x, x))), scale(2, times(outer(x, x), s)),
          scale(2 * q, identity(x.length)));
    }

    private double[] gradientByHand(double[] x) {
      double[][] s = add(b, transpose(b));
      return axpy(dot(x, x), times(s, x), scale(2 * dot(x, times(b, x)), new double[][] {x})[0]);
    }

    @Test
    void hessianIsTheClosedFormAndFiniteDifferencesOfTheGradient() {
      for (double[] x : points) {
        var h = Seed002HessianDerivatives.quarticFormHessian(x, b);
        double[][] hand = byHand(x);
        assertEquals(dot(x, times(b, x)) * dot(x, x), h.value(), EXACT * Math.abs(h.value()));
        assertAllClose("gradient", gradientByHand(x), h.gradient(), EXACT);
        assertAllClose("Hessian vs closed form", hand, h.hessian(), EXACT);
        assertAllClose("Hessian vs finite differences of the gradient",
            hessianFd(y -> Seed002HessianDerivatives.quarticFormGradient(y, b).x(), x),
            h.hessian(), FD);
        assertSymmetric("Hessian", h.hessian(), 1e-14);
      }
    }

    @Test
    void theClosedFormItselfMatchesFiniteDifferencesOfTheHandGradient() {
      // The derivation checked without Fluxion: differentiate the hand gradient numerically.
      for (double[] x : points) {
        assertAllClose("closed form", hessianFd(this::gradientByHand, x), byHand(x), FD);
        assertAllClose("hand gradient", directionalFd(
            y -> new double[] {Seed002Hessian.quarticForm(y, b)}, x, new double[] {1, 0, 0, 0}),
            new double[] {gradientByHand(x)[0]}, FD);
      }
    }

    @Test
    void hessianVectorProductsAreHTimesV() {
      double[] x = points.get(0);
      double[][] hand = byHand(x);
      var holder = new Seed002HessianDerivatives.QuarticFormHessian();
      for (int k = 0; k < 3; k++) {
        double[] v = normalVector(random, 4);
        Seed002HessianDerivatives.quarticFormHessianVectorProduct(x, b, v, holder);
        assertAllClose("H v", times(hand, v), holder.hessianVectorProduct(), EXACT);
        assertAllClose("gradient", gradientByHand(x), holder.gradient(), EXACT);
      }
    }
  }

  /**
   * Sheet 001, task 3: the quadratic model f(x0) + δᵀg + ½δᵀHδ. Along −g it is minimised by ε* =
   * gᵀg / gᵀHg (one Hessian-vector product, H·g, no Hessian); over all δ by the Newton step δ =
   * −H⁻¹g.
   */
  @Nested
  class Seed001SecondOrderSteps {

    private static final double C = 0.1;

    private final double[] start = {1, -0.5, 0.8, 0.3};

    /** ε* = gᵀg / gᵀHg from one Hessian-vector product along g. */
    private double epsilonStar(double[] x) {
      var g = SecondOrderFunctionsDerivatives.convexGradient(x, C).x();
      var hg = SecondOrderFunctionsDerivatives.convexHessianVectorProduct(x, C, g);
      return dot(g, g) / dot(g, hg.hessianVectorProduct());
    }

    @Test
    void epsilonStarFromOneProductMinimisesTheQuadraticModelAlongTheGradient() {
      for (double[] x : List.of(start, new double[] {-1, 2, 0.1, 0.4})) {
        double f = SecondOrderFunctions.convex(x, C);
        var hvp = SecondOrderFunctionsDerivatives.convexHessianVectorProduct(x, C,
            SecondOrderFunctionsDerivatives.convexGradient(x, C).x());
        double[] g = hvp.gradient();
        double gg = dot(g, g);
        double ghg = dot(g, hvp.hessianVectorProduct());
        double eps = gg / ghg;
        assertEquals(eps, epsilonStar(x), EXACT * eps);
        // The same from the explicit Hessian.
        double[][] h = SecondOrderFunctionsDerivatives.convexHessian(x, C).hessian();
        assertEquals(dot(g, times(h, g)), ghg, EXACT * ghg);
        // The model m(ε) = f − ε gᵀg + ½ε² gᵀHg has m'(ε*) = 0 and is larger on either side.
        assertEquals(0, -gg + eps * ghg, EXACT * gg);
        double model = f - eps * gg + 0.5 * eps * eps * ghg;
        for (double e : new double[] {0.9 * eps, 1.1 * eps, 0, 2 * eps}) {
          assertTrue(f - e * gg + 0.5 * e * e * ghg > model);
        }
        // The step decreases f itself.
        assertTrue(SecondOrderFunctions.convex(axpy(-eps, g, x), C) < f);
      }
    }

    @Test
    void newtonStepFromTheHessianEqualsNewtonStepFromProductsOnly() {
      for (double[] x : List.of(start, new double[] {-1, 2, 0.1, 0.4})) {
        var full = SecondOrderFunctionsDerivatives.convexHessian(x, C);
        double[] g = full.gradient();
        double[] byHessian = solve(full.hessian(), scale(-1, g));
        var holder = new SecondOrderFunctionsDerivatives.ConvexHessian();
        double[] byProducts = conjugateGradients(
            v -> SecondOrderFunctionsDerivatives.convexHessianVectorProduct(x, C, v, holder)
                .hessianVectorProduct().clone(), scale(-1, g));
        assertAllClose("Newton step, explicit Hessian vs CG on products", byHessian, byProducts,
            1e-10);
        assertAllClose("H delta = -g", scale(-1, g),
            times(full.hessian(), byHessian), EXACT * 10);
      }
    }

    @Test
    void oneNewtonStepSolvesAQuadratic() {
      double[][] a = {{3, 1, 0}, {-1, 4, 1}, {0.5, 0, 2}};
      double[] b = {1, -2, 0.5};
      double[] x = {7, -3, 2};
      var h = SecondOrderFunctionsDerivatives.quadraticHessian(x, a, b);
      double[] step = solve(h.hessian(), scale(-1, h.gradient()));
      double[] newton = axpy(1, step, x);
      // The minimum of ½xᵀAx + bᵀx: sym(A) x = −b.
      double[][] sym = scale(0.5, add(a, transpose(a)));
      assertAllClose("Newton lands on the minimum", solve(sym, scale(-1, b)),
          newton, 1e-12);
      assertAllClose("gradient there", new double[3],
          SecondOrderFunctionsDerivatives.quadraticGradient(newton, a, b).x(), 1e-12);
    }

    /** Errors ‖x_k − x*‖ of k = 0 … steps iterations. */
    private List<Double> errors(UnaryOperator<double[]> step, double[] x0, double[] minimum,
        int steps) {
      List<Double> e = new ArrayList<>();
      double[] x = x0.clone();
      e.add(norm(axpy(-1, minimum, x)));
      for (int k = 0; k < steps; k++) {
        x = step.apply(x);
        e.add(norm(axpy(-1, minimum, x)));
      }
      return e;
    }

    private double[] newton(double[] x) {
      double[] delta = conjugateGradients(
          v -> SecondOrderFunctionsDerivatives.convexHessianVectorProduct(x, C, v)
              .hessianVectorProduct(),
          scale(-1, SecondOrderFunctionsDerivatives.convexGradient(x, C).x()));
      return axpy(1, delta, x);
    }

    private double[] descent(double[] x) {
      double[] g = SecondOrderFunctionsDerivatives.convexGradient(x, C).x();
      return axpy(-epsilonStar(x), g, x);
    }

    @Test
    void newtonConvergesQuadraticallyWhereTheEpsilonStarStepDoesNot() {
      double[] minimum = new double[4]; // every component of the gradient is e^(x_i) − 1 + 2C·Σx
      List<Double> newton = errors(this::newton, start, minimum, 5);
      List<Double> descent = errors(this::descent, start, minimum, 12);
      // Newton: the error roughly squares every step (e_{k+1} ≤ e_k² here) until rounding.
      for (int k = 0; k + 1 < newton.size() && newton.get(k) > 1e-7; k++) {
        assertTrue(newton.get(k + 1) <= newton.get(k) * newton.get(k),
            "Newton errors " + newton);
      }
      assertTrue(newton.get(5) < 1e-12, "Newton errors " + newton);
      // Gradient descent with ε*: the error shrinks by a steady factor (about 0.3 here: linear
      // convergence), so e_{k+1}/e_k² grows without bound instead of staying bounded.
      for (int k = 2; k + 1 < descent.size(); k++) {
        double ratio = descent.get(k + 1) / descent.get(k);
        assertTrue(ratio > 0.2 && ratio < 0.5, "descent errors " + descent);
      }
      assertTrue(descent.get(5) > 1e-3, "descent errors " + descent);
      assertTrue(descent.get(12) / (descent.get(11) * descent.get(11)) > 1e3,
          "descent errors " + descent);
    }

    @Test
    void onRosenbrockNewtonFinishesWhileTheEpsilonStarStepCrawls() {
      double[] minimum = {1, 1};
      UnaryOperator<double[]> newtonStep = x -> {
        var h = SecondOrderFunctionsDerivatives.rosenbrockHessian(x);
        return axpy(1, solve(h.hessian(), scale(-1, h.gradient())), x);
      };
      UnaryOperator<double[]> descentStep = x -> {
        double[] g = SecondOrderFunctionsDerivatives.rosenbrockGradient(x).x();
        var hg = SecondOrderFunctionsDerivatives.rosenbrockHessianVectorProduct(x, g);
        return axpy(-dot(g, g) / dot(g, hg.hessianVectorProduct()), g, x);
      };
      List<Double> newton = errors(newtonStep, new double[] {-1.2, 1}, minimum, 8);
      List<Double> descent = errors(descentStep, new double[] {-1.2, 1}, minimum, 200);
      assertTrue(newton.get(8) < 1e-12, "Newton errors " + newton);
      assertTrue(descent.get(200) > 1e-3, "descent errors after 200 steps " + descent.get(200));
    }
  }
}
