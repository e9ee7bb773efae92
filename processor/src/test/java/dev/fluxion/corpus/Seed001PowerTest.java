package dev.fluxion.corpus;

import static dev.fluxion.testing.ArrayFiniteDifferences.dot;
import static dev.fluxion.testing.ArrayFiniteDifferences.mat;
import static dev.fluxion.testing.ArrayFiniteDifferences.out;
import static dev.fluxion.testing.FiniteDifferences.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.corpus.loops.Seed001Power;
import dev.fluxion.corpus.loops.Seed001PowerDerivatives;
import dev.fluxion.testing.ArrayFiniteDifferences;
import dev.fluxion.testing.ArrayFiniteDifferences.ArrayCase;
import dev.fluxion.testing.ArrayFiniteDifferences.Args;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seed 001: f^k(x) = W^k x, summed. The gradient in x is 1ᵀW^k: it vanishes when every |λ| < 1
 * and explodes when some |λ| > 1.
 */
class Seed001PowerTest {

  private static final double[] X = {0.8, -0.3};
  private static final int[] KS = {0, 1, 2, 10, 25, 50};

  static double[][] rotation(double scale, double angle) {
    return mat(vec(scale * Math.cos(angle), -scale * Math.sin(angle)),
        vec(scale * Math.sin(angle), scale * Math.cos(angle)));
  }

  static final double[][] VANISHING_DIAGONAL = mat(vec(0.9, 0), vec(0, 0.5));
  static final double[][] VANISHING_ROTATION = rotation(0.5, 0.3);
  static final double[][] EXPLODING_DIAGONAL = mat(vec(1.1, 0), vec(0, 1.05));
  static final double[][] EXPLODING_ROTATION = rotation(1.1, 0.4);
  /** Non-normal, eigenvalues 0.8 and 0.6. */
  static final double[][] VANISHING_TRIANGULAR = mat(vec(0.8, 0.5), vec(0, 0.6));

  /** 1ᵀW^k, computed as (Wᵀ)^k 1. */
  static double[] onesTimesPower(double[][] w, int k) {
    double[] r = new double[w.length];
    java.util.Arrays.fill(r, 1);
    for (int s = 0; s < k; s++) {
      double[] next = new double[r.length];
      for (int i = 0; i < w.length; i++) {
        for (int j = 0; j < w.length; j++) {
          next[j] += r[i] * w[i][j];
        }
      }
      r = next;
    }
    return r;
  }

  static double[] power(double[][] w, int k, double[] x) {
    double[] h = x.clone();
    for (int s = 0; s < k; s++) {
      double[] next = new double[h.length];
      for (int i = 0; i < w.length; i++) {
        next[i] = dot(w[i], h);
      }
      h = next;
    }
    return h;
  }

  /** ∂(1ᵀW^k x)/∂W = Σ_{j<k} (1ᵀW^j)ᵀ (W^{k−1−j} x)ᵀ. */
  static double[][] gradientInW(double[][] w, int k, double[] x) {
    int n = w.length;
    double[][] d = new double[n][n];
    for (int j = 0; j < k; j++) {
      double[] left = onesTimesPower(w, j);
      double[] right = power(w, k - 1 - j, x);
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
          d[a][b] += left[a] * right[b];
        }
      }
    }
    return d;
  }

  static Stream<Arguments> cases() {
    List<ArrayCase> cases = new ArrayList<>();
    String[] names = {"vanishing diag(0.9, 0.5)", "vanishing 0.5·R(0.3)",
        "vanishing triangular", "exploding diag(1.1, 1.05)", "exploding 1.1·R(0.4)"};
    double[][][] ws = {VANISHING_DIAGONAL, VANISHING_ROTATION, VANISHING_TRIANGULAR,
        EXPLODING_DIAGONAL, EXPLODING_ROTATION};
    for (int m = 0; m < ws.length; m++) {
      for (int k : KS) {
        cases.add(ArrayCase.of("powerSum[" + names[m] + ", k=" + k + "]", "W", "x")
            .primal(a -> Seed001Power.powerSum(a.m(0), a.v(1), k))
            .generated(a -> {
              var g = Seed001PowerDerivatives.powerSumGradient(a.m(0), a.v(1), k);
              return out(g.value(), g.W(), g.x());
            })
            .exact(a -> out(gradientInW(a.m(0), k, a.v(1)), onesTimesPower(a.m(0), k)))
            .exactTolerance(1e-10, 1e-13)
            .at(ws[m], X));
        cases.add(ArrayCase.of("powerSumInX[" + names[m] + ", k=" + k + "]", "W", "x")
            .wrt("x")
            .primal(a -> Seed001Power.powerSumInX(a.m(0), a.v(1), k))
            .generated(a -> {
              var g = Seed001PowerDerivatives.powerSumInXGradient(a.m(0), a.v(1), k);
              return out(g.value(), g.x());
            })
            .exact(a -> out(onesTimesPower(a.m(0), k)))
            .exactTolerance(1e-10, 1e-13)
            .at(ws[m], X));
      }
    }
    return ArrayFiniteDifferences.arguments(cases.toArray(new ArrayCase[0]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesAndOnesTimesWToTheK(ArrayCase c, Args point) {
    c.check(point);
  }

  static double norm(double[] v) {
    return Math.sqrt(dot(v, v));
  }

  @Test
  void gradientVanishesWhenEigenvaluesAreBelowOne() {
    double[] g = Seed001PowerDerivatives.powerSumGradient(VANISHING_DIAGONAL, X, 50).x();
    // 1ᵀ diag(0.9, 0.5)^50 = (0.9^50, 0.5^50) ≈ (5.2e-3, 8.9e-16).
    assertArrayEquals(vec(Math.pow(0.9, 50), Math.pow(0.5, 50)), g, 1e-15);
    assertTrue(norm(g) < 1e-2, "vanishing: |∇x| = " + norm(g));
    double[] r = Seed001PowerDerivatives.powerSumGradient(VANISHING_ROTATION, X, 50).x();
    assertTrue(norm(r) < 1e-14, "0.5·R: |∇x| = " + norm(r) + " ≤ √2·0.5^50");
    // Monotone decay in k.
    double previous = Double.POSITIVE_INFINITY;
    for (int k = 0; k <= 50; k += 5) {
      double n = norm(Seed001PowerDerivatives.powerSumGradient(VANISHING_DIAGONAL, X, k).x());
      assertTrue(n < previous, "k = " + k);
      previous = n;
    }
  }

  @Test
  void gradientExplodesWhenAnEigenvalueIsAboveOne() {
    double[] g = Seed001PowerDerivatives.powerSumGradient(EXPLODING_DIAGONAL, X, 50).x();
    // (1.1^50, 1.05^50) ≈ (117.4, 11.5).
    assertArrayEquals(vec(Math.pow(1.1, 50), Math.pow(1.05, 50)), g, 1e-10);
    assertTrue(norm(g) > 100, "exploding: |∇x| = " + norm(g));
    double[] r = Seed001PowerDerivatives.powerSumGradient(EXPLODING_ROTATION, X, 50).x();
    assertTrue(norm(r) > 50, "1.1·R: |∇x| = " + norm(r));
  }
}
