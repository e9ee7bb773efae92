package dev.fluxion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The binomial schedule run against a simulated loop whose state is its iteration number: every
 * iteration is reversed once, last first, from the right state; no more states are stored at
 * once than allowed; and recomputation stays within the binomial bound.
 */
class CheckpointsTest {

  @ParameterizedTest
  @CsvSource({"1, 1", "7, 1", "1, 4", "2, 2", "10, 3", "100, 2", "100, 5", "1000, 10",
      "1000000, 100", "1000000, 20"})
  void reversesEveryIterationOnceFromItsOwnState(int iterations, int snapshots) {
    Checkpoints schedule = new Checkpoints(snapshots);
    int[] stored = new int[snapshots];
    java.util.Arrays.fill(stored, -1);
    stored[0] = 0;
    schedule.entry().pushInt(0);
    int state = iterations;
    int expectedStep = iterations - 1;
    long advanced = 0;
    schedule.reverse(iterations);
    for (int action = schedule.next(); action != Checkpoints.DONE; action = schedule.next()) {
      switch (action) {
        case Checkpoints.ADVANCE -> {
          assertTrue(state >= 0, "advancing from an undefined state");
          state += schedule.count();
          advanced += schedule.count();
        }
        case Checkpoints.STORE -> {
          assertTrue(schedule.slot().isEmpty(), "a store gets an empty slot");
          schedule.slot().pushInt(state);
        }
        case Checkpoints.RESTORE -> {
          Tape slot = schedule.slot();
          state = slot.popInt();
          slot.pushInt(state);
        }
        case Checkpoints.REVERSE -> {
          assertEquals(expectedStep, schedule.step(), "iterations are reversed last first");
          assertEquals(schedule.step(), state, "an iteration is reversed from its own state");
          expectedStep--;
          state = -1;
        }
        default -> throw new AssertionError("unknown action " + action);
      }
    }
    assertEquals(-1, expectedStep, "every iteration is reversed");
    assertEquals(advanced, schedule.advanced());
    assertTrue(advanced <= bound(iterations, snapshots),
        "advanced " + advanced + " iterations, more than the binomial bound "
            + bound(iterations, snapshots));
  }

  /**
   * Each iteration recomputed at most r times, r the smallest with C(s − 1 + r, r) ≥ n; with one
   * store, every iteration from the start: n(n − 1)/2.
   */
  private static long bound(int n, int snapshots) {
    int free = snapshots - 1;
    if (free == 0) {
      return (long) n * (n - 1) / 2;
    }
    long beta = 1;
    int r = 0;
    while (beta < n) {
      r++;
      beta = beta * (free + r) / r;
    }
    return (long) r * n;
  }

  @org.junit.jupiter.api.Test
  void rejectsFewerThanOneSnapshot() {
    assertThrows(IllegalArgumentException.class, () -> Checkpoints.binomial(0));
    assertThrows(IllegalArgumentException.class, () -> new Checkpoints(0));
  }
}
