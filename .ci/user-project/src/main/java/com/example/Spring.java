package com.example;

import dev.fluxion.Differentiable;

/** The README's instance-method example. */
public final class Spring {
  final double k;   // read by the generated companion: not private

  public Spring(double k) {
    this.k = k;
  }

  @Differentiable
  public double energy(double x) {
    return 0.5 * k * x * x;
  }
}
