// A failure the differential fuzzer found (issue 8), shrunk from 61 to 17 lines.
// Seed 370 (the points are drawn from it): MISMATCH (a generated form changed an argument array)
// Fixed in ParameterWrites: a second call of a method that writes an array parameter was taken
// to write nothing (a shared "visiting" set), so the tangent form did not copy p and changed it.
// m1: the tangent form changed the array argument p from [0.44343730615664034, 0.24894096327264226, -1.0822314679799288] to [0.44343730615664034, 1.2489409632726423, -1.0822314679799288] at m1(x0 = 0.0011562699244458408, p = [0.44343730615664034, 0.24894096327264226, -1.0822314679799288])
// Rerun: mvn -B -q -pl processor -Pfuzz verify -Dfuzz.file=processor/src/test/resources/dev/fluxion/fuzz/regressions/P370.java
package fuzz;

import dev.fluxion.Differentiable;

public final class P370 {

  @Differentiable
  static double m0(double[] p, double x0, double x1, double x2) {
    p[1]++;
    return x0;
  }

  @Differentiable
  static double m1(double x0, double[] p) {
    double[] a2 = new double[3];
    if (m0(a2, x0, x0, a2[1]) > 0.7) {
    }
    double d7 = m0(p, (double) x0, x0, 3.0);
    return x0;
  }
}
