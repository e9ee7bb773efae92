package dev.fluxion.bench.small;

import org.hipparchus.analysis.differentiation.Gradient;

/** The small objectives with Hipparchus' {@link Gradient}, forward mode by overloading. */
public final class SmallHipparchus {
  private SmallHipparchus() {}

  /** The seed-004 graph; writes {∂f6/∂x, ∂f6/∂c} into {@code out} and returns f6. */
  public static double seed004(double x0, double c0, double[] out) {
    Gradient x = Gradient.variable(2, 0, x0);
    Gradient c = Gradient.variable(2, 1, c0);
    Gradient f3 = x.multiply(x).divide(x.log());
    Gradient f6 = f3.add(c).multiply(f3.subtract(c));
    System.arraycopy(f6.getGradient(), 0, out, 0, 2);
    return f6.getValue();
  }

  /** Rosenbrock; writes ∂f/∂x into {@code out} and returns f. */
  public static double rosenbrock(double[] x0, double[] out) {
    int n = x0.length;
    Gradient[] x = variables(n, 0, x0);
    Gradient f = Gradient.constant(n, 0);
    for (int i = 0; i < n - 1; i++) {
      Gradient a = x[i + 1].subtract(x[i].square());
      Gradient b = x[i].negate().add(1);
      f = f.add(a.square().multiply(100)).add(b.square());
    }
    System.arraycopy(f.getGradient(), 0, out, 0, n);
    return f.getValue();
  }

  /**
   * The two-layer perceptron; writes the gradient in the order of {@link SmallHand#mlp} into
   * {@code out} and returns the loss.
   */
  public static double mlp(double[][] w1v, double[] b1v, double[][] w2v, double[] b2v,
      double[] xv, double[] y, double[] out) {
    int p = out.length;
    int next = 0;
    Gradient[][] w1 = new Gradient[w1v.length][];
    for (int i = 0; i < w1v.length; i++) {
      w1[i] = variables(p, next, w1v[i]);
      next += w1v[i].length;
    }
    Gradient[] b1 = variables(p, next, b1v);
    next += b1v.length;
    Gradient[][] w2 = new Gradient[w2v.length][];
    for (int k = 0; k < w2v.length; k++) {
      w2[k] = variables(p, next, w2v[k]);
      next += w2v[k].length;
    }
    Gradient[] b2 = variables(p, next, b2v);
    next += b2v.length;
    Gradient[] x = variables(p, next, xv);

    Gradient[] h = new Gradient[b1.length];
    for (int i = 0; i < h.length; i++) {
      Gradient z = b1[i];
      for (int j = 0; j < x.length; j++) {
        z = z.add(w1[i][j].multiply(x[j]));
      }
      h[i] = z.tanh();
    }
    Gradient loss = Gradient.constant(p, 0);
    for (int k = 0; k < b2.length; k++) {
      Gradient o = b2[k];
      for (int j = 0; j < h.length; j++) {
        o = o.add(w2[k][j].multiply(h[j]));
      }
      Gradient e = o.subtract(y[k]);
      loss = loss.add(e.square().multiply(0.5));
    }
    System.arraycopy(loss.getGradient(), 0, out, 0, p);
    return loss.getValue();
  }

  /** Independent variables {@code first …} of a gradient over {@code p} parameters. */
  private static Gradient[] variables(int p, int first, double[] values) {
    Gradient[] v = new Gradient[values.length];
    for (int i = 0; i < values.length; i++) {
      v[i] = Gradient.variable(p, first + i, values[i]);
    }
    return v;
  }
}
