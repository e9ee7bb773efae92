package dev.fluxion.corpus;

import static dev.fluxion.testing.ArrayFiniteDifferences.mat;
import static dev.fluxion.testing.ArrayFiniteDifferences.out;
import static dev.fluxion.testing.FiniteDifferences.assertClose;
import static dev.fluxion.testing.FiniteDifferences.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.corpus.loops.ArrayOps;
import dev.fluxion.corpus.loops.ArrayOpsDerivatives;
import dev.fluxion.corpus.loops.ParameterArrays;
import dev.fluxion.corpus.loops.ParameterArraysDerivatives;
import dev.fluxion.testing.ArrayFiniteDifferences;
import dev.fluxion.testing.ArrayFiniteDifferences.ArrayCase;
import dev.fluxion.testing.ArrayFiniteDifferences.Args;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parameter arrays: the primal writes into its parameter as written, a gradient call never changes
 * its inputs; aliasing that would make a written parameter share storage with another is rejected
 * at run time with an {@link IllegalArgumentException} naming both parameters; read-only aliasing
 * is allowed and reports each partial as if the arrays were distinct.
 */
class ParameterArraysTest {

  private static final double[] A = {0.5, -1.5, 2.0, 0.75};

  static Stream<Arguments> cases() {
    return ArrayFiniteDifferences.arguments(
        ArrayCase.of("scaleInto", "target", "source")
            .primal(a -> ParameterArrays.scaleInto(a.v(0), a.v(1)))
            .generated(a -> {
              var g = ParameterArraysDerivatives.scaleIntoGradient(a.v(0), a.v(1));
              return out(g.value(), g.target(), g.source());
            })
            // f = 6 Σ source²; target is overwritten before it is read: its adjoint is 0.
            .exact(a -> {
              double[] s = a.v(1);
              double[] d = new double[s.length];
              for (int i = 0; i < s.length; i++) {
                d[i] = 12 * s[i];
              }
              return out(new double[a.v(0).length], d);
            })
            .at(vec(9, 9, 9, 9), A),
        ArrayCase.of("bilinear", "x", "y")
            .primal(a -> ParameterArrays.bilinear(a.v(0), a.v(1)))
            .generated(a -> {
              var g = ParameterArraysDerivatives.bilinearGradient(a.v(0), a.v(1));
              return out(g.value(), g.x(), g.y());
            })
            .exact(a -> out(bilinearDx(a.v(0), a.v(1)), squares(a.v(0))))
            .at(A, vec(1, 2, -1, 0.5)),
        ArrayCase.of("squareInPlace", "data", "weights")
            .primal(a -> ParameterArrays.squareInPlace(a.v(0), a.v(1)))
            .generated(a -> {
              var g = ParameterArraysDerivatives.squareInPlaceGradient(a.v(0), a.v(1));
              return out(g.value(), g.data(), g.weights());
            })
            .exact(a -> out(bilinearDx(a.v(0), a.v(1)), squares(a.v(0))))
            .at(A, vec(1, 2, -1, 0.5)),
        ArrayCase.of("cumulateRows", "m")
            .primal(a -> ParameterArrays.cumulateRows(a.m(0)))
            .generated(a -> {
              var g = ParameterArraysDerivatives.cumulateRowsGradient(a.m(0));
              return out(g.value(), g.m());
            })
            .at((Object) mat(vec(0.5, -1), vec(0.25, 2), vec(1.5, 0.3))),
        ArrayCase.of("writeThenReturnEarly", "a")
            .primal(a -> ParameterArrays.writeThenReturnEarly(a.v(0)))
            .generated(a -> {
              var g = ParameterArraysDerivatives.writeThenReturnEarlyGradient(a.v(0));
              return out(g.value(), g.a());
            })
            .exact(a -> {
              double[] x = a.v(0);
              double[] d = new double[x.length];
              for (int i = 0; i < x.length; i++) {
                if (x[i] * x[i] > 3) {
                  if (i == 0) {
                    d[0] = 4 * x[0] * x[0] * x[0];
                  } else {
                    d[i] = 2 * x[i] * x[0] * x[0];
                    d[0] = x[i] * x[i] * 2 * x[0];
                  }
                  return out(d);
                }
              }
              d[0] = 2 * x[0];
              return out(d);
            })
            .at(vec(0.5, -1.2, 2.5, 0.1))
            .at(vec(1.9, 0.3))
            .at(vec(0.5, 0.3)),
        ArrayCase.of("recursivePrefix[i=0]", "a")
            .primal(a -> ParameterArrays.recursivePrefix(a.v(0), 0))
            .generated(a -> {
              var g = ParameterArraysDerivatives.recursivePrefixGradient(a.v(0), 0);
              return out(g.value(), g.a());
            })
            .exact(a -> out(ArraysTest.prefixGradient(a.v(0))))
            .at(A),
        ArrayCase.of("addRows", "target", "source")
            .primal(a -> ParameterArrays.addRows(a.m(0), a.m(1)))
            .generated(a -> {
              var g = ParameterArraysDerivatives.addRowsGradient(a.m(0), a.m(1));
              return out(g.value(), g.target(), g.source());
            })
            // f = Σ (t + s/2) s: ∂/∂t = s, ∂/∂s = t + s.
            .exact(a -> {
              double[][] t = a.m(0);
              double[][] s = a.m(1);
              double[][] dt = new double[t.length][];
              double[][] ds = new double[t.length][];
              for (int i = 0; i < t.length; i++) {
                dt[i] = s[i].clone();
                ds[i] = new double[t[i].length];
                for (int j = 0; j < t[i].length; j++) {
                  ds[i][j] = t[i][j] + s[i][j];
                }
              }
              return out(dt, ds);
            })
            .at(mat(vec(0.5, -1), vec(0.25, 2)), mat(vec(1.5, 0.3), vec(-0.7, 1.1))));
  }

  private static double[] bilinearDx(double[] x, double[] y) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = 2 * x[i] * y[i];
    }
    return d;
  }

  private static double[] squares(double[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = x[i] * x[i];
    }
    return d;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesAndLeavesArgumentsUnchanged(ArrayCase c, Args point) {
    c.check(point);
  }

  // ---------------------------------------------------------------- (4) writes to parameters

  @Test
  void primalWritesItsParameterArrayAsWritten() {
    double[] a = A.clone();
    double v = ArrayOps.prefixInPlace(a);
    assertArrayEquals(vec(0.5, -1.0, 1.0, 1.75), a, 0.0, "the primal leaves the prefix sums");
    assertClose("value", 0.25 + 1 + 1 + 1.75 * 1.75, v);
  }

  @Test
  void gradientCallsLeaveTheCallersArrayUnchanged() {
    double[] a = A.clone();
    var g = ArrayOpsDerivatives.prefixInPlaceGradient(a);
    assertArrayEquals(A, a, 0.0, "convenience form");
    assertClose("value is that of the original input", 0.25 + 1 + 1 + 1.75 * 1.75, g.value());
    // ∂/∂a_k = 2 Σ_{i ≥ k} P_i with P = (0.5, −1, 1, 1.75).
    assertArrayEquals(vec(2 * 2.25, 2 * 1.75, 2 * 2.75, 2 * 1.75), g.a(), 1e-14);

    ArrayOpsDerivatives.prefixInPlaceGradient(a, g);
    assertArrayEquals(A, a, 0.0, "into form");
    ArrayOpsDerivatives.prefixInPlacePullback(a, 0.5, g);
    assertArrayEquals(A, a, 0.0, "pullback form");
    assertArrayEquals(vec(1.5 * 4.5, 1.5 * 3.5, 1.5 * 5.5, 1.5 * 3.5), g.a(), 1e-14,
        "the pullback added half a gradient to the partials");

    double[] data = A.clone();
    double[] weights = vec(1, 2, -1, 0.5);
    var s = ParameterArraysDerivatives.squareInPlaceGradient(data, weights);
    assertArrayEquals(A, data, 0.0, "squareInPlace: data");
    assertArrayEquals(vec(1, 2, -1, 0.5), weights, 0.0, "squareInPlace: weights");
    assertArrayEquals(squares(A), s.weights(), 1e-15);

    double[][] m = mat(vec(0.5, -1), vec(0.25, 2), vec(1.5, 0.3));
    double[] row1 = m[1];
    ParameterArraysDerivatives.cumulateRowsGradient(m);
    assertSame(row1, m[1], "the rows of a matrix argument are the caller's rows");
    assertArrayEquals(vec(0.25, 2), m[1], 0.0, "cumulateRows: row 1");
    assertArrayEquals(vec(1.5, 0.3), m[2], 0.0, "cumulateRows: row 2");
    // The primal itself writes the rows.
    ParameterArrays.cumulateRows(m);
    assertArrayEquals(vec(0.5, 1.5), m[1], 0.0, "primal: row 1");
  }

  // ---------------------------------------------------------------- (5) aliasing

  static void assertRejectsAliasing(String first, String second, double[] shared,
      Executable call) {
    double[] before = shared.clone();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    String message = String.valueOf(e.getMessage());
    for (String name : new String[] {first, second}) {
      assertTrue(Pattern.compile("\\b" + name + "\\b").matcher(message).find(),
          "the message names '" + name + "': " + message);
    }
    assertArrayEquals(before, shared, 0.0, "the rejected call left the array unchanged");
  }

  @Test
  void sameArrayForAWrittenAndAReadParameterIsRejected() {
    double[] a = A.clone();
    assertRejectsAliasing("target", "source", a,
        () -> ParameterArraysDerivatives.scaleIntoGradient(a, a));
    var holder = ParameterArraysDerivatives.scaleIntoGradient(vec(0, 0, 0, 0), A.clone());
    assertRejectsAliasing("target", "source", a,
        () -> ParameterArraysDerivatives.scaleIntoGradient(a, a, holder));
    assertRejectsAliasing("target", "source", a,
        () -> ParameterArraysDerivatives.scaleIntoPullback(a, a, 1.0, holder));
    double[] d = A.clone();
    assertRejectsAliasing("data", "weights", d,
        () -> ParameterArraysDerivatives.squareInPlaceGradient(d, d));
  }

  @Test
  void sameArrayForTwoReadOnlyParametersGivesEachPartialSeparately() {
    double[] a = A.clone();
    var shared = ParameterArraysDerivatives.bilinearGradient(a, a);
    var distinct = ParameterArraysDerivatives.bilinearGradient(A.clone(), A.clone());
    assertArrayEquals(A, a, 0.0, "unchanged");
    assertEquals(distinct.value(), shared.value(), 0.0, "value");
    assertArrayEquals(distinct.x(), shared.x(), 0.0, "∂/∂x as if y were another array");
    assertArrayEquals(distinct.y(), shared.y(), 0.0, "∂/∂y as if x were another array");
    double cubes = 0;
    for (double v : A) {
      cubes += v * v * v;
    }
    assertClose("Σ a³", cubes, shared.value());
    assertArrayEquals(bilinearDx(A, A), shared.x(), 1e-15, "2 a∘a");
    assertArrayEquals(squares(A), shared.y(), 1e-15, "a∘a");
    // The sum of the two partials is the derivative of the function of one array, Σ a³.
    for (int i = 0; i < A.length; i++) {
      assertClose("∂/∂x + ∂/∂y = 3a²", 3 * A[i] * A[i], shared.x()[i] + shared.y()[i]);
    }

    var dot = ArrayOpsDerivatives.dotGradient(a, a);
    assertArrayEquals(A, dot.a(), 0.0, "dot(a, a): ∂/∂a = b = a");
    assertArrayEquals(A, dot.b(), 0.0, "dot(a, a): ∂/∂b = a");
    assertTrue(dot.a() != a && dot.b() != a, "the adjoints are not the argument itself");
  }
}
