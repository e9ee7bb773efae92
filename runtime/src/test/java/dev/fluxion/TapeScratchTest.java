package dev.fluxion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The tape's scratch arrays: each as {@code new} would make it (zeros, the shape asked for), the
 * same array again when the call before asked for the same shape at the same place, never one
 * that an open frame still holds.
 */
class TapeScratchTest {

  @Test
  void aFrameGetsZerosOfTheShapeAskedForAndTheSameArraysNextTime() {
    Tape tape = new Tape();
    int frame = tape.openScratch();
    double[] v = tape.zeros(3);
    double[][] m = tape.zeros(2, 4);
    v[1] = 5;
    m[1][3] = 7;
    tape.closeScratch(frame);

    frame = tape.openScratch();
    double[] v2 = tape.zeros(3);
    double[][] m2 = tape.zeros(2, 4);
    tape.closeScratch(frame);
    assertSame(v, v2);
    assertSame(m, m2);
    assertArrayEquals(new double[3], v2, 0.0, "zeroed again");
    assertArrayEquals(new double[4], m2[1], 0.0, "zeroed again");
  }

  @Test
  void anotherShapeAtTheSamePlaceGetsANewArray() {
    Tape tape = new Tape();
    int frame = tape.openScratch();
    double[] v = tape.zeros(3);
    double[][] m = tape.zeros(2, 4);
    tape.closeScratch(frame);

    frame = tape.openScratch();
    double[] longer = tape.zeros(4);
    double[][] wider = tape.zeros(2, 5);
    double[][] empty = tape.zeros(0, 5);
    tape.closeScratch(frame);
    assertNotSame(v, longer);
    assertEquals(4, longer.length);
    assertNotSame(m, wider);
    assertEquals(5, wider[0].length);
    assertEquals(5, wider[1].length);
    assertEquals(0, empty.length);

    frame = tape.openScratch();
    double[][] vectorPlace = tape.zeros(3, 1);
    double[] matrixPlace = tape.zeros(2);
    tape.closeScratch(frame);
    assertEquals(3, vectorPlace.length, "a vector's place can hold a matrix next time");
    assertEquals(2, matrixPlace.length);
    assertThrows(NegativeArraySizeException.class, () -> tape.zeros(-1));
    assertThrows(NegativeArraySizeException.class, () -> tape.zeros(0, -1));
  }

  @Test
  void aMatrixComesBackWithItsOwnRowsZeroedAndLeavesOthersAlone() {
    Tape tape = new Tape();
    int frame = tape.openScratch();
    double[][] m = tape.zeros(2, 3);
    double[] ownRow = m[1];
    double[] someoneElses = {1, 2, 3, 4};
    m[1] = someoneElses;
    m[0] = null;
    tape.closeScratch(frame);

    frame = tape.openScratch();
    double[][] again = tape.zeros(2, 3);
    tape.closeScratch(frame);
    assertSame(m, again);
    assertSame(ownRow, again[1], "its own row is back");
    assertEquals(3, again[0].length);
    assertArrayEquals(new double[] {1, 2, 3, 4}, someoneElses, 0.0, "the other array untouched");
  }

  @Test
  void nestedFramesNeverShareAnArray() {
    Tape tape = new Tape();
    int outer = tape.openScratch();
    double[] a = tape.zeros(2);
    // A callee, twice, then a recursive callee inside it.
    double[] first = callee(tape, 2);
    double[] second = callee(tape, 2);
    assertSame(first, second, "sequential calls reuse the same place");
    int inner = tape.openScratch();
    double[] b = tape.zeros(2);
    double[] nested = callee(tape, 2);
    tape.closeScratch(inner);
    double[] c = tape.zeros(2);
    tape.closeScratch(outer);
    assertNotSame(a, b);
    assertNotSame(b, nested);
    assertNotSame(a, nested);
    assertNotSame(a, c);
    assertSame(first, b, "the place the first callee gave back");
  }

  private static double[] callee(Tape tape, int n) {
    int frame = tape.openScratch();
    double[] local = tape.zeros(n);
    tape.closeScratch(frame);
    return local;
  }

  @Test
  void zerosLikeCopiesRowLengthsAndReusesWhileTheyStay() {
    Tape tape = new Tape();
    double[][] jagged = {{1, 2}, {3}, {4, 5, 6}};
    int frame = tape.openScratch();
    double[][] z = tape.zerosLike(jagged);
    double[] v = tape.zerosLike(jagged[2]);
    z[2][1] = 9;
    tape.closeScratch(frame);
    assertEquals(3, z.length);
    assertEquals(2, z[0].length);
    assertEquals(1, z[1].length);
    assertEquals(3, v.length);

    frame = tape.openScratch();
    double[][] again = tape.zerosLike(new double[][] {{0, 0}, {0}, {0, 0, 0}});
    tape.closeScratch(frame);
    assertSame(z, again, "same row lengths: the same matrix");
    assertArrayEquals(new double[3], again[2], 0.0);

    frame = tape.openScratch();
    double[][] other = tape.zerosLike(new double[][] {{0, 0}, {0, 0}, {0, 0, 0}});
    double[][] uniform = tape.zeros(3, 3);
    tape.closeScratch(frame);
    assertNotSame(z, other, "another row length: another matrix");
    assertEquals(2, other[1].length);
    assertEquals(3, uniform[0].length);
    assertThrows(NullPointerException.class, () -> tape.zerosLike(new double[][] {null}),
        "a missing row fails as Adjoints.zerosLike does");
  }

  @Test
  void closingAFrameThatIsNotOpenIsABug() {
    Tape tape = new Tape();
    int frame = tape.openScratch();
    tape.zeros(1);
    tape.closeScratch(frame);
    assertThrows(IllegalStateException.class, () -> tape.closeScratch(frame + 1));
    assertThrows(IllegalStateException.class, () -> tape.closeScratch(-1));
  }

  @Test
  void clearClosesEveryFrameAndKeepsTheArraysCounted() {
    Tape tape = new Tape();
    long empty = tape.capacityBytes();
    tape.openScratch();
    double[] v = tape.zeros(100);
    tape.zeros(10, 10);
    long kept = tape.capacityBytes();
    assertTrue(kept - empty >= 2 * 100 * Double.BYTES, kept + " bytes counted");
    tape.clear();
    assertTrue(tape.isEmpty());
    assertEquals(kept, tape.capacityBytes(), "clearing keeps the storage");
    assertEquals(0, tape.openScratch());
    assertSame(v, tape.zeros(100));
  }
}
