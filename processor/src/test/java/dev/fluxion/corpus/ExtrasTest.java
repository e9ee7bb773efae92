package dev.fluxion.corpus;

import static dev.fluxion.testing.ArrayFiniteDifferences.out;
import static dev.fluxion.testing.FiniteDifferences.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.corpus.loops.Extras;
import dev.fluxion.corpus.loops.ExtrasDerivatives;
import dev.fluxion.testing.ArrayFiniteDifferences;
import dev.fluxion.testing.ArrayFiniteDifferences.ArrayCase;
import dev.fluxion.testing.ArrayFiniteDifferences.Args;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Callees that write the caller's arrays. */
class ExtrasTest {

  /** ∂/∂x_k of Σ P_i² + 10 P_{n−1} (P the prefix sums): 2 Σ_{i ≥ k} P_i + 10. */
  static double[] writerGradient(double[] x) {
    double[] p = new double[x.length];
    double run = 0;
    for (int i = 0; i < x.length; i++) {
      run += x[i];
      p[i] = run;
    }
    double[] d = new double[x.length];
    double tail = 0;
    for (int k = x.length - 1; k >= 0; k--) {
      tail += p[k];
      d[k] = 2 * tail + 10;
    }
    return d;
  }

  static Stream<Arguments> cases() {
    return ArrayFiniteDifferences.arguments(
        ArrayCase.of("callsWriter", "x")
            .primal(a -> Extras.callsWriter(a.v(0)))
            .generated(a -> {
              var g = ExtrasDerivatives.callsWriterGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .exact(a -> out(writerGradient(a.v(0))))
            .at(vec(0.5, -1.5, 2.0, 0.75)),
        ArrayCase.of("callsWriterOnParameter", "x")
            .primal(a -> Extras.callsWriterOnParameter(a.v(0)))
            .generated(a -> {
              var g = ExtrasDerivatives.callsWriterOnParameterGradient(a.v(0));
              return out(g.value(), g.x());
            })
            .exact(a -> out(writerGradient(a.v(0))))
            .at(vec(0.5, -1.5, 2.0, 0.75)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesAndExact(ArrayCase c, Args point) {
    c.check(point);
  }

  @Test
  void callerSeesTheCalleesWrites() {
    // P = (0.5, −1, 1, 1.75): Σ P² = 5.3125, plus 10 · 1.75.
    double[] x = vec(0.5, -1.5, 2.0, 0.75);
    assertEquals(5.3125 + 17.5, ExtrasDerivatives.callsWriterGradient(x).value(), 1e-14);
    assertEquals(5.3125 + 17.5, ExtrasDerivatives.callsWriterOnParameterGradient(x).value(),
        1e-14);
    assertArrayEquals(vec(0.5, -1.5, 2.0, 0.75), x, 0.0, "the gradient calls left x unchanged");
    assertEquals(5.3125 + 17.5, Extras.callsWriterOnParameter(x), 1e-14);
    assertArrayEquals(vec(0.5, -1.0, 1.0, 1.75), x, 0.0, "the primal wrote the prefix sums");
  }
}
