package com.example.app;

import com.example.lib.Spring;
import java.util.function.ToDoubleFunction;

/**
 * Checks the consumer's derivatives, which go through the library's generated code in its jar:
 * reverse-mode gradients and forward-mode tangents against central finite differences, and a
 * Hessian-vector product against finite differences of the gradient. Exits with status 1 on a
 * mismatch.
 */
public final class Main {
  private static int checks;
  private static int failures;

  public static void main(String[] args) {
    double[] w = {0.3, -0.7, 0.2};
    double b = 0.1;
    double[][] xs = {{1.0, 0.5, -0.2}, {-0.4, 1.2, 0.8}, {0.9, -1.1, 0.3}, {0.0, 0.2, -1.5}};
    double[] ys = {0.8, 0.1, 1.3, 0.4};

    var g = ModelDerivatives.lossGradient(w, b, xs, ys);
    for (int k = 0; k < w.length; k++) {
      int at = k;
      check("dloss/dw[" + k + "]", g.w()[k],
          difference(h -> Model.loss(shifted(w, at, h), b, xs, ys)));
    }
    check("dloss/db", g.b(), difference(h -> Model.loss(w, b + h, xs, ys)));

    double[] tw = {1.0, 0.5, -2.0};
    double tb = 0.25;
    var t = ModelDerivatives.lossTangent(w, b, xs, ys, tw, tb);
    check("loss tangent = gradient · direction", t.tangent(),
        g.w()[0] * tw[0] + g.w()[1] * tw[1] + g.w()[2] * tw[2] + g.b() * tb);

    Spring spring = new Spring(3.0);
    double[] x = {0.4, -0.9, 1.3};
    var e = ModelDerivatives.energyGradient(x, spring);
    for (int k = 0; k < x.length; k++) {
      int at = k;
      check("denergy/dx[" + k + "]", e.x()[k],
          difference(h -> Model.energy(shifted(x, at, h), spring)));
    }

    double[] v = {1.0, -1.0, 0.5};
    var hv = ModelDerivatives.energyHessianVectorProduct(x, spring, v);
    for (int k = 0; k < x.length; k++) {
      int at = k;
      check("(H v)[" + k + "]", hv.hessianVectorProduct()[at], difference(h -> {
        double[] moved = x.clone();
        for (int i = 0; i < moved.length; i++) {
          moved[i] += h * v[i];
        }
        return ModelDerivatives.energyGradient(moved, spring).x()[at];
      }));
    }

    if (failures > 0) {
      System.out.println("library-consumer: " + failures + " of " + checks + " checks FAILED");
      System.exit(1);
    }
    System.out.println("library-consumer: derivatives through the library jar OK (" + checks
        + " checks)");
  }

  /** The central difference of f at 0. */
  private static double difference(ToDoubleFunction<Double> f) {
    double h = 1e-6;
    return (f.applyAsDouble(h) - f.applyAsDouble(-h)) / (2 * h);
  }

  private static double[] shifted(double[] a, int k, double h) {
    double[] r = a.clone();
    r[k] += h;
    return r;
  }

  private static void check(String what, double actual, double expected) {
    checks++;
    boolean ok = Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected));
    System.out.println((ok ? "ok   " : "FAIL ") + what + " = " + actual + " (expected "
        + expected + ")");
    if (!ok) {
      failures++;
    }
  }
}
