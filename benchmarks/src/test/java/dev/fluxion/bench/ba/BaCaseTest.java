package dev.fluxion.bench.ba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fluxion.bench.Cases;
import dev.fluxion.bench.ThreadAllocation;
import dev.fluxion.bench.Verifier;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * BA: the objective against ADBench's value, and every tool's Jacobian against the hand-written
 * one, row by row, on ba1 and on synthetic observations that take the small-angle branches.
 */
class BaCaseTest {
  private static final String BA1 = "ba1-n49-m7776-p31843";

  @Test
  void theObjectiveMatchesAdbench() {
    assertEquals(BaCase.REFERENCE_ERROR, Cases.create(BA1).objective(), 1e-10);
  }

  @Test
  void everyToolPassesTheHarnessCheck() {
    Verifier.verify(Cases.create(BA1));
  }

  @Test
  void everyToolAgreesWithTheHandWrittenJacobianOnBa1() {
    agreeRowByRow((BaCase) Cases.create(BA1));
  }

  /**
   * Cameras with no rotation (the {@code X + r × X} branch), a rotation of 1e-5 (θ² below the
   * hand-written Jacobian's series threshold), and ordinary ones; random points, weights and
   * features.
   */
  @Test
  void everyToolAgreesAtZeroSmallAndLargeRotations() {
    agreeRowByRow(new BaCase("synthetic", synthetic(new Random(7), 0, 1e-5, 0.3, 2.5)));
  }

  /**
   * At θ = 1e-8 the objective's {@code 1 − cos θ} rounds to 0, so its value loses the term
   * {@code g·(r·p)·r}, about θ²·|p|: nothing in the value, but O(θ) in the derivative, which every
   * AD tool differentiates as computed. The AD tools agree with each other to 1e-12; the
   * hand-written Jacobian, from the series of {@code g}, differs from them by that O(θ) term.
   */
  @Test
  void atTinyRotationsTheAdToolsDifferentiateTheRoundedFormula() {
    BaCase c = new BaCase("synthetic", synthetic(new Random(7), 1e-8));
    double[] reverse = c.fluxionGradient().clone();
    assertRowsClose("fluxion-forward", c.fluxionForward().clone(), reverse, 1e-12);
    assertRowsClose("hipparchus", c.hipparchus().clone(), reverse, 1e-12);
    assertRowsClose("hand", c.handGradient().clone(), reverse, 1e-8);
    assertRowsClose("finite-differences", c.finiteDifferences().clone(), reverse, 1e-6);
  }

  /** The generated convenience Jacobian (a new 2 × 15 matrix per call) gives the same blocks. */
  @Test
  void theGeneratedJacobianFormsGiveTheSameBlocks() {
    BaInput in = synthetic(new Random(11), 0, 1e-5, 0.3, 2.5);
    BaCase c = new BaCase("synthetic", in);
    double[] hand = c.handGradient().clone();
    for (int i = 0; i < in.observations(); i++) {
      Object[] forms = {
        ReprojectionDerivatives.errorJacobian(in.cameraOf(i), in.pointOf(i), in.weights[i],
            in.features[i]),
        ReprojectionDerivatives.errorJacobianForward(in.cameraOf(i), in.pointOf(i),
            in.weights[i], in.features[i])
      };
      for (Object form : forms) {
        double[][] j = (double[][]) form;
        double[] block = new double[BaCase.BLOCK];
        System.arraycopy(j[0], 0, block, 0, Reprojection.INPUTS);
        System.arraycopy(j[1], 0, block, Reprojection.INPUTS, Reprojection.INPUTS);
        double[] expected = new double[BaCase.BLOCK];
        System.arraycopy(hand, BaCase.BLOCK * i, expected, 0, BaCase.BLOCK);
        assertRowsClose("errorJacobian, observation " + i, block, expected, 1e-10);
      }
    }
  }

  /**
   * Fluxion's reverse-mode tool allocates, per observation, only the residual array the generated
   * {@code errorReverse} returns on each of its two calls (2 doubles, 32 bytes): the residuals'
   * adjoint array comes from the tape, and the tape, seeds and adjoint buffers are reused. (There
   * is no allocation-free Jacobian form for a method returning an array.)
   */
  @Test
  void fluxionsReverseToolAllocatesOnlyTheResultArraysOfErrorReverse() {
    assumeTrue(ThreadAllocation.supported());
    BaCase c = (BaCase) Cases.create(BA1);
    int p = 31843;
    long bytes = ThreadAllocation.ofLastRun(30, c::fluxionGradient);
    assertTrue(bytes <= 2L * 32 * p + 1024, bytes + " bytes for " + p + " observations");
    long hand = ThreadAllocation.ofLastRun(30, c::handGradient);
    assertEquals(0, hand, "the hand-written Jacobian allocates nothing");
  }

  /** Fluxion (both modes) and Hipparchus to 1e-10, finite differences to 1e-6, of each row. */
  private static void agreeRowByRow(BaCase c) {
    double[] hand = c.handGradient().clone();
    assertRowsClose("fluxion-reverse", c.fluxionGradient().clone(), hand, 1e-10);
    assertRowsClose("fluxion-forward", c.fluxionForward().clone(), hand, 1e-10);
    assertRowsClose("hipparchus", c.hipparchus().clone(), hand, 1e-10);
    assertRowsClose("finite-differences", c.finiteDifferences().clone(), hand, 1e-6);
  }

  /**
   * Asserts {@code |actual − expected| ≤ tolerance · max|expected|} over each run of 15 entries
   * (a Jacobian row; the weight errors' entries too, in runs of 15).
   */
  static void assertRowsClose(String what, double[] actual, double[] expected, double tolerance) {
    assertEquals(expected.length, actual.length, what + ": length");
    int n = Reprojection.INPUTS;
    for (int row = 0; row * n < expected.length; row++) {
      int end = Math.min(expected.length, (row + 1) * n);
      double scale = Double.MIN_NORMAL;
      for (int k = row * n; k < end; k++) {
        scale = Math.max(scale, Math.abs(expected[k]));
      }
      for (int k = row * n; k < end; k++) {
        double error = Math.abs(actual[k] - expected[k]);
        if (!(error <= tolerance * scale)) {
          throw new AssertionError(what + ": entry " + k + " (row " + row + ", column "
              + (k - row * n) + ") is " + actual[k] + ", the hand-written Jacobian's "
              + expected[k] + "; error " + error / scale + " of the row's largest entry");
        }
      }
    }
  }

  /**
   * Two cameras per rotation angle (about random axes), eleven points, 40 observations; random
   * centres, intrinsics, points, weights and features.
   */
  static BaInput synthetic(Random random, double... angles) {
    double[][] cameras = new double[2 * angles.length][];
    for (int i = 0; i < cameras.length; i++) {
      double[] axis = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
      double norm = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
      double angle = angles[i % angles.length];
      cameras[i] = new double[] {
        angle * axis[0] / norm, angle * axis[1] / norm, angle * axis[2] / norm,
        random.nextGaussian(), random.nextGaussian(), random.nextGaussian() - 10,
        400 + 50 * random.nextDouble(), random.nextGaussian(), random.nextGaussian(),
        0.1 * random.nextGaussian(), 0.01 * random.nextGaussian()
      };
    }
    double[][] points = new double[11][];
    for (int i = 0; i < points.length; i++) {
      points[i] = new double[] {random.nextGaussian(), random.nextGaussian(),
          random.nextGaussian()};
    }
    int p = 40;
    double[] weights = new double[p];
    double[][] features = new double[p][];
    for (int i = 0; i < p; i++) {
      weights[i] = 0.2 + random.nextDouble();
      features[i] = new double[] {100 * random.nextGaussian(), 100 * random.nextGaussian()};
    }
    return new BaInput(cameras, points, weights, features);
  }
}
