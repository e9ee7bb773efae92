package com.example;

import dev.fluxion.Differentiable;

/** The README's second-order example: f(x, s) = s·(Σ x_i²)². */
public final class Quadratics {
  @Differentiable
  public static double energy(double[] x, double s) {
    double n = 0;
    for (double v : x) {
      n += v * v;
    }
    return s * n * n;
  }
}
