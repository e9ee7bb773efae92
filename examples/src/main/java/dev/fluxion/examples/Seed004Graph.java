package dev.fluxion.examples;

import dev.fluxion.Differentiable;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Sheet 004, task 1: backpropagation through a small computational graph, by hand on the sheet,
 * with PyTorch in its notebook, and here with Fluxion.
 *
 * <pre>
 * f1 = x·x    f2 = ln x    f3 = f1 / f2    f4 = f3 + c    f5 = f3 − c    f6 = f4 · f5
 * </pre>
 *
 * <p>At x = 3, c = 5 the sheet finds df6/dx ≈ 48.8, and PyTorch, in {@code float32},
 * 48.756893157958984. {@link #f6} is the whole graph; Fluxion generates {@code
 * Seed004GraphDerivatives.f6Gradient(x, c)} from it. The other {@code @Differentiable} methods
 * are pieces of the graph, so that the intermediate adjoints of the sheet's backward pass come out
 * of Fluxion too: the nodes {@link #f1} … {@link #f5} give the local derivatives the sheet
 * chains by hand, and {@link #f6FromF4F5}, {@link #f6FromF3} and {@link #f6FromF1F2} give
 * df6/df4, df6/df5, df6/df3, df6/df1 and df6/df2 directly.
 */
public final class Seed004Graph implements Example {

  /** The point of the sheet. */
  static final double X = 3;

  /** The constant of the sheet. */
  static final double C = 5;

  /** PyTorch's df6/dx at (3, 5), from the sheet's notebook ({@code float32}). */
  static final double PYTORCH_FLOAT32_DF6_DX = 48.756893157958984;

  /**
   * The whole graph, as the sheet writes it.
   *
   * @param x the input
   * @param c the constant
   * @return f6
   */
  @Differentiable
  public static double f6(double x, double c) {
    double f1 = x * x;
    double f2 = Math.log(x);
    double f3 = f1 / f2;
    double f4 = f3 + c;
    double f5 = f3 - c;
    double f6 = f4 * f5;
    return f6;
  }

  /**
   * Node f1 = x·x.
   *
   * @param x the input
   * @return f1
   */
  @Differentiable
  public static double f1(double x) {
    return x * x;
  }

  /**
   * Node f2 = ln x.
   *
   * @param x the input
   * @return f2
   */
  @Differentiable
  public static double f2(double x) {
    return Math.log(x);
  }

  /**
   * Node f3 = f1 / f2.
   *
   * @param f1 the value of node f1
   * @param f2 the value of node f2
   * @return f3
   */
  @Differentiable
  public static double f3(double f1, double f2) {
    return f1 / f2;
  }

  /**
   * Node f4 = f3 + c; c is a constant here ({@code wrt}), so only df4/df3 is generated.
   *
   * @param f3 the value of node f3
   * @param c the constant
   * @return f4
   */
  @Differentiable(wrt = {"f3"})
  public static double f4(double f3, double c) {
    return f3 + c;
  }

  /**
   * Node f5 = f3 − c; c is a constant here ({@code wrt}), so only df5/df3 is generated.
   *
   * @param f3 the value of node f3
   * @param c the constant
   * @return f5
   */
  @Differentiable(wrt = {"f3"})
  public static double f5(double f3, double c) {
    return f3 - c;
  }

  /**
   * The graph from f4 and f5 on: f6 = f4 · f5, so df6/df4 = f5 and df6/df5 = f4.
   *
   * @param f4 the value of node f4
   * @param f5 the value of node f5
   * @return f6
   */
  @Differentiable
  public static double f6FromF4F5(double f4, double f5) {
    return f4 * f5;
  }

  /**
   * The graph from f3 on, calling {@link #f6FromF4F5}: df6/df3 = f5 + f4 = 2·f3.
   *
   * @param f3 the value of node f3
   * @param c the constant
   * @return f6
   */
  @Differentiable
  public static double f6FromF3(double f3, double c) {
    return f6FromF4F5(f3 + c, f3 - c);
  }

  /**
   * The graph from f1 and f2 on, calling {@link #f6FromF3}: df6/df1 = df6/df3 / f2 and df6/df2 =
   * −df6/df3 · f1 / f2².
   *
   * @param f1 the value of node f1
   * @param f2 the value of node f2
   * @param c the constant
   * @return f6
   */
  @Differentiable
  public static double f6FromF1F2(double f1, double f2, double c) {
    return f6FromF3(f1 / f2, c);
  }

  @Override
  public String name() {
    return "seed-004";
  }

  @Override
  public String description() {
    return "sheet 004: backpropagation through f1 = x*x ... f6 = f4*f5, every intermediate adjoint";
  }

  @Override
  public void run(PrintStream out) {
    double x = X;
    double c = C;
    out.println("== seed-004: sheet 004, task 1: backpropagation through a computational graph ==");
    out.println("seed-004 graph   f1 = x*x, f2 = ln x, f3 = f1/f2, f4 = f3 + c, f5 = f3 - c,"
        + " f6 = f4*f5 at x = " + x + ", c = " + c);

    // Forward pass, plain Java: the values the sheet writes down first. The sheet's numbers
    // quoted below are its handwritten, rounded results. The transcript in shared/seeds reads
    // some 1s as 7s (8,792 for 8.192, 73,792 for 13.192, 76,384 for 16.384, 14,97 for 14.91);
    // we quote what the sheet evidently says, and none for df6/df2, which the transcript garbles.
    double f1 = x * x;
    double f2 = Math.log(x);
    double f3 = f1 / f2;
    double f4 = f3 + c;
    double f5 = f3 - c;
    double f6 = f4 * f5;

    // The whole graph, differentiated end to end by Fluxion.
    var grad = Seed004GraphDerivatives.f6Gradient(x, c);
    out.println("seed-004 df6/dx = " + grad.x() + " at x = " + x + ", c = " + c
        + "  (Fluxion, reverse mode, double; PyTorch float32: " + PYTORCH_FLOAT32_DF6_DX
        + "; sheet: ~48.8)");
    out.println("seed-004 f6     = " + grad.value() + "  (plain Java: " + f6 + "; sheet: ~42)");
    out.println("seed-004 df6/dc = " + grad.c() + "  (by hand: -2c = " + (-2 * c) + ")");
    out.println("seed-004 forward f1 = " + f1 + ", f2 = " + f2 + ", f3 = " + f3 + ", f4 = " + f4
        + ", f5 = " + f5 + "  (sheet: 9, ~1.099, ~8.192, ~13.192, ~3.192)");

    // Intermediate adjoints, each from Fluxion applied to the graph from that node on.
    var fromF4F5 = Seed004GraphDerivatives.f6FromF4F5Gradient(f4, f5);
    var fromF3 = Seed004GraphDerivatives.f6FromF3Gradient(f3, c);
    var fromF1F2 = Seed004GraphDerivatives.f6FromF1F2Gradient(f1, f2, c);
    double df6df4 = fromF4F5.f4();
    double df6df5 = fromF4F5.f5();
    double df6df3 = fromF3.f3();
    double df6df1 = fromF1F2.f1();
    double df6df2 = fromF1F2.f2();

    // Local derivatives of the nodes, also from Fluxion, chained by hand as the sheet does.
    double df4df3 = Seed004GraphDerivatives.f4Gradient(f3, c).f3();
    double df5df3 = Seed004GraphDerivatives.f5Gradient(f3, c).f3();
    var node3 = Seed004GraphDerivatives.f3Gradient(f1, f2);
    double df3df1 = node3.f1();
    double df3df2 = node3.f2();
    double df1dx = Seed004GraphDerivatives.f1Gradient(x).x();
    double df2dx = Seed004GraphDerivatives.f2Gradient(x).x();

    out.println("seed-004 step 1  df6/df4 = " + df6df4 + "  (= f5 = " + f5 + "; sheet: ~3.192)");
    out.println("seed-004 step 1  df6/df5 = " + df6df5 + "  (= f4 = " + f4 + "; sheet: ~13.192)");
    out.println("seed-004 step 2  df4/df3 = " + df4df3 + ", df5/df3 = " + df5df3
        + "  (sheet: 1, 1)");
    out.println("seed-004 step 2  df6/df3 = " + df6df3
        + "  (chain df6/df4*df4/df3 + df6/df5*df5/df3 = " + (df6df4 * df4df3 + df6df5 * df5df3)
        + "; sheet: ~16.384)");
    out.println("seed-004 step 3  df3/df1 = " + df3df1 + " (= 1/f2 = " + 1 / f2 + "), df3/df2 = "
        + df3df2 + " (= -f1/f2^2 = " + -f1 / (f2 * f2) + ")");
    out.println("seed-004 step 3  df6/df1 = " + df6df1 + "  (chain df6/df3*df3/df1 = "
        + df6df3 * df3df1 + "; sheet: ~14.91)");
    out.println("seed-004 step 3  df6/df2 = " + df6df2 + "  (chain df6/df3*df3/df2 = "
        + df6df3 * df3df2 + ")");
    out.println("seed-004 step 4  df1/dx = " + df1dx + " (= 2x), df2/dx = " + df2dx + " (= 1/x = "
        + 1 / x + ")");
    out.println("seed-004 step 4  chain df6/df1*df1/dx + df6/df2*df2/dx = "
        + (df6df1 * df1dx + df6df2 * df2dx) + "  (end to end: " + grad.x() + ")");

    // The sheet's backward pass once more, node by node, with Fluxion's pullbacks: each node's
    // pullback takes the adjoint flowing into it as its seed and adds seed * partials to a holder
    // that starts at 0. x gets adjoint from two paths, through f1 and through f2, summed here.
    var bar3 = new Seed004GraphDerivatives.F6FromF3Gradient();
    Seed004GraphDerivatives.f6FromF3Pullback(f3, c, 1.0, bar3);
    var bar12 = new Seed004GraphDerivatives.F3Gradient();
    Seed004GraphDerivatives.f3Pullback(f1, f2, bar3.f3(), bar12);
    var barX1 = new Seed004GraphDerivatives.F1Gradient();
    Seed004GraphDerivatives.f1Pullback(x, bar12.f1(), barX1);
    var barX2 = new Seed004GraphDerivatives.F2Gradient();
    Seed004GraphDerivatives.f2Pullback(x, bar12.f2(), barX2);
    out.println("seed-004 pullbacks f6bar = 1 -> f3bar = " + bar3.f3() + " -> f1bar = "
        + bar12.f1() + ", f2bar = " + bar12.f2() + " -> xbar = " + (barX1.x() + barX2.x())
        + " (= " + barX1.x() + " via f1 + " + barX2.x() + " via f2)");

    // Checks that need no sheet: finite differences, and PyTorch's single precision.
    double h = 1e-5;
    double central = (f6(x + h, c) - f6(x - h, c)) / (2 * h);
    out.println("seed-004 check   central difference (h = " + h + ") = " + central
        + ", differs from Fluxion by " + scientific(Math.abs(central - grad.x())));
    out.println("seed-004 check   PyTorch float32 differs by "
        + scientific(Math.abs(PYTORCH_FLOAT32_DF6_DX - grad.x()))
        + ": float32 rounding (its ulp near 48.76 is " + Math.ulp(48.76f) + ")");

    // The same holder reused along a sweep of x: the into-form overwrites it, allocating nothing.
    StringBuilder sweep = new StringBuilder();
    for (double xi = 2; xi <= 5; xi++) {
      Seed004GraphDerivatives.f6Gradient(xi, c, grad);
      sweep.append(sweep.length() == 0 ? "" : ", ").append("x = ").append(xi).append(": ")
          .append(grad.x());
    }
    out.println("seed-004 sweep   df6/dx with one reused holder: " + sweep);
  }

  private static String scientific(double value) {
    return String.format(Locale.ROOT, "%.1e", value);
  }

  /**
   * Runs this example alone, without the tour.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    new Seed004Graph().run(System.out);
  }
}
