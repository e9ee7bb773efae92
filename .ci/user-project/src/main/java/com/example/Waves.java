package com.example;

import dev.fluxion.Differentiable;

/** The README's wrt example. */
public final class Waves {

  @Differentiable(wrt = {"x"})
  public static double damped(double x, double c) {
    return Math.exp(-c * x) * Math.sin(2 * x);
  }
}
