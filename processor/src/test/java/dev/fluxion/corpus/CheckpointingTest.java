package dev.fluxion.corpus;

import static dev.fluxion.testing.ArrayFiniteDifferences.flatten;
import static dev.fluxion.testing.FiniteDifferences.assertMatchesFiniteDifferences;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fluxion.Tape;
import dev.fluxion.corpus.loops.Checkpointed;
import dev.fluxion.corpus.loops.CheckpointedDerivatives;
import dev.fluxion.corpus.loops.ModelsDerivatives;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loops marked with {@code Checkpoints.binomial}: their gradients and Hessian-vector products equal
 * those of the same loops recorded as usual, to rounding, for snapshot counts from 1 to more than
 * the trip count and trip counts from 0 up; finite differences agree; and the tape stays small.
 */
class CheckpointingTest {
  /** Relative agreement with the unmarked loop: the same operations, so rounding at most. */
  private static final double RTOL = 1e-12;

  static Stream<Arguments> stepsAndSnapshots() {
    int[] steps = {0, 1, 2, 3, 10, 15, 16, 57, 64, 65, 130, 1000};
    int[] snapshots = {1, 2, 3, 7, 2000};
    return Arrays.stream(steps).boxed()
        .flatMap(n -> Arrays.stream(snapshots).mapToObj(s -> Arguments.of(n, s)));
  }

  private static void assertAgree(String what, double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      double tolerance = RTOL * Math.abs(expected[i]) + 1e-300;
      if (!(Math.abs(expected[i] - actual[i]) <= tolerance)) {
        fail(what + "[" + i + "]: recorded " + expected[i] + ", checkpointed " + actual[i]);
      }
    }
  }

  @ParameterizedTest(name = "{0} steps, {1} snapshots")
  @MethodSource("stepsAndSnapshots")
  void theOscillatorsDerivativesAreThoseOfTheRecordedLoop(int steps, int snapshots) {
    double x0 = 0.8;
    double v0 = -0.3;
    double c = 0.25;
    double k = 2.0;
    double dt = 0.01;
    var plain = ModelsDerivatives.dampedOscillatorGradient(x0, v0, c, k, dt, steps);
    var marked = CheckpointedDerivatives.dampedOscillatorGradient(x0, v0, c, k, dt, steps,
        snapshots);
    assertAgree("gradient", new double[] {plain.value(), plain.x0(), plain.v0(), plain.c()},
        new double[] {marked.value(), marked.x0(), marked.v0(), marked.c()});
    double[] direction = {0.3, -1.1, 0.7};
    var plainH = ModelsDerivatives.dampedOscillatorHessianVectorProduct(x0, v0, c, k, dt, steps,
        direction);
    var markedH = CheckpointedDerivatives.dampedOscillatorHessianVectorProduct(x0, v0, c, k, dt,
        steps, snapshots, direction);
    assertAgree("gradient (second order)", plainH.gradient(), markedH.gradient());
    assertAgree("Hessian-vector product", plainH.hessianVectorProduct(),
        markedH.hessianVectorProduct());
  }

  @ParameterizedTest(name = "{0} steps, {1} snapshots")
  @MethodSource("stepsAndSnapshots")
  void thePendulumsDerivativesAreThoseOfTheRecordedLoop(int steps, int snapshots) {
    var plain = ModelsDerivatives.pendulumEnergyGradient(0.9, 0.2, 0.1, steps);
    var marked = CheckpointedDerivatives.pendulumEnergyGradient(0.9, 0.2, 0.1, steps, snapshots);
    assertAgree("gradient",
        new double[] {plain.value(), plain.theta0(), plain.omega0(), plain.c()},
        new double[] {marked.value(), marked.theta0(), marked.omega0(), marked.c()});
    double[] direction = {1.0, 0.5, -2.0};
    assertAgree("Hessian",
        flatten((Object) ModelsDerivatives.pendulumEnergyHessian(0.9, 0.2, 0.1, steps).hessian()),
        flatten((Object) CheckpointedDerivatives.pendulumEnergyHessian(0.9, 0.2, 0.1, steps,
            snapshots).hessian()));
    assertAgree("Hessian-vector product",
        ModelsDerivatives.pendulumEnergyHessianVectorProduct(0.9, 0.2, 0.1, steps, direction)
            .hessianVectorProduct(),
        CheckpointedDerivatives.pendulumEnergyHessianVectorProduct(0.9, 0.2, 0.1, steps,
            snapshots, direction).hessianVectorProduct());
  }

  static Stream<Arguments> rnnCases() {
    return Stream.of(0, 1, 2, 5, 30).flatMap(steps -> Stream.of(1, 2, 4, 100)
        .map(s -> Arguments.of(steps, s)));
  }

  /** The 3-unit RNN of the corpus over {@code steps} inputs. */
  private static Object[] rnn(int steps) {
    Object[] p = ModelsTest.rnnPoint(30);
    p[3] = Arrays.copyOf((double[][]) p[3], steps);
    return p;
  }

  @ParameterizedTest(name = "{0} steps, {1} snapshots")
  @MethodSource("rnnCases")
  void theRnnsDerivativesAreThoseOfTheRecordedLoop(int steps, int snapshots) {
    Object[] p = rnn(steps);
    double[][] w = (double[][]) p[0];
    double[][] u = (double[][]) p[1];
    double[] b = (double[]) p[2];
    double[][] xs = (double[][]) p[3];
    double[] h0 = (double[]) p[4];
    double[] target = (double[]) p[5];
    var plain = ModelsDerivatives.rnnFinalSumGradient(w, u, b, xs, h0);
    var marked = CheckpointedDerivatives.rnnFinalSumGradient(w, u, b, xs, h0, snapshots);
    assertAgree("rnnFinalSum",
        flatten(plain.value(), plain.w(), plain.u(), plain.b(), plain.xs(), plain.h0()),
        flatten(marked.value(), marked.w(), marked.u(), marked.b(), marked.xs(), marked.h0()));
    var plainE = ModelsDerivatives.rnnSquaredErrorGradient(w, u, b, xs, h0, target);
    var markedE = CheckpointedDerivatives.rnnSquaredErrorGradient(w, u, b, xs, h0, target,
        snapshots);
    assertAgree("rnnSquaredError", flatten(plainE.value(), plainE.w(), plainE.u(), plainE.b()),
        flatten(markedE.value(), markedE.w(), markedE.u(), markedE.b()));
  }

  @ParameterizedTest(name = "{0} steps, {1} snapshots")
  @MethodSource("stepsAndSnapshots")
  void aLoopThatBreaksEarlyHasTheDerivativesOfTheRecordedLoop(int steps, int snapshots) {
    double[] trace = new double[steps];
    for (int i = 0; i < steps; i++) {
      trace[i] = 0.01 * Math.cos(i);
    }
    // With limit 2 the loop breaks after a few iterations when it has more than a few.
    for (double limit : new double[] {2.0, 1e9}) {
      int[] plainVisits = new int[3];
      int[] markedVisits = new int[3];
      var plain = CheckpointedDerivatives.untilLimitRecordedGradient(0.5, 1.05, limit,
          trace.clone(), plainVisits);
      var marked = CheckpointedDerivatives.untilLimitGradient(0.5, 1.05, limit, trace.clone(),
          markedVisits, snapshots);
      assertAgree("limit " + limit, flatten(plain.value(), plain.x0(), plain.rate(),
          plain.trace()), flatten(marked.value(), marked.x0(), marked.rate(), marked.trace()));
      assertTrue(Arrays.equals(plainVisits, markedVisits), "the int array ends as the loop left it");
      if (steps > 60) {
        continue; // a Hessian per trace element: quadratic in the steps, and once is enough
      }
      var hessian = CheckpointedDerivatives.untilLimitHessian(0.5, 1.05, limit, trace.clone(),
          new int[3], snapshots).hessian();
      var plainHessian = CheckpointedDerivatives.untilLimitRecordedHessian(0.5, 1.05, limit,
          trace.clone(), new int[3]).hessian();
      assertAgree("Hessian, limit " + limit, flatten((Object) plainHessian),
          flatten((Object) hessian));
    }
  }

  @ParameterizedTest(name = "{0} steps, {1} snapshots")
  @MethodSource("stepsAndSnapshots")
  void anArrayOverwrittenAfterTheLoopIsReadAsTheLoopSawIt(int steps, int snapshots) {
    double[] coeffs = {0.7, -0.2};
    var plain = CheckpointedDerivatives.overwrittenAfterRecordedGradient(0.4, coeffs, steps);
    var marked = CheckpointedDerivatives.overwrittenAfterGradient(0.4, coeffs, steps, snapshots);
    assertAgree("gradient", flatten(plain.value(), plain.x0(), plain.coeffs()),
        flatten(marked.value(), marked.x0(), marked.coeffs()));
  }

  @Test
  void finiteDifferencesAgreeWithTheCheckpointedGradient() {
    int steps = 400;
    var g = CheckpointedDerivatives.oscillatorGradient(0.8, -0.3, 0.25, steps);
    assertMatchesFiniteDifferences("oscillator",
        x -> Checkpointed.oscillator(x[0], x[1], x[2], steps), new double[] {0.8, -0.3, 0.25},
        new double[] {g.x0(), g.v0(), g.c()}, "x0", "v0", "c");
    var p = CheckpointedDerivatives.pendulumEnergyGradient(0.9, 0.2, 0.1, steps, 3);
    assertMatchesFiniteDifferences("pendulumEnergy",
        x -> Checkpointed.pendulumEnergy(x[0], x[1], x[2], steps, 3),
        new double[] {0.9, 0.2, 0.1}, new double[] {p.theta0(), p.omega0(), p.c()},
        "theta0", "omega0", "c");
  }

  @Test
  void theTapeHoldsOneBlockAndTheSnapshots() {
    int steps = 100_000;
    Tape recorded = new Tape();
    double plainValue = ModelsDerivatives.dampedOscillatorReverse(0.8, -0.3, 0.25, 1.0, 1e-3,
        steps, 1.0, recorded);
    double[] plainGradient = {recorded.popDouble(), recorded.popDouble(), recorded.popDouble()};
    Tape checkpointed = new Tape();
    double value = CheckpointedDerivatives.oscillatorReverse(0.8, -0.3, 0.25, steps, 1.0,
        checkpointed);
    double[] gradient = {checkpointed.popDouble(), checkpointed.popDouble(),
        checkpointed.popDouble()};
    assertTrue(checkpointed.isEmpty(), "every value pushed was popped");
    assertAgree("value and gradient", flatten(plainValue, plainGradient),
        flatten(value, gradient));
    long plainBytes = recorded.capacityBytes();
    long bytes = checkpointed.capacityBytes();
    // 100 snapshots of three values and one block of 125 iterations' worth of tape (10⁵ / (8 · 100),
    // about 2.5 KB, grown geometrically), against 10⁵ iterations.
    assertTrue(bytes < plainBytes / 100, bytes + " bytes checkpointed, " + plainBytes
        + " recorded");
    assertTrue(bytes < 22_000, bytes + " bytes");
    // The schedule stays with the tape: the next call allocates no new one.
    CheckpointedDerivatives.oscillatorReverse(0.8, -0.3, 0.25, steps, 1.0, checkpointed);
    checkpointed.popDouble();
    checkpointed.popDouble();
    checkpointed.popDouble();
    assertEquals(bytes, checkpointed.capacityBytes(), "reused, not regrown");
  }

  @ParameterizedTest(name = "{0} steps, {1} snapshots")
  @MethodSource("stepsAndSnapshots")
  void deferredJumpsInsideTheLoopHaveTheDerivativesOfTheRecordedLoop(int steps, int snapshots) {
    // limit 1.3 breaks after some dozens of iterations; 1e9 never.
    for (double limit : new double[] {1.3, 1e9}) {
      var plain = CheckpointedDerivatives.deferredJumpsRecordedGradient(0.9, 0.8, limit, steps);
      var marked = CheckpointedDerivatives.deferredJumpsGradient(0.9, 0.8, limit, steps,
          snapshots);
      assertAgree("limit " + limit, new double[] {plain.value(), plain.x0(), plain.c()},
          new double[] {marked.value(), marked.x0(), marked.c()});
      var plainHessian = CheckpointedDerivatives.deferredJumpsRecordedHessian(0.9, 0.8, limit,
          steps).hessian();
      var hessian = CheckpointedDerivatives.deferredJumpsHessian(0.9, 0.8, limit, steps,
          snapshots).hessian();
      assertAgree("Hessian, limit " + limit, flatten((Object) plainHessian),
          flatten((Object) hessian));
    }
  }
}
