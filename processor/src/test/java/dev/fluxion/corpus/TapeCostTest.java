package dev.fluxion.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Tape;
import dev.fluxion.corpus.tape.RegressionLoop;
import dev.fluxion.corpus.tape.RegressionLoopDerivatives;
import org.junit.jupiter.api.Test;

/**
 * What the README says a loop costs: the regression loop records nothing per iteration (x[i] and
 * e are recomputed, the counter's step undone, the loop test known from the trip count), only its
 * trip count; a gradient through 10⁶ iterations runs at the default heap, and the tape is empty
 * after every call and reused by the next.
 */
class TapeCostTest {
  private static final int N = 1_000_000;

  @Test
  void aMillionIterationsRecordOnlyTheTripCountAndLeaveTheTapeEmpty() {
    double[] x = new double[N];
    double[] y = new double[N];
    for (int i = 0; i < N; i++) {
      x[i] = i / (double) N;
      y[i] = 0.3 + 2 * x[i] + 0.01 * Math.sin(i);
    }
    Tape tape = new Tape();
    double w1 = 0.25;
    double w2 = 1.5;
    double value = RegressionLoopDerivatives.lossReverse(w1, w2, x, y, 1.0, tape);
    double dw2 = tape.popDouble();
    double dw1 = tape.popDouble();
    assertTrue(tape.isEmpty(), "every value pushed during the call was popped");

    // Closed forms: 2/n Σ e_i and 2/n Σ e_i x_i.
    double s = 0;
    double sx = 0;
    double loss = 0;
    for (int i = 0; i < N; i++) {
      double e = w1 + w2 * x[i] - y[i];
      s += e;
      sx += e * x[i];
      loss += e * e;
    }
    assertEquals(loss / N, value, 1e-12 * Math.abs(loss / N));
    assertEquals(2 * s / N, dw1, 1e-9 * Math.abs(2 * s / N));
    assertEquals(2 * sx / N, dw2, 1e-9 * Math.abs(2 * sx / N));

    // The loop records nothing, not even its trip count (a counted loop: i < x.length); the two
    // partials pushed at the end fit in the first block of the double stack (16 values).
    long capacity = tape.capacityBytes();
    assertTrue(capacity <= 16 * Double.BYTES,
        "tape capacity " + capacity + " bytes for " + N + " iterations");

    // The same tape serves the next call without growing.
    RegressionLoopDerivatives.lossReverse(w1 + 0.1, w2, x, y, 1.0, tape);
    tape.popDouble();
    tape.popDouble();
    assertTrue(tape.isEmpty());
    assertEquals(capacity, tape.capacityBytes(), "reused, not regrown");
    assertEquals(loss / N, RegressionLoop.loss(w1, w2, x, y), 1e-12);
  }
}
