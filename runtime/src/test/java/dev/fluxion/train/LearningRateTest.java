package dev.fluxion.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The schedules' rates at chosen steps, worked out by hand. */
class LearningRateTest {

  @Test
  void constantIsTheSameAtEveryStep() {
    var rate = LearningRate.constant(0.3);
    assertEquals(0.3, rate.at(0));
    assertEquals(0.3, rate.at(1_000_000));
  }

  @Test
  void stepDecayMultipliesByTheFactorEveryNSteps() {
    var rate = LearningRate.stepDecay(0.8, 0.5, 10);
    assertEquals(0.8, rate.at(0));
    assertEquals(0.8, rate.at(9));
    assertEquals(0.4, rate.at(10));
    assertEquals(0.2, rate.at(25));
    assertEquals(0.8 / 1024, rate.at(100));
  }

  @Test
  void cosineFallsFromTheInitialRateToTheLastAlongHalfACosine() {
    var rate = LearningRate.cosine(0.1, 0.001, 100);
    assertEquals(0.1, rate.at(0), 1e-17);
    assertEquals(0.001 + 0.099 * 0.5, rate.at(50), 1e-17);
    assertEquals(0.001 + 0.099 * 0.5 * (1 + Math.cos(Math.PI / 4)), rate.at(25), 1e-17);
    assertEquals(0.001, rate.at(100), 1e-17);
    assertEquals(0.001, rate.at(10_000), 1e-17);
  }

  @Test
  void rejectsRatesThatAreNotPositiveAndFinite() {
    assertThrows(IllegalArgumentException.class, () -> LearningRate.constant(0));
    assertThrows(IllegalArgumentException.class, () -> LearningRate.constant(Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> LearningRate.constant(Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> LearningRate.stepDecay(0.1, 1.5, 10));
    assertThrows(IllegalArgumentException.class, () -> LearningRate.stepDecay(0.1, 0.5, 0));
    assertThrows(IllegalArgumentException.class, () -> LearningRate.cosine(0.1, 0.2, 10));
    assertThrows(IllegalArgumentException.class, () -> LearningRate.cosine(0.1, 0.01, 0));
  }
}
