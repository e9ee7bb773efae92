package dev.fluxion.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Sgd's three rules, step by step against values worked out by hand. */
class SgdTest {

  private static final double TIGHT = 1e-15;

  @Test
  void plainStepIsMinusRateTimesGradient() {
    var sgd = Sgd.plain(0.1);
    double[] w = {1, -2};
    sgd.step(w, new double[] {0.5, -1});
    assertArrayEquals(new double[] {0.95, -1.9}, w, TIGHT);
    sgd.step(w, new double[] {0.5, -1});
    assertArrayEquals(new double[] {0.9, -1.8}, w, TIGHT);
    assertEquals(2, sgd.steps());
    assertEquals(0, sgd.momentum());
  }

  @Test
  void momentumAccumulatesTheVelocity() {
    // v1 = g1 = (1, -2), w1 = -0.1 v1 = (-0.1, 0.2);
    // v2 = 0.9 v1 + g2 = (1.4, -0.8), w2 = w1 - 0.1 v2 = (-0.24, 0.28).
    var sgd = Sgd.withMomentum(0.1, 0.9);
    double[] w = {0, 0};
    sgd.step(w, new double[] {1, -2});
    assertArrayEquals(new double[] {-0.1, 0.2}, w, TIGHT);
    sgd.step(w, new double[] {0.5, 1});
    assertArrayEquals(new double[] {-0.24, 0.28}, w, TIGHT);
  }

  @Test
  void nesterovStepsWithTheGradientPlusMomentumTimesTheNewVelocity() {
    // v1 = (1, -2), step g1 + 0.9 v1 = (1.9, -3.8), w1 = (-0.19, 0.38);
    // v2 = (1.4, -0.8), step g2 + 0.9 v2 = (1.76, 0.28), w2 = (-0.366, 0.352).
    var sgd = Sgd.withNesterovMomentum(0.1, 0.9);
    double[] w = {0, 0};
    sgd.step(w, new double[] {1, -2});
    assertArrayEquals(new double[] {-0.19, 0.38}, w, TIGHT);
    sgd.step(w, new double[] {0.5, 1});
    assertArrayEquals(new double[] {-0.366, 0.352}, w, 1e-15);
    assertTrue(sgd.isNesterov());
  }

  @Test
  void theScheduleGivesEachStepItsRate() {
    var sgd = Sgd.plain(LearningRate.stepDecay(1, 0.5, 1));
    double[] w = {0};
    assertEquals(1, sgd.nextRate());
    sgd.step(w, new double[] {1}); // rate 1
    sgd.step(w, new double[] {1}); // rate 0.5
    sgd.step(w, new double[] {1}); // rate 0.25
    assertArrayEquals(new double[] {-1.75}, w, 0);
    assertEquals(0.125, sgd.nextRate());
  }

  @Test
  void aMatrixStepIsTheStepOfItsRowsLaidEndToEnd() {
    var matrix = Sgd.withNesterovMomentum(0.05, 0.8);
    var flat = Sgd.withNesterovMomentum(0.05, 0.8);
    double[][] w = {{1, 2, 3}, {4}, {5, 6}};
    double[] v = {1, 2, 3, 4, 5, 6};
    for (int t = 0; t < 5; t++) {
      double[][] g = {{t, -1, 2}, {0.5 * t}, {3, -t}};
      matrix.step(w, g);
      flat.step(v, new double[] {t, -1, 2, 0.5 * t, 3, -t});
    }
    assertArrayEquals(new double[] {v[0], v[1], v[2]}, w[0], 0);
    assertArrayEquals(new double[] {v[3]}, w[1], 0);
    assertArrayEquals(new double[] {v[4], v[5]}, w[2], 0);
  }

  @Test
  void theFirstStepFixesTheShapeAndResetForgetsIt() {
    var sgd = Sgd.withMomentum(0.1, 0.5);
    sgd.step(new double[2], new double[] {1, 1});
    var e = assertThrows(IllegalArgumentException.class,
        () -> sgd.step(new double[3], new double[3]));
    assertTrue(e.getMessage().contains("state for 2 components"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> sgd.step(new double[2], new double[3]));
    sgd.reset();
    assertEquals(0, sgd.steps());
    double[] w = {0, 0, 0};
    sgd.step(w, new double[] {1, 2, 3});
    assertArrayEquals(new double[] {-0.1, -0.2, -0.3}, w, TIGHT); // the velocity started at 0
  }

  @Test
  void rejectsMomentumOutsideZeroToOne() {
    assertThrows(IllegalArgumentException.class, () -> Sgd.withMomentum(0.1, 1));
    assertThrows(IllegalArgumentException.class, () -> Sgd.withNesterovMomentum(0.1, -0.1));
    assertThrows(IllegalArgumentException.class, () -> Sgd.plain(0));
  }

  @Test
  void leavesTheGradientAlone() {
    double[] g = {1, 2};
    Sgd.withNesterovMomentum(0.1, 0.9).step(new double[2], g);
    assertArrayEquals(new double[] {1, 2}, g, 0);
  }
}
