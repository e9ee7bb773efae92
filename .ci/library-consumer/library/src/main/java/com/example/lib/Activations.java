package com.example.lib;

import dev.fluxion.Differentiable;

/** Scalar functions a consumer's model is built from. */
public final class Activations {
  private Activations() {}

  /** log(1 + e^z), written so that it does not overflow for large z. */
  @Differentiable
  public static double softplus(double z) {
    if (z > 30) {
      return z;
    }
    return Math.log1p(Math.exp(z));
  }

  /** A smooth step whose steepness is data, not differentiated. */
  @Differentiable(wrt = {"z"})
  public static double logistic(double z, double steepness) {
    return 1 / (1 + Math.exp(-steepness * z));
  }
}
