package dev.fluxion.corpus;

import static dev.fluxion.testing.ArrayFiniteDifferences.dot;
import static dev.fluxion.testing.ArrayFiniteDifferences.mat;
import static dev.fluxion.testing.ArrayFiniteDifferences.out;
import static dev.fluxion.testing.FiniteDifferences.assertClose;
import static dev.fluxion.testing.FiniteDifferences.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.corpus.loops.ArrayOps;
import dev.fluxion.corpus.loops.ArrayOpsDerivatives;
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

/** Array reads, writes, allocation, initialisers, reassignment, calls, recursion and results. */
class ArraysTest {

  private static final double[] X5 = {0.3, -1.2, 2.5, 0.9, -0.4};
  private static final double[] X3 = {1.5, -0.5, 0.25};

  static Stream<Arguments> cases() {
    return ArrayFiniteDifferences.arguments(
        ArrayCase.of("sumOfSquares", "x")
            .primal(a -> ArrayOps.sumOfSquares(a.v(0)))
            .generated(a -> {
              var g = ArrayOpsDerivatives.sumOfSquaresGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .exact(a -> out(scale(2, a.v(0))))
            .at(X5).at(X3).at(vec(2)),
        ArrayCase.of("dot", "a", "b")
            .primal(a -> ArrayOps.dot(a.v(0), a.v(1)))
            .generated(a -> {
              var g = ArrayOpsDerivatives.dotGradient(a.v(0), a.v(1));
              return out(g.value(), g.a(), g.b());
            })
            .exact(a -> out(a.v(1).clone(), a.v(0).clone()))
            .at(X3, vec(2, 0.5, -4)),
        ArrayCase.of("squaredDifferences", "x")
            .primal(a -> ArrayOps.squaredDifferences(a.v(0)))
            .generated(a -> {
              var g = ArrayOpsDerivatives.squaredDifferencesGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .exact(a -> {
              double[] x = a.v(0);
              double[] d = new double[x.length];
              for (int i = 0; i + 1 < x.length; i++) {
                double diff = x[i + 1] - x[i];
                d[i + 1] += 2 * diff;
                d[i] -= 2 * diff;
              }
              return out(d);
            })
            .at(X5).at(vec(1)),
        ArrayCase.of("reversedWeights", "x")
            .primal(a -> ArrayOps.reversedWeights(a.v(0)))
            .generated(a -> {
              var g = ArrayOpsDerivatives.reversedWeightsGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .exact(a -> {
              double[] x = a.v(0);
              double[] d = new double[x.length];
              for (int k = 0; k < x.length; k++) {
                d[k] = 2 * (x.length - k) * x[k];
              }
              return out(d);
            })
            .at(X5),
        ArrayCase.of("meanPlusVariance", "x")
            .primal(a -> ArrayOps.meanPlusVariance(a.v(0)))
            .generated(a -> {
              var g = ArrayOpsDerivatives.meanPlusVarianceGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .exact(a -> {
              double[] x = a.v(0);
              int n = x.length;
              double mean = 0;
              for (double v : x) {
                mean += v / n;
              }
              double[] d = new double[n];
              for (int k = 0; k < n; k++) {
                d[k] = 1.0 / n + 2 * (x[k] - mean) / (n - 1);
              }
              return out(d);
            })
            .exactTolerance(1e-10, 1e-12)
            .at(X5).at(X3),
        ArrayCase.of("overwriteElement", "x")
            .primal(a -> ArrayOps.overwriteElement(a.v(0)))
            .generated(a -> {
              var g = ArrayOpsDerivatives.overwriteElementGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .exact(a -> {
              double x0 = a.v(0)[0];
              double x1 = a.v(0)[1];
              double u = Math.sin(x0 * x0) + x1;
              double du0 = 2 * x0 * Math.cos(x0 * x0);
              double dfdu = 4 * u * x0 + x0;
              return out(vec(dfdu * du0 + 2 * u * u + u, dfdu));
            })
            .at(vec(0.7, -0.3)).at(vec(-1.1, 0.4)),
        ArrayCase.of("filledByRecurrence[n=6]", "x")
            .primal(a -> ArrayOps.filledByRecurrence(a.d(0), 6))
            .generated(a -> {
              var g = ArrayOpsDerivatives.filledByRecurrenceGradient(a.d(0), 6);
              return out(g.value(), g.x());
            })
            .exact(a -> {
              double x = a.d(0);
              double v = x;
              double d = 1;
              for (int i = 1; i < 6; i++) {
                d = d * x + v;
                v = v * x + 1;
              }
              return out(d);
            })
            .at(0.8).at(-1.3),
        ArrayCase.of("gramTrace", "x")
            .primal(a -> ArrayOps.gramTrace(a.v(0)))
            .generated(a -> {
              var g = ArrayOpsDerivatives.gramTraceGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .exact(a -> {
              double[] x = a.v(0);
              double q = dot(x, x);
              double[] d = new double[x.length];
              for (int j = 0; j < x.length; j++) {
                d[j] = 4 * x[j] * q + 6 * x[j] * x[j] + 2 * x[j];
              }
              return out(d);
            })
            .exactTolerance(1e-10, 1e-11)
            .at(X3).at(X5),
        ArrayCase.of("triangle", "x")
            .primal(a -> ArrayOps.triangle(a.v(0)))
            .generated(a -> {
              var g = ArrayOpsDerivatives.triangleGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .exact(a -> {
              double[] x = a.v(0);
              double[] d = new double[x.length];
              for (int i = 0; i < x.length; i++) {
                for (int j = 0; j <= i; j++) {
                  d[i] += x[j] * (j + 1);
                  d[j] += x[i] * (j + 1);
                }
              }
              return out(d);
            })
            .at(X5),
        ArrayCase.of("raggedTriangle", "x")
            .primal(a -> ArrayOps.raggedTriangle(a.v(0)))
            .generated(a -> {
              var g = ArrayOpsDerivatives.raggedTriangleGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .exact(a -> {
              double[] x = a.v(0);
              double[] d = new double[x.length];
              for (int i = 0; i < x.length; i++) {
                for (int j = 0; j <= i; j++) {
                  d[i] += x[j] * (j + 1);
                  d[j] += x[i] * (j + 1);
                }
              }
              return out(d);
            })
            .at(X5),
        ArrayCase.of("sideEffectIndex", "x")
            .primal(a -> ArrayOps.sideEffectIndex(a.v(0)))
            .generated(a -> {
              var g = ArrayOpsDerivatives.sideEffectIndexGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .exact(a -> {
              // f = s (1 + x0²) + 2 with s = Σ_k (k + 1) x_k.
              double[] x = a.v(0);
              double s = 0;
              for (int k = 0; k < x.length; k++) {
                s += (k + 1) * x[k];
              }
              double[] d = new double[x.length];
              for (int k = 0; k < x.length; k++) {
                d[k] = (k + 1) * (1 + x[0] * x[0]);
              }
              d[0] += 2 * x[0] * s;
              return out(d);
            })
            .at(X5).at(X3),
        ArrayCase.of("chooseArray[k=1]", "a", "b")
            .primal(a -> ArrayOps.chooseArray(a.v(0), a.v(1), 1))
            .generated(a -> {
              var g = ArrayOpsDerivatives.chooseArrayGradient(a.v(0), a.v(1), 1);
              return out(g.value(), g.a(), g.b());
            })
            .exact(a -> out(vec(2 * a.v(0)[1], 2 * a.v(0)[0] + 1), vec(0, 0)))
            .at(vec(0.7, -1.3), vec(2, 5)),
        ArrayCase.of("chooseArray[k=0]", "a", "b")
            .primal(a -> ArrayOps.chooseArray(a.v(0), a.v(1), 0))
            .generated(a -> {
              var g = ArrayOpsDerivatives.chooseArrayGradient(a.v(0), a.v(1), 0);
              return out(g.value(), g.a(), g.b());
            })
            .exact(a -> out(vec(0, 0), vec(a.v(1)[1], a.v(1)[0] + 1)))
            .at(vec(0.7, -1.3), vec(2, 5)),
        ArrayCase.of("scaleRowsInEnhancedFor", "a")
            .primal(a -> ArrayOps.scaleRowsInEnhancedFor(a.m(0)))
            .generated(a -> {
              var g = ArrayOpsDerivatives.scaleRowsInEnhancedForGradient(a.m(0));
              return out(g.value(), g.a());
            })
            .exact(a -> {
              double[][] m = a.m(0);
              double[][] d = new double[m.length][m[0].length];
              for (int i = 0; i < m.length; i++) {
                int last = m[i].length - 1;
                d[i][0] = m[i][last];
                d[i][last] = m[i][0];
              }
              return out((Object) d);
            })
            .at((Object) mat(vec(0.5, 1.2, -0.7), vec(-1.1, 0.3, 0.9))),
        ArrayCase.of("prefixOnCopy", "x")
            .primal(a -> ArrayOps.prefixOnCopy(a.v(0)))
            .generated(a -> {
              var g = ArrayOpsDerivatives.prefixOnCopyGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .exact(a -> out(prefixGradient(a.v(0))))
            .at(X5).at(vec(0.5)),
        ArrayCase.of("prefixInPlace", "a")
            .primal(a -> ArrayOps.prefixInPlace(a.v(0)))
            .generated(a -> {
              var g = ArrayOpsDerivatives.prefixInPlaceGradient(a.v(0));
              return out(g.value(), g.a());
            })
            .exact(a -> out(prefixGradient(a.v(0))))
            .at(X5),
        ArrayCase.of("sortedWeightedSum", "x")
            .primal(a -> ArrayOps.sortedWeightedSum(a.v(0)))
            .generated(a -> {
              var g = ArrayOpsDerivatives.sortedWeightedSumGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .exact(a -> {
              // ∂/∂x_k is 1 + the rank of x_k.
              double[] x = a.v(0);
              double[] d = new double[x.length];
              for (int k = 0; k < x.length; k++) {
                int rank = 0;
                for (double v : x) {
                  if (v < x[k]) {
                    rank++;
                  }
                }
                d[k] = rank + 1;
              }
              return out(d);
            })
            .at(vec(0.3, -1.2, 2.5, 0.9, -0.4, 1.7))
            .at(vec(-1, 0, 1, 2))
            .at(vec(4, 3, 2, 1)),
        ArrayCase.of("horner", "c", "x")
            .primal(a -> ArrayOps.horner(a.v(0), a.d(1)))
            .generated(a -> {
              var g = ArrayOpsDerivatives.hornerGradient(a.v(0), a.d(1));
              return out(g.value(), g.c(), g.x());
            })
            .exact(a -> {
              double[] c = a.v(0);
              double x = a.d(1);
              double[] dc = new double[c.length];
              double dx = 0;
              for (int i = 0; i < c.length; i++) {
                dc[i] = Math.pow(x, i);
                if (i > 0) {
                  dx += i * c[i] * Math.pow(x, i - 1);
                }
              }
              return out(dc, dx);
            })
            .at(vec(1, -2, 0.5, 3), 1.3)
            .at(vec(0.5, 0.25, -1, 2, 0.1, -0.3), -0.7),
        permuted(new int[] {2, 0, 3, 1}).at(vec(0.5, -1.5, 2, 0.75)),
        permuted(new int[] {1, 1, 0}).at(vec(0.5, -1.5, 2)),
        recursiveSum(0).at(X5),
        recursiveSum(2).at(X5),
        recursiveSum(5).at(X5),
        ArrayCase.of("diffusion[steps=5]", "x")
            .primal(a -> ArrayOps.diffusion(a.v(0), 5))
            .generated(a -> {
              var g = ArrayOpsDerivatives.diffusionGradient(a.v(0), 5);
              return out(g.value(), g.x());
            })
            .at(X5),
        ArrayCase.of("doubleBuffer[steps=4]", "x")
            .primal(a -> ArrayOps.doubleBuffer(a.v(0), 4))
            .generated(a -> {
              var g = ArrayOpsDerivatives.doubleBufferGradient(a.v(0), 4);
              return out(g.value(), g.x());
            })
            .at(vec(0.3, -0.6, 0.9, 0.4)),
        ArrayCase.of("doubleBuffer[steps=3]", "x")
            .primal(a -> ArrayOps.doubleBuffer(a.v(0), 3))
            .generated(a -> {
              var g = ArrayOpsDerivatives.doubleBufferGradient(a.v(0), 3);
              return out(g.value(), g.x());
            })
            .at(vec(0.3, -0.6, 0.9, 0.4)),
        ArrayCase.of("normOfProduct", "W", "x")
            .primal(a -> ArrayOps.normOfProduct(a.m(0), a.v(1)))
            .generated(a -> {
              var g = ArrayOpsDerivatives.normOfProductGradient(a.m(0), a.v(1));
              return out(g.value(), g.w(), g.x());
            })
            .exact(a -> normGradient(a.m(0), a.v(1)))
            .at(mat(vec(1, 2, -1), vec(0.5, -0.3, 2)), X3),
        ArrayCase.of("rowDots", "A", "x")
            .primal(a -> ArrayOps.rowDots(a.m(0), a.v(1)))
            .generated(a -> {
              var g = ArrayOpsDerivatives.rowDotsGradient(a.m(0), a.v(1));
              return out(g.value(), g.a(), g.x());
            })
            .exact(a -> normGradient(a.m(0), a.v(1)))
            .at(mat(vec(1, 2, -1), vec(0.5, -0.3, 2)), X3),
        ArrayCase.of("rowAlias", "a")
            .primal(a -> ArrayOps.rowAlias(a.m(0)))
            .generated(a -> {
              var g = ArrayOpsDerivatives.rowAliasGradient(a.m(0));
              return out(g.value(), g.a());
            })
            .exact(a -> {
              double[][] m = a.m(0);
              double[][] d = new double[m.length][];
              for (int i = 0; i < m.length; i++) {
                int last = m[i].length - 1;
                d[i] = new double[m[i].length];
                d[i][0] = 2 * m[i][0] * (m[i][last] * m[i][last] + last);
                d[i][last] = m[i][0] * m[i][0] * 2 * m[i][last];
              }
              return out((Object) d);
            })
            .at((Object) mat(vec(0.5, 1.2, -0.7), vec(-1.1, 0.3, 0.9))),
        // double[] results: the pullback with a seed array, checked as the scalar seed·f.
        ArrayCase.of("matVec (pullback)", "W", "x")
            .primal(a -> dot(SEED2, ArrayOps.matVec(a.m(0), a.v(1))))
            .generated(a -> {
              var g = new ArrayOpsDerivatives.MatVecGradient();
              ArrayOpsDerivatives.matVecPullback(a.m(0), a.v(1), SEED2.clone(), g);
              assertArrayEquals(ArrayOps.matVec(a.m(0), a.v(1)), g.value(), 1e-14, "value");
              return out(dot(SEED2, g.value()), g.w(), g.x());
            })
            .exact(a -> {
              double[][] w = a.m(0);
              double[] x = a.v(1);
              double[][] dw = new double[w.length][x.length];
              double[] dx = new double[x.length];
              for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < x.length; j++) {
                  dw[i][j] = SEED2[i] * x[j];
                  dx[j] += w[i][j] * SEED2[i];
                }
              }
              return out(dw, dx);
            })
            .at(mat(vec(1, 2, -1), vec(0.5, -0.3, 2)), X3),
        ArrayCase.of("scaledTanh (pullback)", "x", "a")
            .primal(a -> dot(SEED3, ArrayOps.scaledTanh(a.v(0), a.d(1))))
            .generated(a -> {
              var g = new ArrayOpsDerivatives.ScaledTanhGradient();
              ArrayOpsDerivatives.scaledTanhPullback(a.v(0), a.d(1), SEED3.clone(), g);
              assertArrayEquals(ArrayOps.scaledTanh(a.v(0), a.d(1)), g.value(), 1e-14, "value");
              return out(dot(SEED3, g.value()), g.x(), g.a());
            })
            .exact(a -> {
              double[] x = a.v(0);
              double s = a.d(1);
              double[] dx = new double[x.length];
              double da = 0;
              for (int i = 0; i < x.length; i++) {
                double t = Math.tanh(x[i]);
                dx[i] = SEED3[i] * s * (1 - t * t);
                da += SEED3[i] * t;
              }
              return out(dx, da);
            })
            .at(X3, 1.7));
  }

  private static final double[] SEED2 = {0.7, -1.3};
  private static final double[] SEED3 = {0.7, -1.3, 2.1};

  private static ArrayCase permuted(int[] perm) {
    return ArrayCase.of("permuted[perm=" + java.util.Arrays.toString(perm) + "]", "x")
        .primal(a -> ArrayOps.permuted(a.v(0), perm.clone()))
        .generated(a -> {
          int[] p = perm.clone();
          var g = ArrayOpsDerivatives.permutedGradient(a.v(0), p);
          assertArrayEquals(perm, p, "the int[] argument is unchanged");
          return out(g.value(), g.x());
        })
        .exact(a -> {
          double[] x = a.v(0);
          double[] d = new double[x.length];
          for (int i = 0; i < perm.length; i++) {
            d[perm[i]] += 2 * (i + 1) * x[perm[i]];
          }
          return out(d);
        });
  }

  private static ArrayCase recursiveSum(int from) {
    return ArrayCase.of("recursiveSum[from=" + from + "]", "x")
        .primal(a -> ArrayOps.recursiveSum(a.v(0), from))
        .generated(a -> {
          var g = ArrayOpsDerivatives.recursiveSumGradient(a.v(0), from);
          return out(g.value(), g.x());
        })
        .exact(a -> {
          double[] x = a.v(0);
          double[] d = new double[x.length];
          for (int i = from; i < x.length; i++) {
            d[i] = Math.cos(x[i]) * (i + 1);
          }
          return out(d);
        });
  }

  /** The gradient of Σ_i P_i² with P the prefix sums: ∂/∂x_k = 2 Σ_{i ≥ k} P_i. */
  static double[] prefixGradient(double[] x) {
    double[] p = new double[x.length];
    double run = 0;
    for (int i = 0; i < x.length; i++) {
      run += x[i];
      p[i] = run;
    }
    double[] d = new double[x.length];
    double tail = 0;
    for (int k = x.length - 1; k >= 0; k--) {
      tail += p[k];
      d[k] = 2 * tail;
    }
    return d;
  }

  /** The gradient of ‖W x‖²: 2 y xᵀ and 2 Wᵀ y with y = W x. */
  private static Object[] normGradient(double[][] w, double[] x) {
    double[][] dw = new double[w.length][x.length];
    double[] dx = new double[x.length];
    for (int i = 0; i < w.length; i++) {
      double y = dot(w[i], x);
      for (int j = 0; j < x.length; j++) {
        dw[i][j] = 2 * y * x[j];
        dx[j] += 2 * y * w[i][j];
      }
    }
    return out(dw, dx);
  }

  private static double[] scale(double s, double[] x) {
    double[] r = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      r[i] = s * x[i];
    }
    return r;
  }

  // ---------------------------------------------------------------- scalar-argument cases

  static Stream<Arguments> scalarCases() {
    return FiniteDifferences.arguments(
        Case.of("initialisers", "x", "y")
            .primal(v -> ArrayOps.initialisers(v[0], v[1]))
            .generated(v -> {
              var g = ArrayOpsDerivatives.initialisersGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> vec(3 * v[1] + 3, 1 + 3 * v[0]))
            .at(1.5, -2).at(-0.25, 0.5),
        Case.of("nestedInitialiser", "x", "y")
            .primal(v -> ArrayOps.nestedInitialiser(v[0], v[1]))
            .generated(v -> {
              var g = ArrayOpsDerivatives.nestedInitialiserGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            // f = xy + 3xy + x.
            .exact(v -> vec(4 * v[1] + 1, 4 * v[0]))
            .at(1.5, -2).at(-0.25, 0.5),
        Case.of("chainedAssignment", "x", "y")
            .primal(v -> ArrayOps.chainedAssignment(v[0], v[1]))
            .generated(v -> {
              var g = ArrayOpsDerivatives.chainedAssignmentGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            // f = x²y² + 2xy².
            .exact(v -> {
              double x = v[0];
              double y = v[1];
              return vec(2 * x * y * y + 2 * y * y, 2 * x * x * y + 4 * x * y);
            })
            .at(1.5, -2).at(-0.25, 0.5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scalarCases")
  void scalarGradientMatchesFiniteDifferencesAndExact(Case c, double[] point) {
    c.check(point);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesAndExact(ArrayCase c, Args point) {
    c.check(point);
  }

  // ---------------------------------------------------------------- worked values and API

  @Test
  void sortIsByRank() {
    var g = ArrayOpsDerivatives.sortedWeightedSumGradient(vec(3, 1, 2));
    assertClose("value 1·1 + 2·2 + 3·3", 14, g.value());
    assertArrayEquals(vec(3, 1, 2), g.x(), 0.0);
  }

  @Test
  void hornerAtTwo() {
    // p = 1 + 2x + 3x², at x = 2: p = 17, p' = 2 + 12, ∂p/∂c = (1, 2, 4).
    var g = ArrayOpsDerivatives.hornerGradient(vec(1, 2, 3), 2);
    assertClose("p(2)", 17, g.value());
    assertClose("p'(2)", 14, g.x());
    assertArrayEquals(vec(1, 2, 4), g.c(), 0.0);
  }

  @Test
  void pullbackOfAVectorResultAccumulates() {
    double[][] w = mat(vec(1, 2, -1), vec(0.5, -0.3, 2));
    var g = new ArrayOpsDerivatives.MatVecGradient();
    ArrayOpsDerivatives.matVecPullback(w, X3, vec(1, 0), g);
    ArrayOpsDerivatives.matVecPullback(w, X3, vec(0, 1), g);
    // Seeds e1 then e2: the partials are those of y1 + y2.
    var once = new ArrayOpsDerivatives.MatVecGradient();
    ArrayOpsDerivatives.matVecPullback(w, X3, vec(1, 1), once);
    for (int i = 0; i < 2; i++) {
      assertArrayEquals(once.w()[i], g.w()[i], 1e-15, "W row " + i);
    }
    assertArrayEquals(once.x(), g.x(), 1e-15, "x");
    assertArrayEquals(vec(1.5 - 1 - 0.25, 0.75 + 0.15 + 0.5), g.value(), 1e-15, "value W x");
    assertEquals(2, g.value().length);
  }

  @Test
  void adjointsAreShapedLikeTheirArguments() {
    double[][] ragged = mat(vec(0.5), vec(0.3, 0.8, 1.1), vec());
    var g = dev.fluxion.corpus.loops.LoopsDerivatives.enhancedForMatrixGradient(ragged);
    assertEquals(3, g.a().length);
    assertEquals(1, g.a()[0].length);
    assertEquals(3, g.a()[1].length);
    assertEquals(0, g.a()[2].length);
  }
}
