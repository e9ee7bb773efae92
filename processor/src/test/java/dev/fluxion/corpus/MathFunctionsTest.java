package dev.fluxion.corpus;

import static dev.fluxion.testing.FiniteDifferences.assertExactly;
import static dev.fluxion.testing.FiniteDifferences.vec;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.fluxion.corpus.scalar.MathFunctions;
import dev.fluxion.corpus.scalar.MathFunctionsDerivatives;
import dev.fluxion.testing.FiniteDifferences;
import dev.fluxion.testing.FiniteDifferences.Case;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every differentiable {@code Math} function against finite differences and its textbook
 * derivative, away from kinks; then the conventions at the kinks, exactly.
 */
class MathFunctionsTest {

  static Stream<Arguments> cases() {
    return FiniteDifferences.arguments(
        Case.of("sin", "x")
            .primal(v -> MathFunctions.sin(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.sinGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(3 * Math.cos(3 * v[0])))
            .at(0.4).at(-2),
        Case.of("cos", "x")
            .primal(v -> MathFunctions.cos(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.cosGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(-Math.sin(v[0] * v[0]) * 2 * v[0]))
            .at(0.8).at(-1.5),
        Case.of("tan", "x")
            .primal(v -> MathFunctions.tan(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.tanGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(1 / (Math.cos(v[0]) * Math.cos(v[0]))))
            .at(0.3).at(-1.2).at(2),
        Case.of("asin", "x")
            .primal(v -> MathFunctions.asin(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.asinGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(1 / (2 * Math.sqrt(1 - v[0] * v[0] / 4))))
            .at(0.5).at(-1.8),
        Case.of("acos", "x")
            .primal(v -> MathFunctions.acos(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.acosGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(-1 / Math.sqrt(1 - v[0] * v[0])))
            .at(0.25).at(-0.9),
        Case.of("atan", "x")
            .primal(v -> MathFunctions.atan(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.atanGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(2 / (1 + 4 * v[0] * v[0])))
            .at(0.5).at(-3),
        Case.of("atan2", "y", "x")
            .primal(v -> MathFunctions.atan2(v[0], v[1]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.atan2Gradient(v[0], v[1]);
              return vec(g.value(), g.y(), g.x());
            })
            .exact(v -> {
              double y = v[0], x = v[1], r2 = x * x + y * y;
              return vec(x / r2, -y / r2);
            })
            .at(1, 1).at(-2, 0.5).at(0.5, -3),
        Case.of("sinh", "x")
            .primal(v -> MathFunctions.sinh(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.sinhGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(Math.cosh(v[0])))
            .at(0.5).at(-2),
        Case.of("cosh", "x")
            .primal(v -> MathFunctions.cosh(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.coshGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(Math.sinh(v[0])))
            .at(0.5).at(-2),
        Case.of("tanh", "x")
            .primal(v -> MathFunctions.tanh(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.tanhGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(1 - Math.tanh(v[0]) * Math.tanh(v[0])))
            .at(0.5).at(-1.5),
        Case.of("exp", "x")
            .primal(v -> MathFunctions.exp(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.expGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(-2 * v[0] * Math.exp(-v[0] * v[0])))
            .at(0.5).at(-1.25),
        Case.of("expm1", "x")
            .primal(v -> MathFunctions.expm1(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.expm1Gradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(Math.exp(v[0])))
            .at(1e-3).at(-2),
        Case.of("log", "x")
            .primal(v -> MathFunctions.log(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.logGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(1 / v[0]))
            .at(0.5).at(7),
        Case.of("log10", "x")
            .primal(v -> MathFunctions.log10(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.log10Gradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(1 / (v[0] * Math.log(10))))
            .at(0.5).at(250),
        Case.of("log1p", "x")
            .primal(v -> MathFunctions.log1p(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.log1pGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(1 / (1 + v[0])))
            .at(1e-4).at(-0.5).at(3),
        Case.of("sqrt", "x")
            .primal(v -> MathFunctions.sqrt(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.sqrtGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(0.5 / Math.sqrt(v[0])))
            .at(0.25).at(9),
        Case.of("cbrt", "x")
            .primal(v -> MathFunctions.cbrt(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.cbrtGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(1 / (3 * Math.cbrt(v[0]) * Math.cbrt(v[0]))))
            .at(8).at(-0.125).at(2),
        Case.of("pow", "x", "y")
            .primal(v -> MathFunctions.pow(v[0], v[1]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.powGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> {
              double x = v[0], y = v[1];
              return vec(y * Math.pow(x, y - 1), Math.pow(x, y) * Math.log(x));
            })
            .at(2, 3).at(0.5, -1.5).at(3, 0.5),
        Case.of("powConstantExponent", "x")
            .primal(v -> MathFunctions.powConstantExponent(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.powConstantExponentGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(3 * v[0] * v[0]))
            .at(1.5).at(-2),
        Case.of("powConstantBase", "y")
            .primal(v -> MathFunctions.powConstantBase(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.powConstantBaseGradient(v[0]);
              return vec(g.value(), g.y());
            })
            .exact(v -> vec(Math.pow(2, v[0]) * Math.log(2)))
            .at(3).at(-0.5),
        Case.of("hypot", "x", "y")
            .primal(v -> MathFunctions.hypot(v[0], v[1]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.hypotGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> {
              double h = Math.hypot(v[0], v[1]);
              return vec(v[0] / h, v[1] / h);
            })
            .at(3, 4).at(-1, 0.5),
        Case.of("abs", "x")
            .primal(v -> MathFunctions.abs(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.absGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(Math.signum(v[0])))
            .at(2.5).at(-0.5),
        Case.of("max", "x", "y")
            .primal(v -> MathFunctions.max(v[0], v[1]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.maxGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> v[0] > v[1] ? vec(1, 0) : vec(0, 1))
            .at(2, 1).at(-1, 3),
        Case.of("min", "x", "y")
            .primal(v -> MathFunctions.min(v[0], v[1]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.minGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> v[0] < v[1] ? vec(1, 0) : vec(0, 1))
            .at(2, 1).at(-1, 3),
        Case.of("relu", "x")
            .primal(v -> MathFunctions.relu(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.reluGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(v[0] > 0 ? 1 : 0))
            .at(1.5).at(-0.5),
        Case.of("floor", "x")
            .primal(v -> MathFunctions.floor(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.floorGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(Math.floor(v[0])))
            .at(2.5).at(-1.25),
        Case.of("ceil", "x")
            .primal(v -> MathFunctions.ceil(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.ceilGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(1))
            .at(2.5).at(-1.25),
        Case.of("rint", "x")
            .primal(v -> MathFunctions.rint(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.rintGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(Math.rint(v[0])))
            .at(2.25).at(-1.75),
        Case.of("signum", "x")
            .primal(v -> MathFunctions.signum(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.signumGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(1))
            .at(2.5).at(-0.5),
        Case.of("toRadians", "x")
            .primal(v -> MathFunctions.toRadians(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.toRadiansGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(2 * v[0] * Math.PI / 180))
            .at(3).at(-12),
        Case.of("toDegrees", "x")
            .primal(v -> MathFunctions.toDegrees(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.toDegreesGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(180 / Math.PI))
            .at(0.5).at(-2),
        Case.of("fma", "a", "b", "c")
            .primal(v -> MathFunctions.fma(v[0], v[1], v[2]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.fmaGradient(v[0], v[1], v[2]);
              return vec(g.value(), g.a(), g.b(), g.c());
            })
            .exact(v -> vec(v[1], v[0], 1))
            .at(2, 3, 4).at(-0.5, 1.5, -2),
        Case.of("copySign", "m", "s")
            .primal(v -> MathFunctions.copySign(v[0], v[1]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.copySignGradient(v[0], v[1]);
              return vec(g.value(), g.m(), g.s());
            })
            .exact(v -> vec(Math.signum(v[0]) * Math.signum(v[1]), 0))
            .at(2, 3).at(2, -3).at(-1.5, 0.5).at(-1.5, -0.5),
        Case.of("ieeeRemainder", "x", "y")
            .primal(v -> MathFunctions.ieeeRemainder(v[0], v[1]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.ieeeRemainderGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> vec(1, -Math.rint(v[0] / v[1])))
            .at(7.3, 2).at(-5.2, 1.5).at(1.1, 3),
        scalb(3).at(1.5).at(-0.75),
        scalb(-2).at(5),
        intOverloads(-3).at(1.5),
        intOverloads(5).at(-0.5),
        Case.of("composed", "x")
            .primal(v -> MathFunctions.composed(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.composedGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> {
              double x = v[0], s = Math.sin(x), r = Math.sqrt(1 + s * s);
              double e = Math.exp(Math.tanh(x)), th = Math.tanh(x);
              return vec(s * Math.cos(x) / r * e + r * e * (1 - th * th));
            })
            .at(0.7).at(-2.1),
        Case.of("neighbours", "x")
            .primal(v -> MathFunctions.neighbours(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.neighboursGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(3))
            .at(1.5).at(-3),
        Case.of("roundToLong", "x")
            .primal(v -> MathFunctions.roundToLong(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.roundToLongGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(Math.round(v[0])))
            .at(2.3).at(-1.7),
        Case.of("powZeroExponent", "x")
            .primal(v -> MathFunctions.powZeroExponent(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.powZeroExponentGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(1))
            .at(1.3).at(-2),
        Case.of("powSelf", "x")
            .primal(v -> MathFunctions.powSelf(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.powSelfGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(Math.pow(v[0], v[0]) * (Math.log(v[0]) + 1)))
            .at(1.3).at(0.2),
        Case.of("sameArgumentKinks", "x")
            .primal(v -> MathFunctions.sameArgumentKinks(v[0]))
            .generated(v -> {
              var g = MathFunctionsDerivatives.sameArgumentKinksGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(2 + Math.sqrt(2) * Math.signum(v[0])))
            .at(1.3).at(-0.7));
  }

  private static Case scalb(int n) {
    return Case.of("scalb[n=" + n + "]", "x")
        .primal(v -> MathFunctions.scalb(v[0], n))
        .generated(v -> {
          var g = MathFunctionsDerivatives.scalbGradient(v[0], n);
          return vec(g.value(), g.x());
        })
        .exact(v -> vec(Math.pow(2, n)));
  }

  private static Case intOverloads(int n) {
    return Case.of("intOverloads[n=" + n + "]", "x")
        .primal(v -> MathFunctions.intOverloads(v[0], n))
        .generated(v -> {
          var g = MathFunctionsDerivatives.intOverloadsGradient(v[0], n);
          return vec(g.value(), g.x());
        })
        .exact(v -> vec(Math.abs(n) + 2 * Math.max(n, 2) * v[0]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesAndExact(Case c, double[] point) {
    c.check(point);
  }

  // ---- Conventions at kinks: exact values, no tolerance. ----

  /**
   * tanh' = sech² keeps its relative accuracy where 1 − tanh² would be 0 (|x| beyond about 19)
   * or lose digits (|x| of a few units): compared with 1/cosh²(x) to a few ulps, not to an
   * absolute tolerance.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.0, 1e-9, 0.3, -0.8, 4, -7.5, 19.5, -25, 300})
  void tanhsDerivativeIsRelativelyAccurateForEveryArgument(double x) {
    double expected = 1 / (Math.cosh(x) * Math.cosh(x));
    double actual = MathFunctionsDerivatives.tanhGradient(x).x();
    if (Math.abs(actual - expected) > 1e-14 * expected) {
      throw new AssertionError("tanh'(" + x + ") = " + actual + ", sech² = " + expected);
    }
  }

  @Test
  void absHasDerivativeZeroAtZero() {
    assertExactly("d|x|/dx at 0", 0.0, MathFunctionsDerivatives.absGradient(0.0).x());
    assertExactly("d|x|/dx at -0.0", 0.0, MathFunctionsDerivatives.absGradient(-0.0).x());
  }

  @Test
  void maxAndMinSplitTheAdjointEvenlyAtATie() {
    var max = MathFunctionsDerivatives.maxGradient(1.5, 1.5);
    assertExactly("max value", 1.5, max.value());
    assertExactly("dmax/dx at a tie", 0.5, max.x());
    assertExactly("dmax/dy at a tie", 0.5, max.y());

    var min = MathFunctionsDerivatives.minGradient(-2, -2);
    assertExactly("min value", -2, min.value());
    assertExactly("dmin/dx at a tie", 0.5, min.x());
    assertExactly("dmin/dy at a tie", 0.5, min.y());

    // The split is of the adjoint: a seed of 3 gives 1.5 to each side.
    var seeded = new MathFunctionsDerivatives.MaxGradient();
    MathFunctionsDerivatives.maxPullback(0, 0, 3, seeded);
    assertExactly("seeded dmax/dx at a tie", 1.5, seeded.x());
    assertExactly("seeded dmax/dy at a tie", 1.5, seeded.y());
  }

  @Test
  void reluAtZeroIsATieOfMax() {
    // max(x, 0) at x = 0 is a tie, so x gets half the adjoint.
    var g = MathFunctionsDerivatives.reluGradient(0);
    assertExactly("relu value at 0", 0, g.value());
    assertExactly("drelu/dx at 0", 0.5, g.x());
  }

  @Test
  void floorCeilRintAndSignumHaveDerivativeZeroEvenWhereTheyJump() {
    // floor(x) = x floor(x): at the jump x = 2 the derivative is floor(2) + 2 * 0.
    assertExactly("d(x floor x)/dx at 2", 2, MathFunctionsDerivatives.floorGradient(2).x());
    assertExactly("d(x floor x)/dx at -1", -1, MathFunctionsDerivatives.floorGradient(-1).x());
    assertExactly("d(x + ceil x)/dx at 3", 1, MathFunctionsDerivatives.ceilGradient(3).x());
    // rint(2.5) = 2 (ties to even), so d(x rint x)/dx = 2 at the jump.
    assertExactly("d(x rint x)/dx at 2.5", 2, MathFunctionsDerivatives.rintGradient(2.5).x());
    assertExactly("d(signum x + x)/dx at 0", 1, MathFunctionsDerivatives.signumGradient(0).x());
    assertExactly("d(signum x + x)/dx at 2", 1, MathFunctionsDerivatives.signumGradient(2).x());
  }

  @Test
  void powAtZeroBaseHasNoNanInTheExponentDerivative() {
    var square = MathFunctionsDerivatives.powGradient(0, 2);
    assertExactly("0^2", 0, square.value());
    assertExactly("d(x^y)/dx at (0, 2)", 0, square.x());
    assertExactly("d(x^y)/dy at (0, 2)", 0, square.y());

    var identity = MathFunctionsDerivatives.powGradient(0, 1);
    assertExactly("d(x^y)/dx at (0, 1)", 1, identity.x());
    assertExactly("d(x^y)/dy at (0, 1)", 0, identity.y());

    var cube = MathFunctionsDerivatives.powGradient(0, 3);
    assertExactly("d(x^y)/dx at (0, 3)", 0, cube.x());
    assertExactly("d(x^y)/dy at (0, 3)", 0, cube.y());

    assertFalse(Double.isNaN(MathFunctionsDerivatives.powGradient(0, 2.5).y()),
        "d(x^y)/dy at (0, 2.5) must not be NaN");
  }

  @Test
  void powWithNegativeBaseHasZeroExponentDerivative() {
    // (-2)^3 = -8; d/dx = 3 (-2)^2 = 12; d/dy is 0 by convention for x <= 0 (ln x is undefined).
    var g = MathFunctionsDerivatives.powGradient(-2, 3);
    assertExactly("(-2)^3", -8, g.value());
    FiniteDifferences.assertClose("d(x^y)/dx at (-2, 3)", 12, g.x());
    assertExactly("d(x^y)/dy at (-2, 3)", 0, g.y());

    var constantExponent = MathFunctionsDerivatives.powConstantExponentGradient(-2);
    FiniteDifferences.assertClose("d(x^3)/dx at -2", 12, constantExponent.x());
  }

  @Test
  void hypotAndAtan2HaveZeroPartialsAtTheOrigin() {
    var hypot = MathFunctionsDerivatives.hypotGradient(0, 0);
    assertExactly("hypot(0, 0)", 0, hypot.value());
    assertExactly("dhypot/dx at the origin", 0, hypot.x());
    assertExactly("dhypot/dy at the origin", 0, hypot.y());

    var atan2 = MathFunctionsDerivatives.atan2Gradient(0, 0);
    assertExactly("atan2(0, 0)", 0, atan2.value());
    assertExactly("datan2/dy at the origin", 0, atan2.y());
    assertExactly("datan2/dx at the origin", 0, atan2.x());
  }

  /**
   * atan2 is scale-invariant and its partials scale as 1/r; hypot's partials do not depend on the
   * scale. Both must stay accurate where x² + y² underflows or overflows: only the origin itself
   * takes the zero convention.
   */
  @ParameterizedTest(name = "scale {0}")
  @ValueSource(doubles = {1e-170, 1e-160, 1, 1e160, 1e170})
  void atan2AndHypotPartialsAreAccurateAtEveryScale(double scale) {
    // At (y, x) = (3, 4)·scale: ∂/∂y = x/r² = 0.16/scale, ∂/∂x = −y/r² = −0.12/scale. Compare
    // the partials times the scale, so that the tolerance is relative at every scale.
    var g = MathFunctionsDerivatives.atan2Gradient(3 * scale, 4 * scale);
    FiniteDifferences.assertExactGradient("atan2 at (3, 4)·" + scale + ", partials times scale",
        vec(3 * scale, 4 * scale), vec(0.16, -0.12), vec(g.y() * scale, g.x() * scale),
        "y", "x");
    // hypot: ∂/∂x = x/h = 0.6 and ∂/∂y = y/h = 0.8 (here x = 3·scale, y = 4·scale) at any scale.
    var h = MathFunctionsDerivatives.hypotGradient(3 * scale, 4 * scale);
    FiniteDifferences.assertExactGradient("hypot at (3, 4)·" + scale,
        vec(3 * scale, 4 * scale), vec(0.6, 0.8), vec(h.x(), h.y()), "x", "y");
  }

  @Test
  void scalbAndToRadiansAreExactScalings() {
    assertExactly("d scalb(x, 3)/dx", 8, MathFunctionsDerivatives.scalbGradient(0.3, 3).x());
    FiniteDifferences.assertClose(
        "d toDegrees(x)/dx", 180 / Math.PI, MathFunctionsDerivatives.toDegreesGradient(1).x());
  }
}
