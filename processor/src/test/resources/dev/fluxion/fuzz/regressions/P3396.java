// A failure the differential fuzzer reported (issue 8), shrunk from 67 to 29 lines: not a bug in
// Fluxion but in the check. 2 + p[0]·m0(…) is about 0.0007 here, so the intermediates swing
// faster than differences with steps 1e-6 and 1e-5 can follow (they agreed with each other, near
// 0, while AD gave -2.3e-4; steps of 1e-10 agree with AD). The check now also takes a step of 1e-7
// and skips points where the differences have not converged.
// Seed 3396 (the points are drawn from it): was MISMATCH (the derivative differs from finite differences)
// Rerun: mvn -B -q -pl processor -Pfuzz verify -Dfuzz.file=processor/src/test/resources/dev/fluxion/fuzz/regressions/P3396.java
package fuzz;

import dev.fluxion.Differentiable;

public final class P3396 {

  @Differentiable
  static double m0(double x0, double x1, double[] p, double x2) {
    double s1 = x0;
    int g2 = 0;
    while (g2 < 5 && s1 < 0.8) {
      g2++;
      if (p[0] < -0.6) {
        p[g2 % 3] = 0.5;
        continue;
      }
      x2++;
    }
    return x2 + x2;
  }

  @Differentiable
  static double m2(double x0, int n, double[] p) {
    x0 /= 2 + p[1 % 1] * m0(x0, x0, p, p[1 % 1]);
    p[n % 1] = (x0 * x0);
    for (int i0 = 0; i0 < n + 1; i0++) {
      x0 = x0 * 0.4 + Math.pow(1.5 + Math.sin(p[0]), 0.75);
    }
    double d1 = Math.log10(2 + Math.sin(StrictMath.atan2(p[n % 1], x0)));
    return d1;
  }
}
