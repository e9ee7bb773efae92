package dev.fluxion.corpus.registered;

import dev.fluxion.Differentiable;
import dev.fluxion.Partial;

/** Derivatives for {@link ThirdParty}, registered by its user. */
public final class ThirdPartyRules {
  private ThirdPartyRules() {}

  /** σ'(x) = σ(x)(1 − σ(x)). */
  @Differentiable
  @Partial(of = "logistic", wrt = "x", in = ThirdParty.class)
  public static double logisticDx(double x) {
    double s = 1 / (1 + Math.exp(-x));
    return s * (1 - s);
  }
}
