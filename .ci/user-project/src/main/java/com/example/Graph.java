package com.example;

import dev.fluxion.Differentiable;

/** The README's first example. */
public final class Graph {

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
}
