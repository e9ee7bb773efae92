package dev.fluxion.corpus.scalar;

import dev.fluxion.Differentiable;

/**
 * The computational graph of seed 004: {@code f1 = x², f2 = ln x, f3 = f1/f2, f4 = f3 + c, f5 =
 * f3 − c, f6 = f4 f5}. At x = 3, c = 5: f6 = 42.11137142490805 and df6/dx = 48.75689335076091.
 * The methods starting later in the graph expose the intermediate adjoints as gradients.
 */
public final class Seed004Graph {

  private Seed004Graph() {}

  /** The whole graph. */
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

  /** The first half: {@code f3 = x² / ln x}. */
  @Differentiable
  public static double f3(double x) {
    double f1 = x * x;
    double f2 = Math.log(x);
    return f1 / f2;
  }

  /** The graph from f1 and f2 on: gradient {@code (df6/df1, df6/df2, df6/dc)}. */
  @Differentiable
  public static double f6FromF1F2(double f1, double f2, double c) {
    double f3 = f1 / f2;
    return (f3 + c) * (f3 - c);
  }

  /** The graph from f3 on: gradient {@code (df6/df3, df6/dc) = (2 f3, −2c)}. */
  @Differentiable
  public static double f6FromF3(double f3, double c) {
    double f4 = f3 + c;
    double f5 = f3 - c;
    return f4 * f5;
  }

  /** The last node: gradient {@code (df6/df4, df6/df5) = (f5, f4)}. */
  @Differentiable
  public static double f6FromF4F5(double f4, double f5) {
    return f4 * f5;
  }

  /** The graph again, assembled from the partial graphs by calls. */
  @Differentiable
  public static double f6ByCalls(double x, double c) {
    return f6FromF3(f3(x), c);
  }
}
