package dev.fluxion.corpus;

import static dev.fluxion.testing.FiniteDifferences.assertClose;
import static dev.fluxion.testing.FiniteDifferences.vec;

import dev.fluxion.corpus.scalar.Seed002Exercises;
import dev.fluxion.corpus.scalar.Seed002ExercisesDerivatives;
import dev.fluxion.testing.FiniteDifferences;
import dev.fluxion.testing.FiniteDifferences.Case;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Seed 002, tasks 1 and 2: the derivatives in x and in the coefficients. */
class Seed002ExercisesTest {

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  static Stream<Arguments> cases() {
    return FiniteDifferences.arguments(
        Case.of("cubic", "x", "a", "b", "c", "d")
            .primal(v -> Seed002Exercises.cubic(v[0], v[1], v[2], v[3], v[4]))
            .generated(v -> {
              var g = Seed002ExercisesDerivatives.cubicGradient(v[0], v[1], v[2], v[3], v[4]);
              return vec(g.value(), g.x(), g.a(), g.b(), g.c(), g.d());
            })
            .exact(v -> {
              double x = v[0], a = v[1], b = v[2], c = v[3];
              return vec(3 * a * x * x + 2 * b * x + c, x * x * x, x * x, x, 1);
            })
            .at(1.5, 2, -3, 0.5, 7).at(-2, 1, 1, 1, 1),
        Case.of("dampedSine", "x")
            .primal(v -> Seed002Exercises.dampedSine(v[0]))
            .generated(v -> {
              var g = Seed002ExercisesDerivatives.dampedSineGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> {
              double x = v[0];
              return vec(Math.exp(-0.5 * x) * (2 * Math.cos(2 * x) - 0.5 * Math.sin(2 * x)));
            })
            .at(0.3).at(2).at(-1.1),
        Case.of("sextic", "x", "a", "b", "d")
            .primal(v -> Seed002Exercises.sextic(v[0], v[1], v[2], v[3]))
            .generated(v -> {
              var g = Seed002ExercisesDerivatives.sexticGradient(v[0], v[1], v[2], v[3]);
              return vec(g.value(), g.x(), g.a(), g.b(), g.d());
            })
            .exact(v -> {
              double x = v[0], a = v[1], b = v[2], d = v[3];
              return vec(
                  6 * a * Math.pow(x, 5) + 4 * b * Math.pow(x, 3) + d / x,
                  Math.pow(x, 6), Math.pow(x, 4), Math.log(x));
            })
            .at(1.2, 0.5, -2, 3).at(0.4, -1, 1.5, 0.25),
        Case.of("dampedCosine", "x")
            .primal(v -> Seed002Exercises.dampedCosine(v[0]))
            .generated(v -> {
              var g = Seed002ExercisesDerivatives.dampedCosineGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> {
              double x = v[0];
              return vec(-Math.exp(-x) * (Math.cos(2 * x) + 2 * Math.sin(2 * x)));
            })
            .at(0.3).at(2).at(-1.1),
        Case.of("cubicInX[a=2, b=-3, c=0.5, d=7]", "x")
            .primal(v -> Seed002Exercises.cubicInX(v[0], 2, -3, 0.5, 7))
            .generated(v -> {
              var g = Seed002ExercisesDerivatives.cubicInXGradient(v[0], 2, -3, 0.5, 7);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(6 * v[0] * v[0] - 6 * v[0] + 0.5))
            .at(1.5).at(-0.25),
        Case.of("neuron", "w1", "w2", "w3", "b")
            .primal(v -> Seed002Exercises.neuron(v[0], v[1], v[2], v[3]))
            .generated(v -> {
              var g = Seed002ExercisesDerivatives.neuronGradient(v[0], v[1], v[2], v[3]);
              return vec(g.value(), g.w1(), g.w2(), g.w3(), g.b());
            })
            .exact(v -> {
              double z = v[0] * 0.5 + v[1] * -1.25 + v[2] * 2.0 + v[3];
              double s = sigmoid(z) * (1 - sigmoid(z));
              return vec(0.5 * s, -1.25 * s, 2.0 * s, s);
            })
            .at(0.1, -0.2, 0.3, 0.05).at(1, 1, -1, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesAndExact(Case c, double[] point) {
    c.check(point);
  }

  @Test
  void workedValues() {
    // a = b = c = d = 1, x = 1: f' = 3 + 2 + 1.
    var cubic = Seed002ExercisesDerivatives.cubicGradient(1, 1, 1, 1, 1);
    assertClose("cubic value", 4, cubic.value());
    assertClose("cubic d/dx", 6, cubic.x());
    // At 0: (e^(-0.5x) sin 2x)' = 2, (e^(-x) cos(-2x))' = -1.
    assertClose("dampedSine d/dx at 0", 2, Seed002ExercisesDerivatives.dampedSineGradient(0).x());
    assertClose("dampedCosine d/dx at 0", -1,
        Seed002ExercisesDerivatives.dampedCosineGradient(0).x());
    // a = b = d = 1, x = 1: f' = 6 + 4 + 1; d/dd = ln 1 = 0.
    var sextic = Seed002ExercisesDerivatives.sexticGradient(1, 1, 1, 1);
    assertClose("sextic d/dx at 1", 11, sextic.x());
    assertClose("sextic d/dd at 1", 0, sextic.d());
  }
}
