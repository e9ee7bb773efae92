package dev.fluxion.bench;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the current thread, from HotSpot's per-thread counter
 * ({@code com.sun.management.ThreadMXBean}): a count, not a timing, so tests can assert on it.
 */
public final class ThreadAllocation {
  private ThreadAllocation() {}

  /** Whether this JVM counts allocation per thread. */
  public static boolean supported() {
    return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx
        && mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled();
  }

  /** The bytes {@code action} allocates on the current thread, on its last of {@code runs} runs. */
  public static long ofLastRun(int runs, Runnable action) {
    var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long bytes = 0;
    for (int i = 0; i < runs; i++) {
      long before = mx.getThreadAllocatedBytes(id);
      action.run();
      bytes = mx.getThreadAllocatedBytes(id) - before;
    }
    return bytes;
  }
}
