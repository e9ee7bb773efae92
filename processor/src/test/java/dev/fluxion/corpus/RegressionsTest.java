package dev.fluxion.corpus;

import static dev.fluxion.testing.ArrayFiniteDifferences.mat;
import static dev.fluxion.testing.FiniteDifferences.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.corpus.loops.Regressions;
import dev.fluxion.corpus.loops.RegressionsDerivatives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One exact check for each minimal reproduction in {@link Regressions}. */
class RegressionsTest {

  @Test
  void rowReadInsideALoop() {
    var g = RegressionsDerivatives.sumFirstColumnGradient(mat(vec(1, 5), vec(2, 6), vec(3, 7)));
    assertEquals(6, g.value(), 0.0);
    assertArrayEquals(vec(1, 0), g.a()[0], 0.0, "row 0");
    assertArrayEquals(vec(1, 0), g.a()[1], 0.0, "row 1");
    assertArrayEquals(vec(1, 0), g.a()[2], 0.0, "row 2");
  }

  @ParameterizedTest(name = "steps = {0}")
  @ValueSource(ints = {0, 1, 2, 3})
  void freshArrayPerIteration(int steps) {
    // h0 = x0^(2^steps): derivative 2^steps · x0^(2^steps − 1).
    int p = 1 << steps;
    var g = RegressionsDerivatives.freshArrayPerIterationGradient(vec(1.5, 0.5), steps);
    assertEquals(Math.pow(1.5, p), g.value(), 1e-12 * Math.pow(1.5, p));
    assertArrayEquals(vec(p * Math.pow(1.5, p - 1), 0), g.x(), 1e-12 * p * Math.pow(1.5, p));
  }

  @ParameterizedTest(name = "steps = {0}")
  @ValueSource(ints = {0, 1, 2, 3})
  void swapInLoop(int steps) {
    int p = 1 << steps;
    var g = RegressionsDerivatives.swapInLoopGradient(vec(1.5), steps);
    assertEquals(Math.pow(1.5, p), g.value(), 1e-12 * Math.pow(1.5, p));
    assertArrayEquals(vec(p * Math.pow(1.5, p - 1)), g.x(), 1e-12 * p * Math.pow(1.5, p));
  }

  @Test
  void pullbackAccumulatesForAWrittenParameter() {
    var g = new RegressionsDerivatives.SquareFirstGradient();
    RegressionsDerivatives.squareFirstPullback(vec(3), 1.0, g);
    assertArrayEquals(vec(6), g.a(), 0.0, "first pullback");
    RegressionsDerivatives.squareFirstPullback(vec(3), 1.0, g);
    assertArrayEquals(vec(12), g.a(), 0.0, "second pullback adds 6");
    RegressionsDerivatives.squareFirstPullback(vec(2), 0.5, g);
    assertArrayEquals(vec(14), g.a(), 0.0, "third pullback adds 0.5 · 4");
    RegressionsDerivatives.squareFirstGradient(vec(3), g);
    assertArrayEquals(vec(6), g.a(), 0.0, "the into form overwrites");
    assertEquals(9, g.value(), 0.0);
    double[] a = vec(3);
    assertEquals(9, Regressions.squareFirst(a), 0.0);
    assertArrayEquals(vec(9), a, 0.0, "the primal writes its parameter");
  }

  @Test
  void arrayLocalAssignedInBothBranches() {
    var g = RegressionsDerivatives.pickByIfGradient(vec(3, 1), vec(5, 1), 1);
    assertEquals(9, g.value(), 0.0);
    assertArrayEquals(vec(6, 0), g.a(), 0.0, "k > 0: p = a");
    assertArrayEquals(vec(0, 0), g.b(), 0.0);
    var h = RegressionsDerivatives.pickByIfGradient(vec(3, 1), vec(5, 1), 0);
    assertArrayEquals(vec(0, 0), h.a(), 0.0);
    assertArrayEquals(vec(10, 0), h.b(), 0.0, "k <= 0: p = b");
  }

  @Test
  void vectorResultPullback() {
    var g = new RegressionsDerivatives.PairResultGradient();
    RegressionsDerivatives.pairResultPullback(3, vec(1, 0.5), g);
    assertArrayEquals(vec(3, 9), g.value(), 0.0);
    assertEquals(1 + 0.5 * 6, g.x(), 0.0, "seed · (1, 2x)");
  }

  @Test
  void conditionalMixingDataAndActiveElements() {
    var data = RegressionsDerivatives.pickDataOrActiveGradient(vec(2, 3), vec(7, 1), 1);
    assertEquals(21, data.value(), 0.0);
    assertArrayEquals(vec(0, 7), data.x(), 0.0, "r = a[0] is data");
    var active = RegressionsDerivatives.pickDataOrActiveGradient(vec(2, 3), vec(7, 1), 0);
    assertArrayEquals(vec(3, 2), active.x(), 0.0, "r = x[0]");
  }

  @Test
  void dataPassedOnToAReadingCalleeStaysData() {
    var g = RegressionsDerivatives.firstScaledGradient(vec(2, 3), vec(7, 1));
    assertEquals(14, g.value(), 0.0);
    assertArrayEquals(vec(7, 0), g.x(), 0.0);
  }

  @Test
  void aCalleeReturningItsArgumentIsCaughtAtRunTime() {
    // Alone, the method's own pullback is right: seed·a on x, Σ seed_i·x_i on a.
    var own = new RegressionsDerivatives.ScaleInPlaceGradient();
    RegressionsDerivatives.scaleInPlacePullback(vec(1, 2), 3, vec(1, 1), own);
    assertArrayEquals(vec(3, 3), own.x(), 0.0);
    assertEquals(3, own.a(), 0.0);
    // Under a caller, one array would need two adjoints: refused with a clear exception.
    var error = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> RegressionsDerivatives.scaledCopySumGradient(vec(1, 2), 3));
    org.junit.jupiter.api.Assertions.assertTrue(error.getMessage().contains("return a copy"));
  }

  @Test
  void returnInANestedSwitchBeforeABreak() {
    assertEquals(4, RegressionsDerivatives.nestedSwitchBreakGradient(2, 0).x(), 0.0);
    assertEquals(1, RegressionsDerivatives.nestedSwitchBreakGradient(2, 3).x(), 0.0);
    assertEquals(3, RegressionsDerivatives.nestedSwitchBreakGradient(2, 1).x(), 0.0);
  }

  @Test
  void aCalleesWriteIntoALocalArrayIsFollowedInBothModes() {
    var g = RegressionsDerivatives.productThroughWriteGradient(2, 5);
    assertEquals(10, g.value(), 0.0);
    assertEquals(5, g.x(), 0.0);
    assertEquals(2, g.y(), 0.0);
    assertEquals(5 * 0.5 + 2 * 0.25,
        RegressionsDerivatives.productThroughWriteTangent(2, 5, 0.5, 0.25).tangent(), 1e-15);
  }

  @Test
  void negatedDataArrayPassedOnIsNotWritten() {
    // f = (w0 − y0)², df/dw0 = 2(w0 − y0); y is data and must come back unchanged.
    double[] y = vec(1.25, 9);
    var g = RegressionsDerivatives.callsNegatedResidualGradient(vec(3, 7), y);
    assertEquals(3.0625, g.value(), 0.0);
    assertArrayEquals(vec(3.5, 0), g.w(), 0.0);
    assertArrayEquals(vec(1.25, 9), y, 0.0);
  }
}

