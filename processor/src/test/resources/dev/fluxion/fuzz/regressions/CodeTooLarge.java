// A failure the differential fuzzer found (issue 8, seeds 8591 and 9873), written small by hand.
// Seed 1 (the points are drawn from it): CRASH (the companion does not compile)
// The generated code doubled with each if that has both a branch that goes on and one that
// jumps, as the statements after it were copied into every branch that goes on. With 5 such ifs
// the companion had 4,700 lines, with 7 it had 18,000 and javac stopped: "code too large". Now
// such a jump is deferred to the end of the iteration and what follows is lowered once.
// Rerun: mvn -B -q -pl processor -Pfuzz verify -Dfuzz.file=processor/src/test/resources/dev/fluxion/fuzz/regressions/CodeTooLarge.java
package fuzz;

import dev.fluxion.Differentiable;

public final class CodeTooLarge {

  @Differentiable
  static double f(double x) {
    double s = 0;
    for (int i = 0; i < 3; i++) {
      if (x < 0.1) { s += x; } else if (x > 0.1) { break; }
      if (x < 0.2) { s += x; } else if (x > 0.2) { break; }
      if (x < 0.3) { s += x; } else if (x > 0.3) { break; }
      if (x < 0.4) { s += x; } else if (x > 0.4) { break; }
      if (x < 0.5) { s += x; } else if (x > 0.5) { break; }
      if (x < 0.6) { s += x; } else if (x > 0.6) { break; }
      if (x < 0.7) { s += x; } else if (x > 0.7) { break; }
      s += x * x;
    }
    return s;
  }
}
