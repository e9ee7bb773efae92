package dev.fluxion.corpus;

import static dev.fluxion.testing.FiniteDifferences.assertClose;
import static dev.fluxion.testing.FiniteDifferences.assertExactly;
import static dev.fluxion.testing.FiniteDifferences.vec;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.fluxion.corpus.scalar.Arithmetic;
import dev.fluxion.corpus.scalar.ArithmeticDerivatives;
import dev.fluxion.testing.FiniteDifferences;
import dev.fluxion.testing.FiniteDifferences.Case;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArithmeticTest {

  static Stream<Arguments> cases() {
    return FiniteDifferences.arguments(
        Case.of("polynomial", "x")
            .primal(v -> Arithmetic.polynomial(v[0]))
            .generated(v -> {
              var g = ArithmeticDerivatives.polynomialGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(6 * v[0] - 2))
            .at(1.5).at(-2).at(0),
        Case.of("quotient", "x", "y")
            .primal(v -> Arithmetic.quotient(v[0], v[1]))
            .generated(v -> {
              var g = ArithmeticDerivatives.quotientGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> {
              double d = v[1] * v[1] + 1;
              return vec(1 / d, -(v[0] + 1) * 2 * v[1] / (d * d));
            })
            .at(1, 2).at(-0.5, 0.3).at(4, -3),
        Case.of("unaryMinus", "x", "y")
            .primal(v -> Arithmetic.unaryMinus(v[0], v[1]))
            .generated(v -> {
              var g = ArithmeticDerivatives.unaryMinusGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> vec(v[1] - 1, v[0] + 1))
            .at(2, 3).at(-1.5, 0.25),
        Case.of("literals", "x")
            .primal(v -> Arithmetic.literals(v[0]))
            .generated(v -> {
              var g = ArithmeticDerivatives.literalsGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(10.75 + 2e-3 * v[0]))
            .at(2).at(-7.5),
        Case.of("integerDivision", "x")
            .primal(v -> Arithmetic.integerDivision(v[0]))
            .generated(v -> {
              var g = ArithmeticDerivatives.integerDivisionGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(6.5))
            .at(1).at(-3.25),
        Case.of("intCasts[n=5]", "x")
            .primal(v -> Arithmetic.intCasts(v[0], 5))
            .generated(v -> {
              var g = ArithmeticDerivatives.intCastsGradient(v[0], 5);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(5 + 2))
            .at(0.5).at(-4),
        Case.of("intCasts[n=-3]", "x")
            .primal(v -> Arithmetic.intCasts(v[0], -3))
            .generated(v -> {
              var g = ArithmeticDerivatives.intCastsGradient(v[0], -3);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(-3 + -1))
            .at(2),
        Case.of("truncation", "x")
            .primal(v -> Arithmetic.truncation(v[0]))
            .generated(v -> {
              var g = ArithmeticDerivatives.truncationGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec((int) v[0]))
            .at(2.3).at(-1.7).at(0.2),
        Case.of("mixedTypes[i=3, l=2]", "x")
            .primal(v -> Arithmetic.mixedTypes(v[0], 3, 2L))
            .generated(v -> {
              var g = ArithmeticDerivatives.mixedTypesGradient(v[0], 3, 2L);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(3 + 4 * v[0]))
            .at(1.25).at(-0.5),
        Case.of("nestedParentheses", "x", "y", "z")
            .primal(v -> Arithmetic.nestedParentheses(v[0], v[1], v[2]))
            .generated(v -> {
              var g = ArithmeticDerivatives.nestedParenthesesGradient(v[0], v[1], v[2]);
              return vec(g.value(), g.x(), g.y(), g.z());
            })
            .exact(v -> {
              double x = v[0], y = v[1], z = v[2];
              double n = (x + y) * (x - z);
              double d = (y + 2) * (z + 3);
              return vec(
                  (2 * x + y - z) / d,
                  ((x - z) * d - n * (z + 3)) / (d * d),
                  (-(x + y) * d - n * (y + 2)) / (d * d));
            })
            .at(1, 2, 3).at(-0.5, 0.75, -1.25),
        Case.of("sameVariableTwice", "x")
            .primal(v -> Arithmetic.sameVariableTwice(v[0]))
            .generated(v -> {
              var g = ArithmeticDerivatives.sameVariableTwiceGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(2 * v[0]))
            .at(1.5).at(-2.5),
        Case.of("wrtSubset[x=1.5]", "y")
            .primal(v -> Arithmetic.wrtSubset(1.5, v[0]))
            .generated(v -> {
              var g = ArithmeticDerivatives.wrtSubsetGradient(1.5, v[0]);
              return vec(g.value(), g.y());
            })
            .exact(v -> vec(1.5 * 1.5 + Math.cos(v[0])))
            .at(0.5).at(-2),
        Case.of("multiplyByZero", "x", "y")
            .primal(v -> Arithmetic.multiplyByZero(v[0], v[1]))
            .generated(v -> {
              var g = ArithmeticDerivatives.multiplyByZeroGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> vec(0, 1))
            .at(3, -4),
        Case.of("remainder", "x", "y")
            .primal(v -> Arithmetic.remainder(v[0], v[1]))
            .generated(v -> {
              var g = ArithmeticDerivatives.remainderGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            // trunc(x / y): (long) rounds toward zero, like the remainder does.
            .exact(v -> vec(1.5, -(double) (long) (v[0] / v[1])))
            .at(7.5, 2).at(-7.5, 2).at(5.25, -1.5).at(0.3, 4),
        Case.of("unaryPlus", "x")
            .primal(v -> Arithmetic.unaryPlus(v[0]))
            .generated(v -> {
              var g = ArithmeticDerivatives.unaryPlusGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(2 * v[0]))
            .at(1.5).at(-0.5),
        Case.of("negativeZero", "x")
            .primal(v -> Arithmetic.negativeZero(v[0]))
            .generated(v -> {
              var g = ArithmeticDerivatives.negativeZeroGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(1))
            .at(2.5),
        Case.of("divideByInt[n=3]", "x")
            .primal(v -> Arithmetic.divideByInt(v[0], 3))
            .generated(v -> {
              var g = ArithmeticDerivatives.divideByIntGradient(v[0], 3);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(1.0 / 3 - 3 / (v[0] * v[0])))
            .at(1.3).at(-0.4),
        Case.of("longArithmetic[big=3]", "x")
            .primal(v -> Arithmetic.longArithmetic(v[0], 3L))
            .generated(v -> {
              var g = ArithmeticDerivatives.longArithmeticGradient(v[0], 3L);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(7.0 / 3))
            .at(1.3),
        Case.of("finalLocals", "x")
            .primal(v -> Arithmetic.finalLocals(v[0]))
            .generated(v -> {
              var g = ArithmeticDerivatives.finalLocalsGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(6))
            .at(-1.25));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesAndExact(Case c, double[] point) {
    c.check(point);
  }

  @Test
  void convenienceFormReturnsValueAndPartials() {
    var g = ArithmeticDerivatives.quotientGradient(1, 2);
    assertExactly("value", 0.4, g.value());
    assertClose("x", 0.2, g.x());
    assertClose("y", -0.32, g.y());
  }

  @Test
  void intoFormOverwritesTheHolder() {
    var holder = new ArithmeticDerivatives.QuotientGradient();
    var first = ArithmeticDerivatives.quotientGradient(1, 2, holder);
    assertSame(holder, first);
    assertExactly("value", 0.4, holder.value());
    assertClose("x", 0.2, holder.x());
    assertClose("y", -0.32, holder.y());

    // A second call at another point replaces everything; nothing is accumulated.
    var second = ArithmeticDerivatives.quotientGradient(3, -1, holder);
    assertSame(holder, second);
    assertExactly("value", 2.0, holder.value());
    assertClose("x", 0.5, holder.x());
    assertClose("y", 2.0, holder.y());

    // And the same point again gives the same numbers again.
    ArithmeticDerivatives.quotientGradient(3, -1, holder);
    assertExactly("value", 2.0, holder.value());
    assertClose("x", 0.5, holder.x());
    assertClose("y", 2.0, holder.y());
  }

  @Test
  void pullbackAccumulatesPartialsAndOverwritesValue() {
    var holder = new ArithmeticDerivatives.QuotientGradient();
    ArithmeticDerivatives.quotientPullback(1, 2, 3.0, holder);
    assertExactly("value", 0.4, holder.value());
    assertClose("x after one pullback", 3 * 0.2, holder.x());
    assertClose("y after one pullback", 3 * -0.32, holder.y());

    ArithmeticDerivatives.quotientPullback(1, 2, 3.0, holder);
    assertExactly("value", 0.4, holder.value());
    assertClose("x after two pullbacks", 2 * 3 * 0.2, holder.x());
    assertClose("y after two pullbacks", 2 * 3 * -0.32, holder.y());

    // At another point with another seed: the value is that point's, the partials add up.
    ArithmeticDerivatives.quotientPullback(3, -1, -0.5, holder);
    assertExactly("value", 2.0, holder.value());
    assertClose("x after three pullbacks", 1.2 - 0.25, holder.x());
    assertClose("y after three pullbacks", -1.92 - 1.0, holder.y());
  }

  @Test
  void pullbackAddsToWhatTheIntoFormLeft() {
    var holder = ArithmeticDerivatives.quotientGradient(1, 2);
    ArithmeticDerivatives.quotientPullback(1, 2, 1.0, holder);
    assertClose("x", 0.4, holder.x());
    assertClose("y", -0.64, holder.y());
  }

  @Test
  void wrtSubsetHolderHasOnlyTheNamedPartial() {
    var g = ArithmeticDerivatives.wrtSubsetGradient(2, 0);
    // Only y() exists on the holder; x is a constant here.
    assertExactly("value", 0.0, g.value());
    assertClose("y", 4 + 1, g.y());
  }
}
