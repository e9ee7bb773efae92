package com.example;

import dev.fluxion.train.Adam;
import dev.fluxion.train.GradientCheck;
import dev.fluxion.train.LearningRate;
import dev.fluxion.train.MiniBatches;

/** Runs the README's snippets and checks their numbers; exits non-zero on the first mismatch. */
public final class Main {

  private static int checks;

  public static void main(String[] args) {
    // A first example.
    GraphDerivatives.F6Gradient first = GraphDerivatives.f6Gradient(3, 5);
    System.out.println("f6 = " + first.value() + ", df6/dx = " + first.x() + ", df6/dc = " + first.c());
    check("f6", first.value(), 42.11137142490805);
    check("df6/dx", first.x(), 48.75689335076091);
    check("df6/dc", first.c(), -10.0);

    // Into: overwrites a reusable holder.
    var g = GraphDerivatives.f6Gradient(2, 5);
    for (double x = 2; x <= 5; x += 0.5) {
      var returned = GraphDerivatives.f6Gradient(x, 5, g);
      check("into returns its holder", returned == g ? 1 : 0, 1);
      check("into df6/dx at " + x, g.x(), df6dx(x));
      check("into df6/dc at " + x, g.c(), -10.0);
    }

    // Pullback: accumulates seed * gradient.
    var dL = new GraphDerivatives.F6Gradient();
    GraphDerivatives.f6Pullback(3, 4, 0.5, dL);
    check("pullback, first term", dL.x(), 0.5 * df6dx(3));
    GraphDerivatives.f6Pullback(3, 6, 0.5, dL);
    check("pullback, sum", dL.x(), df6dx(3)); // df6/dx does not depend on c
    check("pullback, sum dc", dL.c(), 0.5 * -8 + 0.5 * -12);

    // wrt: only x is differentiated.
    var w = WavesDerivatives.dampedGradient(1.0, 0.5);
    check("damped", w.value(), Math.exp(-0.5) * Math.sin(2));
    check("damped'", w.x(), Math.exp(-0.5) * (2 * Math.cos(2) - 0.5 * Math.sin(2)));

    // Instance method: the receiver first; fields are constants.
    var e = SpringDerivatives.energyGradient(new Spring(4), 0.25);
    check("energy", e.value(), 0.125);
    check("denergy/dx", e.x(), 1.0);

    // Forward mode: the directional derivative along x.
    var t = GraphDerivatives.f6Tangent(3, 5, 1.0, 0.0);
    check("tangent value", t.value(), 42.11137142490805);
    check("tangent df6/dx", t.tangent(), 48.75689335076091);

    // Jacobian of polar coordinates.
    double r = 2;
    double theta = Math.PI / 6;
    double[][] j = ShapesDerivatives.polarJacobian(r, theta);
    check("J[0][0]", j[0][0], Math.cos(theta));
    check("J[0][1]", j[0][1], -r * Math.sin(theta));
    check("J[1][0]", j[1][0], Math.sin(theta));
    check("J[1][1]", j[1][1], r * Math.cos(theta));
    double[][] jr = ShapesDerivatives.polarJacobianReverse(r, theta);
    check("J by reverse mode", jr[1][1], r * Math.cos(theta));

    // Second order: f = s·n², n = Σ x_i²; ∂²f/∂x_i∂x_k = s(8 x_i x_k + 4 n δ_ik).
    double[] x = {0.5, -1.0};
    var h = QuadraticsDerivatives.energyHessian(x, 1.2);
    double n = 1.25;
    check("H[0][0]", h.hessian()[0][0], 1.2 * (8 * 0.25 + 4 * n));
    check("H[0][1]", h.hessian()[0][1], 1.2 * 8 * 0.5 * -1.0);
    check("H[0][2] = ∂²f/∂x0∂s", h.hessian()[0][2], 4 * n * 0.5);
    var hv = QuadraticsDerivatives.energyHessianVectorProduct(x, 1.2, new double[] {1, 0, 0});
    check("Hv", hv.hessianVectorProduct()[1], h.hessian()[1][0]);

    // The training toolkit: a line fitted by mini-batch Adam, then its gradient checked.
    java.util.Random random = new java.util.Random(1);
    double[] xs = new double[200];
    double[] ys = new double[200];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = -2 + 4 * random.nextDouble();
      ys[i] = 1.5 - 0.7 * xs[i] + 0.1 * random.nextGaussian();
    }
    double[] fitted = fitLine(xs, ys);
    near("fitted intercept", fitted[0], 1.5, 0.05);
    near("fitted slope", fitted[1], -0.7, 0.05);
    var report = GradientCheck.check(v -> Line.loss(v, xs, ys), fitted,
        LineDerivatives.lossGradient(fitted, xs, ys).w());
    System.out.println(report);
    check("gradient check passed", report.passed() ? 1 : 0, 1);
    check("gradient check components", report.components(), 2);

    System.out.println("user-project: README snippets OK (" + checks + " checks)");
  }

  /** The README's training loop, as written there. */
  private static double[] fitLine(double[] x, double[] y) {
    double[] w = {0, 0};
    var adam = new Adam(LearningRate.cosine(0.1, 0.001, 1000));
    var batches = new MiniBatches(x.length, 20, 42);             // 10 batches of 20 per epoch
    double[] xb = new double[20];
    double[] yb = new double[20];
    var g = new LineDerivatives.LossGradient();
    for (int epoch = 0; epoch < 100; epoch++) {
      batches.shuffle();
      for (int b = 0; b < batches.count(); b++) {
        LineDerivatives.lossGradient(w, batches.gather(b, x, xb), batches.gather(b, y, yb), g);
        adam.step(w, g.w());                                     // no allocation per step
      }
    }
    return w;
  }

  private static void near(String what, double actual, double expected, double tolerance) {
    checks++;
    if (!(Math.abs(actual - expected) <= tolerance)) {
      System.out.println("user-project: " + what + " = " + actual + ", expected " + expected
          + " +- " + tolerance);
      System.exit(1);
    }
  }

  /** df6/dx = 2·f3·df3/dx, by hand. */
  private static double df6dx(double x) {
    double ln = Math.log(x);
    return 2 * (x * x / ln) * (2 * x * ln - x) / (ln * ln);
  }

  private static void check(String what, double actual, double expected) {
    checks++;
    if (!(Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)))) {
      System.out.println("user-project: " + what + " = " + actual + ", expected " + expected);
      System.exit(1);
    }
  }
}
