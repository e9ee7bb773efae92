// A failure the differential fuzzer found (issue 8), shrunk from 56 to 15 lines.
// Seed 3186 (the points are drawn from it): MISMATCH (forward mode differs from reverse mode)
// Fixed in ReverseTransform.declareReceivers: a call whose result is unused but that writes an
// active array, inside a branch, gave its scalar arguments an adjoint that was declared inside
// the branch and lost; the reverse gradient missed their contribution.
// m1: forward mode 0.3502678706227693 but reverse gradient [0.0, 0.0, 0.0, 0.0] · v = 0.0, v = [-0.20593625391857096, -0.1597692134164681, -0.23114873700990857, 0.3502678706227693] at m1(p = [0.701739788060376, 0.8198532304372486, -1.118236245825115], x0 = 1.376956963461243)
// Rerun: mvn -B -q -pl processor -Pfuzz verify -Dfuzz.file=processor/src/test/resources/dev/fluxion/fuzz/regressions/P3186.java
package fuzz;

import dev.fluxion.Differentiable;

public final class P3186 {

  @Differentiable
  static double m0(double x0, double[] p, double x1) {
    p[2 % 3] = x0;
    return x0;
  }

  @Differentiable
  static double m1(double[] p, double x0) {
    boolean b4 = 0 % 1 == 0;
    if (b4) x0 += m0(x0, p, x0);
    return p[2];
  }
}
