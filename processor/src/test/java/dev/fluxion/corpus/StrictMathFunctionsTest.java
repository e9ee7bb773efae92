package dev.fluxion.corpus;

import static dev.fluxion.testing.FiniteDifferences.assertExactly;
import static dev.fluxion.testing.FiniteDifferences.vec;

import dev.fluxion.corpus.scalar.StrictMathFunctions;
import dev.fluxion.corpus.scalar.StrictMathFunctionsDerivatives;
import dev.fluxion.testing.FiniteDifferences;
import dev.fluxion.testing.FiniteDifferences.Case;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StrictMathFunctionsTest {

  private static final double LN10 = Math.log(10);

  static Stream<Arguments> cases() {
    return FiniteDifferences.arguments(
        Case.of("trig", "x")
            .primal(v -> StrictMathFunctions.trig(v[0]))
            .generated(v -> {
              var g = StrictMathFunctionsDerivatives.trigGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> {
              double x = v[0], c = Math.cos(x / 2);
              return vec(Math.cos(x) - 2 * Math.sin(2 * x) + 0.5 / (c * c));
            })
            .at(0.6).at(-1.9),
        Case.of("inverseTrig", "x", "y")
            .primal(v -> StrictMathFunctions.inverseTrig(v[0], v[1]))
            .generated(v -> {
              var g = StrictMathFunctionsDerivatives.inverseTrigGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> {
              double x = v[0], y = v[1], r2 = x * x + y * y, q = 1 + x * x * y * y;
              return vec(
                  1 / Math.sqrt(1 - x * x) + y / q - y / r2,
                  -1 / Math.sqrt(1 - y * y) + x / q + x / r2);
            })
            .at(0.3, 0.6).at(-0.8, 0.25).at(0.5, -0.5),
        Case.of("hyperbolic", "x")
            .primal(v -> StrictMathFunctions.hyperbolic(v[0]))
            .generated(v -> {
              var g = StrictMathFunctionsDerivatives.hyperbolicGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> {
              double x = v[0], t = Math.tanh(x);
              return vec(Math.cosh(x) + 2 * Math.sinh(2 * x) + 1 - t * t);
            })
            .at(0.4).at(-1.1),
        Case.of("expLog", "x")
            .primal(v -> StrictMathFunctions.expLog(v[0]))
            .generated(v -> {
              var g = StrictMathFunctionsDerivatives.expLogGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> {
              double x = v[0];
              return vec(Math.exp(x) + 2 * Math.exp(2 * x) + 1 / x + 1 / (x * LN10) + 1 / (1 + x));
            })
            .at(0.5).at(2),
        Case.of("roots", "x", "y")
            .primal(v -> StrictMathFunctions.roots(v[0], v[1]))
            .generated(v -> {
              var g = StrictMathFunctionsDerivatives.rootsGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> {
              double x = v[0], y = v[1], h = Math.hypot(x, y), c = Math.cbrt(y);
              return vec(
                  0.5 / Math.sqrt(x) + y * Math.pow(x, y - 1) + x / h,
                  1 / (3 * c * c) + Math.pow(x, y) * Math.log(x) + y / h);
            })
            .at(2, 3).at(0.5, -1.5),
        Case.of("piecewise", "x", "y")
            .primal(v -> StrictMathFunctions.piecewise(v[0], v[1]))
            .generated(v -> {
              var g = StrictMathFunctionsDerivatives.piecewiseGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> {
              double x = v[0], y = v[1];
              double dx = Math.signum(x) + (x > y ? 1 : 0) + (x < 2 * y ? 1 : 0);
              double dy = (y > x ? 1 : 0) + (2 * y < x ? 2 : 0);
              return vec(dx, dy);
            })
            .at(1.3, 0.3).at(-0.7, 0.6).at(0.4, 1.7),
        Case.of("misc", "x", "y", "z")
            .primal(v -> StrictMathFunctions.misc(v[0], v[1], v[2]))
            .generated(v -> {
              var g = StrictMathFunctionsDerivatives.miscGradient(v[0], v[1], v[2]);
              return vec(g.value(), g.x(), g.y(), g.z());
            })
            .exact(v -> {
              double x = v[0], y = v[1], z = v[2];
              return vec(
                  Math.PI / 180 + y + Math.signum(x) * Math.signum(y) + 1,
                  180 / Math.PI + x + 8,
                  1 - Math.rint(x / z));
            })
            .at(1.3, 0.7, 0.5).at(-2.2, -1.1, 0.9));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesAndExact(Case c, double[] point) {
    c.check(point);
  }

  @Test
  void strictMathFollowsTheSameConventionsAtKinks() {
    // At (0, 0): abs'(0) = 0, max(x, y) and min(x, 2y) tie (half each, the y half doubled by the
    // chain rule), floor/ceil/rint/signum give 0.
    var origin = StrictMathFunctionsDerivatives.piecewiseGradient(0, 0);
    assertExactly("value at (0, 0)", 0, origin.value());
    assertExactly("d/dx at (0, 0)", 1.0, origin.x());
    assertExactly("d/dy at (0, 0)", 1.5, origin.y());

    // At (2, 1): min(2, 2) ties; floor(2) and ceil(1) sit on their jumps.
    var jumps = StrictMathFunctionsDerivatives.piecewiseGradient(2, 1);
    assertExactly("d/dx at (2, 1)", 1 + 1 + 0.5, jumps.x());
    assertExactly("d/dy at (2, 1)", 1.0, jumps.y());
  }
}
