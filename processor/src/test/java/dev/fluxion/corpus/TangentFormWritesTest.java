package dev.fluxion.corpus;

import static dev.fluxion.testing.FiniteDifferences.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.corpus.loops.ArrayOpsDerivatives;
import dev.fluxion.corpus.loops.ParameterArraysDerivatives;
import org.junit.jupiter.api.Test;

/**
 * The forward-mode tangent form (added at 48aecd7/c79bf31) on methods that write their parameter
 * arrays: like every gradient call, it must leave the caller's arrays, and the direction arrays,
 * as it found them.
 */
class TangentFormWritesTest {

  @Test
  void tangentFormLeavesPrimalAndDirectionArraysUnchanged() {
    double[] a = vec(0.5, -1.5, 2.0, 0.75);
    double[] d = vec(1, 0, 0, 0);
    var t = ArrayOpsDerivatives.prefixInPlaceTangent(a, d);
    // ∂/∂a_0 of Σ P_i² = 2 Σ_i P_i = 2 (0.5 − 1 + 1 + 1.75).
    assertEquals(4.5, t.tangent(), 1e-14);
    assertArrayEquals(vec(0.5, -1.5, 2.0, 0.75), a, 0.0, "the primal array");
    assertArrayEquals(vec(1, 0, 0, 0), d, 0.0, "the direction array");

    double[] data = vec(0.5, -1.5);
    double[] weights = vec(2, 3);
    double[] dData = vec(1, 1);
    double[] dWeights = vec(0, 0);
    var s = ParameterArraysDerivatives.squareInPlaceTangent(data, weights, dData, dWeights);
    // Σ data² · w along (1, 1; 0, 0): 2·0.5·2 + 2·(−1.5)·3.
    assertEquals(2 - 9, s.tangent(), 1e-14);
    assertArrayEquals(vec(0.5, -1.5), data, 0.0, "data");
    assertArrayEquals(vec(1, 1), dData, 0.0, "the direction of data");
  }
}
