package dev.fluxion.corpus;

import static dev.fluxion.corpus.ParameterArraysTest.assertRejectsAliasing;
import static dev.fluxion.testing.ArrayFiniteDifferences.mat;
import static dev.fluxion.testing.FiniteDifferences.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.fluxion.corpus.loops.ParameterArraysDerivatives;
import org.junit.jupiter.api.Test;

/**
 * Aliasing through the rows of a {@code double[][]}: a vector argument that is a row of a matrix
 * argument, or two matrices that share a row, when the method writes one of them. The issue asks
 * that aliasing Fluxion cannot handle never gives a wrong answer silently; the README (at
 * a23a5f7) documents that only the arrays themselves are checked, not the rows, and these calls
 * then return partials that match neither parameter nor their sum. These tests state the stricter
 * expectation (an {@link IllegalArgumentException} naming both parameters); delete them if the
 * documented limitation is the intended contract.
 */
class RowAliasingTest {

  @Test
  void rowOfAMatrixPassedAsAWrittenVectorIsRejected() {
    double[][] m = mat(vec(0.5, -1.5), vec(2, 0.75));
    double[] row = m[0];
    assertRejectsAliasing("m", "v", row,
        () -> ParameterArraysDerivatives.scaleRowIntoGradient(m, row));
    // Distinct arrays: f = 6 Σ m_0j², ∂/∂m_0j = 12 m_0j, ∂/∂v = 0 (overwritten before it is read).
    var g = ParameterArraysDerivatives.scaleRowIntoGradient(m, vec(9, 9));
    assertArrayEquals(vec(6, -18), g.m()[0], 1e-14);
    assertArrayEquals(vec(0, 0), g.m()[1], 0.0);
    assertArrayEquals(vec(0, 0), g.v(), 0.0);
  }

  @Test
  void matricesSharingARowWhenOneIsWrittenAreRejected() {
    double[] shared = vec(0.5, -1.5);
    double[][] target = {shared, vec(1, 2)};
    double[][] source = {shared, vec(3, 4)};
    assertRejectsAliasing("target", "source", shared,
        () -> ParameterArraysDerivatives.addRowsGradient(target, source));
    double[][] same = mat(vec(0.5, -1.5), vec(1, 2));
    assertRejectsAliasing("target", "source", same[0],
        () -> ParameterArraysDerivatives.addRowsGradient(same, same));
  }

}
