// A failure the differential fuzzer found (issue 8), shrunk from 93 to 23 lines.
// Seed 2827 (the points are drawn from it): MISMATCH (forward mode differs from reverse mode)
// Fixed in ReverseTransform.declareReceivers: a call whose result is unused but that writes an
// active array, inside a branch, gave its scalar arguments an adjoint that was declared inside
// the branch and lost; the reverse gradient missed their contribution.
// m1: forward mode 0.36877532949918024 but reverse gradient [0.04442326522718529, 3.904652053178974E-11, -0.5026329679825587, 9.774815168597449E-6, -3.692383199323066E-4, 0.2943132588888122] · v = 0.25338959064694444, v = [0.7962027150831423, -0.3473169842368773, -0.0053239832078300076, 0.971088847124 …
// Rerun: mvn -B -q -pl processor -Pfuzz verify -Dfuzz.file=processor/src/test/resources/dev/fluxion/fuzz/regressions/P2827.java
package fuzz;

import dev.fluxion.Differentiable;

public final class P2827 {

  @Differentiable
  static double m0(double x0, double[] p, double x1) {
    p[1] = x1;
    double[] a0 = {x0, x0, p[1]};
    return x0;
  }

  @Differentiable
  static double m1(double[] p, double x0, double x1, double x2) {
    int w1 = 0;
    do {
      w1++;
      double d2 = ((Math.atan2(x2, 1.5 + Math.cos(x0)) - 0.1) - m0(m0((double) w1, p, x2), p, x1));
    } while (w1 < p.length);
    x1 = Math.cosh(Math.sin(Math.fma((p[2] < 0.7 ? p[0] : x0), ((-0.5) * x2), Math.asin(0.9 * Math.tanh(p[0])))));
    p[2] -= Math.fma(p[0], (x0 * p[1]), (-x1));
    double d8 = p[2];
    if (Math.log1p((p[1]) * (p[1])) < 0.7) return (Math.tanh(d8) - p[2]);
    return x2;
  }
}
