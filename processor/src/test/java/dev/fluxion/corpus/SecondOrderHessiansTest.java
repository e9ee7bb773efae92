package dev.fluxion.corpus;

import static dev.fluxion.corpus.SecondOrderChecks.EXACT;
import static dev.fluxion.corpus.SecondOrderChecks.FD;
import static dev.fluxion.corpus.SecondOrderChecks.MODES;
import static dev.fluxion.corpus.SecondOrderChecks.add;
import static dev.fluxion.corpus.SecondOrderChecks.assertAllClose;
import static dev.fluxion.corpus.SecondOrderChecks.assertSymmetric;
import static dev.fluxion.corpus.SecondOrderChecks.dot;
import static dev.fluxion.corpus.SecondOrderChecks.hessianFd;
import static dev.fluxion.corpus.SecondOrderChecks.scale;
import static dev.fluxion.corpus.SecondOrderChecks.times;
import static dev.fluxion.corpus.SecondOrderChecks.transpose;
import static dev.fluxion.corpus.SecondOrderChecks.unit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.fluxion.corpus.second.SecondOrderFunctions;
import dev.fluxion.corpus.second.SecondOrderFunctionsDerivatives;
import dev.fluxion.testing.FiniteDifferences;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hessians and Hessian-vector products of scalar functions: exact Hessians in closed form,
 * Hessians against finite differences of the generated gradient, symmetry, H·v against the
 * Hessian, the forward tangent against the gradient, and the holders' into-forms.
 */
class SecondOrderHessiansTest {

  private static final double C = 0.1;

  private static final double[][] A = {{3, 1, 0}, {-1, 4, 1}, {0.5, 0, 2}};

  private static final double[] B = {1, -2, 0.5};

  /**
   * One scalar function over its flat inputs: the primal, the generated value/gradient/Hessian, the
   * generated Hessian-vector product and the forward tangent.
   */
  record Fn(
      String name,
      ToDoubleFunction<double[]> primal,
      Function<double[], double[]> gradient,
      Function<double[], double[][]> hessian,
      Function<double[][], double[]> hvp,
      Function<double[][], Double> tangent) {}

  /** s, v (length 3) and t laid end to end. */
  private static double[] v(double[] flat) {
    return Arrays.copyOfRange(flat, 1, flat.length - 1);
  }

  private static final Fn CONVEX = new Fn("convex",
      x -> SecondOrderFunctions.convex(x, C),
      x -> SecondOrderFunctionsDerivatives.convexGradient(x, C).x(),
      x -> SecondOrderFunctionsDerivatives.convexHessian(x, C).hessian(),
      xv -> SecondOrderFunctionsDerivatives.convexHessianVectorProduct(xv[0], C, xv[1])
          .hessianVectorProduct(),
      xv -> SecondOrderFunctionsDerivatives.convexTangent(xv[0], C, xv[1]).tangent());

  private static final Fn ROSENBROCK = new Fn("rosenbrock",
      SecondOrderFunctions::rosenbrock,
      x -> SecondOrderFunctionsDerivatives.rosenbrockGradient(x).x(),
      x -> SecondOrderFunctionsDerivatives.rosenbrockHessian(x).hessian(),
      xv -> SecondOrderFunctionsDerivatives.rosenbrockHessianVectorProduct(xv[0], xv[1])
          .hessianVectorProduct(),
      xv -> SecondOrderFunctionsDerivatives.rosenbrockTangent(xv[0], xv[1]).tangent());

  private static final Fn MIXED = new Fn("mixed",
      x -> SecondOrderFunctions.mixed(x[0], x[1]),
      x -> {
        var g = SecondOrderFunctionsDerivatives.mixedGradient(x[0], x[1]);
        return new double[] {g.x(), g.y()};
      },
      x -> SecondOrderFunctionsDerivatives.mixedHessian(x[0], x[1]).hessian(),
      xv -> SecondOrderFunctionsDerivatives.mixedHessianVectorProduct(xv[0][0], xv[0][1], xv[1])
          .hessianVectorProduct(),
      xv -> SecondOrderFunctionsDerivatives.mixedTangent(xv[0][0], xv[0][1], xv[1][0], xv[1][1])
          .tangent());

  private static final Fn QUADRATIC = new Fn("quadratic",
      x -> SecondOrderFunctions.quadratic(x, A, B),
      x -> SecondOrderFunctionsDerivatives.quadraticGradient(x, A, B).x(),
      x -> SecondOrderFunctionsDerivatives.quadraticHessian(x, A, B).hessian(),
      xv -> SecondOrderFunctionsDerivatives.quadraticHessianVectorProduct(xv[0], A, B, xv[1])
          .hessianVectorProduct(),
      xv -> SecondOrderFunctionsDerivatives.quadraticTangent(xv[0], A, B, xv[1]).tangent());

  private static final Fn LAYOUT = new Fn("layout",
      x -> SecondOrderFunctions.layout(x[0], v(x), x[x.length - 1]),
      x -> {
        var g = SecondOrderFunctionsDerivatives.layoutGradient(x[0], v(x), x[x.length - 1]);
        double[] flat = new double[x.length];
        flat[0] = g.s();
        System.arraycopy(g.v(), 0, flat, 1, x.length - 2);
        flat[x.length - 1] = g.t();
        return flat;
      },
      x -> SecondOrderFunctionsDerivatives.layoutHessian(x[0], v(x), x[x.length - 1]).hessian(),
      xv -> SecondOrderFunctionsDerivatives.layoutHessianVectorProduct(
          xv[0][0], v(xv[0]), xv[0][xv[0].length - 1], xv[1]).hessianVectorProduct(),
      xv -> SecondOrderFunctionsDerivatives.layoutTangent(xv[0][0], v(xv[0]),
          xv[0][xv[0].length - 1], xv[1][0], v(xv[1]), xv[1][xv[1].length - 1]).tangent());

  private static final Fn BRANCHY = new Fn("branchy",
      SecondOrderFunctions::branchy,
      x -> SecondOrderFunctionsDerivatives.branchyGradient(x).x(),
      x -> SecondOrderFunctionsDerivatives.branchyHessian(x).hessian(),
      xv -> SecondOrderFunctionsDerivatives.branchyHessianVectorProduct(xv[0], xv[1])
          .hessianVectorProduct(),
      xv -> SecondOrderFunctionsDerivatives.branchyTangent(xv[0], xv[1]).tangent());

  private static final Fn CALLS_CONVEX = new Fn("callsConvex",
      x -> SecondOrderFunctions.callsConvex(x, C),
      x -> SecondOrderFunctionsDerivatives.callsConvexGradient(x, C).x(),
      x -> SecondOrderFunctionsDerivatives.callsConvexHessian(x, C).hessian(),
      xv -> SecondOrderFunctionsDerivatives.callsConvexHessianVectorProduct(xv[0], C, xv[1])
          .hessianVectorProduct(),
      xv -> SecondOrderFunctionsDerivatives.callsConvexTangent(xv[0], C, xv[1]).tangent());

  static Stream<Arguments> points() {
    return Stream.of(
        Arguments.of(Named.of("convex", CONVEX), new double[] {1, -0.5, 0.8, 0.3}),
        Arguments.of(Named.of("convex", CONVEX), new double[] {-2, 0.25, 1.5}),
        Arguments.of(Named.of("rosenbrock", ROSENBROCK), new double[] {-1.2, 1}),
        Arguments.of(Named.of("rosenbrock", ROSENBROCK), new double[] {0.5, -0.3, 1.1, 2}),
        Arguments.of(Named.of("mixed", MIXED), new double[] {0.7, -1.3}),
        Arguments.of(Named.of("mixed", MIXED), new double[] {-2.1, 0.4}),
        Arguments.of(Named.of("quadratic", QUADRATIC), new double[] {7, -3, 2}),
        Arguments.of(Named.of("layout", LAYOUT), new double[] {0.4, 1, -2, 0.5, 1.5}),
        Arguments.of(Named.of("branchy", BRANCHY), new double[] {0.9, -0.7, 1.3, -0.2}),
        Arguments.of(Named.of("callsConvex", CALLS_CONVEX), new double[] {0.3, -0.6, 1.1}));
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("points")
  void gradientMatchesFiniteDifferencesOfTheFunction(Fn f, double[] x) {
    FiniteDifferences.assertMatchesFiniteDifferences(f.name(), f.primal(), x, f.gradient().apply(x),
        names(x.length));
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("points")
  void hessianMatchesFiniteDifferencesOfTheGradientAndIsSymmetric(Fn f, double[] x) {
    double[][] h = f.hessian().apply(x.clone());
    assertAllClose(f.name() + " Hessian vs finite differences of the gradient",
        hessianFd(f.gradient(), x), h, FD);
    assertSymmetric(f.name() + " Hessian", h, 1e-14);
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("points")
  void hessianVectorProductIsHessianTimesVectorAndTangentIsGradientDotVector(Fn f, double[] x) {
    double[][] h = f.hessian().apply(x.clone());
    double[] g = f.gradient().apply(x.clone());
    for (double[] v : List.of(unit(x.length, 0), ramp(x.length), scale(-0.5, x))) {
      assertAllClose(f.name() + " H v", times(h, v), f.hvp().apply(new double[][] {x, v}), MODES);
      assertEquals(dot(g, v), f.tangent().apply(new double[][] {x, v}),
          MODES * Math.max(1, Math.abs(dot(g, v))), f.name() + " tangent vs gradient");
    }
  }

  @Test
  void mixedHessianInClosedForm() {
    for (double[] p : List.of(new double[] {0.7, -1.3}, new double[] {-2.1, 0.4})) {
      double x = p[0];
      double y = p[1];
      double xy = 2 * x + 3 * Math.cos(x) * y * y;
      double[][] exact = {{2 * y - Math.sin(x) * y * y * y, xy}, {xy, 6 * Math.sin(x) * y}};
      var h = SecondOrderFunctionsDerivatives.mixedHessian(x, y);
      assertAllClose("x^2 y + sin(x) y^3", exact, h.hessian(), EXACT);
      assertAllClose("its gradient", new double[] {2 * x * y + Math.cos(x) * y * y * y,
          x * x + 3 * Math.sin(x) * y * y}, h.gradient(), EXACT);
      assertEquals(SecondOrderFunctions.mixed(x, y), h.value(), EXACT * Math.abs(h.value()));
    }
  }

  @Test
  void quadraticFormHessianIsTheSymmetricPartOfA() {
    double[][] sym = scale(0.5, add(A, transpose(A)));
    for (double[] x : List.of(new double[] {7, -3, 2}, new double[] {0, 0, 0})) {
      var h = SecondOrderFunctionsDerivatives.quadraticHessian(x, A, B);
      assertAllClose("sym(A)", sym, h.hessian(), EXACT);
      assertAllClose("gradient sym(A) x + b", add(new double[][] {times(sym, x)},
          new double[][] {B})[0], h.gradient(), EXACT);
    }
  }

  @Test
  void convexAndRosenbrockHessiansInClosedForm() {
    double[] x = {1, -0.5, 0.8, 0.3};
    double[][] convex = new double[4][4];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        convex[i][j] = 2 * C + (i == j ? Math.exp(x[i]) : 0);
      }
    }
    assertAllClose("diag(e^x) + 2c 11^T", convex, CONVEX.hessian().apply(x), EXACT);
    double[][] rosenbrock = new double[4][4];
    for (int i = 0; i + 1 < 4; i++) {
      rosenbrock[i][i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
      rosenbrock[i + 1][i + 1] += 200;
      rosenbrock[i][i + 1] = -400 * x[i];
      rosenbrock[i + 1][i] = -400 * x[i];
    }
    assertAllClose("Rosenbrock", rosenbrock, ROSENBROCK.hessian().apply(x), EXACT);
  }

  /**
   * s, v, t laid end to end, f = s·t·Σv² + e^s·v0 + t³·v_last: every block of the Hessian (scalar
   * with scalar, scalar with vector, vector with vector) sits where the layout says.
   */
  @Test
  void layoutHessianInClosedForm() {
    double s = 0.4;
    double[] v = {1, -2, 0.5};
    double t = 1.5;
    double q = dot(v, v);
    int n = v.length + 2;
    int last = v.length; // flat index of v_last
    double[][] exact = new double[n][n];
    exact[0][0] = Math.exp(s) * v[0];
    exact[0][n - 1] = q;
    exact[n - 1][0] = q;
    exact[n - 1][n - 1] = 6 * t * v[v.length - 1];
    for (int i = 0; i < v.length; i++) {
      exact[0][1 + i] = 2 * t * v[i] + (i == 0 ? Math.exp(s) : 0);
      exact[1 + i][0] = exact[0][1 + i];
      exact[1 + i][1 + i] = 2 * s * t;
      exact[1 + i][n - 1] = 2 * s * v[i] + (1 + i == last ? 3 * t * t : 0);
      exact[n - 1][1 + i] = exact[1 + i][n - 1];
    }
    var h = SecondOrderFunctionsDerivatives.layoutHessian(s, v, t);
    assertAllClose("layout Hessian", exact, h.hessian(), EXACT);
    double[] gradient = new double[n];
    gradient[0] = t * q + Math.exp(s) * v[0];
    for (int i = 0; i < v.length; i++) {
      gradient[1 + i] = 2 * s * t * v[i] + (i == 0 ? Math.exp(s) : 0)
          + (i == v.length - 1 ? t * t * t : 0);
    }
    gradient[n - 1] = s * q + 3 * t * t * v[v.length - 1];
    assertAllClose("layout gradient", gradient, h.gradient(), EXACT);
  }

  @Test
  void intoFormsOverwriteOneHolderAndLeaveTheArgumentsAlone() {
    var holder = new SecondOrderFunctionsDerivatives.RosenbrockHessian();
    double[] first = {-1.2, 1, 0.3};
    double[] second = {0.5, -0.3, 2};
    double[] secondCopy = second.clone();
    assertSame(holder, SecondOrderFunctionsDerivatives.rosenbrockHessian(first, holder));
    double[][] storage = holder.hessian();
    SecondOrderFunctionsDerivatives.rosenbrockHessian(second, holder);
    assertSame(storage, holder.hessian(), "a warm holder reuses its Hessian");
    assertAllClose("second point", ROSENBROCK.hessian().apply(second), holder.hessian(), 0);
    assertAllClose("second gradient", ROSENBROCK.gradient().apply(second), holder.gradient(), 0);
    assertEquals(SecondOrderFunctions.rosenbrock(second), holder.value(), 0);
    double[] direction = {1, 2, 3};
    SecondOrderFunctionsDerivatives.rosenbrockHessianVectorProduct(second, direction, holder);
    assertAllClose("H v into the holder", times(ROSENBROCK.hessian().apply(second), direction),
        holder.hessianVectorProduct(), MODES);
    assertArrayEquals(secondCopy, second, 0);
    assertArrayEquals(new double[] {1, 2, 3}, direction, 0);
  }

  private static double[] ramp(int n) {
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = 0.3 * (i + 1) * (i % 2 == 0 ? 1 : -1);
    }
    return r;
  }

  private static String[] names(int n) {
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      names[i] = "x" + i;
    }
    return names;
  }
}
