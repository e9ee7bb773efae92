package dev.fluxion.bench.small;

import dev.fluxion.bench.Cases;
import java.util.List;

/**
 * The small cases: every tool on each; the quick run times all of them on the smallest and only
 * the objective, Fluxion's reverse mode and the hand-written gradient on the others.
 */
public final class SmallCases {
  private SmallCases() {}

  /** The registry entries. */
  public static List<Cases.Entry> entries() {
    return List.of(
        new Cases.Entry("seed-004", true, Seed004Case::new),
        new Cases.Entry("rosenbrock-10", true, () -> new RosenbrockCase(10)),
        new Cases.Entry("rosenbrock-100", true, () -> new RosenbrockCase(100)),
        new Cases.Entry("rosenbrock-1000", true, () -> new RosenbrockCase(1000)),
        new Cases.Entry("mlp-10-20-5", true, () -> new MlpCase(10, 20, 5)));
  }
}
