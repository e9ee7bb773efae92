package com.example;

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

    System.out.println("user-project: README snippets OK (" + checks + " checks)");
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
