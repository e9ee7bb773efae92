package dev.fluxion.corpus;

import static dev.fluxion.testing.FiniteDifferences.assertClose;
import static dev.fluxion.testing.FiniteDifferences.assertExactly;
import static dev.fluxion.testing.FiniteDifferences.vec;

import dev.fluxion.corpus.scalar.Calls;
import dev.fluxion.corpus.scalar.CallsDerivatives;
import dev.fluxion.testing.FiniteDifferences;
import dev.fluxion.testing.FiniteDifferences.Case;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CallsTest {

  private static final Calls GAIN = new Calls(1.5);

  static Stream<Arguments> cases() {
    return FiniteDifferences.arguments(
        Case.of("square", "x")
            .primal(v -> Calls.square(v[0]))
            .generated(v -> {
              var g = CallsDerivatives.squareGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(2 * v[0]))
            .at(1.5).at(-3),
        Case.of("sumOfSquares", "x", "y")
            .primal(v -> Calls.sumOfSquares(v[0], v[1]))
            .generated(v -> {
              var g = CallsDerivatives.sumOfSquaresGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> vec(2 * v[0], 2 * v[1]))
            .at(1, 2).at(-0.5, 3),
        Case.of("nested", "x")
            .primal(v -> Calls.nested(v[0]))
            .generated(v -> {
              var g = CallsDerivatives.nestedGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(4 * v[0] * (v[0] * v[0] + 1)))
            .at(0.5).at(-1.5),
        Case.of("expressionArguments", "x", "y")
            .primal(v -> Calls.expressionArguments(v[0], v[1]))
            .generated(v -> {
              var g = CallsDerivatives.expressionArgumentsGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> {
              double x = v[0], y = v[1];
              return vec(2 * x * y * y + 2 * (x - y), 2 * x * y * x - 2 * (x - y));
            })
            .at(1.5, 2).at(-1, 0.5),
        Case.of("crossClass", "x")
            .primal(v -> Calls.crossClass(v[0]))
            .generated(v -> {
              var g = CallsDerivatives.crossClassGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> {
              double x = v[0];
              double p = 3 * x * x - 2 * x + 7;
              return vec((6 * x - 2) * Math.sin(3 * x) + p * 3 * Math.cos(3 * x) + 2.5);
            })
            .at(0.4).at(-1.3),
        Case.of("sameCallTwice", "x")
            .primal(v -> Calls.sameCallTwice(v[0]))
            .generated(v -> {
              var g = CallsDerivatives.sameCallTwiceGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> {
              double s = Math.sin(3 * v[0]), ds = 3 * Math.cos(3 * v[0]);
              return vec(2 * s * ds + ds);
            })
            .at(0.3).at(-2),
        power(0).at(1.7),
        power(1).at(1.7),
        power(5).at(1.7).at(-0.8),
        powerBySquaring(0).at(1.3),
        powerBySquaring(6).at(1.3).at(-0.9),
        powerBySquaring(7).at(1.3),
        chain(true, 0).at(0.4),
        chain(true, 1).at(0.4),
        chain(true, 4).at(0.4).at(-1.2),
        chain(true, 5).at(2.2),
        chain(false, 1).at(0.4),
        chain(false, 3).at(0.4).at(-1.2),
        Case.of("inactiveArguments[k=2]", "x", "y")
            .primal(v -> Calls.inactiveArguments(v[0], v[1], 2))
            .generated(v -> {
              var g = CallsDerivatives.inactiveArgumentsGradient(v[0], v[1], 2);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> vec(3 * v[0] * v[0], 4 * Math.pow(v[1], 3)))
            .at(1.5, -0.5).at(-2, 1.25),
        Case.of("constantArgument", "x")
            .primal(v -> Calls.constantArgument(v[0]))
            .generated(v -> {
              var g = CallsDerivatives.constantArgumentGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(9))
            .at(0.5),
        Case.of("scaledSquare[gain=1.5]", "x")
            .primal(v -> GAIN.scaledSquare(v[0]))
            .generated(v -> {
              var g = CallsDerivatives.scaledSquareGradient(GAIN, v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(3 * v[0]))
            .at(2).at(-0.5),
        Case.of("instanceCallsInstance[gain=1.5]", "x", "y")
            .primal(v -> GAIN.instanceCallsInstance(v[0], v[1]))
            .generated(v -> {
              var g = CallsDerivatives.instanceCallsInstanceGradient(GAIN, v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> vec(3 * (v[0] + v[1]), 3 * (v[0] + v[1]) + 3 * v[1]))
            .at(1, 2).at(-1.5, 0.5),
        Case.of("halve[n=3]", "x")
            .primal(v -> Calls.halve(v[0], 3))
            .generated(v -> {
              var g = CallsDerivatives.halveGradient(v[0], 3);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(1))
            .at(1.3),
        Case.of("callInCondition", "x")
            .primal(v -> Calls.callInCondition(v[0]))
            .generated(v -> {
              var g = CallsDerivatives.callInConditionGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(v[0] * v[0] > 4 ? 3 * v[0] * v[0] : 1))
            .at(3).at(1).at(-2.5));
  }

  private static Case power(int n) {
    return Case.of("power[n=" + n + "]", "x")
        .primal(v -> Calls.power(v[0], n))
        .generated(v -> {
          var g = CallsDerivatives.powerGradient(v[0], n);
          return vec(g.value(), g.x());
        })
        .exact(v -> vec(n == 0 ? 0 : n * Math.pow(v[0], n - 1)));
  }

  private static Case powerBySquaring(int n) {
    return Case.of("powerBySquaring[n=" + n + "]", "x")
        .primal(v -> Calls.powerBySquaring(v[0], n))
        .generated(v -> {
          var g = CallsDerivatives.powerBySquaringGradient(v[0], n);
          return vec(g.value(), g.x());
        })
        .exact(v -> vec(n == 0 ? 0 : n * Math.pow(v[0], n - 1)));
  }

  /**
   * cosChain(x, n) = cos(sin(cos(...x))) and sinChain(x, n) = sin(cos(sin(...x))), n functions in
   * all; the derivative by the chain rule, written as a loop.
   */
  private static Case chain(boolean cosOutermost, int n) {
    return Case.of((cosOutermost ? "cosChain" : "sinChain") + "[n=" + n + "]", "x")
        .primal(v -> cosOutermost ? Calls.cosChain(v[0], n) : Calls.sinChain(v[0], n))
        .generated(v -> {
          if (cosOutermost) {
            var g = CallsDerivatives.cosChainGradient(v[0], n);
            return vec(g.value(), g.x());
          }
          var g = CallsDerivatives.sinChainGradient(v[0], n);
          return vec(g.value(), g.x());
        })
        .exact(v -> {
          // Level 1 is the innermost function, level n the outermost; they alternate.
          double u = v[0];
          double d = 1;
          for (int level = 1; level <= n; level++) {
            boolean cos = ((n - level) % 2 == 0) == cosOutermost;
            d *= cos ? -Math.sin(u) : Math.cos(u);
            u = cos ? Math.cos(u) : Math.sin(u);
          }
          return vec(d);
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesAndExact(Case c, double[] point) {
    c.check(point);
  }

  @Test
  void recursionGivesTheExactPowerRule() {
    var g = CallsDerivatives.powerGradient(2, 10);
    assertExactly("2^10", 1024, g.value());
    assertExactly("d(x^10)/dx at 2", 10 * 512, g.x());
    var s = CallsDerivatives.powerBySquaringGradient(2, 10);
    assertExactly("2^10 by squaring", 1024, s.value());
    assertExactly("d(x^10)/dx at 2 by squaring", 10 * 512, s.x());
  }

  @Test
  void pullbackThroughCallsAccumulates() {
    var holder = new CallsDerivatives.ExpressionArgumentsGradient();
    // f = (xy)^2 + (x - y)^2 at (1, 2): value 4 + 1 = 5, gradient (2*4 - 2, 2*2 + 2) = (6, 6).
    CallsDerivatives.expressionArgumentsPullback(1, 2, 2, holder);
    CallsDerivatives.expressionArgumentsPullback(1, 2, 2, holder);
    assertExactly("value", 5, holder.value());
    assertClose("x after two pullbacks with seed 2", 24, holder.x());
    assertClose("y after two pullbacks with seed 2", 24, holder.y());
  }
}
