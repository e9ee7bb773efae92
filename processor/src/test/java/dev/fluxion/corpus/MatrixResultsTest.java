package dev.fluxion.corpus;

import static dev.fluxion.testing.ArrayFiniteDifferences.dot;
import static dev.fluxion.testing.ArrayFiniteDifferences.mat;
import static dev.fluxion.testing.ArrayFiniteDifferences.out;
import static dev.fluxion.testing.FiniteDifferences.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.fluxion.corpus.loops.MatrixResults;
import dev.fluxion.corpus.loops.MatrixResultsDerivatives;
import dev.fluxion.testing.ArrayFiniteDifferences;
import dev.fluxion.testing.ArrayFiniteDifferences.ArrayCase;
import dev.fluxion.testing.ArrayFiniteDifferences.Args;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code double[][]} results: pullbacks with a matrix seed, and calls through them. */
class MatrixResultsTest {

  private static final double[][] SEED = mat(vec(0.7, -1.3), vec(2.1, 0.4), vec(-0.5, 1.1));
  private static final double[][] P = mat(vec(1, 0.5, -0.3), vec(0.2, -1.1, 0.8),
      vec(0.6, 0.4, 1.3));
  private static final double[][] Q = mat(vec(-0.4, 0.9, 0.1), vec(1.2, 0.3, -0.7),
      vec(0.5, -0.6, 0.2));

  static double[][] mul(double[][] a, double[][] b) {
    return Seed002MatricesTest.mul(a, b);
  }

  static double[][] t(double[][] a) {
    return Seed002MatricesTest.t(a);
  }

  static Stream<Arguments> cases() {
    return ArrayFiniteDifferences.arguments(
        ArrayCase.of("outer (pullback)", "u", "v")
            .primal(a -> dot(SEED, MatrixResults.outer(a.v(0), a.v(1))))
            .generated(a -> {
              var g = new MatrixResultsDerivatives.OuterGradient();
              MatrixResultsDerivatives.outerPullback(a.v(0), a.v(1),
                  ArrayFiniteDifferences.copy(SEED), g);
              double[][] value = MatrixResults.outer(a.v(0), a.v(1));
              for (int i = 0; i < value.length; i++) {
                assertArrayEquals(value[i], g.value()[i], 1e-15, "value row " + i);
              }
              return out(dot(SEED, g.value()), g.u(), g.v());
            })
            .exact(a -> {
              double[] u = a.v(0);
              double[] v = a.v(1);
              double[] du = new double[u.length];
              double[] dv = new double[v.length];
              for (int i = 0; i < u.length; i++) {
                for (int j = 0; j < v.length; j++) {
                  du[i] += SEED[i][j] * v[j];
                  dv[j] += SEED[i][j] * u[i];
                }
              }
              return out(du, dv);
            })
            .at(vec(1.5, -0.5, 0.25), vec(2, -1)),
        ArrayCase.of("matMul (pullback)", "P", "Q")
            .primal(a -> dot(SEED, MatrixResults.matMul(a.m(0), a.m(1))))
            .generated(a -> {
              var g = new MatrixResultsDerivatives.MatMulGradient();
              MatrixResultsDerivatives.matMulPullback(a.m(0), a.m(1),
                  ArrayFiniteDifferences.copy(SEED), g);
              return out(dot(SEED, g.value()), g.P(), g.Q());
            })
            // ∂/∂P = S Qᵀ, ∂/∂Q = Pᵀ S.
            .exact(a -> out(mul(SEED, t(a.m(1))), mul(t(a.m(0)), SEED)))
            .at(P, mat(vec(-0.4, 0.9), vec(1.2, 0.3), vec(0.5, -0.6))),
        ArrayCase.of("traceOfProducts", "P", "Q")
            .primal(a -> MatrixResults.traceOfProducts(a.m(0), a.m(1)))
            .generated(a -> {
              var g = MatrixResultsDerivatives.traceOfProductsGradient(a.m(0), a.m(1));
              return out(g.value(), g.P(), g.Q());
            })
            // tr(PQP): ∂/∂P = (QP)ᵀ + (PQ)ᵀ, ∂/∂Q = (PP)ᵀ.
            .exact(a -> {
              double[][] p = a.m(0);
              double[][] q = a.m(1);
              return out(Seed002MatricesTest.add(t(mul(q, p)), t(mul(p, q))), t(mul(p, p)));
            })
            .at(P, Q));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesAndExact(ArrayCase c, Args point) {
    c.check(point);
  }
}
