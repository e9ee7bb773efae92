package dev.fluxion.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Mini-batches: every sample once per epoch, reproducible from the seed, gathered in place. */
class MiniBatchesTest {

  /** The sample indices of one epoch, batch after batch. */
  private static int[] epoch(MiniBatches batches) {
    int[] seen = new int[batches.size()];
    int at = 0;
    for (int b = 0; b < batches.count(); b++) {
      for (int k = 0; k < batches.length(b); k++) {
        seen[at++] = batches.index(b, k);
      }
    }
    assertEquals(batches.size(), at);
    return seen;
  }

  @Test
  void cutsTheDataIntoFullBatchesAndAShortLastOne() {
    var batches = new MiniBatches(10, 3, 1);
    assertEquals(4, batches.count());
    assertEquals(3, batches.length(0));
    assertEquals(3, batches.length(2));
    assertEquals(1, batches.length(3));
    assertEquals(5, new MiniBatches(10, 2, 1).count());
    assertEquals(1, new MiniBatches(10, 10, 1).count());
  }

  @Test
  void beforeTheFirstShuffleTheOrderIsTheDataSetsOwn() {
    assertArrayEquals(new int[] {0, 1, 2, 3, 4}, epoch(new MiniBatches(5, 2, 7)));
  }

  @Test
  void everyEpochVisitsEverySampleOnceInANewOrder() {
    var batches = new MiniBatches(50, 8, 42);
    int[] previous = epoch(batches);
    for (int e = 0; e < 5; e++) {
      batches.shuffle();
      int[] order = epoch(batches);
      int[] sorted = order.clone();
      Arrays.sort(sorted);
      for (int i = 0; i < sorted.length; i++) {
        assertEquals(i, sorted[i], "epoch " + e + " is not a permutation");
      }
      assertFalse(Arrays.equals(previous, order), "epoch " + e + " kept the previous order");
      previous = order;
    }
  }

  @Test
  void theSameSeedGivesTheSameBatches() {
    var a = new MiniBatches(30, 4, 2024);
    var b = new MiniBatches(30, 4, 2024);
    var c = new MiniBatches(30, 4, 2025);
    for (int e = 0; e < 3; e++) {
      a.shuffle();
      b.shuffle();
      c.shuffle();
      assertArrayEquals(epoch(a), epoch(b));
    }
    assertFalse(Arrays.equals(epoch(a), epoch(c)));
  }

  @Test
  void gatherCopiesTheBatchsValuesAndRows() {
    var batches = new MiniBatches(7, 3, 5);
    batches.shuffle();
    double[] x = {10, 11, 12, 13, 14, 15, 16};
    double[][] rows = new double[7][];
    for (int i = 0; i < 7; i++) {
      rows[i] = new double[] {i, -i};
    }
    double[] into = new double[3];
    double[][] rowsInto = new double[3][];
    assertSame(into, batches.gather(1, x, into));
    assertSame(rowsInto, batches.gather(1, rows, rowsInto));
    for (int k = 0; k < 3; k++) {
      assertEquals(10 + batches.index(1, k), into[k]);
      assertSame(rows[batches.index(1, k)], rowsInto[k]);
    }
    double[] last = batches.gather(2, x, new double[1]);
    assertEquals(10 + batches.index(2, 0), last[0]);
  }

  @Test
  void gatherChecksTheLengths() {
    var batches = new MiniBatches(7, 3, 5);
    var e = assertThrows(IllegalArgumentException.class,
        () -> batches.gather(2, new double[7], new double[3]));
    assertTrue(e.getMessage().contains("batch 2 has 1 samples"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> batches.gather(0, new double[6], new double[3]));
    assertThrows(IndexOutOfBoundsException.class, () -> batches.length(3));
    assertThrows(IndexOutOfBoundsException.class, () -> batches.index(2, 1));
  }

  @Test
  void rejectsImpossibleSizes() {
    assertThrows(IllegalArgumentException.class, () -> new MiniBatches(0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new MiniBatches(5, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new MiniBatches(5, 6, 1));
  }
}
