package dev.fluxion.corpus;

import static dev.fluxion.testing.FiniteDifferences.assertClose;
import static dev.fluxion.testing.FiniteDifferences.assertExactly;
import static dev.fluxion.testing.FiniteDifferences.vec;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.fluxion.corpus.scalar.Constants;
import dev.fluxion.corpus.scalar.ConstantsDerivatives;
import dev.fluxion.testing.FiniteDifferences;
import dev.fluxion.testing.FiniteDifferences.Case;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConstantsTest {

  private static final Constants CUBIC = new Constants(1.5, -0.5, 3);
  private static final Constants LINEAR = new Constants(-2.0, 4.0, 1);

  static Stream<Arguments> cases() {
    return FiniteDifferences.arguments(
        Case.of("scaled", "x")
            .primal(v -> Constants.scaled(v[0]))
            .generated(v -> {
              var g = ConstantsDerivatives.scaledGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(2.5))
            .at(1).at(-3),
        Case.of("mathConstants", "x")
            .primal(v -> Constants.mathConstants(v[0]))
            .generated(v -> {
              var g = ConstantsDerivatives.mathConstantsGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(2 * Math.PI * v[0] + Math.E))
            .at(0.5).at(-2),
        Case.of("qualifiedConstants", "x")
            .primal(v -> Constants.qualifiedConstants(v[0]))
            .generated(v -> {
              var g = ConstantsDerivatives.qualifiedConstantsGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(
                2 * Math.PI * Math.cos(2 * Math.PI * v[0]) + 3 * v[0] * v[0] / 10_000_000_000L))
            .at(0.1).at(-0.35),
        affine(CUBIC).at(2).at(-1),
        affine(LINEAR).at(0.5),
        weighted(CUBIC).at(1, 2).at(-0.5, 3),
        weighted(LINEAR).at(2, -1),
        fieldInBranch(CUBIC).at(1.5).at(-0.5),
        fieldInBranch(LINEAR).at(1.5),
        shadowedField(CUBIC).at(0.75),
        shadowedField(LINEAR).at(-3),
        fieldsAndConstants(CUBIC).at(1).at(-2),
        fieldsAndConstants(LINEAR).at(0.25));
  }

  private static String describe(Constants m) {
    return "[weight=" + m.weight() + "]";
  }

  private static Case affine(Constants m) {
    return Case.of("affine" + describe(m), "x")
        .primal(v -> m.affine(v[0]))
        .generated(v -> {
          var g = ConstantsDerivatives.affineGradient(m, v[0]);
          return vec(g.value(), g.x());
        })
        .exact(v -> vec(m.weight()));
  }

  private static Case weighted(Constants m) {
    return Case.of("weighted" + describe(m), "x", "y")
        .primal(v -> m.weighted(v[0], v[1]))
        .generated(v -> {
          var g = ConstantsDerivatives.weightedGradient(m, v[0], v[1]);
          return vec(g.value(), g.x(), g.y());
        })
        .exact(v -> vec(m.weight() * v[1], m.weight() * v[0] + 2 * m.bias() * v[1]));
  }

  private static Case fieldInBranch(Constants m) {
    return Case.of("fieldInBranch" + describe(m), "x")
        .primal(v -> m.fieldInBranch(v[0]))
        .generated(v -> {
          var g = ConstantsDerivatives.fieldInBranchGradient(m, v[0]);
          return vec(g.value(), g.x());
        })
        .exact(v -> vec(m.degree() > 2
            ? m.degree() * Math.pow(v[0], m.degree() - 1)
            : m.weight()));
  }

  private static Case shadowedField(Constants m) {
    return Case.of("shadowedField" + describe(m), "x")
        .primal(v -> m.shadowedField(v[0]))
        .generated(v -> {
          var g = ConstantsDerivatives.shadowedFieldGradient(m, v[0]);
          return vec(g.value(), g.x());
        })
        .exact(v -> vec(2 * m.weight()));
  }

  private static Case fieldsAndConstants(Constants m) {
    return Case.of("fieldsAndConstants" + describe(m), "x")
        .primal(v -> m.fieldsAndConstants(v[0]))
        .generated(v -> {
          var g = ConstantsDerivatives.fieldsAndConstantsGradient(m, v[0]);
          return vec(g.value(), g.x());
        })
        .exact(v -> vec(2 * (m.weight() * v[0] + 2.5) * m.weight()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesAndExact(Case c, double[] point) {
    c.check(point);
  }

  @Test
  void instanceMethodInAllThreeForms() {
    // weighted = weight x y + bias y², with weight 1.5 and bias -0.5: at (1, 2) the value is
    // 3 - 2 = 1 and the gradient (weight y, weight x + 2 bias y) = (3, -0.5).
    var g = ConstantsDerivatives.weightedGradient(CUBIC, 1, 2);
    assertExactly("value", 1.0, g.value());
    assertClose("x", 3.0, g.x());
    assertClose("y", -0.5, g.y());

    var holder = new ConstantsDerivatives.WeightedGradient();
    assertSame(holder, ConstantsDerivatives.weightedGradient(CUBIC, 1, 2, holder));
    // Another receiver and point into the same holder: overwritten. LINEAR: weight -2, bias 4;
    // at (2, -1): value 4 + 4 = 8, gradient (2, -4 - 8) = (2, -12).
    ConstantsDerivatives.weightedGradient(LINEAR, 2, -1, holder);
    assertExactly("value", 8.0, holder.value());
    assertClose("x", 2.0, holder.x());
    assertClose("y", -12.0, holder.y());

    var acc = new ConstantsDerivatives.WeightedGradient();
    ConstantsDerivatives.weightedPullback(CUBIC, 1, 2, 0.5, acc);
    ConstantsDerivatives.weightedPullback(CUBIC, 1, 2, 0.5, acc);
    assertExactly("value", 1.0, acc.value());
    assertClose("x after two pullbacks with seed 0.5", 3.0, acc.x());
    assertClose("y after two pullbacks with seed 0.5", -0.5, acc.y());
  }
}
