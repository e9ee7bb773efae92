package dev.fluxion.corpus;

import static dev.fluxion.testing.FiniteDifferences.assertExactly;
import static dev.fluxion.testing.FiniteDifferences.vec;

import dev.fluxion.corpus.scalar.Seed003Descent;
import dev.fluxion.corpus.scalar.Seed003DescentDerivatives;
import dev.fluxion.testing.FiniteDifferences;
import dev.fluxion.testing.FiniteDifferences.Case;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Seed 003: f = (x1 − 6)² + x2² − x1 x2 and its gradient (2(x1 − 6) − x2, 2 x2 − x1). */
class Seed003DescentTest {

  static Stream<Arguments> cases() {
    return FiniteDifferences.arguments(
        Case.of("f", "x1", "x2")
            .primal(v -> Seed003Descent.f(v[0], v[1]))
            .generated(v -> {
              var g = Seed003DescentDerivatives.fGradient(v[0], v[1]);
              return vec(g.value(), g.x1(), g.x2());
            })
            .exact(v -> vec(2 * (v[0] - 6) - v[1], 2 * v[1] - v[0]))
            .at(6, 6).at(9, 3).at(8, 4).at(-1.5, 2.25),
        Case.of("fWithPow", "x1", "x2")
            .primal(v -> Seed003Descent.fWithPow(v[0], v[1]))
            .generated(v -> {
              var g = Seed003DescentDerivatives.fWithPowGradient(v[0], v[1]);
              return vec(g.value(), g.x1(), g.x2());
            })
            .exact(v -> vec(2 * (v[0] - 6) - v[1], 2 * v[1] - v[0]))
            .at(6, 6).at(9, 3).at(8, 4).at(-1.5, 2.25));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesAndExact(Case c, double[] point) {
    c.check(point);
  }

  @ParameterizedTest(name = "grad f({0}, {1}) = ({2}, {3})")
  @CsvSource({"6, 6, -6, 6", "9, 3, 3, -3", "8, 4, 0, 0"})
  void gradientsOfThePenAndPaperTask(double x1, double x2, double g1, double g2) {
    var g = Seed003DescentDerivatives.fGradient(x1, x2);
    assertExactly("df/dx1", g1, g.x1());
    assertExactly("df/dx2", g2, g.x2());
    var p = Seed003DescentDerivatives.fWithPowGradient(x1, x2);
    assertExactly("df/dx1 (pow form)", g1, p.x1());
    assertExactly("df/dx2 (pow form)", g2, p.x2());
  }

  @Test
  void gradientDescentReachesTheMinimumInTwoSteps() {
    // x^(k+1) = x^k − α_k ∇f(x^k) with α = 1/2, 1/3, 1/4 from (6, 6): (9, 3), (8, 4), (8, 4).
    double[] x = {6, 6};
    double[] steps = {1.0 / 2, 1.0 / 3, 1.0 / 4};
    double[][] expected = {{9, 3}, {8, 4}, {8, 4}};
    var g = new Seed003DescentDerivatives.FGradient();
    for (int k = 0; k < steps.length; k++) {
      Seed003DescentDerivatives.fGradient(x[0], x[1], g);
      x = vec(x[0] - steps[k] * g.x1(), x[1] - steps[k] * g.x2());
      FiniteDifferences.assertClose("x1 after step " + (k + 1), expected[k][0], x[0]);
      FiniteDifferences.assertClose("x2 after step " + (k + 1), expected[k][1], x[1]);
    }
    assertExactly("f at the minimum (8, 4)", -12, g.value());
  }
}
