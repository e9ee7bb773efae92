package dev.fluxion.corpus;

import static dev.fluxion.testing.ArrayFiniteDifferences.mat;
import static dev.fluxion.testing.ArrayFiniteDifferences.out;
import static dev.fluxion.testing.FiniteDifferences.assertClose;
import static dev.fluxion.testing.FiniteDifferences.vec;

import dev.fluxion.corpus.loops.Loops;
import dev.fluxion.corpus.loops.LoopsDerivatives;
import dev.fluxion.testing.ArrayFiniteDifferences;
import dev.fluxion.testing.ArrayFiniteDifferences.ArrayCase;
import dev.fluxion.testing.ArrayFiniteDifferences.Args;
import dev.fluxion.testing.FiniteDifferences;
import dev.fluxion.testing.FiniteDifferences.Case;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Loops, {@code switch}, {@code break}/{@code continue}, labels and early returns. */
class LoopsTest {

  // ---------------------------------------------------------------- scalar arguments

  static Stream<Arguments> scalarCases() {
    return FiniteDifferences.arguments(
        powerLoop(0).at(1.7),
        powerLoop(1).at(1.7),
        powerLoop(5).at(1.3).at(-0.8),
        twoTermRecurrence(0).at(0.5, -1.5),
        twoTermRecurrence(7).at(0.5, -1.5).at(2, 3),
        Case.of("halveUntilSmall", "x")
            .primal(v -> Loops.halveUntilSmall(v[0]))
            .generated(v -> {
              var g = LoopsDerivatives.halveUntilSmallGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> {
              double s = v[0];
              double scale = 1;
              while (s > 1) {
                s *= 0.5;
                scale *= 0.5;
              }
              return vec(2 * s * scale);
            })
            .at(0.7).at(5.3).at(100.3),
        Case.of("growPast", "x", "limit")
            .primal(v -> Loops.growPast(v[0], v[1]))
            .generated(v -> {
              var g = LoopsDerivatives.growPastGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.limit());
            })
            .exact(v -> {
              double s = v[0];
              double d = 1;
              while (s < v[1]) {
                s = s * 1.5 + 1;
                d *= 1.5;
              }
              return vec(d, 0);
            })
            .at(1, 50).at(-0.5, 10).at(20, 3),
        Case.of("repeatedSqrt", "x")
            .primal(v -> Loops.repeatedSqrt(v[0]))
            .generated(v -> {
              var g = LoopsDerivatives.repeatedSqrtGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> {
              double x = v[0];
              int k = 0;
              double power = 1;
              double r = x;
              do {
                r = Math.sqrt(r);
                k++;
                power *= 0.5;
              } while (r > 1.5);
              return vec(k * r * power / x);
            })
            .at(2).at(50).at(1000),
        Case.of("expSeries", "x")
            .primal(v -> Loops.expSeries(v[0]))
            .generated(v -> {
              var g = LoopsDerivatives.expSeriesGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(Math.exp(v[0])))
            .at(0.5).at(-2).at(3),
        Case.of("cosineIteration[n=20]", "x")
            .primal(v -> Loops.cosineIteration(v[0], 20))
            .generated(v -> {
              var g = LoopsDerivatives.cosineIterationGradient(v[0], 20);
              return vec(g.value(), g.x());
            })
            .exact(v -> {
              double x = v[0];
              double d = 1;
              for (int i = 0; i < 20; i++) {
                d *= -Math.sin(x);
                x = Math.cos(x);
              }
              return vec(d);
            })
            .at(0.3).at(2.5),
        Case.of("newtonSqrt", "a")
            .primal(v -> Loops.newtonSqrt(v[0]))
            .generated(v -> {
              var g = LoopsDerivatives.newtonSqrtGradient(v[0]);
              return vec(g.value(), g.a());
            })
            .exact(v -> vec(0.5 / Math.sqrt(v[0])))
            .at(2).at(0.25).at(1e4),
        Case.of("newtonCubeRoot", "a")
            .primal(v -> Loops.newtonCubeRoot(v[0]))
            .generated(v -> {
              var g = LoopsDerivatives.newtonCubeRootGradient(v[0]);
              return vec(g.value(), g.a());
            })
            .exact(v -> vec(Math.pow(v[0], -2.0 / 3) / 3))
            .at(2).at(27.5).at(0.3),
        Case.of("kepler", "m", "e")
            .primal(v -> Loops.kepler(v[0], v[1]))
            .generated(v -> {
              var g = LoopsDerivatives.keplerGradient(v[0], v[1]);
              return vec(g.value(), g.m(), g.e());
            })
            .exact(v -> {
              double big = Loops.kepler(v[0], v[1]);
              double denominator = 1 - v[1] * Math.cos(big);
              return vec(1 / denominator, Math.sin(big) / denominator);
            })
            .at(1.0, 0.3).at(2.5, 0.7),
        Case.of("squareOnceBelowOne", "x")
            .primal(v -> Loops.squareOnceBelowOne(v[0]))
            .generated(v -> {
              var g = LoopsDerivatives.squareOnceBelowOneGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> {
              double scale = 0.5;
              while (v[0] * scale >= 1) {
                scale *= 0.5;
              }
              return vec(2 * v[0] * scale * scale);
            })
            .at(0.7).at(3.1).at(-2),
        Case.of("returnsFromBranches", "x", "y")
            .primal(v -> Loops.returnsFromBranches(v[0], v[1]))
            .generated(v -> {
              var g = LoopsDerivatives.returnsFromBranchesGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> {
              double x = v[0];
              double y = v[1];
              if (x <= 0 && y > 1) {
                return vec(y, x);
              }
              if (y <= 0 && x > 1) {
                return vec(2 * y + 2, 2 * x);
              }
              return x > 0 ? vec(y * y + y + Math.cos(x), 2 * x * y + x)
                  : vec(y * y + Math.cos(x), 2 * x * y);
            })
            .at(0.7, 0.4).at(-0.5, 1.5).at(1.5, -0.5).at(-0.5, 0.5),
        Case.of("switchWithJoins", "x")
            .primal(v -> Loops.switchWithJoins(v[0], 7))
            .generated(v -> {
              var g = LoopsDerivatives.switchWithJoinsGradient(v[0], 7);
              return vec(g.value(), g.x());
            })
            // 0.9 halves s in case 0, -0.6 continues from case 1, 2.6 breaks out of the switch.
            .at(0.9).at(-0.6).at(2.6),
        Case.of("declaredBetweenJumps", "x")
            .primal(v -> Loops.declaredBetweenJumps(v[0], 6))
            .generated(v -> {
              var g = LoopsDerivatives.declaredBetweenJumpsGradient(v[0], 6);
              return vec(g.value(), g.x());
            })
            // 0.5 runs every iteration, 1.3 breaks in the second, 2.2 returns in the first.
            .at(0.5).at(1.3).at(2.2),
        switchArrow(0).at(1.3).at(-0.4),
        switchArrow(1).at(1.3),
        switchArrow(2).at(-0.4),
        switchArrow(5).at(1.3),
        switchColon(0).at(1.3),
        switchColon(1).at(1.3),
        switchColon(2).at(-0.6),
        switchColon(7).at(1.3),
        switchFallThrough(0).at(1.3),
        switchFallThrough(1).at(-0.6),
        switchFallThrough(3).at(0.9),
        Case.of("switchOnFloor", "x")
            .primal(v -> Loops.switchOnFloor(v[0]))
            .generated(v -> {
              var g = LoopsDerivatives.switchOnFloorGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> {
              double x = v[0];
              return vec(x >= 0 && x < 1 ? 2 * x : x >= 1 && x < 2 ? 2 : Math.exp(x - 2));
            })
            .at(0.5).at(1.5).at(2.7).at(-0.5),
        Case.of("whileTrue", "x")
            .primal(v -> Loops.whileTrue(v[0]))
            .generated(v -> {
              var g = LoopsDerivatives.whileTrueGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> {
              double x = v[0];
              double term = 1;
              double sum = 0;
              double d = 0;
              double dterm = 0;
              while (true) {
                sum += term;
                d += dterm;
                if (sum > 10) {
                  return vec(d);
                }
                dterm = dterm * x + term;
                term *= x;
              }
            })
            .at(1.5).at(2).at(-3),
        switchReturn(0).at(1.3),
        switchReturn(1).at(0.6),
        switchReturn(4).at(-0.9));
  }

  private static Case powerLoop(int n) {
    return Case.of("powerLoop[n=" + n + "]", "x")
        .primal(v -> Loops.powerLoop(v[0], n))
        .generated(v -> {
          var g = LoopsDerivatives.powerLoopGradient(v[0], n);
          return vec(g.value(), g.x());
        })
        .exact(v -> vec(n == 0 ? 0 : n * Math.pow(v[0], n - 1)));
  }

  private static Case twoTermRecurrence(int n) {
    // Linear and homogeneous: the partials are the values at the unit vectors.
    return Case.of("twoTermRecurrence[n=" + n + "]", "a", "b")
        .primal(v -> Loops.twoTermRecurrence(v[0], v[1], n))
        .generated(v -> {
          var g = LoopsDerivatives.twoTermRecurrenceGradient(v[0], v[1], n);
          return vec(g.value(), g.a(), g.b());
        })
        .exact(v -> vec(Loops.twoTermRecurrence(1, 0, n), Loops.twoTermRecurrence(0, 1, n)));
  }

  private static Case switchArrow(int k) {
    return Case.of("switchArrow[k=" + k + "]", "x")
        .primal(v -> Loops.switchArrow(v[0], k))
        .generated(v -> {
          var g = LoopsDerivatives.switchArrowGradient(v[0], k);
          return vec(g.value(), g.x());
        })
        .exact(v -> {
          double x = v[0];
          switch (k) {
            case 0:
              return vec(3 * x * x);
            case 1:
            case 2:
              return vec(Math.exp(x) + k * x + x * (Math.exp(x) + k));
            default:
              return vec(Math.cos(x) - x * Math.sin(x));
          }
        });
  }

  private static Case switchColon(int k) {
    return Case.of("switchColon[k=" + k + "]", "x")
        .primal(v -> Loops.switchColon(v[0], k))
        .generated(v -> {
          var g = LoopsDerivatives.switchColonGradient(v[0], k);
          return vec(g.value(), g.x());
        })
        .exact(v -> {
          double x = v[0];
          switch (k) {
            case 0:
              return vec(2 * x + 1);
            case 1:
              return vec(Math.cos(x) + 1);
            case 2:
              return vec(6 * x + 2);
            default:
              return vec(0);
          }
        });
  }

  private static Case switchFallThrough(int k) {
    return Case.of("switchFallThrough[k=" + k + "]", "x")
        .primal(v -> Loops.switchFallThrough(v[0], k))
        .generated(v -> {
          var g = LoopsDerivatives.switchFallThroughGradient(v[0], k);
          return vec(g.value(), g.x());
        })
        .exact(v -> {
          double x = v[0];
          switch (k) {
            case 0:
              return vec(2 * x + 1);
            case 1:
              return vec(2 * x);
            default:
              return vec(Math.cos(x));
          }
        });
  }

  private static Case switchReturn(int k) {
    return Case.of("switchReturn[k=" + k + "]", "x")
        .primal(v -> Loops.switchReturn(v[0], k))
        .generated(v -> {
          var g = LoopsDerivatives.switchReturnGradient(v[0], k);
          return vec(g.value(), g.x());
        })
        .exact(v -> {
          double x = v[0];
          switch (k) {
            case 0:
              return vec(2 * x);
            case 1:
              return vec(3 * x * x / (1 + x * x * x));
            default:
              return vec(2 * x * Math.cos(x * x));
          }
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scalarCases")
  void scalarGradientMatchesFiniteDifferencesAndExact(Case c, double[] point) {
    c.check(point);
  }

  // ---------------------------------------------------------------- array arguments

  static Stream<Arguments> arrayCases() {
    return ArrayFiniteDifferences.arguments(
        ArrayCase.of("switchInLoop", "x")
            .primal(a -> Loops.switchInLoop(a.v(0)))
            .generated(a -> {
              var g = LoopsDerivatives.switchInLoopGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .at(vec(0.5, -0.7, 1.2, 0.3, 0.8, -0.4, 1.1))
            .at(vec(-0.2, 0.6, 0.9, 1.4)),
        ArrayCase.of("nestedBreakContinue", "x")
            .primal(a -> Loops.nestedBreakContinue(a.v(0)))
            .generated(a -> {
              var g = LoopsDerivatives.nestedBreakContinueGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .exact(a -> {
              double[] x = a.v(0);
              double[] d = new double[x.length];
              for (int i = 0; i < x.length; i += 2) {
                for (int j = 0; j <= i; j++) {
                  if (x[j] >= 0) {
                    d[i] += x[j];
                    d[j] += x[i];
                  }
                }
              }
              return out(d);
            })
            .at(vec(0.5, -0.3, 1.2, 0.7, -0.9, 0.4))
            .at(vec(1.5)),
        ArrayCase.of("nestedActiveBreak", "a")
            .primal(a -> Loops.nestedActiveBreak(a.m(0)))
            .generated(a -> {
              var g = LoopsDerivatives.nestedActiveBreakGradient(a.m(0));
              return out(g.value(), g.a());
            })
            .exact(a -> {
              double[][] m = a.m(0);
              double[][] d = new double[m.length][];
              for (int i = 0; i < m.length; i++) {
                d[i] = new double[m[i].length];
                double row = 0;
                int last = m[i].length - 1;
                for (int j = 0; j < m[i].length; j++) {
                  row += m[i][j] * m[i][j];
                  if (row > 2) {
                    last = j;
                    break;
                  }
                }
                for (int j = 0; j <= last; j++) {
                  d[i][j] = m[i][j] / Math.sqrt(row);
                }
              }
              return out((Object) d);
            })
            .at((Object) mat(vec(0.5, 1.2, 0.9, 0.3), vec(0.2, 0.1, 0.3, 0.4),
                vec(1.6, 0.2, 0.5, 0.1))),
        ArrayCase.of("labelledBreak", "a")
            .primal(a -> Loops.labelledBreak(a.m(0)))
            .generated(a -> {
              var g = LoopsDerivatives.labelledBreakGradient(a.m(0));
              return out(g.value(), g.a());
            })
            .exact(a -> {
              double[][] m = a.m(0);
              double[][] d = new double[m.length][];
              for (int i = 0; i < m.length; i++) {
                d[i] = new double[m[i].length];
              }
              outer:
              for (int i = 0; i < m.length; i++) {
                for (int j = 0; j < m[i].length; j++) {
                  if (m[i][j] > 2) {
                    break outer;
                  }
                  d[i][j] = 2 * m[i][j] * (i + 1);
                }
              }
              return out((Object) d);
            })
            .at((Object) mat(vec(0.5, 1.0, -0.3), vec(0.7, 2.5, 0.4), vec(0.9, 0.1, 0.2)))
            .at((Object) mat(vec(0.5, 1.0, -0.3), vec(0.7, 1.5, 0.4))),
        ArrayCase.of("labelledContinue", "a")
            .primal(a -> Loops.labelledContinue(a.m(0)))
            .generated(a -> {
              var g = LoopsDerivatives.labelledContinueGradient(a.m(0));
              return out(g.value(), g.a());
            })
            .exact(a -> {
              // Linear for fixed control flow: row i's terms are scaled by 1.5 once for every
              // completed row from i on.
              double[][] m = a.m(0);
              int rows = m.length;
              int[] stop = new int[rows];
              boolean[] completes = new boolean[rows];
              for (int i = 0; i < rows; i++) {
                stop[i] = m[i].length;
                completes[i] = true;
                for (int j = 0; j < m[i].length; j++) {
                  if (m[i][j] < 0) {
                    stop[i] = j;
                    completes[i] = false;
                    break;
                  }
                }
              }
              double[][] d = new double[rows][];
              for (int i = 0; i < rows; i++) {
                double scale = 1;
                for (int r = i; r < rows; r++) {
                  if (completes[r]) {
                    scale *= 1.5;
                  }
                }
                d[i] = new double[m[i].length];
                for (int j = 0; j < stop[i]; j++) {
                  d[i][j] = (j + 1) * scale;
                }
              }
              return out((Object) d);
            })
            .at((Object) mat(vec(0.5, 1.0, 0.3), vec(0.7, -0.5, 0.4), vec(0.9, 0.1, 0.2))),
        earlyReturn(3).at(vec(0.5, 1.0, 1.2, 0.8)).at(vec(2.5, 0.1)),
        earlyReturn(10).at(vec(0.5, 1.0, 1.2, 0.8)),
        ArrayCase.of("firstLargeProduct", "x", "y")
            .primal(a -> Loops.firstLargeProduct(a.v(0), a.v(1)))
            .generated(a -> {
              var g = LoopsDerivatives.firstLargeProductGradient(a.v(0), a.v(1));
              return out(g.value(), g.x(), g.y());
            })
            .exact(a -> {
              double[] x = a.v(0);
              double[] y = a.v(1);
              double[] dx = new double[x.length];
              double[] dy = new double[y.length];
              search:
              for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < y.length; j++) {
                  if (x[i] * y[j] > 1) {
                    dx[i] = y[j];
                    dy[j] = x[i];
                    break search;
                  }
                }
              }
              return out(dx, dy);
            })
            .at(vec(0.5, 1.5, 2), vec(0.3, 0.9, 1.2))
            .at(vec(0.5, 0.4), vec(0.3, 0.9, 1.2)),
        ArrayCase.of("doWhileContinue", "x")
            .primal(a -> Loops.doWhileContinue(a.v(0)))
            .generated(a -> {
              var g = LoopsDerivatives.doWhileContinueGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .exact(a -> {
              double[] x = a.v(0);
              double[] d = new double[x.length];
              for (int i = 0; i < x.length; i += 2) {
                d[i] = 2 * x[i] * (i + 1);
              }
              return out(d);
            })
            .at(vec(0.5, -1.2, 0.8, 2.0, -0.3))
            .at(vec(1.5)),
        ArrayCase.of("forEverReturn", "x")
            .primal(a -> Loops.forEverReturn(a.v(0)))
            .generated(a -> {
              var g = LoopsDerivatives.forEverReturnGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .exact(a -> {
              // Replays the control flow: which elements enter the product, and the final sign.
              double[] x = a.v(0);
              boolean[] used = new boolean[x.length];
              double p = 1;
              double sign = -1;
              int i = 0;
              scan:
              while (i < x.length) {
                for (;;) {
                  used[i] = true;
                  p *= 1 + x[i] * 0.1;
                  i++;
                  if (i >= x.length) {
                    sign = 1;
                    break scan;
                  }
                  if (x[i] < 0) {
                    i++;
                    continue scan;
                  }
                }
              }
              double[] d = new double[x.length];
              for (int k = 0; k < x.length; k++) {
                if (used[k]) {
                  d[k] = sign * p * 0.1 / (1 + x[k] * 0.1);
                }
              }
              return out(d);
            })
            .at(vec(0.5, -1, 2, 0.3))
            .at(vec(0.5, 0.2, -1))
            .at(vec(-2, 3)),
        ArrayCase.of("enhancedFor", "x")
            .primal(a -> Loops.enhancedFor(a.v(0)))
            .generated(a -> {
              var g = LoopsDerivatives.enhancedForGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .exact(a -> {
              double[] x = a.v(0);
              double[] d = new double[x.length];
              for (int i = 0; i < x.length; i++) {
                d[i] = Math.sin(x[i]) + x[i] * Math.cos(x[i]);
              }
              return out(d);
            })
            .at(vec(0.3, -1.2, 2.5))
            .at(vec()),
        ArrayCase.of("enhancedForMatrix (ragged)", "a")
            .primal(a -> Loops.enhancedForMatrix(a.m(0)))
            .generated(a -> {
              var g = LoopsDerivatives.enhancedForMatrixGradient(a.m(0));
              return out(g.value(), g.a());
            })
            .exact(a -> {
              double[][] m = a.m(0);
              double[][] d = new double[m.length][];
              for (int i = 0; i < m.length; i++) {
                double r = 0;
                for (double v : m[i]) {
                  r += v * v * v;
                }
                d[i] = new double[m[i].length];
                for (int j = 0; j < m[i].length; j++) {
                  d[i][j] = 2 * r * 3 * m[i][j] * m[i][j];
                }
              }
              return out((Object) d);
            })
            .at((Object) mat(vec(0.5, -1.2), vec(0.3, 0.8, 1.1)))
            .at((Object) mat(vec(0.7, 0.2, -0.4), vec(1.0, 0.6, 0.1))));
  }

  private static ArrayCase earlyReturn(double limit) {
    return ArrayCase.of("earlyReturn[limit=" + limit + "]", "x")
        .primal(a -> Loops.earlyReturn(a.v(0), limit))
        .generated(a -> {
          var g = LoopsDerivatives.earlyReturnGradient(a.v(0), limit);
          return out(g.value(), g.x());
        })
        .exact(a -> {
          double[] x = a.v(0);
          double[] d = new double[x.length];
          double s = 0;
          for (int i = 0; i < x.length; i++) {
            s += x[i] * x[i];
            if (s > limit) {
              for (int k = 0; k <= i; k++) {
                d[k] = (i + 1) * x[k] / Math.sqrt(s);
              }
              return out(d);
            }
          }
          for (int k = 0; k < x.length; k++) {
            d[k] = 2 * x[k];
          }
          return out(d);
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("arrayCases")
  void arrayGradientMatchesFiniteDifferencesAndExact(ArrayCase c, Args point) {
    c.check(point);
  }

  // ---------------------------------------------------------------- worked values

  @Test
  void newtonConvergesToTheRootAndItsDerivative() {
    var g = LoopsDerivatives.newtonSqrtGradient(2);
    assertClose("√2", Math.sqrt(2), g.value());
    assertClose("d√a/da at 2", 0.5 / Math.sqrt(2), g.a());
    var c = LoopsDerivatives.newtonCubeRootGradient(27);
    assertClose("∛27", 3, c.value());
    assertClose("d∛a/da at 27", 1.0 / 27, c.a());
  }

  @Test
  void exitDependsOnTheActiveValue() {
    // 5.3 is halved three times (0.6625), 0.7 never: the derivative is 2 s / 2^k.
    assertClose("k = 3", 2 * 0.6625 / 8, LoopsDerivatives.halveUntilSmallGradient(5.3).x());
    assertClose("k = 0", 1.4, LoopsDerivatives.halveUntilSmallGradient(0.7).x());
  }

  @Test
  void switchTakesEachCase() {
    assertClose("arrow case 0 value", 8, LoopsDerivatives.switchArrowGradient(2, 0).value());
    assertClose("arrow case 0", 12, LoopsDerivatives.switchArrowGradient(2, 0).x());
    assertClose("colon default", 0, LoopsDerivatives.switchColonGradient(2, 9).x());
    assertClose("colon case 2", 14, LoopsDerivatives.switchColonGradient(2, 2).x());
    assertClose("return from case 0", 4, LoopsDerivatives.switchReturnGradient(2, 0).x());
    assertClose("fall-through from case 0", 5,
        LoopsDerivatives.switchFallThroughGradient(2, 0).x());
  }
}
