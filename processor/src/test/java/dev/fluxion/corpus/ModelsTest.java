package dev.fluxion.corpus;

import static dev.fluxion.testing.ArrayFiniteDifferences.dot;
import static dev.fluxion.testing.ArrayFiniteDifferences.mat;
import static dev.fluxion.testing.ArrayFiniteDifferences.out;
import static dev.fluxion.testing.FiniteDifferences.assertClose;
import static dev.fluxion.testing.FiniteDifferences.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.fluxion.corpus.loops.Models;
import dev.fluxion.corpus.loops.ModelsDerivatives;
import dev.fluxion.testing.ArrayFiniteDifferences;
import dev.fluxion.testing.ArrayFiniteDifferences.ArrayCase;
import dev.fluxion.testing.ArrayFiniteDifferences.Args;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Losses, networks (an MLP and a 30-step RNN), Euler integrators and Rosenbrock. */
class ModelsTest {

  static final int RNN_STEPS = 30;
  static final int OSCILLATOR_STEPS = 10_000;

  static double[] gaussians(Random r, int n, double scale) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = scale * r.nextGaussian();
    }
    return v;
  }

  static double[][] gaussians(Random r, int n, int m, double scale) {
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = gaussians(r, m, scale);
    }
    return a;
  }

  /** W (3×3), U (3×2), b (3), xs (30×2), h0 (3), target (3). */
  static Object[] rnnPoint(long seed) {
    Random r = new Random(seed);
    return new Object[] {
      gaussians(r, 3, 3, 0.5), gaussians(r, 3, 2, 0.5), gaussians(r, 3, 0.2),
      gaussians(r, RNN_STEPS, 2, 1.0), gaussians(r, 3, 0.5), gaussians(r, 3, 0.5)
    };
  }

  static Stream<Arguments> cases() {
    Object[] rnn1 = rnnPoint(30);
    Object[] rnn2 = rnnPoint(31);
    Random r = new Random(7);
    double[][] w1 = gaussians(r, 4, 3, 0.7);
    double[] b1 = gaussians(r, 4, 0.1);
    double[][] w2 = gaussians(r, 2, 4, 0.7);
    double[] b2 = gaussians(r, 2, 0.1);
    double[] mx = gaussians(r, 3, 1);
    double[] my = gaussians(r, 2, 1);
    return ArrayFiniteDifferences.arguments(
        ArrayCase.of("logSumExp", "x")
            .primal(a -> Models.logSumExp(a.v(0)))
            .generated(a -> {
              var g = ModelsDerivatives.logSumExpGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .exact(a -> out(softmax(a.v(0))))
            .at(vec(0.5, 2.0, -1.0, 1.3))
            .at(vec(3, -2, 0.1))
            .at(vec(800, 801.5, 799)),
        softmaxCrossEntropy(0).at(vec(0.5, 2.0, -1.0, 1.3)),
        softmaxCrossEntropy(2).at(vec(0.5, 2.0, -1.0, 1.3)).at(vec(-700, 1, 2)),
        ArrayCase.of("rosenbrock", "x")
            .primal(a -> Models.rosenbrock(a.v(0)))
            .generated(a -> {
              var g = ModelsDerivatives.rosenbrockGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .exact(a -> out(rosenbrockGradient(a.v(0))))
            .at(vec(-1.2, 1))
            .at(vec(-1.2, 1, 0.5, 0.8, -0.3))
            .at(vec(1, 1, 1, 1))
            .at(vec(0.3)),
        ArrayCase.of("tanhLayer (pullback)", "W", "b", "x")
            .primal(a -> dot(SEED4, Models.tanhLayer(a.m(0), a.v(1), a.v(2))))
            .generated(a -> {
              var g = new ModelsDerivatives.TanhLayerGradient();
              ModelsDerivatives.tanhLayerPullback(a.m(0), a.v(1), a.v(2), SEED4.clone(), g);
              assertArrayEquals(Models.tanhLayer(a.m(0), a.v(1), a.v(2)), g.value(), 1e-15);
              return out(dot(SEED4, g.value()), g.w(), g.b(), g.x());
            })
            .exact(a -> {
              double[][] w = a.m(0);
              double[] b = a.v(1);
              double[] x = a.v(2);
              double[][] dw = new double[w.length][x.length];
              double[] db = new double[b.length];
              double[] dx = new double[x.length];
              for (int i = 0; i < w.length; i++) {
                double h = Math.tanh(b[i] + dot(w[i], x));
                db[i] = SEED4[i] * (1 - h * h);
                for (int j = 0; j < x.length; j++) {
                  dw[i][j] = db[i] * x[j];
                  dx[j] += db[i] * w[i][j];
                }
              }
              return out(dw, db, dx);
            })
            .at(w1, b1, mx),
        ArrayCase.of("mlpLoss", "W1", "b1", "W2", "b2", "x", "y")
            .wrt("W1", "b1", "W2", "b2", "x")
            .primal(a -> Models.mlpLoss(a.m(0), a.v(1), a.m(2), a.v(3), a.v(4), a.v(5)))
            .generated(a -> {
              var g = ModelsDerivatives.mlpLossGradient(
                  a.m(0), a.v(1), a.m(2), a.v(3), a.v(4), a.v(5));
              return out(g.value(), g.w1(), g.b1(), g.w2(), g.b2(), g.x());
            })
            .exact(a -> mlpGradient(a.m(0), a.v(1), a.m(2), a.v(3), a.v(4), a.v(5)))
            .at(w1, b1, w2, b2, mx, my),
        ArrayCase.of("reluNet", "W", "v", "x")
            .primal(a -> Models.reluNet(a.m(0), a.v(1), a.v(2)))
            .generated(a -> {
              var g = ModelsDerivatives.reluNetGradient(a.m(0), a.v(1), a.v(2));
              return out(g.value(), g.w(), g.v(), g.x());
            })
            .exact(a -> {
              double[][] w = a.m(0);
              double[] v = a.v(1);
              double[] x = a.v(2);
              double[][] dw = new double[w.length][x.length];
              double[] dv = new double[v.length];
              double[] dx = new double[x.length];
              for (int k = 0; k < w.length; k++) {
                double z = dot(w[k], x);
                dv[k] = Math.max(z, 0);
                if (z > 0) {
                  for (int j = 0; j < x.length; j++) {
                    dw[k][j] = v[k] * x[j];
                    dx[j] += v[k] * w[k][j];
                  }
                }
              }
              return out(dw, dv, dx);
            })
            // z = (1.3, −0.65, 0.18): the second unit is off.
            .at(mat(vec(1, 0.5), vec(-0.5, -0.25), vec(0.3, -0.2)), vec(0.7, -1.1, 2), vec(1, 0.6)),
        ArrayCase.of("rnnFinalSum[30 steps]", "W", "U", "b", "xs", "h0")
            .primal(a -> Models.rnnFinalSum(a.m(0), a.m(1), a.v(2), a.m(3), a.v(4)))
            .generated(a -> {
              var g = ModelsDerivatives.rnnFinalSumGradient(a.m(0), a.m(1), a.v(2), a.m(3),
                  a.v(4));
              return out(g.value(), g.w(), g.u(), g.b(), g.xs(), g.h0());
            })
            .exact(a -> {
              double[] seed = {1, 1, 1};
              return rnnGradient(a.m(0), a.m(1), a.v(2), a.m(3), a.v(4), h -> seed);
            })
            .exactTolerance(1e-10, 1e-12)
            .at(rnn1[0], rnn1[1], rnn1[2], rnn1[3], rnn1[4])
            .at(rnn2[0], rnn2[1], rnn2[2], rnn2[3], rnn2[4]),
        ArrayCase.of("rnnSquaredError[30 steps]", "W", "U", "b", "xs", "h0", "target")
            .wrt("W", "U", "b")
            .primal(a -> Models.rnnSquaredError(a.m(0), a.m(1), a.v(2), a.m(3), a.v(4), a.v(5)))
            .generated(a -> {
              var g = ModelsDerivatives.rnnSquaredErrorGradient(a.m(0), a.m(1), a.v(2), a.m(3),
                  a.v(4), a.v(5));
              return out(g.value(), g.w(), g.u(), g.b());
            })
            .exact(a -> {
              double[] target = a.v(5);
              Object[] all = rnnGradient(a.m(0), a.m(1), a.v(2), a.m(3), a.v(4), h -> {
                double[] s = new double[h.length];
                for (int i = 0; i < h.length; i++) {
                  s[i] = 2 * (h[i] - target[i]);
                }
                return s;
              });
              return out(all[0], all[1], all[2]);
            })
            .exactTolerance(1e-10, 1e-12)
            .at(rnn1)
            .at(rnn2));
  }

  private static final double[] SEED4 = {0.7, -1.3, 2.1, 0.4};

  private static ArrayCase softmaxCrossEntropy(int label) {
    return ArrayCase.of("softmaxCrossEntropy[label=" + label + "]", "logits")
        .primal(a -> Models.softmaxCrossEntropy(a.v(0), label))
        .generated(a -> {
          var g = ModelsDerivatives.softmaxCrossEntropyGradient(a.v(0), label);
          return out(g.value(), g.logits());
        })
        .exact(a -> {
          double[] p = softmax(a.v(0));
          p[label] -= 1;
          return out(p);
        });
  }

  static double[] softmax(double[] x) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      max = Math.max(max, v);
    }
    double[] p = new double[x.length];
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      p[i] = Math.exp(x[i] - max);
      s += p[i];
    }
    for (int i = 0; i < x.length; i++) {
      p[i] /= s;
    }
    return p;
  }

  static double[] rosenbrockGradient(double[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i + 1 < x.length; i++) {
      double a = x[i + 1] - x[i] * x[i];
      d[i] += -400 * a * x[i] - 2 * (1 - x[i]);
      d[i + 1] += 200 * a;
    }
    return d;
  }

  /** Backpropagation by hand through the two-layer tanh network. */
  static Object[] mlpGradient(
      double[][] w1, double[] b1, double[][] w2, double[] b2, double[] x, double[] y) {
    int hidden = w1.length;
    double[] h = new double[hidden];
    for (int i = 0; i < hidden; i++) {
      h[i] = Math.tanh(b1[i] + dot(w1[i], x));
    }
    double[][] dw2 = new double[w2.length][hidden];
    double[] db2 = new double[w2.length];
    double[] dh = new double[hidden];
    for (int k = 0; k < w2.length; k++) {
      double e = b2[k] + dot(w2[k], h) - y[k];
      db2[k] = e;
      for (int j = 0; j < hidden; j++) {
        dw2[k][j] = e * h[j];
        dh[j] += e * w2[k][j];
      }
    }
    double[][] dw1 = new double[hidden][x.length];
    double[] db1 = new double[hidden];
    double[] dx = new double[x.length];
    for (int i = 0; i < hidden; i++) {
      db1[i] = dh[i] * (1 - h[i] * h[i]);
      for (int j = 0; j < x.length; j++) {
        dw1[i][j] = db1[i] * x[j];
        dx[j] += db1[i] * w1[i][j];
      }
    }
    return out(dw1, db1, dw2, db2, dx);
  }

  /**
   * Backpropagation through time by hand: {W, U, b, xs, h0} partials of a loss of the final
   * state whose gradient in the final state is {@code finalSeed(h_T)}.
   */
  static Object[] rnnGradient(double[][] w, double[][] u, double[] b, double[][] xs, double[] h0,
      java.util.function.Function<double[], double[]> finalSeed) {
    int n = h0.length;
    int steps = xs.length;
    double[][] hs = new double[steps + 1][];
    hs[0] = h0.clone();
    for (int t = 0; t < steps; t++) {
      hs[t + 1] = new double[n];
      for (int i = 0; i < n; i++) {
        hs[t + 1][i] = Math.tanh(b[i] + dot(w[i], hs[t]) + dot(u[i], xs[t]));
      }
    }
    double[][] dw = new double[n][n];
    double[][] du = new double[n][xs[0].length];
    double[] db = new double[n];
    double[][] dxs = new double[steps][xs[0].length];
    double[] dh = finalSeed.apply(hs[steps]);
    for (int t = steps - 1; t >= 0; t--) {
      double[] dz = new double[n];
      for (int i = 0; i < n; i++) {
        double h = hs[t + 1][i];
        dz[i] = dh[i] * (1 - h * h);
      }
      double[] dPrev = new double[n];
      for (int i = 0; i < n; i++) {
        db[i] += dz[i];
        for (int j = 0; j < n; j++) {
          dw[i][j] += dz[i] * hs[t][j];
          dPrev[j] += dz[i] * w[i][j];
        }
        for (int j = 0; j < xs[t].length; j++) {
          du[i][j] += dz[i] * xs[t][j];
          dxs[t][j] += dz[i] * u[i][j];
        }
      }
      dh = dPrev;
    }
    return out(dw, du, db, dxs, dh);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesAndExact(ArrayCase c, Args point) {
    c.check(point);
  }

  // ---------------------------------------------------------------- Euler integrators

  static Stream<Arguments> integratorCases() {
    // The tangents are propagated forwards, the generated adjoints backwards, over 10,000 steps:
    // they round differently, so the exact comparison allows 1e-9 relative.
    return ArrayFiniteDifferences.arguments(
        ArrayCase.of("dampedOscillator[k=4, dt=1e-3, 10000 steps]", "x0", "v0", "c")
            .primal(a -> Models.dampedOscillator(a.d(0), a.d(1), a.d(2), 4, 1e-3,
                OSCILLATOR_STEPS))
            .generated(a -> {
              var g = ModelsDerivatives.dampedOscillatorGradient(a.d(0), a.d(1), a.d(2), 4, 1e-3,
                  OSCILLATOR_STEPS);
              return out(g.value(), g.x0(), g.v0(), g.c());
            })
            .exact(a -> {
              double[] d = oscillatorTangents(a.d(0), a.d(1), a.d(2), 4, 1e-3, OSCILLATOR_STEPS);
              return out(d[0], d[1], d[2]);
            })
            .exactTolerance(1e-9, 1e-12)
            .at(1.0, 0.0, 0.3)
            .at(-0.5, 2.0, 0.05),
        ArrayCase.of("pendulumEnergy[10000 steps]", "theta0", "omega0", "c")
            .primal(a -> Models.pendulumEnergy(a.d(0), a.d(1), a.d(2), OSCILLATOR_STEPS))
            .generated(a -> {
              var g = ModelsDerivatives.pendulumEnergyGradient(a.d(0), a.d(1), a.d(2),
                  OSCILLATOR_STEPS);
              return out(g.value(), g.theta0(), g.omega0(), g.c());
            })
            .exact(a -> {
              double[] d = pendulumTangents(a.d(0), a.d(1), a.d(2), OSCILLATOR_STEPS);
              return out(d[0], d[1], d[2]);
            })
            .exactTolerance(1e-9, 1e-12)
            .at(1.2, 0.0, 0.1)
            .at(0.3, -0.8, 0.4));
  }

  /**
   * Forward mode by hand: the tangents of (x, v) along x0, v0 and c, through the same Euler steps;
   * the partials of x + v/2.
   */
  static double[] oscillatorTangents(double x0, double v0, double c, double k, double dt,
      int steps) {
    double x = x0;
    double v = v0;
    double[] dx = {1, 0, 0};
    double[] dv = {0, 1, 0};
    for (int i = 0; i < steps; i++) {
      double a = -k * x - c * v;
      double[] da = new double[3];
      for (int j = 0; j < 3; j++) {
        da[j] = -k * dx[j] - c * dv[j] - (j == 2 ? v : 0);
      }
      x += dt * v;
      v += dt * a;
      for (int j = 0; j < 3; j++) {
        dx[j] += dt * dv[j];
        dv[j] += dt * da[j];
      }
    }
    return vec(dx[0] + 0.5 * dv[0], dx[1] + 0.5 * dv[1], dx[2] + 0.5 * dv[2]);
  }

  static double[] pendulumTangents(double theta0, double omega0, double c, int steps) {
    double dt = 1e-3;
    double th = theta0;
    double om = omega0;
    double[] dth = {1, 0, 0};
    double[] dom = {0, 1, 0};
    for (int i = 0; i < steps; i++) {
      double[] nth = new double[3];
      double[] nom = new double[3];
      for (int j = 0; j < 3; j++) {
        nth[j] = dth[j] + dt * dom[j];
        nom[j] = dom[j] + dt * (-Math.cos(th) * dth[j] - c * dom[j] - (j == 2 ? om : 0));
      }
      double t = th + dt * om;
      om = om + dt * (-Math.sin(th) - c * om);
      th = t;
      dth = nth;
      dom = nom;
    }
    double[] d = new double[3];
    for (int j = 0; j < 3; j++) {
      d[j] = om * dom[j] + Math.sin(th) * dth[j];
    }
    return d;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("integratorCases")
  void integratorGradientMatchesFiniteDifferencesAndTangents(ArrayCase c, Args point) {
    c.check(point);
  }

  @Test
  void oscillatorIsLinearInTheInitialState() {
    // With c fixed the final state is M^N (x0, v0): the partials do not depend on x0, v0.
    var a = ModelsDerivatives.dampedOscillatorGradient(1, 0, 0.3, 4, 1e-3, OSCILLATOR_STEPS);
    var b = ModelsDerivatives.dampedOscillatorGradient(-2, 5, 0.3, 4, 1e-3, OSCILLATOR_STEPS);
    assertClose("∂/∂x0", a.x0(), b.x0());
    assertClose("∂/∂v0", a.v0(), b.v0());
    assertClose("value", a.x0() * 1 + a.v0() * 0, a.value());
  }

  @Test
  void logSumExpIsStableForLargeInputs() {
    var g = ModelsDerivatives.logSumExpGradient(vec(1000, 1000));
    assertClose("value", 1000 + Math.log(2), g.value());
    assertArrayEquals(vec(0.5, 0.5), g.x(), 1e-15);
  }
}
