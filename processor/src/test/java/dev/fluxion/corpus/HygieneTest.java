package dev.fluxion.corpus;

import static dev.fluxion.testing.FiniteDifferences.assertExactly;
import static dev.fluxion.testing.FiniteDifferences.vec;

import dev.fluxion.corpus.scalar.Hygiene;
import dev.fluxion.corpus.scalar.HygieneDerivatives;
import dev.fluxion.testing.FiniteDifferences;
import dev.fluxion.testing.FiniteDifferences.Case;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** User names that collide with what a generator might use must not change any number. */
class HygieneTest {

  private static final Hygiene HALF = new Hygiene(0.5);

  static Stream<Arguments> cases() {
    return FiniteDifferences.arguments(
        Case.of("generatedNames", "x", "xBar")
            .primal(v -> Hygiene.generatedNames(v[0], v[1]))
            .generated(v -> {
              var g = HygieneDerivatives.generatedNamesGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.xBar());
            })
            .exact(v -> {
              double x = v[0], b = v[1];
              double t3 = 4 * x * x + x * b - 2 * x;
              double q = 1 + b * b;
              return vec(
                  2 * t3 * (8 * x + b - 2) / q,
                  2 * t3 * x / q - t3 * t3 * 2 * b / (q * q));
            })
            .at(1.5, 0.5).at(-0.75, 2),
        Case.of("parameterNames", "seed", "into", "tape")
            .primal(v -> Hygiene.parameterNames(v[0], v[1], v[2]))
            .generated(v -> {
              var g = HygieneDerivatives.parameterNamesGradient(v[0], v[1], v[2]);
              return vec(g.value(), g.seed(), g.into(), g.tape());
            })
            .exact(v -> vec(v[1], v[0], 2 * v[2]))
            .at(2, 3, 4).at(-0.5, 1.5, -2.5),
        Case.of("adjointNames", "a", "aBar")
            .primal(v -> Hygiene.adjointNames(v[0], v[1]))
            .generated(v -> {
              var g = HygieneDerivatives.adjointNamesGradient(v[0], v[1]);
              return vec(g.value(), g.a(), g.aBar());
            })
            .exact(v -> {
              double a = v[0], b = v[1];
              return vec((6 * a + b) * (b + 1), a * (b + 1) + 3 * a * a + a * b);
            })
            .at(1.5, 0.5).at(-2, 3),
        Case.of("instanceSelf[factor=0.5]", "self", "other")
            .primal(v -> HALF.instanceSelf(v[0], v[1]))
            .generated(v -> {
              var g = HygieneDerivatives.instanceSelfGradient(HALF, v[0], v[1]);
              return vec(g.value(), g.self(), g.other());
            })
            .exact(v -> vec(0.5 * v[1], 0.5 * v[0]))
            .at(3, -4),
        Case.of("obscuringNames", "x")
            .primal(v -> Hygiene.obscuringNames(v[0]))
            .generated(v -> {
              var g = HygieneDerivatives.obscuringNamesGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(24 * v[0]))
            .at(0.75).at(-2),
        Case.of("named", "x")
            .primal(v -> Hygiene.named(v[0]))
            .generated(v -> {
              var g = HygieneDerivatives.namedGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(4 * v[0] + 2))
            .at(1.25).at(-3),
        Case.of("overwriteParameters", "x", "y", "z")
            .primal(v -> Hygiene.overwriteParameters(v[0], v[1], v[2]))
            .generated(v -> {
              var g = HygieneDerivatives.overwriteParametersGradient(v[0], v[1], v[2]);
              return vec(g.value(), g.x(), g.y(), g.z());
            })
            .exact(v -> {
              // P = xy, S = sin P + y, Y = S P, f = (Y - P) Y + P = Y² - P Y + P.
              double x = v[0], y = v[1];
              double p = x * y, s = Math.sin(p) + y, yy = s * p;
              double dfdY = 2 * yy - p;
              double dfdP = 1 - yy;
              double dYdx = s * y + p * Math.cos(p) * y;
              double dYdy = s * x + p * (Math.cos(p) * x + 1);
              return vec(dfdY * dYdx + dfdP * y, dfdY * dYdy + dfdP * x, 0);
            })
            .at(0.7, 1.3, 5).at(-1.1, 0.4, -2),
        Case.of("manyReturns", "x", "y")
            .primal(v -> Hygiene.manyReturns(v[0], v[1]))
            .generated(v -> {
              var g = HygieneDerivatives.manyReturnsGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> {
              double x = v[0], y = v[1];
              if (x < -1) {
                return vec(-1, 0);
              }
              if (x < 0) {
                return y < 0 ? vec(y, x) : vec(1, 1);
              }
              double s = x + y;
              return s > 10 ? vec(2 * s, 2 * s) : vec(2 * x + y, x);
            })
            .at(-2, 5).at(-0.5, -3).at(-0.5, 2).at(4, 8).at(1.5, 2),
        Case.of("mathNamedParameters", "sin", "cos")
            .primal(v -> Hygiene.mathNamedParameters(v[0], v[1]))
            .generated(v -> {
              var g = HygieneDerivatives.mathNamedParametersGradient(v[0], v[1]);
              return vec(g.value(), g.sin(), g.cos());
            })
            .exact(v -> vec(
                Math.cos(v[0]) * Math.cos(v[1]), -Math.sin(v[0]) * Math.sin(v[1])))
            .at(0.4, 0.9),
        Case.of("parameterShadowsField[factor=0.5]", "factor")
            .primal(v -> HALF.parameterShadowsField(v[0]))
            .generated(v -> {
              var g = HygieneDerivatives.parameterShadowsFieldGradient(HALF, v[0]);
              return vec(g.value(), g.factor());
            })
            .exact(v -> vec(0.5))
            .at(3),
        Case.of("instanceLocals[factor=0.5]", "x")
            .primal(v -> HALF.instanceLocals(v[0]))
            .generated(v -> {
              var g = HygieneDerivatives.instanceLocalsGradient(HALF, v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(4 * 0.5 * 0.5 * v[0]))
            .at(1.3).at(-2),
        Case.of("companionLocal", "x", "y")
            .primal(v -> Hygiene.companionLocal(v[0], v[1]))
            .generated(v -> {
              var g = HygieneDerivatives.companionLocalGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> {
              // P = xy, R = named(P) = 2P² + 2P, RB = R + x, S = RB y − x, f = S² + RB.
              double x = v[0], y = v[1], p = x * y;
              double rb = 2 * p * p + 2 * p + x, s = rb * y - x;
              double drbdx = (4 * p + 2) * y + 1, drbdy = (4 * p + 2) * x;
              return vec(2 * s * (y * drbdx - 1) + drbdx, 2 * s * (y * drbdy + rb) + drbdy);
            })
            .at(1.3, -0.7).at(0.5, 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesAndExact(Case c, double[] point) {
    c.check(point);
  }

  @Test
  void parameterNamedSeedIsNotThePullbackSeed() {
    // seed·into + tape² at (seed, into, tape) = (2, 3, 4) pulled back with the real seed 10.
    var holder = new HygieneDerivatives.ParameterNamesGradient();
    HygieneDerivatives.parameterNamesPullback(2, 3, 4, 10, holder);
    assertExactly("value", 22, holder.value());
    assertExactly("d/dseed", 30, holder.seed());
    assertExactly("d/dinto", 20, holder.into());
    assertExactly("d/dtape", 80, holder.tape());
  }

  @Test
  void overwrittenParameterThatIsNeverReadHasZeroPartial() {
    var g = HygieneDerivatives.overwriteParametersGradient(0.7, 1.3, 123.0);
    assertExactly("d/dz (z is overwritten before it is read)", 0, g.z());
  }
}
