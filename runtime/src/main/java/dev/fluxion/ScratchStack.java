package dev.fluxion;

import java.util.Arrays;

/**
 * The arrays a {@link Tape} lends to generated reverse-mode code in place of {@code new}: a stack
 * of slots, each keeping the array it last lent so that the next call can have it back, zeroed,
 * instead of a new one.
 *
 * <p>A reverse block opens a frame on entry ({@link #open()}), takes one slot per array it
 * allocates, and closes its frame before it returns ({@link #close(int)}), giving back every slot
 * above the frame's base. Blocks nest strictly (a callee's block returns before its caller's
 * continues), so a slot is never lent twice while the array in it may still be in use — not for
 * recursion, nor for one callee called twice. A call that allocates the same shapes in the same
 * order as the call before gets every array back and allocates nothing.
 *
 * <p>A matrix keeps its own rows: code may replace a row ({@code m[i] = other}), and handing that
 * matrix out again must not zero someone else's array, so the rows it was made with come back
 * into it before they are zeroed.
 */
final class ScratchStack {
  private static final int INITIAL_CAPACITY = 8;
  // The row length of a matrix whose rows may differ in length.
  private static final int JAGGED = -1;

  // By slot: the array lent last, and for a matrix the rows it was made with and their length.
  private Object[] arrays = new Object[0];
  private double[][][] rows = new double[0][][];
  private int[] columns = new int[0];
  private int top;

  /** The base of a new frame: the first slot that the next array will take. */
  int open() {
    return top;
  }

  /**
   * Gives back every slot taken since {@code frame} was opened.
   *
   * @param frame the value {@link #open()} returned
   */
  void close(int frame) {
    if (frame < 0 || frame > top) {
      throw new IllegalStateException("Fluxion scratch frame " + frame + " is not open (top " + top + ")");
    }
    top = frame;
  }

  /** Gives back every slot, keeping the arrays for reuse. */
  void clear() {
    top = 0;
  }

  /** {@code new double[n]}, from the next slot. */
  double[] vector(int n) {
    int slot = take();
    if (arrays[slot] instanceof double[] v && v.length == n) {
      Arrays.fill(v, 0);
      return v;
    }
    double[] v = new double[n];
    arrays[slot] = v;
    rows[slot] = null;
    return v;
  }

  /** {@code new double[m][n]}, from the next slot. */
  double[][] matrix(int m, int n) {
    int slot = take();
    if (arrays[slot] instanceof double[][] matrix && matrix.length == m && columns[slot] == n) {
      return zeroed(matrix, rows[slot]);
    }
    return keep(slot, new double[m][n], n);
  }

  /** Zeros with the row lengths of {@code like} ({@link Adjoints#zerosLike}), from the next slot. */
  double[][] matrixLike(double[][] like) {
    int slot = take();
    if (arrays[slot] instanceof double[][] matrix && sameRowLengths(rows[slot], like)) {
      return zeroed(matrix, rows[slot]);
    }
    return keep(slot, Adjoints.zerosLike(like), JAGGED);
  }

  /** The bytes of the arrays kept, lent or not. */
  long capacityBytes() {
    long bytes = (long) arrays.length * (8 + 8 + Integer.BYTES);
    for (int slot = 0; slot < arrays.length; slot++) {
      if (arrays[slot] instanceof double[] v) {
        bytes += 16 + (long) v.length * Double.BYTES;
      } else if (arrays[slot] instanceof double[][] m) {
        bytes += 2 * (16 + (long) m.length * 8);
        for (double[] row : rows[slot]) {
          bytes += 16 + (long) row.length * Double.BYTES;
        }
      }
    }
    return bytes;
  }

  private double[][] keep(int slot, double[][] matrix, int n) {
    arrays[slot] = matrix;
    rows[slot] = matrix.clone();
    columns[slot] = n;
    return matrix;
  }

  /** The matrix with its own rows put back, zeroed. */
  private static double[][] zeroed(double[][] matrix, double[][] own) {
    for (int i = 0; i < own.length; i++) {
      matrix[i] = own[i];
      Arrays.fill(own[i], 0);
    }
    return matrix;
  }

  private static boolean sameRowLengths(double[][] own, double[][] like) {
    if (own.length != like.length) {
      return false;
    }
    for (int i = 0; i < own.length; i++) {
      if (own[i].length != like[i].length) {
        return false;
      }
    }
    return true;
  }

  private int take() {
    if (top == arrays.length) {
      int length = Math.max(INITIAL_CAPACITY, top + (top >> 1) + 1);
      arrays = Arrays.copyOf(arrays, length);
      rows = Arrays.copyOf(rows, length);
      columns = Arrays.copyOf(columns, length);
    }
    return top++;
  }
}
