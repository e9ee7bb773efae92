package dev.fluxion.bench.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fluxion.bench.Cases;
import dev.fluxion.bench.ThreadAllocation;
import dev.fluxion.bench.Tool;
import dev.fluxion.bench.Verifier;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * LSTM: the loss against ADBench's value, and every tool's gradient against the hand-written
 * adjoint, on lstm_l2_c1024 and on a small random problem of another shape.
 */
class LstmCaseTest {
  private static final String L2C1024 = "lstm-l2-c1024";

  @Test
  void theLossMatchesAdbench() {
    assertEquals(LstmCase.REFERENCE_LOSS, Cases.create(L2C1024).objective(), 1e-10);
  }

  @Test
  void everyToolPassesTheHarnessCheck() {
    Verifier.verify(Cases.create(L2C1024));
  }

  @Test
  void everyToolAgreesWithTheHandWrittenAdjoint() {
    agree((LstmCase) Cases.create(L2C1024));
  }

  /** Three layers, b = 5, seven steps: layer-to-layer adjoints beyond the file's two layers. */
  @Test
  void everyToolAgreesOnAnotherShape() {
    agree(new LstmCase("synthetic", synthetic(new Random(3), 3, 7, 5)));
  }

  @Test
  void theLossLeavesTheStateAsItWas() {
    LstmInput in = synthetic(new Random(5), 2, 4, 3);
    double[] state = in.state.clone();
    LstmCase c = new LstmCase("synthetic", in);
    double first = c.objective();
    c.fluxionGradient();
    assertEquals(first, c.objective());
    assertTrue(Arrays.equals(state, in.state));
  }

  /**
   * Fluxion's into-form allocates nothing once warm, although {@code loss} itself allocates its
   * state matrices and two work vectors: the reverse block takes them, and their adjoint arrays,
   * from the holder's tape, as it does the tape's own storage (about 3 MB here).
   */
  @Test
  void fluxionsIntoFormAllocatesNothingOnceWarm() {
    assumeTrue(ThreadAllocation.supported());
    LstmCase c = (LstmCase) Cases.create(L2C1024);
    long objective = ThreadAllocation.ofLastRun(20, c::objective);
    long gradient = ThreadAllocation.ofLastRun(20, c::fluxionGradient);
    assertTrue(objective > 0 && objective < 1024, objective + " bytes");
    assertEquals(0, gradient, "bytes of a warm gradient call; the objective allocates " + objective);
    assertEquals(0, ThreadAllocation.ofLastRun(20, c::handGradient));
  }

  /** Fluxion and Hipparchus to 1e-10, finite differences to 1e-6, of the largest entry. */
  private static void agree(LstmCase c) {
    double[] hand = c.handGradient().clone();
    Verifier.compare(c.name(), Tool.FLUXION_REVERSE, c.fluxionGradient().clone(), hand, 1e-10);
    Verifier.compare(c.name(), Tool.HIPPARCHUS, c.hipparchus().clone(), hand, 1e-10);
    Verifier.compare(c.name(), Tool.FINITE_DIFFERENCES, c.finiteDifferences().clone(), hand,
        1e-6);
  }

  /** Random parameters in (−1, 1), a random state, one-hot characters. */
  static LstmInput synthetic(Random random, int layers, int steps, int b) {
    double[] main = uniform(random, 2 * layers * 4 * b);
    double[] extra = uniform(random, 3 * b);
    double[] state = uniform(random, 2 * layers * b);
    double[][] sequence = new double[steps][b];
    for (double[] row : sequence) {
      row[random.nextInt(b)] = 1;
    }
    return new LstmInput(main, extra, state, sequence);
  }

  private static double[] uniform(Random random, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 2 * random.nextDouble() - 1;
    }
    return v;
  }
}
