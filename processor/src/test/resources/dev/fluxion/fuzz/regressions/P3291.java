// A failure the differential fuzzer found (issue 8), shrunk from 104 to 34 lines.
// Seed 3291 (the points are drawn from it): MISMATCH (forward mode differs from reverse mode)
// Fixed in ReverseTransform.declareReceivers: a call whose result is unused but that writes an
// active array, inside a branch, gave its scalar arguments an adjoint that was declared inside
// the branch and lost; the reverse gradient missed their contribution.
// m2: forward mode 0.22228401593483493 but reverse gradient [2.0, 0.5, 0.0, 0.0, 0.0] · v = -1.206677343550671, v = [-0.47524034979998797, -0.5123932879013904, 0.5040718848159862, -0.9526409063236707, -0.7388201118474984] at m2(p = [-0.911541173136162, 1.2725988626071167, -0.32232077362959966], x0 = - …
// Rerun: mvn -B -q -pl processor -Pfuzz verify -Dfuzz.file=processor/src/test/resources/dev/fluxion/fuzz/regressions/P3291.java
package fuzz;

import dev.fluxion.Differentiable;

public final class P3291 {

  @Differentiable
  static double m0(int n, double x0, double[] p) {
    double d2 = x0;
    double d3 = x0;
    double d4 = x0;
    double[] a5 = p;
    double s7 = x0;
    int g8 = 0;
    while (g8 < 5 && x0 < 1.3) {
      g8++;
      s7 += 0.35 + 0.25 * Math.sin((s7 * (d4 * a5[(g8) % 3])));
      for (int i9 = 0; i9 < n + 1; i9++) {
        a5[(2 + i9) % 3] = a5[(2 + i9) % 3] * Math.tanh(s7);
        a5[(2 + i9) % 3] += Math.asin(0.9 * Math.tanh(1));
      }
      p[2] *= Math.tanh(((-d3) * Math.log1p((s7) * (s7))));
    }
    return a5[0] + a5[1] + d2;
  }

  @Differentiable
  static double m2(double[] p, double x0, double x1) {
    for (int i0 = 0; i0 < p.length; i0++) {
      x1 = ((m0((i0 + i0) % 5, x0, p) / (1.5 + Math.tanh((x1 - x0)))) - (x0 - Math.nextUp(2.0)));
    }
    double d1 = p[0];
    double[] a2 = new double[3];
    double d4 = Math.sqrt(1 + (Math.exp(-((a2[0] - a2[0])) * ((a2[0] - a2[0])))) * (Math.exp(-((a2[0] - a2[0])) * ((a2[0] - a2[0])))));
    double[] a5 = new double[3];
    return p[1] + d1;
  }
}
