package dev.fluxion.corpus;

import static dev.fluxion.testing.FiniteDifferences.assertClose;
import static dev.fluxion.testing.FiniteDifferences.assertExactly;
import static dev.fluxion.testing.FiniteDifferences.vec;

import dev.fluxion.corpus.scalar.Seed001Chain;
import dev.fluxion.corpus.scalar.Seed001ChainDerivatives;
import dev.fluxion.testing.FiniteDifferences;
import dev.fluxion.testing.FiniteDifferences.Case;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Seed 001: l(x) = f(g(h(x))) and dl/dx = dl/df · df/dg · dg/dh · dh/dx. */
class Seed001ChainTest {

  static Stream<Arguments> cases() {
    return FiniteDifferences.arguments(
        Case.of("h", "x")
            .primal(v -> Seed001Chain.h(v[0]))
            .generated(v -> {
              var g = Seed001ChainDerivatives.hGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(2 * v[0]))
            .at(0.5).at(-1.5),
        Case.of("g", "u")
            .primal(v -> Seed001Chain.g(v[0]))
            .generated(v -> {
              var g = Seed001ChainDerivatives.gGradient(v[0]);
              return vec(g.value(), g.u());
            })
            .exact(v -> vec(Math.cos(v[0])))
            .at(1.25).at(-2),
        Case.of("f", "v")
            .primal(v -> Seed001Chain.f(v[0]))
            .generated(v -> {
              var g = Seed001ChainDerivatives.fGradient(v[0]);
              return vec(g.value(), g.v());
            })
            .exact(v -> vec(Math.exp(v[0])))
            .at(0.5).at(-1),
        Case.of("l", "x")
            .primal(v -> Seed001Chain.l(v[0]))
            .generated(v -> {
              var g = Seed001ChainDerivatives.lGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> {
              double x = v[0], u = x * x + 1;
              return vec(Math.exp(Math.sin(u)) * Math.cos(u) * 2 * x);
            })
            .at(0.5).at(-1.5).at(2),
        Case.of("affine", "x")
            .primal(v -> Seed001Chain.affine(v[0]))
            .generated(v -> {
              var g = Seed001ChainDerivatives.affineGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(3))
            .at(1),
        Case.of("affineThreeTimes", "x")
            .primal(v -> Seed001Chain.affineThreeTimes(v[0]))
            .generated(v -> {
              var g = Seed001ChainDerivatives.affineThreeTimesGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(27))
            .at(1).at(-2.5),
        Case.of("linear", "x")
            .primal(v -> Seed001Chain.linear(v[0]))
            .generated(v -> {
              var g = Seed001ChainDerivatives.linearGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(7))
            .at(1),
        Case.of("linearThreeTimes", "x")
            .primal(v -> Seed001Chain.linearThreeTimes(v[0]))
            .generated(v -> {
              var g = Seed001ChainDerivatives.linearThreeTimesGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(343))
            .at(1).at(-0.5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesAndExact(Case c, double[] point) {
    c.check(point);
  }

  /** The generated dl/dx is the product of the generated local derivatives along the chain. */
  @ParameterizedTest(name = "x = {0}")
  @ValueSource(doubles = {-1.5, -0.3, 0.5, 2})
  void chainRuleFromTheParts(double x) {
    double hx = Seed001Chain.h(x);
    double ghx = Seed001Chain.g(hx);
    double dhdx = Seed001ChainDerivatives.hGradient(x).x();
    double dgdh = Seed001ChainDerivatives.gGradient(hx).u();
    double dfdg = Seed001ChainDerivatives.fGradient(ghx).v();
    var l = Seed001ChainDerivatives.lGradient(x);
    assertExactly("l(x) = f(g(h(x)))", Seed001Chain.f(ghx), l.value());
    assertClose("dl/dx = df/dg · dg/dh · dh/dx", dfdg * dgdh * dhdx, l.x());
  }

  /**
   * The seed's worked examples: the derivative of (3x + 4) composed three times is 3³ = 27, and of
   * 7x composed three times 7³ = 343. (The seed writes the composition as 27x + 16; it is 27x + 52,
   * since f(9x + 16) = 27x + 48 + 4. The derivative is unaffected.)
   */
  @ParameterizedTest(name = "x = {0}")
  @ValueSource(doubles = {-4, 0, 1, 10})
  void affineAndLinearCompositions(double x) {
    var affine = Seed001ChainDerivatives.affineThreeTimesGradient(x);
    assertExactly("affine³(x) = 27x + 52", 27 * x + 52, affine.value());
    assertExactly("d affine³/dx", 27, affine.x());
    var linear = Seed001ChainDerivatives.linearThreeTimesGradient(x);
    assertExactly("linear³(x) = 343x", 343 * x, linear.value());
    assertExactly("d linear³/dx", 343, linear.x());
  }
}
