package dev.fluxion.corpus;

import static dev.fluxion.testing.ArrayFiniteDifferences.copy;
import static dev.fluxion.testing.ArrayFiniteDifferences.dot;
import static dev.fluxion.testing.ArrayFiniteDifferences.flatten;
import static dev.fluxion.testing.ArrayFiniteDifferences.mat;
import static dev.fluxion.testing.ArrayFiniteDifferences.out;
import static dev.fluxion.testing.FiniteDifferences.assertClose;
import static dev.fluxion.testing.FiniteDifferences.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fluxion.Tape;
import dev.fluxion.corpus.tape.ScratchLocals;
import dev.fluxion.corpus.tape.ScratchLocalsDerivatives;
import dev.fluxion.testing.ArrayFiniteDifferences.ArrayCase;
import dev.fluxion.testing.ArrayFiniteDifferences.Args;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Reverse blocks take their local arrays from the tape's scratch arrays ({@link ScratchLocals}):
 * one holder called again and again, with shapes that change between calls, gives the gradients
 * of fresh holders, of finite differences and of forward mode; arrays that outlive the call stay
 * the caller's; and a warm into-form call allocates nothing.
 */
class ScratchArraysTest {

  /** {@code (k, d, n)} of the mixture, changing from call to call and coming back. */
  private static final int[][] SHAPES = {
    {3, 2, 4}, {2, 3, 5}, {3, 2, 4}, {1, 1, 1}, {4, 3, 2}, {3, 2, 4}
  };

  static Args mixturePoint(Random r, int k, int d, int n) {
    return Args.of(ModelsTest.gaussians(r, k, 0.5), ModelsTest.gaussians(r, k, d, 1),
        ModelsTest.gaussians(r, k, d, 0.3), ModelsTest.gaussians(r, n, d, 1));
  }

  static double[] mixtureGradient(Args a, ScratchLocalsDerivatives.MixtureGradient g) {
    ScratchLocalsDerivatives.mixtureGradient(a.v(0), a.m(1), a.m(2), a.m(3), g);
    return flatten(g.value(), g.alphas(), g.means(), g.logScales());
  }

  @Test
  void mixtureOnOneHolderMatchesFreshHoldersFiniteDifferencesAndForwardMode() {
    var holder = new ScratchLocalsDerivatives.MixtureGradient();
    ArrayCase c = ArrayCase.of("mixture", "alphas", "means", "logScales", "x")
        .wrt("alphas", "means", "logScales")
        .primal(a -> ScratchLocals.mixture(a.v(0), a.m(1), a.m(2), a.m(3)))
        .generated(a -> {
          ScratchLocalsDerivatives.mixtureGradient(a.v(0), a.m(1), a.m(2), a.m(3), holder);
          return out(holder.value(), holder.alphas().clone(), copy(holder.means()),
              copy(holder.logScales()));
        });
    Random r = new Random(17);
    var tangent = new ScratchLocalsDerivatives.MixtureTangent();
    for (int[] s : SHAPES) {
      Args point = mixturePoint(r, s[0], s[1], s[2]);
      c.check(point);
      double[] reused = mixtureGradient(point, holder);
      double[] fresh = mixtureGradient(point, new ScratchLocalsDerivatives.MixtureGradient());
      assertArrayEquals(fresh, reused, 0.0, "shape " + s[0] + "x" + s[1] + "x" + s[2]
          + ": the reused holder's tape lent its arrays again, a fresh one allocated them");

      double[] da = ModelsTest.gaussians(r, s[0], 1);
      double[][] dm = ModelsTest.gaussians(r, s[0], s[1], 1);
      double[][] dl = ModelsTest.gaussians(r, s[0], s[1], 1);
      double directional = ScratchLocalsDerivatives.mixtureTangent(point.v(0), point.m(1),
          point.m(2), point.m(3), da, dm, dl, tangent).tangent();
      double viaGradient = dot(holder.alphas(), da) + dot(holder.means(), dm)
          + dot(holder.logScales(), dl);
      assertEquals(viaGradient, directional, 1e-12 * Math.max(1, Math.abs(viaGradient)),
          "forward mode along a direction equals the gradient dotted with it");
    }
  }

  @Test
  void aWarmTapeKeepsItsScratchArraysAndStaysEmpty() {
    var holder = new ScratchLocalsDerivatives.MixtureGradient();
    Args point = mixturePoint(new Random(3), 4, 3, 6);
    mixtureGradient(point, holder);
    Tape tape = TapeAndHoldersTest.tapeOf(holder);
    long warm = tape.capacityBytes();
    // Scratch arrays of the mixture alone: 2 matrices 4x3 and 6 vectors of 3 or 4 doubles.
    assertTrue(warm >= 2 * 4 * 3 * 8 + 6 * 3 * 8, warm + " bytes: the tape keeps the scratch arrays");
    for (int i = 0; i < 3; i++) {
      mixtureGradient(point, holder);
      assertTrue(tape.isEmpty(), "no value is left on the tape");
      assertEquals(warm, tape.capacityBytes(), "the same shapes take the same arrays again");
    }
  }

  @Test
  void aCalleeWithScratchArraysCalledTwiceAndInALoopOnOneHolder() {
    var holder = new ScratchLocalsDerivatives.TwoCallsGradient();
    var hessian = new ScratchLocalsDerivatives.TwoCallsHessian();
    ArrayCase c = ArrayCase.of("twoCalls", "x")
        .primal(a -> ScratchLocals.twoCalls(a.v(0)))
        .generated(a -> {
          ScratchLocalsDerivatives.twoCallsGradient(a.v(0), holder);
          return out(holder.value(), holder.x().clone());
        });
    Random r = new Random(23);
    for (int n : new int[] {3, 5, 3, 2, 6, 3}) {
      double[] x = ModelsTest.gaussians(r, n, 1);
      c.check(Args.of(x));
      ScratchLocalsDerivatives.twoCallsGradient(x, holder);
      assertArrayEquals(ScratchLocalsDerivatives.twoCallsGradient(x).x(), holder.x(), 0.0,
          "n = " + n + ": reused holder equals a fresh one");

      // Second order: the Hessian-vector product against central differences of the gradient.
      double[] direction = ModelsTest.gaussians(r, n, 1);
      ScratchLocalsDerivatives.twoCallsHessianVectorProduct(x, direction, hessian);
      double[] hv = hessian.hessianVectorProduct().clone();
      assertArrayEquals(ScratchLocalsDerivatives.twoCallsHessianVectorProduct(x, direction)
          .hessianVectorProduct(), hv, 0.0, "reused Hessian holder equals a fresh one");
      double h = 1e-5;
      double[] plus = gradientAt(x, direction, h);
      double[] minus = gradientAt(x, direction, -h);
      for (int i = 0; i < n; i++) {
        double expected = (plus[i] - minus[i]) / (2 * h);
        assertEquals(expected, hv[i], 1e-7 * Math.max(1, Math.abs(expected)),
            "twoCalls (H·d)[" + i + "], n = " + n);
      }
    }
  }

  private static double[] gradientAt(double[] x, double[] direction, double step) {
    double[] shifted = x.clone();
    for (int i = 0; i < x.length; i++) {
      shifted[i] += step * direction[i];
    }
    return ScratchLocalsDerivatives.twoCallsGradient(shifted).x();
  }

  @Test
  void aMatrixWhoseRowWasReplacedComesBackWithItsOwnRows() {
    var holder = new ScratchLocalsDerivatives.ReplacedRowGradient();
    var hessian = new ScratchLocalsDerivatives.ReplacedRowHessian();
    ArrayCase c = ArrayCase.of("replacedRow", "x")
        .primal(a -> ScratchLocals.replacedRow(a.v(0)))
        .generated(a -> {
          ScratchLocalsDerivatives.replacedRowGradient(a.v(0), holder);
          return out(holder.value(), holder.x().clone());
        })
        .exact(a -> out(replacedRowGradient(a.v(0))));
    for (double[] x : new double[][] {
        vec(0.5, -1, 2), vec(0.5, -1, 2), vec(1.5, 0.25, -0.75, 2, 1), vec(0.5, -1, 2), vec(3)}) {
      c.check(Args.of(x));
      int n = x.length;
      // value = n + Σ xᵢ³ + (2 + Σ_{i<n-1} xᵢ²) + 2·x₀ + (n + 1): a row of the wrong length
      // (the longer row of the call before) would be off by at least 1.
      double expected = n + 2 + 2 * x[0] + n + 1;
      for (int i = 0; i < n; i++) {
        expected += x[i] * x[i] * x[i] + (i < n - 1 ? x[i] * x[i] : 0);
      }
      assertClose("replacedRow value, n = " + n, expected, holder.value());

      double[] direction = new double[n];
      double[] expectedHv = new double[n];
      for (int i = 0; i < n; i++) {
        direction[i] = 1 - 0.5 * i;
        expectedHv[i] = (6 * x[i] + (i < n - 1 ? 2 : 0)) * direction[i];
      }
      ScratchLocalsDerivatives.replacedRowHessianVectorProduct(x, direction, hessian);
      assertArrayEquals(expectedHv, hessian.hessianVectorProduct(), 1e-12,
          "second order takes its arrays and their tangents from the tape too");
      assertArrayEquals(replacedRowGradient(x), hessian.gradient(), 1e-12);
    }
  }

  /** ∂/∂xⱼ of {@link ScratchLocals#replacedRow}: 3xⱼ² + 2xⱼ (j < n−1) + 2 (j = 0). */
  private static double[] replacedRowGradient(double[] x) {
    double[] g = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      g[j] = 3 * x[j] * x[j] + (j < x.length - 1 ? 2 * x[j] : 0) + (j == 0 ? 2 : 0);
    }
    return g;
  }

  @Test
  void aCheckpointedLoopOverScratchStateMatchesFiniteDifferencesAndForwardMode() {
    var holder = new ScratchLocalsDerivatives.RelaxationGradient();
    var tangent = new ScratchLocalsDerivatives.RelaxationTangent();
    int[][] runs = {{4, 30, 3}, {3, 7, 2}, {4, 30, 3}, {5, 12, 12}, {4, 30, 1}};
    for (int[] run : runs) {
      int steps = run[1];
      int snapshots = run[2];
      ArrayCase c = ArrayCase.of("relaxation(steps=" + steps + ", snapshots=" + snapshots + ")", "x")
          .primal(a -> ScratchLocals.relaxation(a.v(0), steps, snapshots))
          .generated(a -> {
            ScratchLocalsDerivatives.relaxationGradient(a.v(0), steps, snapshots, holder);
            return out(holder.value(), holder.x().clone());
          });
      double[] x = ModelsTest.gaussians(new Random(run[0] * 31 + steps), run[0], 1);
      c.check(Args.of(x));
      ScratchLocalsDerivatives.relaxationGradient(x, steps, snapshots, holder);
      var fresh = ScratchLocalsDerivatives.relaxationGradient(x, steps, snapshots);
      assertArrayEquals(fresh.x(), holder.x(), 0.0, "reused holder equals a fresh one");
      double[] direction = ModelsTest.gaussians(new Random(steps), run[0], 1);
      double directional = ScratchLocalsDerivatives.relaxationTangent(x, steps, snapshots,
          direction, tangent).tangent();
      assertEquals(dot(holder.x(), direction), directional, 1e-12,
          "forward mode equals the gradient dotted with the direction");
    }
  }

  @Test
  void adjointArraysOfCalleesResultsComeFromTheTapeAcrossShapes() {
    var holder = new ScratchLocalsDerivatives.ThroughResultsGradient();
    ArrayCase c = ArrayCase.of("throughResults", "x")
        .primal(a -> ScratchLocals.throughResults(a.v(0)))
        .generated(a -> {
          ScratchLocalsDerivatives.throughResultsGradient(a.v(0), holder);
          return out(holder.value(), holder.x().clone());
        })
        .exact(a -> {
          // Σ sᵢ⁴ + sᵢ with sᵢ = xᵢ²/2: ∂/∂xᵢ = (4sᵢ³ + 1)·xᵢ.
          double[] x = a.v(0);
          double[] g = new double[x.length];
          for (int i = 0; i < x.length; i++) {
            double si = 0.5 * x[i] * x[i];
            g[i] = (4 * si * si * si + 1) * x[i];
          }
          return out(g);
        });
    for (double[] x : new double[][] {vec(0.5, -1, 1.5), vec(1, 2), vec(0.5, -1, 1.5),
        vec(-0.25, 0.75, 1.25, -1.5, 1)}) {
      c.check(Args.of(x));
    }
  }

  @Test
  void aReturnedVectorStaysTheCallersAfterTheNextCall() {
    var g = new ScratchLocalsDerivatives.SquaresGradient();
    ScratchLocalsDerivatives.squaresPullback(vec(1, 2, 3), 2, vec(1, 0.5, -1), g);
    double[] first = g.value();
    assertArrayEquals(vec(2, 8, 18), first, 0.0);
    assertArrayEquals(vec(4, 4, -12), g.x(), 0.0, "x̄ᵢ = sᵢ·2c·xᵢ");
    assertEquals(1 + 2 - 9, g.c(), 0.0, "c̄ = Σ sᵢ·xᵢ²");
    ScratchLocalsDerivatives.squaresPullback(vec(5, 6, 7), 1, vec(1, 1, 1), g);
    assertArrayEquals(vec(25, 36, 49), g.value(), 0.0);
    assertNotSame(first, g.value());
    assertArrayEquals(vec(2, 8, 18), first, 0.0, "the first call's result is untouched");
  }

  @Test
  void aReturnedMatrixAndTheRowStoredIntoItStayTheCallers() {
    var g = new ScratchLocalsDerivatives.RowsGradient();
    ScratchLocalsDerivatives.rowsPullback(vec(1, 2), mat(vec(1, 0), vec(0.5, 2)), g);
    double[][] first = g.value();
    double[] firstCubes = first[1];
    assertArrayEquals(vec(1, 2), first[0], 0.0);
    assertArrayEquals(vec(1, 8), firstCubes, 0.0);
    assertArrayEquals(vec(1 + 1.5, 2 * 12), g.x(), 0.0, "x̄ᵢ = S₀ᵢ + 3xᵢ²·S₁ᵢ");
    ScratchLocalsDerivatives.rowsPullback(vec(3, 4), mat(vec(1, 1), vec(1, 1)), g);
    assertArrayEquals(vec(27, 64), g.value()[1], 0.0);
    assertArrayEquals(vec(2.5 + 1 + 27, 24 + 1 + 48), g.x(), 0.0, "a pullback adds");
    assertArrayEquals(vec(1, 2), first[0], 0.0, "the first result is untouched");
    assertArrayEquals(vec(1, 8), firstCubes, 0.0, "and so is the row stored into it");
  }

  @Test
  void warmIntoFormCallsAllocateNothingInEitherMode() {
    var bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean t
        && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled(),
        "no per-thread allocation counter on this JVM");
    var threads = (com.sun.management.ThreadMXBean) bean;
    long id = Thread.currentThread().getId();
    Args p = mixturePoint(new Random(5), 5, 4, 20);
    double[] alphas = p.v(0);
    double[][] means = p.m(1);
    double[][] logScales = p.m(2);
    double[][] x = p.m(3);

    long before = threads.getThreadAllocatedBytes(id);
    var holder = ScratchLocalsDerivatives.mixtureGradient(alphas, means, logScales, x);
    long first = threads.getThreadAllocatedBytes(id) - before;
    assertTrue(first >= 2 * 5 * 4 * 8, first + " bytes: the first call allocates its arrays");

    for (int i = 0; i < 5_000; i++) {
      ScratchLocalsDerivatives.mixtureGradient(alphas, means, logScales, x, holder);
    }
    double value = holder.value();
    before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < 100; i++) {
      ScratchLocalsDerivatives.mixtureGradient(alphas, means, logScales, x, holder);
    }
    long bytes = threads.getThreadAllocatedBytes(id) - before;
    assertEquals(0, bytes, "bytes allocated by 100 warm into-form calls");
    assertEquals(value, holder.value(), 0.0);
    assertClose("value", ScratchLocals.mixture(alphas, means, logScales, x), value);

    // Forward mode takes its arrays and their tangents from the holder's tape as well.
    Args d = mixturePoint(new Random(6), 5, 4, 20);
    var tangent = ScratchLocalsDerivatives.mixtureTangent(alphas, means, logScales, x, d.v(0),
        d.m(1), d.m(2));
    for (int i = 0; i < 5_000; i++) {
      ScratchLocalsDerivatives.mixtureTangent(alphas, means, logScales, x, d.v(0), d.m(1), d.m(2),
          tangent);
    }
    before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < 100; i++) {
      ScratchLocalsDerivatives.mixtureTangent(alphas, means, logScales, x, d.v(0), d.m(1), d.m(2),
          tangent);
    }
    bytes = threads.getThreadAllocatedBytes(id) - before;
    assertEquals(0, bytes, "bytes allocated by 100 warm tangent into-form calls");
    double viaGradient = dot(holder.alphas(), d.v(0)) + dot(holder.means(), d.m(1))
        + dot(holder.logScales(), d.m(2));
    assertEquals(viaGradient, tangent.tangent(), 1e-12 * Math.max(1, Math.abs(viaGradient)));
  }
}
