// A failure the differential fuzzer found (issue 8), shrunk from 92 to 25 lines.
// Seed 718 (the points are drawn from it): MISMATCH (forward mode differs from reverse mode)
// Fixed in ReverseTransform.declareReceivers: a call whose result is unused but that writes an
// active array, inside a branch, gave its scalar arguments an adjoint that was declared inside
// the branch and lost; the reverse gradient missed their contribution.
// m1: forward mode -0.7780961092826058 but reverse gradient [0.0, 0.46267948866957986, 0.0020986865666496033, 1.311887504687074, 0.0, 0.0] · v = -0.7765764821760497, v = [-0.15403028289219423, 0.23406694522918792, 0.7074027376395418, -0.6756364933464782, 0.30594813092729023, 0.6984149628029013] at m1( …
// Rerun: mvn -B -q -pl processor -Pfuzz verify -Dfuzz.file=processor/src/test/resources/dev/fluxion/fuzz/regressions/P718.java
package fuzz;

import dev.fluxion.Differentiable;

public final class P718 {

  @Differentiable
  static double m0(double x0, double[] p) {
    double[] a0 = {x0, x0, x0, p[2]};
    int w1 = 0;
    do {
      w1++;
      p[(w1) % 3] *= Math.tanh(Math.tanh(((x0) % 1.25)));
    } while (w1 < a0.length);
    double d3 = x0;
    return x0 + p[0];
  }

  @Differentiable
  static double m1(double x0, int n, double[] p, double x1, double x2) {
    double d0 = ((Math.pow(x1, 3.0) * (x2 > 0.7 ? p[((0) % 2) % 3] : 1)) * Math.tanh((p[(n) % 3] * p[(n + 0) % 3])));
    if ((x2 < 1.1 || n > 2)) {
      m0(x0, p);
    } else {
    }
    double[] a5 = new double[3];
    return p[2];
  }
}
