package dev.fluxion.corpus.registered;

/** A "library compiled elsewhere" with no Fluxion annotations at all. */
public final class ThirdParty {
  private ThirdParty() {}

  /** The logistic function. */
  public static double logistic(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
