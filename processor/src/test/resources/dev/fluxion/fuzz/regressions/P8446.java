// A failure the differential fuzzer found (issue 8), shrunk from 88 to 20 lines.
// Seed 8446 (the points are drawn from it): MISMATCH (forward mode differs from reverse mode)
// Not a bug in Fluxion but in the check: x1 overflows to infinity, tanh saturates, and forward
// mode's (1 - tanh²)·ẋ1 is 0·∞ = NaN where reverse mode's product stays 0. The check now skips
// points whose tangent is not finite.
// m2: forward mode NaN but reverse gradient [0.0, 0.0, 0.0, 0.0, 0.0] · v = 0.0, v = [0.9475339084188437, -0.22245492753384544, -0.6612746894512451, -0.6714047738216244, -0.26256156531020713] at m2(x0 = 1.4559673196106466, x1 = -0.11871500636874677, p = [0.24510877425680677, -0.5781287639811755, 0.621 …
// Rerun: mvn -B -q -pl processor -Pfuzz verify -Dfuzz.file=processor/src/test/resources/dev/fluxion/fuzz/regressions/P8446.java
package fuzz;

import dev.fluxion.Differentiable;

public final class P8446 {

  @Differentiable
  static double m2(double x0, double x1, double[] p) {
    l0: for (int i1 = 0; i1 < 2; i1++) {
      for (int j2 = 0; j2 < 3; j2++) {
        int w3 = 0;
        do {
          w3++;
          x0 = Math.tanh(x1);
          x1 = x1 * (1.5 + Math.cos(p[1])) + x0;
          p[1] += x1;
        } while (w3 < p.length);
        x1 = StrictMath.pow(x1, 3.0);
      }
    }
    return x0;
  }
}
