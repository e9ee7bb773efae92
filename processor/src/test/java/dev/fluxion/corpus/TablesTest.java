package dev.fluxion.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Tape;
import dev.fluxion.corpus.loops.Tables;
import dev.fluxion.corpus.loops.TablesDerivatives;
import org.junit.jupiter.api.Test;

/**
 * A table filled before the loop that reads it: its gradient against the closed form, and the
 * reads are not recorded (the reverse sweep reads the table again). The other {@link Tables}
 * methods, whose tables or scratch arrays are written after a read, are checked against finite
 * differences and the other modes by {@code ModesAgreeTest} and bit for bit against the recording
 * of everything by {@code RecordingOptionTest}.
 */
class TablesTest {

  @Test
  void aTableFilledBeforeTheLoopHasTheClosedFormGradient() {
    double[] w = {0.3, -0.7, 0.1};
    double[] x = {1.5, -0.5, 0.25, 2.0};
    var g = TablesDerivatives.tableReadInLoopGradient(w, x);
    double sumX = 0;
    for (double xi : x) {
      sumX += xi;
    }
    double sumE2 = 0;
    for (double wj : w) {
      sumE2 += Math.exp(2 * wj);
    }
    assertEquals(Tables.tableReadInLoop(w, x), g.value(), 0);
    assertEquals(sumE2 * sumX, g.value(), 1e-13 * Math.abs(sumE2 * sumX));
    for (int j = 0; j < w.length; j++) {
      double exact = 2 * Math.exp(2 * w[j]) * sumX;
      assertEquals(exact, g.w()[j], 1e-13 * Math.abs(exact), "w" + j);
    }
    for (int i = 0; i < x.length; i++) {
      assertEquals(sumE2, g.x()[i], 1e-13 * sumE2, "x" + i);
    }
  }

  @Test
  void readsOfATableFilledBeforeTheLoopAreNotRecorded() {
    int n = 10_000;
    double[] w = {0.3, -0.7, 0.1};
    double[] x = new double[n];
    java.util.Arrays.fill(x, 0.5);
    Tape tape = new Tape();
    TablesDerivatives.tableReadInLoopReverse(w, new double[w.length], x, new double[n], 1.0, tape);
    assertTrue(tape.isEmpty());
    // Recording the two reads of every term would push 2·3·n doubles (480 KB). The loops'
    // counters and trip counts are worked out from their bounds (CountedLoopsTest): what is left
    // is the table's three exponentials, in the tape's first, smallest storage.
    long capacity = tape.capacityBytes();
    assertTrue(capacity < 1024, "tape capacity " + capacity + " bytes");
  }
}
