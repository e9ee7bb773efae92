package dev.fluxion.bench.gmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fluxion.bench.Cases;
import dev.fluxion.bench.ThreadAllocation;
import dev.fluxion.bench.FiniteDifferences;
import dev.fluxion.bench.Tool;
import dev.fluxion.bench.Verifier;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Every GMM tool against the reference values and each other, on the inputs fast enough here. */
class GmmCaseTest {

  @Test
  void everyToolAgreesOnD2K5() {
    Verifier.verify(Cases.create("gmm-1k-d2-K5"));
  }

  @Test
  void referenceValuesOfD10K25HoldForTheExactTools() {
    var c = new GmmCase("gmm-1k-d10-K25", GmmCase.REFERENCE_FILE,
        EnumSet.of(Tool.OBJECTIVE, Tool.FLUXION_REVERSE, Tool.HAND), EnumSet.of(Tool.OBJECTIVE));
    assertEquals(GmmCase.REFERENCE_VALUE, c.objective(), 1e-5);
    double[] g = c.fluxionGradient();
    assertEquals(1650, g.length);
    assertEquals(GmmCase.REFERENCE_FIRST, g[0], 1e-8);
    assertEquals(GmmCase.REFERENCE_LAST, g[1649], 1e-9);
    Verifier.verify(c);
  }

  @Test
  void finiteDifferencesAgreeOnD10K25() {
    // The whole gradient by differences takes seconds: the alphas and the last component's icf.
    var c = new GmmCase("gmm-1k-d10-K25", GmmCase.REFERENCE_FILE, EnumSet.of(Tool.OBJECTIVE),
        EnumSet.of(Tool.OBJECTIVE));
    GmmInput in = c.input();
    double[] hand = c.handGradient().clone();
    double[] lastIcf = in.icf()[in.k() - 1];
    double[] fd = new double[in.k() + lastIcf.length];
    FiniteDifferences.gradient(c::objective, fd, in.alphas(), lastIcf);
    double[] expected = new double[fd.length];
    System.arraycopy(hand, 0, expected, 0, in.k());
    System.arraycopy(hand, hand.length - lastIcf.length, expected, in.k(), lastIcf.length);
    Verifier.compare(c.name(), Tool.FINITE_DIFFERENCES, fd, expected, 1e-6);
  }

  /**
   * Fluxion's into-form allocates nothing once warm, although the objective makes five working
   * arrays: the reverse block takes them, and their adjoint arrays, from the holder's tape.
   */
  @Test
  void fluxionsIntoFormAllocatesNothingOnceWarm() {
    assumeTrue(ThreadAllocation.supported());
    var c = Cases.create("gmm-1k-d2-K5");
    assertEquals(0, ThreadAllocation.ofLastRun(200, c::fluxionGradient),
        "bytes of the last of 200 gradient calls");
  }

  @Test
  void aWrongGradientFailsTheCheck() {
    var c = Cases.create("gmm-1k-d2-K5");
    double[] hand = c.handGradient().clone();
    double[] wrong = c.fluxionGradient().clone();
    wrong[7] *= 1.001;
    Verifier.compare(c.name(), Tool.FLUXION_REVERSE, c.fluxionGradient(), hand, 1e-9);
    assertThrows(AssertionError.class,
        () -> Verifier.compare(c.name(), Tool.FLUXION_REVERSE, wrong, hand, 1e-9));
  }
}
