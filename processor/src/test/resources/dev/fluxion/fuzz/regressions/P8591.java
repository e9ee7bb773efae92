// A failure the differential fuzzer found (issue 8), shrunk from 87 to 30 lines.
// Seed 8591 (the points are drawn from it): CRASH (the companion does not compile)
// The companion was too large for the JVM ("code too large"): the lowering put the statements
// after an if that jumps (break, return) into each of its branches that go on, and those after a
// switch into each case, so the code doubled with each such statement: see CodeTooLarge.java.
// /SOURCE_OUTPUT/fuzz/P8591Derivatives.java:3384: code too large
// Rerun: mvn -B -q -pl processor -Pfuzz verify -Dfuzz.file=processor/src/test/resources/dev/fluxion/fuzz/regressions/P8591.java
package fuzz;

import dev.fluxion.Differentiable;

public final class P8591 {

  @Differentiable
  static double m0(double x0, double x1) {
    switch (2 % 3) {
      case 0: {
        boolean b0 = x0 < -0.6;
      }
      case 1: {
      }
      default: {
        if (!(x0 > 0.3)) {
          int k1 = 0;
          if (x0 < 0.3) {
            if (3 % 2 == 0) return x0;
          }
          if (0 % 2 == 0) {
            if (x0 % 2 == 0) break;
          }
        } else if (x0 > 0.1) {
        } else {
          if (x0 > 0.1) break;
        }
        if (x0 < 1.1) break;
      }
    }
    return Math.atan2(x0, 1.5 + Math.cos(x1)) + Math.sin(x0) + Math.sin(Math.nextDown((2.0 + x0))) + x0;
  }
}
