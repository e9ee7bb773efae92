package dev.fluxion.bench.gmm;

import static dev.fluxion.bench.Tool.FINITE_DIFFERENCES;
import static dev.fluxion.bench.Tool.FLUXION_FORWARD;
import static dev.fluxion.bench.Tool.FLUXION_REVERSE;
import static dev.fluxion.bench.Tool.HAND;
import static dev.fluxion.bench.Tool.HIPPARCHUS;
import static dev.fluxion.bench.Tool.OBJECTIVE;

import dev.fluxion.bench.Cases;
import dev.fluxion.bench.Tool;
import java.util.EnumSet;
import java.util.List;

/**
 * The GMM inputs and the tools each runs. Forward mode (Fluxion's, one sweep per parameter) and
 * finite differences (two objectives per parameter) only on the 30 parameters of d2 K5: on d10 K25
 * they take seconds per call. Hipparchus (a gradient over every parameter on every intermediate
 * value) also on d10 K25 with 1,000 points, where one call takes seconds, and which the quick run
 * leaves out, as it leaves out the two largest inputs.
 */
public final class GmmCases {
  private GmmCases() {}

  /** The registry entries, smallest first. */
  public static List<Cases.Entry> entries() {
    var all = EnumSet.of(OBJECTIVE, FLUXION_REVERSE, FLUXION_FORWARD, HAND, FINITE_DIFFERENCES,
        HIPPARCHUS);
    var exact = EnumSet.of(OBJECTIVE, FLUXION_REVERSE, HAND);
    var withHipparchus = EnumSet.of(OBJECTIVE, FLUXION_REVERSE, HAND, HIPPARCHUS);
    return List.of(
        entry("gmm-1k-d2-K5", "gmm-1k-gmm_d2_K5.txt", true, all, all),
        entry("gmm-1k-d10-K25", "gmm-1k-gmm_d10_K25.txt", true, withHipparchus, exact),
        entry("gmm-1k-d20-K50", "gmm-1k-gmm_d20_K50.txt", false, exact, exact),
        entry("gmm-10k-d10-K25", "gmm-10k-gmm_d10_K25.txt", false, exact, exact));
  }

  private static Cases.Entry entry(String name, String file, boolean quick, EnumSet<Tool> tools,
      EnumSet<Tool> quickTools) {
    return new Cases.Entry(name, quick, () -> new GmmCase(name, file, tools, quickTools));
  }
}
