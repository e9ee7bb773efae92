package dev.fluxion.corpus;

import static dev.fluxion.testing.ArrayFiniteDifferences.dot;
import static dev.fluxion.testing.ArrayFiniteDifferences.out;
import static dev.fluxion.testing.FiniteDifferences.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.fluxion.corpus.loops.Seed002Matrices;
import dev.fluxion.corpus.loops.Seed002MatricesDerivatives;
import dev.fluxion.testing.ArrayFiniteDifferences;
import dev.fluxion.testing.ArrayFiniteDifferences.ArrayCase;
import dev.fluxion.testing.ArrayFiniteDifferences.Args;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seed 002, task 2 (σ(w·x + b), v X a, v A X Xᵀ B z, values from a seeded generator) and task 4
 * made scalar by v·f(X)·z (C X B Xᵀ A X and X X A X X), checked against the product-rule
 * directional derivatives.
 */
class Seed002MatricesTest {

  // ---------------------------------------------------------------- small matrix algebra

  static double[][] mul(double[][] p, double[][] q) {
    double[][] r = new double[p.length][q[0].length];
    for (int i = 0; i < p.length; i++) {
      for (int j = 0; j < q[0].length; j++) {
        for (int k = 0; k < q.length; k++) {
          r[i][j] += p[i][k] * q[k][j];
        }
      }
    }
    return r;
  }

  static double[][] mul(double[][]... ms) {
    double[][] r = ms[0];
    for (int i = 1; i < ms.length; i++) {
      r = mul(r, ms[i]);
    }
    return r;
  }

  static double[][] t(double[][] m) {
    double[][] r = new double[m[0].length][m.length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[0].length; j++) {
        r[j][i] = m[i][j];
      }
    }
    return r;
  }

  static double[][] add(double[][]... ms) {
    double[][] r = new double[ms[0].length][ms[0][0].length];
    for (double[][] m : ms) {
      for (int i = 0; i < r.length; i++) {
        for (int j = 0; j < r[0].length; j++) {
          r[i][j] += m[i][j];
        }
      }
    }
    return r;
  }

  static double[][] column(double[] v) {
    double[][] r = new double[v.length][1];
    for (int i = 0; i < v.length; i++) {
      r[i][0] = v[i];
    }
    return r;
  }

  static double[][] row(double[] v) {
    return new double[][] {v.clone()};
  }

  /** v M z. */
  static double form(double[] v, double[][] m, double[] z) {
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      s += v[i] * dot(m[i], z);
    }
    return s;
  }

  static double[][] unit(int n, int m, int i, int j) {
    double[][] e = new double[n][m];
    e[i][j] = 1;
    return e;
  }

  /** The gradient of v·f(X)·z from a directional derivative D(X)[H], one basis matrix at a time. */
  static double[][] gradientFromDirectional(double[] v, double[][] x, double[] z,
      java.util.function.BiFunction<double[][], double[][], double[][]> df) {
    double[][] g = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[0].length; j++) {
        g[i][j] = form(v, df.apply(x, unit(x.length, x[0].length, i, j)), z);
      }
    }
    return g;
  }

  /** Df(X)[H] for f = C X B Xᵀ A X: C H B Xᵀ A X + C X B Hᵀ A X + C X B Xᵀ A H. */
  static double[][] dCXBXtAX(double[][] c, double[][] b, double[][] a, double[][] x,
      double[][] h) {
    return add(mul(c, h, b, t(x), a, x), mul(c, x, b, t(h), a, x), mul(c, x, b, t(x), a, h));
  }

  /** Df(X)[H] for f = X X A X X: H X A X X + X H A X X + X X A H X + X X A X H. */
  static double[][] dXXAXX(double[][] a, double[][] x, double[][] h) {
    return add(mul(h, x, a, x, x), mul(x, h, a, x, x), mul(x, x, a, h, x), mul(x, x, a, x, h));
  }

  // ---------------------------------------------------------------- seeded values

  static final Random RANDOM = new Random(2024);
  static final double[] V = ModelsTest.gaussians(RANDOM, 3, 1);
  static final double[] Z = ModelsTest.gaussians(RANDOM, 3, 1);
  static final double[] W = ModelsTest.gaussians(RANDOM, 3, 1);
  static final double[] XV = ModelsTest.gaussians(RANDOM, 3, 1);
  static final double B0 = RANDOM.nextGaussian();
  static final double[] A2 = ModelsTest.gaussians(RANDOM, 2, 1);
  static final double[][] X32 = ModelsTest.gaussians(RANDOM, 3, 2, 1);
  static final double[][] X33 = ModelsTest.gaussians(RANDOM, 3, 3, 1);
  static final double[][] MA = ModelsTest.gaussians(RANDOM, 3, 3, 1);
  static final double[][] MB = ModelsTest.gaussians(RANDOM, 3, 3, 1);
  static final double[][] MC = ModelsTest.gaussians(RANDOM, 3, 3, 1);

  static Stream<Arguments> cases() {
    return ArrayFiniteDifferences.arguments(
        ArrayCase.of("neuron", "w", "x", "b")
            .primal(a -> Seed002Matrices.neuron(a.v(0), a.v(1), a.d(2)))
            .generated(a -> {
              var g = Seed002MatricesDerivatives.neuronGradient(a.v(0), a.v(1), a.d(2));
              return out(g.value(), g.w(), g.x(), g.b());
            })
            .exact(a -> {
              double s = 1 / (1 + Math.exp(-(dot(a.v(0), a.v(1)) + a.d(2))));
              double ds = s * (1 - s);
              double[] dw = new double[3];
              double[] dx = new double[3];
              for (int i = 0; i < 3; i++) {
                dw[i] = ds * a.v(1)[i];
                dx[i] = ds * a.v(0)[i];
              }
              return out(dw, dx, ds);
            })
            .at(W, XV, B0),
        ArrayCase.of("vXa", "v", "X", "a")
            .primal(a -> Seed002Matrices.vXa(a.v(0), a.m(1), a.v(2)))
            .generated(a -> {
              var g = Seed002MatricesDerivatives.vXaGradient(a.v(0), a.m(1), a.v(2));
              return out(g.value(), g.v(), g.X(), g.a());
            })
            .exact(a -> {
              double[] v = a.v(0);
              double[][] x = a.m(1);
              double[] av = a.v(2);
              // ∂/∂X = v aᵀ, ∂/∂v = X a, ∂/∂a = Xᵀ v.
              return out(flat(mul(x, column(av))), mul(column(v), row(av)),
                  flat(mul(t(x), column(v))));
            })
            .at(V, X32, A2),
        ArrayCase.of("vAXXtBz", "v", "A", "X", "B", "z")
            .wrt("X")
            .primal(a -> Seed002Matrices.vAXXtBz(a.v(0), a.m(1), a.m(2), a.m(3), a.v(4)))
            .generated(a -> {
              var g = Seed002MatricesDerivatives.vAXXtBzGradient(
                  a.v(0), a.m(1), a.m(2), a.m(3), a.v(4));
              return out(g.value(), g.X());
            })
            .exact(a -> {
              double[][] v = column(a.v(0));
              double[][] ma = a.m(1);
              double[][] x = a.m(2);
              double[][] mb = a.m(3);
              double[][] z = column(a.v(4));
              // Aᵀ v zᵀ Bᵀ X + B z vᵀ A X.
              return out((Object) add(mul(t(ma), v, t(z), t(mb), x), mul(mb, z, t(v), ma, x)));
            })
            .at(V, MA, X32, MB, Z),
        ArrayCase.of("vCXBXtAXz", "v", "C", "X", "B", "A", "z")
            .wrt("X")
            .primal(a -> Seed002Matrices.vCXBXtAXz(
                a.v(0), a.m(1), a.m(2), a.m(3), a.m(4), a.v(5)))
            .generated(a -> {
              var g = Seed002MatricesDerivatives.vCXBXtAXzGradient(
                  a.v(0), a.m(1), a.m(2), a.m(3), a.m(4), a.v(5));
              return out(g.value(), g.X());
            })
            .exact(a -> out((Object) gradientFromDirectional(a.v(0), a.m(2), a.v(5),
                (x, h) -> dCXBXtAX(a.m(1), a.m(3), a.m(4), x, h))))
            .exactTolerance(1e-10, 1e-12)
            .at(V, MC, X33, MB, MA, Z),
        ArrayCase.of("vXXAXXz", "v", "X", "A", "z")
            .wrt("X")
            .primal(a -> Seed002Matrices.vXXAXXz(a.v(0), a.m(1), a.m(2), a.v(3)))
            .generated(a -> {
              var g = Seed002MatricesDerivatives.vXXAXXzGradient(
                  a.v(0), a.m(1), a.m(2), a.v(3));
              return out(g.value(), g.X());
            })
            .exact(a -> out((Object) gradientFromDirectional(a.v(0), a.m(1), a.v(3),
                (x, h) -> dXXAXX(a.m(2), x, h))))
            .exactTolerance(1e-10, 1e-12)
            .at(V, X33, MA, Z),
        ArrayCase.of("vecMat (pullback)", "r", "M")
            .primal(a -> dot(Z, Seed002Matrices.vecMat(a.v(0), a.m(1))))
            .generated(a -> {
              var g = new Seed002MatricesDerivatives.VecMatGradient();
              Seed002MatricesDerivatives.vecMatPullback(a.v(0), a.m(1), Z.clone(), g);
              return out(dot(Z, g.value()), g.r(), g.M());
            })
            .exact(a -> out(flat(mul(a.m(1), column(Z))), mul(column(a.v(0)), row(Z))))
            .at(V, MA),
        ArrayCase.of("vecMatT (pullback)", "r", "M")
            .primal(a -> dot(A2, Seed002Matrices.vecMatT(a.v(0), a.m(1))))
            .generated(a -> {
              var g = new Seed002MatricesDerivatives.VecMatTGradient();
              Seed002MatricesDerivatives.vecMatTPullback(a.v(0), a.m(1), A2.clone(), g);
              return out(dot(A2, g.value()), g.r(), g.M());
            })
            // out_i = Σ_j r_j M_ij: ∂/∂r = Mᵀ s, ∂/∂M = s rᵀ.
            .exact(a -> out(flat(mul(t(a.m(1)), column(A2))), mul(column(A2), row(a.v(0)))))
            .at(V, t(X32)));
  }

  static double[] flat(double[][] column) {
    double[] r = new double[column.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = column[i][0];
    }
    return r;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesAndTheSheet(ArrayCase c, Args point) {
    c.check(point);
  }

  /** ⟨∇(v f z), H⟩ = v·Df(X)[H]·z for several random directions H. */
  @Test
  void gradientsAgreeWithDirectionalDerivatives() {
    Random r = new Random(4);
    double[][] gc = Seed002MatricesDerivatives.vCXBXtAXzGradient(V, MC, X33, MB, MA, Z).X();
    double[][] gx = Seed002MatricesDerivatives.vXXAXXzGradient(V, X33, MA, Z).X();
    double[][] ga = Seed002MatricesDerivatives.vAXXtBzGradient(V, MA, X32, MB, Z).X();
    for (int trial = 0; trial < 5; trial++) {
      double[][] h = ModelsTest.gaussians(r, 3, 3, 1);
      assertClose("CXBXᵀAX along H" + trial,
          form(V, dCXBXtAX(MC, MB, MA, X33, h), Z), dot(gc, h));
      assertClose("XXAXX along H" + trial, form(V, dXXAXX(MA, X33, h), Z), dot(gx, h));
      double[][] h2 = ModelsTest.gaussians(r, 3, 2, 1);
      // AXXᵀB is bilinear in (X, X): D[H] = A H Xᵀ B + A X Hᵀ B.
      double[][] dm = add(mul(MA, h2, t(X32), MB), mul(MA, X32, t(h2), MB));
      assertClose("AXXᵀB along H" + trial, form(V, dm, Z), dot(ga, h2));
    }
  }

  @Test
  void valuesMatchTheMatrixProducts() {
    assertClose("v A X Xᵀ B z", form(V, mul(MA, X32, t(X32), MB), Z),
        Seed002MatricesDerivatives.vAXXtBzGradient(V, MA, X32, MB, Z).value());
    assertClose("v C X B Xᵀ A X z", form(V, mul(MC, X33, MB, t(X33), MA, X33), Z),
        Seed002MatricesDerivatives.vCXBXtAXzGradient(V, MC, X33, MB, MA, Z).value());
    assertClose("v X X A X X z", form(V, mul(X33, X33, MA, X33, X33), Z),
        Seed002MatricesDerivatives.vXXAXXzGradient(V, X33, MA, Z).value());
    double[][] x = Seed002MatricesDerivatives.vXaGradient(V, X32, A2).X();
    assertArrayEquals(new double[] {V[0] * A2[0], V[0] * A2[1]}, x[0], 1e-15, "v aᵀ, row 0");
  }
}
