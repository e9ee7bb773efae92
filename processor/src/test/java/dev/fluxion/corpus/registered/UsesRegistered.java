package dev.fluxion.corpus.registered;

import dev.fluxion.Differentiable;
import dev.fluxion.UsesDerivatives;

/** Differentiable code calling functions with registered derivatives. */
@UsesDerivatives(ThirdPartyRules.class)
public final class UsesRegistered {
  private UsesRegistered() {}

  /** Σ softplus(wᵢ·xᵢ): a smooth hinge sum. */
  @Differentiable(wrt = "w")
  public static double softplusSum(double[] w, double[] x) {
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += Library.softplus(w[i] * x[i]);
    }
    return s;
  }

  /** blend(x², y, 0.3 + z²)·x. */
  @Differentiable
  public static double blended(double x, double y, double z) {
    return Library.blend(x * x, y, 0.3 + 0.1 * z * z) * x;
  }

  /** logistic(a·b) + a, through a rule registered in another class. */
  @Differentiable
  public static double logisticProduct(double a, double b) {
    return ThirdParty.logistic(a * b) + a;
  }
}
