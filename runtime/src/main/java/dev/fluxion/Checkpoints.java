package dev.fluxion;

/**
 * Binomial checkpointing for long loops: the reverse sweep of a loop marked with
 * {@link #binomial(int)} stores at most the given number of loop states at a time and recomputes
 * the others from the nearest stored one, instead of recording every iteration on the tape.
 *
 * <p>Mark a loop by calling {@code binomial} as the statement right before it, at the top level
 * of a {@code @Differentiable} method:
 *
 * <pre>{@code
 * @Differentiable
 * static double simulate(double x0, double v0, double k, int steps) {
 *   double x = x0;
 *   double v = v0;
 *   Checkpoints.binomial(100);          // the next loop keeps at most 100 states
 *   for (int i = 0; i < steps; i++) {
 *     double a = -k * x;
 *     x += 1e-3 * v;
 *     v += 1e-3 * a;
 *   }
 *   return x;
 * }
 * }</pre>
 *
 * <p>The schedule works on blocks of {@code b} iterations (the last one possibly shorter), {@code
 * b = n / (8s)} between 64 and 512 for {@code n} iterations and {@code s} stored states: the
 * reverse sweep records one block at a time on the tape and reverses it. Each iteration is
 * recomputed at most {@code r} times, where {@code r} is the smallest number with {@code C(s − 1 +
 * r, r) ≥ ⌈n / b⌉} (binomial checkpointing, Griewank and Walther): for a million iterations, 100
 * states mean blocks of 512 and at most two recomputations, and the tape holds one block at most.
 * The derivatives are the same as without the marker, to rounding.
 *
 * <p>Instances are the schedule that generated code follows; users only call {@link
 * #binomial(int)}. An instance hands out {@linkplain #next() actions} one at a time, so the
 * schedule itself takes memory in the number of states, not of iterations.
 */
public final class Checkpoints {
  /** Run {@link #count()} iterations forward, recording nothing. */
  public static final int ADVANCE = 0;
  /** Store the current state in {@link #slot()} (cleared for it). */
  public static final int STORE = 1;
  /** Restore the state stored in {@link #slot()}, and store it again. */
  public static final int RESTORE = 2;
  /**
   * Run the {@link #count()} iterations from {@link #step()} on recording on the tape, then
   * reverse them.
   */
  public static final int REVERSE = 3;
  /** Every iteration is reversed. */
  public static final int DONE = 4;

  private static final int REVERSE_RANGE = 5;

  /**
   * The fewest iterations the reverse sweep records at once (fewer only at the end): the schedule
   * works on blocks of iterations, which keeps its own bookkeeping small next to short loop bodies,
   * while the tape still holds a bounded number of iterations however long the loop.
   */
  static final int MIN_BLOCK = 64;

  /**
   * The most iterations in a block. Measured on a 10⁶-step Euler integrator whose iteration costs
   * a few nanoseconds (the benchmarks' {@code euler-1e6}), 100 snapshots: blocks of 16 took 3.9
   * times the recorded loop's time, 64 took 2.7 (4.0 once the recorded loop's pushes became
   * cheaper), 256 took 3.0 and 512 took 2.9: the schedule's actions and the entry and exit of a
   * block's loops cost about as much as a short block's iterations, and fewer, longer blocks also
   * need fewer runs again. Beyond that the gain is small while a block's recording grows.
   */
  static final int MAX_BLOCK = 512;

  /**
   * The block length for a loop: long enough to amortise the schedule's actions, short enough that
   * one block's recording stays within an eighth of what the stored states stand for (the loop's
   * iterations over the snapshots), so that a short loop keeps most of checkpointing's saving.
   *
   * @param iterations the trip count
   * @param snapshots the states the schedule may store
   * @return between {@link #MIN_BLOCK} and {@link #MAX_BLOCK} iterations
   */
  static int blockFor(int iterations, int snapshots) {
    long share = iterations / (8L * snapshots);
    return (int) Math.max(MIN_BLOCK, Math.min(MAX_BLOCK, share));
  }

  private Tape[] slots;
  private final Tape scratch = new Tape();
  /** The next spare schedule in its tape's pool. */
  Checkpoints nextSpare;
  // The pending work, a stack of (kind, from, to, free snapshots, slot) records.
  private int[] work = new int[5 * 16];
  private int depth;
  private int current;
  private int count;
  private int step;
  // The block length of the loop being reversed (blockFor).
  private int block = MIN_BLOCK;
  private int slot;
  private long advanced;
  private int iterations;

  /**
   * Marks the loop that follows as checkpointed. At run time it does nothing.
   *
   * @param snapshots how many loop states the reverse sweep may store at once, at least 1
   *     (the state on entering the loop counts as one)
   */
  public static void binomial(int snapshots) {
    if (snapshots < 1) {
      throw new IllegalArgumentException("binomial checkpointing needs at least 1 snapshot, got "
          + snapshots);
    }
  }

  /**
   * Creates a schedule; the state on entering the loop goes to {@code slot(0)}.
   *
   * @param snapshots how many states may be stored at once, at least 1
   */
  public Checkpoints(int snapshots) {
    binomial(snapshots);
    slots = new Tape[snapshots];
    for (int i = 0; i < snapshots; i++) {
      slots[i] = new Tape();
    }
  }

  /**
   * A schedule for one run of a checkpointed loop, taken from the tape's pool of spare schedules
   * (so that a warm tape allocates nothing); give it back with {@link #close(Tape)} once the loop
   * is reversed. Generated code calls this; its memory counts in {@link Tape#capacityBytes()}.
   *
   * @param tape the tape of the gradient call
   * @param snapshots how many states may be stored at once, at least 1
   * @return a schedule with {@code snapshots} slots
   */
  public static Checkpoints open(Tape tape, int snapshots) {
    binomial(snapshots);
    Checkpoints spare = tape.takeSpare();
    if (spare == null) {
      return new Checkpoints(snapshots);
    }
    if (spare.slots.length != snapshots) {
      Tape[] resized = java.util.Arrays.copyOf(spare.slots, snapshots);
      for (int i = spare.slots.length; i < snapshots; i++) {
        resized[i] = new Tape();
      }
      spare.slots = resized;
    }
    return spare;
  }

  /**
   * Gives this schedule back to the tape's pool, its stores kept for the next {@link #open}.
   *
   * @param tape the tape it was opened on
   */
  public void close(Tape tape) {
    for (Tape t : slots) {
      t.clear();
    }
    scratch.clear();
    tape.giveSpare(this);
  }

  /**
   * A tape for what running one iteration without recording still pushes (the trip counts of
   * inner loops); generated code clears it before each iteration, so it holds one at most.
   *
   * @return the scratch tape
   */
  public Tape scratch() {
    return scratch;
  }

  /**
   * The store for the state on entering the loop, cleared.
   *
   * @return slot 0
   */
  public Tape entry() {
    slots[0].clear();
    return slots[0];
  }

  /**
   * Starts the reverse sweep of a loop that ran {@code iterations} times from the state stored
   * in {@link #entry()}; the current state is taken to be the loop's final one.
   *
   * @param iterations the trip count
   */
  public void reverse(int iterations) {
    this.iterations = iterations;
    depth = 0;
    advanced = 0;
    current = -1;
    block = blockFor(iterations, slots.length);
    int blocks = (int) ((iterations + (long) block - 1) / block);
    if (blocks > 0) {
      push(REVERSE_RANGE, 0, blocks, slots.length - 1, 0);
    }
  }

  /**
   * The next action of the schedule.
   *
   * @return one of {@link #ADVANCE}, {@link #STORE}, {@link #RESTORE}, {@link #REVERSE},
   *     {@link #DONE}
   */
  public int next() {
    while (depth > 0) {
      int base = 5 * (depth - 1);
      int kind = work[base];
      int from = work[base + 1];
      int to = work[base + 2];
      int free = work[base + 3];
      int at = work[base + 4];
      depth--;
      if (kind == STORE) {
        slot = at;
        slots[at].clear();
        return STORE;
      }
      if (kind == REVERSE) {
        return reverseBlock(from);
      }
      // Reverse blocks [from, to), starting from the state stored in slot `at`.
      if (current != from) {
        push(REVERSE_RANGE, from, to, free, at);
        slot = at;
        current = from;
        return RESTORE;
      }
      int n = to - from;
      if (n == 1) {
        return reverseBlock(from);
      }
      // Two iterations are cheaper without a store: the same one recomputation, fewer actions.
      boolean store = free > 0 && n > 2;
      int left = store ? split(n, free) : n - 1;
      if (!store) {
        // No state to spare: recompute the last block from the start, then the rest.
        push(REVERSE_RANGE, from, to - 1, 0, at);
        push(REVERSE, to - 1, to, 0, at);
      } else {
        push(REVERSE_RANGE, from, from + left, free, at);
        push(REVERSE_RANGE, from + left, to, free - 1, at + 1);
        push(STORE, 0, 0, 0, at + 1);
      }
      return advance(left);
    }
    return DONE;
  }

  /**
   * For {@link #ADVANCE}: how many iterations to run; for {@link #REVERSE}: how many to record and
   * reverse (at least 1).
   *
   * @return the count
   */
  public int count() {
    return count;
  }

  /**
   * For {@link #REVERSE}: the first iteration to record and reverse (0 is the first of the loop).
   *
   * @return its index
   */
  public int step() {
    return step;
  }

  /**
   * The block length of the loop being reversed ({@link #blockFor}): for tests.
   *
   * @return iterations per block
   */
  int block() {
    return block;
  }

  /**
   * For {@link #STORE} and {@link #RESTORE}: where the state goes or comes from.
   *
   * @return the store
   */
  public Tape slot() {
    return slots[slot];
  }

  /**
   * How many iterations the reverse sweep has run forward so far (recomputation), for tests and
   * benchmarks.
   *
   * @return the number of iterations advanced since {@link #reverse(int)}
   */
  public long advanced() {
    return advanced;
  }

  /**
   * The memory the stored states and the scratch tape take, in bytes of tape capacity.
   *
   * @return the sum over the slots and the scratch tape
   */
  public long capacityBytes() {
    long bytes = scratch.capacityBytes();
    for (Tape t : slots) {
      bytes += t.capacityBytes();
    }
    return bytes;
  }

  /** Runs whole blocks forward: never the last one, so always {@link #block()} iterations each. */
  private int advance(int blocks) {
    count = blocks * block;
    current += blocks;
    advanced += count;
    return ADVANCE;
  }

  private int reverseBlock(int index) {
    step = index * block;
    count = Math.min(block, iterations - step);
    current = -1;
    return REVERSE;
  }

  /**
   * Where to store the next state when reversing {@code n} iterations with {@code free} spare
   * stores: the first part is later reversed with one recomputation fewer, the rest with one store
   * fewer, each within its binomial bound, since β(s, r) = β(s, r − 1) + β(s − 1, r).
   */
  private static int split(int n, int free) {
    // The smallest r with β(free, r) = C(free + r, free) ≥ n, and β(free, r − 1) beside it.
    long previous = 1;
    long beta = free + 1L;
    int r = 1;
    while (beta < n) {
      r++;
      previous = beta;
      beta = beta * (free + r) / r;
    }
    return (int) Math.min(previous, n - 1);
  }

  private void push(int kind, int from, int to, int free, int at) {
    if (5 * (depth + 1) > work.length) {
      work = java.util.Arrays.copyOf(work, work.length * 2);
    }
    int base = 5 * depth;
    work[base] = kind;
    work[base + 1] = from;
    work[base + 2] = to;
    work[base + 3] = free;
    work[base + 4] = at;
    depth++;
  }
}
