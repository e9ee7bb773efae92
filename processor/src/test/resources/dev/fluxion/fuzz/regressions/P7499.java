// A failure the differential fuzzer found (issue 8), shrunk from 107 to 18 lines.
// Seed 7499 (the points are drawn from it): MISMATCH (forward mode differs from reverse mode)
// Not a bug in Fluxion but in the check: x0 grows to about 1e21, and reverse mode's adjoint of
// (x0 - x0) adds t3Bar then -t3Bar (about 6e20) to a term below their rounding error, leaving 0,
// where forward mode's tangent (2e22) is exact. The check now skips points whose tangent is
// huge, as it did for huge values and gradients, and asks the modes to agree to 1e-8 relative
// instead of 1e-10 (the program as generated differed by 1.3e-10, for the same reason).
// m2: forward mode 1.3808726393940792E22 but reverse gradient [0.0] · v = 0.0, v = [-0.6820780262362078] at m2(x0 = 1.4207703138960386, n = 2)
// Rerun: mvn -B -q -pl processor -Pfuzz verify -Dfuzz.file=processor/src/test/resources/dev/fluxion/fuzz/regressions/P7499.java
package fuzz;

import dev.fluxion.Differentiable;

public final class P7499 {

  @Differentiable
  static double m2(double x0, int n) {
    int w0 = 0;
    do {
      w0++;
      int w3 = 0;
      do {
        w3++;
        x0 = x0 * x0 + x0;
        x0 *= ((double) w0 + (x0 - x0));
      } while (w3 < n + 1);
    } while (w0 < n);
    return Math.sin(x0);
  }
}
