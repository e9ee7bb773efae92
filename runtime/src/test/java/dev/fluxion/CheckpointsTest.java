package dev.fluxion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The binomial schedule run against a simulated loop whose state is its iteration number: every
 * iteration is reversed once, last first, in blocks of at most {@code Checkpoints.blockFor}, from the
 * right state; no more states are stored at
 * once than allowed; and recomputation stays within the binomial bound.
 */
class CheckpointsTest {

  @ParameterizedTest
  @CsvSource({"1, 1", "7, 1", "1, 4", "2, 2", "10, 3", "16, 2", "17, 2", "33, 1", "64, 2",
      "65, 2", "129, 1", "130, 3", "100, 2",
      "100, 5", "1000, 10", "1000000, 100", "1000000, 20"})
  void reversesEveryIterationOnceFromItsOwnState(int iterations, int snapshots) {
    Checkpoints schedule = new Checkpoints(snapshots);
    int[] stored = new int[snapshots];
    java.util.Arrays.fill(stored, -1);
    stored[0] = 0;
    schedule.entry().pushInt(0);
    int state = iterations;
    int reversedFrom = iterations;
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
          assertEquals(reversedFrom, schedule.step() + schedule.count(),
              "iterations are reversed last first, each once");
          assertTrue(schedule.count() >= 1 && schedule.count() <= schedule.block(),
              "a block of " + schedule.count() + " iterations");
          assertEquals(schedule.step(), state, "a block is reversed from its own state");
          reversedFrom = schedule.step();
          state = -1;
        }
        default -> throw new AssertionError("unknown action " + action);
      }
    }
    assertEquals(0, reversedFrom, "every iteration is reversed");
    assertEquals(advanced, schedule.advanced());
    assertTrue(advanced <= bound(iterations, snapshots),
        "advanced " + advanced + " iterations, more than the binomial bound "
            + bound(iterations, snapshots));
  }

  /**
   * Each iteration recomputed at most r times, r the smallest with C(s − 1 + r, r) ≥ b for the b
   * blocks; with one store, every block from the start: block · b(b − 1)/2 iterations. The last
   * block, the only one that may be short, is never run again.
   */
  private static long bound(int iterations, int snapshots) {
    int block = Checkpoints.blockFor(iterations, snapshots);
    int n = (iterations + block - 1) / block;
    int free = snapshots - 1;
    if (free == 0) {
      return (long) block * n * (n - 1) / 2;
    }
    long beta = 1;
    int r = 0;
    while (beta < n) {
      r++;
      beta = beta * (free + r) / r;
    }
    return (long) r * iterations;
  }

  @org.junit.jupiter.api.Test
  void blocksGrowWithTheIterationsEachStateStandsFor() {
    assertEquals(Checkpoints.MIN_BLOCK, Checkpoints.blockFor(0, 1));
    assertEquals(Checkpoints.MIN_BLOCK, Checkpoints.blockFor(10_000, 100)); // 12 per eighth
    assertEquals(125, Checkpoints.blockFor(1_000_000, 1000));
    assertEquals(Checkpoints.MAX_BLOCK, Checkpoints.blockFor(1_000_000, 100));
    assertEquals(Checkpoints.MAX_BLOCK, Checkpoints.blockFor(Integer.MAX_VALUE, 1));
  }

  @org.junit.jupiter.api.Test
  void rejectsFewerThanOneSnapshot() {
    assertThrows(IllegalArgumentException.class, () -> Checkpoints.binomial(0));
    assertThrows(IllegalArgumentException.class, () -> new Checkpoints(0));
  }
}
