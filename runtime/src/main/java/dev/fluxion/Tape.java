package dev.fluxion;

import java.util.Arrays;

/**
 * A last-in, first-out store of primitive values that generated reverse-mode code uses to hand
 * values from its forward sweep (or from a called pullback) to its reverse sweep.
 *
 * <p>A tape is owned by one call chain at a time: it is not thread-safe, and it must not be shared
 * between threads. Gradient holders own one, so reusing a holder reuses its tape and, once the
 * tape has grown to the size a computation needs, a gradient call allocates nothing. Every value
 * pushed during a gradient call is popped before the call returns, so a tape holds no values
 * between calls.
 *
 * <p>Storage grows geometrically and is never boxed. Between calls the tape keeps, for the next
 * one, the schedules of checkpointed loops ({@link Checkpoints}) and the scratch arrays that
 * reverse blocks take instead of allocating their local arrays ({@link #zeros(int)});
 * {@link #capacityBytes()} counts both.
 */
public final class Tape {

  private static final int INITIAL_CAPACITY = 16;

  private double[] doubles = new double[0];
  private int doubleCount;
  private int[] ints = new int[0];
  private int intCount;
  private Object[] refs = new Object[0];
  private int refCount;
  // Schedules of checkpointed loops, kept for the next call (see Checkpoints.open).
  private Checkpoints spares;
  private final ScratchStack scratch = new ScratchStack();

  /** Creates an empty tape; storage is allocated on first use. */
  public Tape() {}

  /**
   * Pushes a {@code double}.
   *
   * @param value the value to store
   */
  public void pushDouble(double value) {
    if (doubleCount == doubles.length) {
      doubles = Arrays.copyOf(doubles, grow(doubles.length));
    }
    doubles[doubleCount++] = value;
  }

  /**
   * Pops the {@code double} pushed last.
   *
   * @return the value
   * @throws IllegalStateException if no {@code double} is on the tape, which means generated code
   *     and tape are out of step (a bug worth reporting)
   */
  public double popDouble() {
    if (doubleCount == 0) {
      throw new IllegalStateException("Fluxion tape underflow: no double to pop");
    }
    return doubles[--doubleCount];
  }

  /**
   * Pushes an {@code int} (a loop trip count, a branch code, an index).
   *
   * @param value the value to store
   */
  public void pushInt(int value) {
    if (intCount == ints.length) {
      ints = Arrays.copyOf(ints, grow(ints.length));
    }
    ints[intCount++] = value;
  }

  /**
   * Pops the {@code int} pushed last.
   *
   * @return the value
   * @throws IllegalStateException if no {@code int} is on the tape
   */
  public int popInt() {
    if (intCount == 0) {
      throw new IllegalStateException("Fluxion tape underflow: no int to pop");
    }
    return ints[--intCount];
  }

  // ---- the top of the tape in local variables ----
  //
  // Generated code that pushes and pops in loops keeps each stack's storage and count in local
  // variables between calls that take the tape: a push is then an array store and an increment
  // instead of two field updates that every following push has to wait for. It reads them with
  // doubles()/doubleCount() (ints()/intCount()), stores with room(storage, count) first, and
  // hands the count back with doubleCount(count) (intCount(count)) before anything else uses the
  // tape.

  /**
   * The storage of the {@code double} stack, for generated code that keeps the count itself.
   *
   * @return the array: entries below {@link #doubleCount()} are the stored values
   */
  public double[] doubles() {
    return doubles;
  }

  /**
   * The number of {@code double}s stored.
   *
   * @return the count
   */
  public int doubleCount() {
    return doubleCount;
  }

  /**
   * Hands back the count of generated code that pushed and popped on {@link #doubles()} itself.
   *
   * @param count the number of {@code double}s stored now
   */
  public void doubleCount(int count) {
    doubleCount = count;
  }

  /**
   * Storage with room for one more {@code double} above {@code count}: {@code storage} itself
   * when it has room, otherwise a larger copy that the tape keeps from now on.
   *
   * @param storage the array {@link #doubles()} returned (or this method, last)
   * @param count the number of values stored in it
   * @return the array to store the next value in, at {@code count}
   */
  public double[] room(double[] storage, int count) {
    if (count < storage.length) {
      return storage;
    }
    doubles = Arrays.copyOf(storage, grow(storage.length));
    return doubles;
  }

  /**
   * The storage of the {@code int} stack, for generated code that keeps the count itself.
   *
   * @return the array: entries below {@link #intCount()} are the stored values
   */
  public int[] ints() {
    return ints;
  }

  /**
   * The number of {@code int}s stored ({@code long}s and {@code boolean}s among them).
   *
   * @return the count
   */
  public int intCount() {
    return intCount;
  }

  /**
   * Hands back the count of generated code that pushed and popped on {@link #ints()} itself.
   *
   * @param count the number of {@code int}s stored now
   */
  public void intCount(int count) {
    intCount = count;
  }

  /**
   * Storage with room for one more {@code int} above {@code count}, as {@link #room(double[],
   * int)} for {@code double}s.
   *
   * @param storage the array {@link #ints()} returned (or this method, last)
   * @param count the number of values stored in it
   * @return the array to store the next value in, at {@code count}
   */
  public int[] room(int[] storage, int count) {
    if (count < storage.length) {
      return storage;
    }
    ints = Arrays.copyOf(storage, grow(storage.length));
    return ints;
  }

  /**
   * Pushes a {@code long}.
   *
   * @param value the value to store
   */
  public void pushLong(long value) {
    pushInt((int) (value >>> 32));
    pushInt((int) value);
  }

  /**
   * Pops the {@code long} pushed last.
   *
   * @return the value
   */
  public long popLong() {
    long low = popInt() & 0xFFFFFFFFL;
    long high = popInt();
    return (high << 32) | low;
  }

  /**
   * Pushes a {@code boolean} (a branch decision), compactly on the int stack.
   *
   * @param value the value to store
   */
  public void pushBoolean(boolean value) {
    pushInt(value ? 1 : 0);
  }

  /**
   * Pops the {@code boolean} pushed last.
   *
   * @return the value
   */
  public boolean popBoolean() {
    return popInt() != 0;
  }

  /**
   * Pushes a reference (an array that a variable held before it was reassigned).
   *
   * @param value the reference, possibly {@code null}
   */
  public void pushRef(Object value) {
    if (refCount == refs.length) {
      refs = Arrays.copyOf(refs, grow(refs.length));
    }
    refs[refCount++] = value;
  }

  /**
   * Pops the reference pushed last.
   *
   * @param <T> the reference's type, as the generated code knows it
   * @return the reference
   * @throws IllegalStateException if no reference is on the tape
   */
  @SuppressWarnings("unchecked")
  public <T> T popRef() {
    if (refCount == 0) {
      throw new IllegalStateException("Fluxion tape underflow: no reference to pop");
    }
    T value = (T) refs[--refCount];
    refs[refCount] = null;
    return value;
  }

  /**
   * Opens a frame of scratch arrays: a reverse block calls this on entry, takes its local arrays
   * from {@link #zeros(int)} and {@link #zeros(int, int)}, and gives them back with
   * {@link #closeScratch(int)} before it returns. Frames nest like the calls that open them.
   *
   * @return the frame, to pass to {@link #closeScratch(int)}
   */
  public int openScratch() {
    return scratch.open();
  }

  /**
   * Closes a frame of scratch arrays. The arrays taken since it was opened may be handed out
   * again, zeroed, to the next block that asks: the block must keep no reference to them, and
   * must not return one.
   *
   * @param frame the value {@link #openScratch()} returned
   * @throws IllegalStateException if that frame is not open (a bug worth reporting)
   */
  public void closeScratch(int frame) {
    scratch.close(frame);
  }

  /**
   * What {@code new double[n]} gives, taken from this tape's scratch arrays in the open frame:
   * {@code n} zeros. In steady state, when the calls before asked for the same shapes in the same
   * order, this is an array the tape lent before, zeroed again: no allocation.
   *
   * @param n the length
   * @return an array of {@code n} zeros, which stays the caller's until its frame closes
   * @throws NegativeArraySizeException if {@code n} is negative, as {@code new} would
   */
  public double[] zeros(int n) {
    return scratch.vector(n);
  }

  /**
   * What {@code new double[m][n]} gives, taken from this tape's scratch arrays in the open frame:
   * {@code m} rows of {@code n} zeros, each its own array, even if the matrix lent before had
   * some of its rows replaced.
   *
   * @param m the number of rows
   * @param n the length of each row
   * @return a zero matrix of that shape, which stays the caller's until its frame closes
   * @throws NegativeArraySizeException if {@code m} or {@code n} is negative, as {@code new}
   *     would
   */
  public double[][] zeros(int m, int n) {
    return scratch.matrix(m, n);
  }

  /**
   * What {@code Adjoints.zerosLike(like)} gives, taken from this tape's scratch arrays in the
   * open frame: {@code like.length} zeros.
   *
   * @param like the array whose length to copy
   * @return an array of zeros, which stays the caller's until its frame closes
   */
  public double[] zerosLike(double[] like) {
    return scratch.vector(like.length);
  }

  /**
   * What {@code Adjoints.zerosLike(like)} gives, taken from this tape's scratch arrays in the
   * open frame: zeros with {@code like}'s row lengths, each row its own array.
   *
   * @param like the matrix whose shape to copy
   * @return a zero matrix of that shape, which stays the caller's until its frame closes
   */
  public double[][] zerosLike(double[][] like) {
    return scratch.matrixLike(like);
  }

  /**
   * The number of values stored now, of every type.
   *
   * @return the count
   */
  public int size() {
    return doubleCount + intCount + refCount;
  }

  /**
   * Tells whether nothing is stored.
   *
   * @return {@code true} when no value of any type is on the tape
   */
  public boolean isEmpty() {
    return doubleCount == 0 && intCount == 0 && refCount == 0;
  }

  /**
   * The bytes of storage this tape holds now, whether in use or not, scratch arrays and
   * checkpointing schedules included: a measure of the memory the largest computation so far
   * needed.
   *
   * @return allocated storage in bytes
   */
  public long capacityBytes() {
    long bytes = (long) doubles.length * Double.BYTES + (long) ints.length * Integer.BYTES
        + (long) refs.length * 8;
    for (Checkpoints c = spares; c != null; c = c.nextSpare) {
      bytes += c.capacityBytes();
    }
    return bytes + scratch.capacityBytes();
  }

  /** A spare checkpointing schedule, or {@code null}: for {@link Checkpoints#open}. */
  Checkpoints takeSpare() {
    Checkpoints c = spares;
    if (c != null) {
      spares = c.nextSpare;
      c.nextSpare = null;
    }
    return c;
  }

  /** Keeps a schedule for reuse: for {@link Checkpoints#close}. */
  void giveSpare(Checkpoints c) {
    c.nextSpare = spares;
    spares = c;
  }

  /**
   * Drops every stored value and closes every scratch frame, keeping the storage for reuse. Call
   * it between computations (the generated entry points do), never while a reverse block that
   * uses this tape runs.
   */
  public void clear() {
    scratch.clear();
    doubleCount = 0;
    intCount = 0;
    Arrays.fill(refs, 0, refCount, null);
    refCount = 0;
  }

  private static int grow(int length) {
    return Math.max(INITIAL_CAPACITY, length + (length >> 1) + 1);
  }
}
