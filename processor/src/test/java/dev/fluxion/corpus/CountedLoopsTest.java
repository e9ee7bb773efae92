package dev.fluxion.corpus;

import static dev.fluxion.testing.ArrayFiniteDifferences.out;
import static dev.fluxion.testing.FiniteDifferences.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Tape;
import dev.fluxion.corpus.loops.Counted;
import dev.fluxion.corpus.loops.CountedDerivatives;
import dev.fluxion.testing.ArrayFiniteDifferences;
import dev.fluxion.testing.ArrayFiniteDifferences.ArrayCase;
import dev.fluxion.testing.ArrayFiniteDifferences.Args;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loops whose trip count the reverse sweep works out from their bounds ({@link Counted}): the
 * gradient against finite differences and closed forms at bounds that make the inner loops empty,
 * start past their end, go negative or are inclusive; forward mode against reverse mode at the
 * same points; and the tape, which no longer holds a counter or trip count for such loops. The
 * corpus-wide tests add the other modes at their default points and the bit-for-bit comparison
 * with everything recorded ({@code RecordingOptionTest}).
 */
class CountedLoopsTest {

  static Stream<Arguments> cases() {
    return ArrayFiniteDifferences.arguments(
        ArrayCase.of("triangle", "x", "w")
            .primal(a -> Counted.triangle(a.v(0), a.v(1)))
            .generated(a -> {
              var g = CountedDerivatives.triangleGradient(a.v(0), a.v(1));
              return out(g.value(), g.x(), g.w());
            })
            .exact(a -> {
              double[] x = a.v(0);
              double[] w = a.v(1);
              double[] dx = new double[x.length];
              double[] dw = new double[w.length];
              for (int j = 0; j < x.length; j++) {
                for (int l = j + 1; l < x.length; l++) {
                  dx[j] += x[l] * w[l];
                  dx[l] += x[j] * w[l];
                  dw[l] += x[j] * x[l];
                }
              }
              return out(dx, dw);
            })
            .at(vec(0.5, -0.7, 1.2, 0.3, 0.8), vec(0.9, -1.1, 0.4, 0.6, -0.5))
            .at(vec(1.5), vec(0.2))
            .at(vec(0.3, 0.6), vec(1.0, 2.0, 3.0)),
        inclusive(-1).at(vec(0.4, -0.3, 1.1)),
        inclusive(1).at(vec(0.4, -0.3, 1.1)),
        inclusive(2).at(vec(0.4, -0.3, 1.1)),
        inclusive(7).at(vec(0.4, -0.3, 1.1)),
        shiftedRange(0, 4).at(vec(0.5, -0.2, 0.9)),
        shiftedRange(-3, 2).at(vec(0.5, -0.2, 0.9)),
        shiftedRange(3, 3).at(vec(0.5, -0.2, 0.9)),
        shiftedRange(5, -2).at(vec(0.5, -0.2, 0.9)),
        ArrayCase.of("whileCounter", "x")
            .primal(a -> Counted.whileCounter(a.v(0)))
            .generated(a -> {
              var g = CountedDerivatives.whileCounterGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .at(vec(0.5, -0.7, 1.2, 0.3))
            .at(vec(2.0)),
        ArrayCase.of("counterReadAfter", "x")
            .primal(a -> Counted.counterReadAfter(a.v(0)))
            .generated(a -> {
              var g = CountedDerivatives.counterReadAfterGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .at(vec(0.5, -0.7, 1.2, 0.3)),
        ArrayCase.of("irregularSteps", "x")
            .primal(a -> Counted.irregularSteps(a.v(0)))
            .generated(a -> {
              var g = CountedDerivatives.irregularStepsGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .at(vec(0.5, -0.7, 1.2, 0.3, 0.1)),
        ArrayCase.of("earlyExit", "x")
            .primal(a -> Counted.earlyExit(a.v(0)))
            .generated(a -> {
              var g = CountedDerivatives.earlyExitGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .at(vec(0.5, -0.7, 1.2, 0.3)));
  }

  /** Σ_{i=2..n} Σ_{k=i..n} i·sin(x_{k mod len}), with its closed-form gradient. */
  private static ArrayCase inclusive(int n) {
    return ArrayCase.of("inclusive(n=" + n + ")", "x")
        .primal(a -> Counted.inclusive(a.v(0), n))
        .generated(a -> {
          var g = CountedDerivatives.inclusiveGradient(a.v(0), n);
          return out(g.value(), g.x());
        })
        .exact(a -> {
          double[] x = a.v(0);
          double[] d = new double[x.length];
          for (int i = 2; i <= n; i++) {
            for (int k = i; k <= n; k++) {
              d[k % x.length] += i * Math.cos(x[k % x.length]);
            }
          }
          return out(d);
        });
  }

  private static ArrayCase shiftedRange(int from, int to) {
    return ArrayCase.of("shiftedRange(" + from + ", " + to + ")", "x")
        .primal(a -> Counted.shiftedRange(a.v(0), from, to))
        .generated(a -> {
          var g = CountedDerivatives.shiftedRangeGradient(a.v(0), from, to);
          return out(g.value(), g.x());
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesAndExact(ArrayCase c, Args point) {
    c.check(point);
  }

  @Test
  void forwardModeAgreesWithReverseModeOnEveryRange() {
    double[] x = {0.5, -0.2, 0.9};
    double[] direction = {0.3, -1.1, 0.7};
    int[][] ranges = {{0, 4}, {-3, 2}, {3, 3}, {5, -2}};
    for (int[] r : ranges) {
      var g = CountedDerivatives.shiftedRangeGradient(x, r[0], r[1]);
      var t = CountedDerivatives.shiftedRangeTangent(x, r[0], r[1], direction);
      assertEquals(g.value(), t.value(), 0, "value " + r[0] + ".." + r[1]);
      double expected = ArrayFiniteDifferences.dot(g.x(), direction);
      assertEquals(expected, t.tangent(), 1e-12 * (1 + Math.abs(expected)),
          "directional derivative " + r[0] + ".." + r[1]);
    }
    for (int n = -1; n <= 6; n++) {
      var g = CountedDerivatives.inclusiveGradient(x, n);
      var t = CountedDerivatives.inclusiveTangent(x, n, direction);
      double expected = ArrayFiniteDifferences.dot(g.x(), direction);
      assertEquals(expected, t.tangent(), 1e-12 * (1 + Math.abs(expected)), "n = " + n);
    }
  }

  @Test
  void countedLoopsLeaveNoCounterOrTripCountOnTheTape() {
    // Nothing else in the triangle needs recording (x and w are read again, s is a sum), so the
    // tape stays unused; recording the inner loop's counter and trip count took 8 bytes per run.
    int d = 300;
    double[] x = new double[d];
    double[] w = new double[d];
    java.util.Arrays.fill(x, 0.1);
    java.util.Arrays.fill(w, 0.5);
    Tape tape = new Tape();
    double[] xBar = new double[d];
    double[] wBar = new double[d];
    CountedDerivatives.triangleReverse(x, xBar, w, wBar, 1.0, tape);
    assertTrue(tape.isEmpty());
    assertEquals(0, tape.capacityBytes());
    assertEquals(0.1 * 0.5 * (d - 1), xBar[0], 1e-12); // ∂/∂x_0 = Σ_{l>0} x_l w_l
  }
}
