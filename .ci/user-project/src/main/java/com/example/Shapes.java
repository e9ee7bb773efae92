package com.example;

import dev.fluxion.Differentiable;

/** The README's Jacobian example. */
public final class Shapes {
  @Differentiable
  public static double[] polar(double r, double theta) {
    return new double[] {r * Math.cos(theta), r * Math.sin(theta)};
  }
}
