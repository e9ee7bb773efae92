package dev.fluxion.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** After their first step, optimizers and mini-batches allocate nothing. */
class AllocationTest {

  private static final int ROUNDS = 10_000;

  /** Bytes the current thread allocates while {@code work} runs. */
  private static long allocated(Runnable work) {
    var bean = ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
        "no per-thread allocation counter on this JVM");
    var threads = (com.sun.management.ThreadMXBean) bean;
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    work.run();
    return threads.getThreadAllocatedBytes(id) - before;
  }

  @Test
  void optimizerStepsAllocateNothingOnceWarm() {
    Optimizer[] optimizers = {
      Sgd.plain(0.01), Sgd.withMomentum(0.01, 0.9), Sgd.withNesterovMomentum(0.01, 0.9),
      new Adam(LearningRate.cosine(0.01, 0.001, 100)), new AdamW(0.01, 0.01)
    };
    double[] w = new double[64];
    double[] g = new double[64];
    double[][] m = {new double[16], new double[16]};
    double[][] gm = {new double[16], new double[16]};
    for (Optimizer optimizer : optimizers) {
      optimizer.step(w, g);
      Optimizer forMatrix = optimizer instanceof Sgd ? Sgd.withMomentum(0.01, 0.5) : new Adam(0.1);
      forMatrix.step(m, gm);
      long bytes = allocated(() -> {
        for (int t = 0; t < ROUNDS; t++) {
          g[t % g.length] = Math.sin(t);
          optimizer.step(w, g);
          forMatrix.step(m, gm);
        }
      });
      // Anything per step would be at least 16 bytes x 20,000 steps.
      assertTrue(bytes < 4096, optimizer.getClass().getSimpleName() + " allocated " + bytes);
    }
  }

  @Test
  void shufflingAndGatheringAllocateNothing() {
    var batches = new MiniBatches(100, 10, 3);
    double[] x = new double[100];
    double[][] rows = new double[100][];
    double[] into = new double[10];
    double[][] rowsInto = new double[10][];
    batches.shuffle();
    long bytes = allocated(() -> {
      for (int e = 0; e < ROUNDS / 10; e++) {
        batches.shuffle();
        for (int b = 0; b < batches.count(); b++) {
          batches.gather(b, x, into);
          batches.gather(b, rows, rowsInto);
        }
      }
    });
    assertTrue(bytes < 4096, "allocated " + bytes);
  }
}
