package dev.fluxion.corpus;

import static dev.fluxion.testing.ArrayFiniteDifferences.flatten;
import static dev.fluxion.testing.ArrayFiniteDifferences.mat;
import static dev.fluxion.testing.FiniteDifferences.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fluxion.Tape;
import dev.fluxion.corpus.loops.ArrayOpsDerivatives;
import dev.fluxion.corpus.loops.LongLoops;
import dev.fluxion.corpus.loops.LongLoopsDerivatives;
import dev.fluxion.corpus.loops.LoopsDerivatives;
import dev.fluxion.corpus.loops.ModelsDerivatives;
import dev.fluxion.corpus.loops.Seed000RegressionDerivatives;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The tape and the holders: empty after every call, reusable (into-form results equal fresh
 * holders', adjoint arrays reused while the shape stays), thread confinement (8 threads, identical
 * results), and a gradient through 10⁶ iterations at the default heap.
 */
class TapeAndHoldersTest {

  private static final int MILLION = 1_000_000;

  /** The holder's own tape, if it keeps one in a field (read reflectively: it is private). */
  static Tape tapeOf(Object holder) {
    for (Class<?> c = holder.getClass(); c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getType() == Tape.class) {
          try {
            f.setAccessible(true);
            return (Tape) f.get(holder);
          } catch (ReflectiveOperationException | RuntimeException e) {
            fail("cannot read the tape of " + holder.getClass().getSimpleName() + ": " + e);
          }
        }
      }
    }
    return null;
  }

  static void assertTapeEmpty(String what, Object holder) {
    Tape tape = tapeOf(holder);
    if (tape != null) {
      assertTrue(tape.isEmpty(), what + ": the holder's tape is empty after the call");
    }
  }

  // ---------------------------------------------------------------- inputs

  static final double[][] W1;
  static final double[] B1;
  static final double[][] W2;
  static final double[] B2;
  static final double[] MX;
  static final double[] MY;
  static final Object[] RNN = ModelsTest.rnnPoint(30);
  static final Object[] RNN_OTHER = ModelsTest.rnnPoint(99);

  static {
    Random r = new Random(7);
    W1 = ModelsTest.gaussians(r, 4, 3, 0.7);
    B1 = ModelsTest.gaussians(r, 4, 0.1);
    W2 = ModelsTest.gaussians(r, 2, 4, 0.7);
    B2 = ModelsTest.gaussians(r, 2, 0.1);
    MX = ModelsTest.gaussians(r, 3, 1);
    MY = ModelsTest.gaussians(r, 2, 1);
  }

  static double[] rnn(Object[] p, ModelsDerivatives.RnnFinalSumGradient g) {
    ModelsDerivatives.rnnFinalSumGradient((double[][]) p[0], (double[][]) p[1], (double[]) p[2],
        (double[][]) p[3], (double[]) p[4], g);
    return flatten(g.value(), g.w(), g.u(), g.b(), g.xs(), g.h0());
  }

  static double[] mlp(double scale, ModelsDerivatives.MlpLossGradient g) {
    double[] x = MX.clone();
    for (int i = 0; i < x.length; i++) {
      x[i] *= scale;
    }
    ModelsDerivatives.mlpLossGradient(W1, B1, W2, B2, x, MY, g);
    return flatten(g.value(), g.w1(), g.b1(), g.w2(), g.b2(), g.x());
  }

  // ---------------------------------------------------------------- (1) reuse

  /** One method's into form: a holder factory and a call at input variant {@code i}. */
  record Subject<H>(String name, Supplier<H> holder, BiFunction<Integer, H, double[]> call) {

    double[] fresh(int i) {
      H h = holder.get();
      double[] r = call.apply(i, h);
      assertTapeEmpty(name + " (fresh, input " + i + ")", h);
      return r;
    }
  }

  static List<Subject<?>> subjects() {
    List<Subject<?>> s = new ArrayList<>();
    s.add(new Subject<ModelsDerivatives.RnnFinalSumGradient>("rnnFinalSum",
        ModelsDerivatives.RnnFinalSumGradient::new,
        (i, g) -> rnn(i % 2 == 0 ? RNN : RNN_OTHER, g)));
    s.add(new Subject<ModelsDerivatives.MlpLossGradient>("mlpLoss",
        ModelsDerivatives.MlpLossGradient::new,
        (i, g) -> mlp(1 + 0.25 * i, g)));
    s.add(new Subject<Seed000RegressionDerivatives.LossGradient>("seed000 loss",
        Seed000RegressionDerivatives.LossGradient::new,
        (i, g) -> {
          Seed000RegressionDerivatives.lossGradient(0.5 + i, 1.5 - i, vec(1, 2, 3, 4),
              vec(2.1, 3.9, 6.2, 7.8), g);
          return vec(g.value(), g.w1(), g.w2());
        }));
    s.add(new Subject<ArrayOpsDerivatives.SortedWeightedSumGradient>("sortedWeightedSum",
        ArrayOpsDerivatives.SortedWeightedSumGradient::new,
        (i, g) -> {
          double[] x = i % 2 == 0 ? vec(0.3, -1.2, 2.5, 0.9) : vec(4, 3, 2, 1);
          ArrayOpsDerivatives.sortedWeightedSumGradient(x, g);
          return flatten(g.value(), g.x());
        }));
    s.add(new Subject<LoopsDerivatives.NewtonSqrtGradient>("newtonSqrt",
        LoopsDerivatives.NewtonSqrtGradient::new,
        (i, g) -> {
          LoopsDerivatives.newtonSqrtGradient(2 + 3 * i, g);
          return vec(g.value(), g.a());
        }));
    s.add(new Subject<LoopsDerivatives.LabelledBreakGradient>("labelledBreak",
        LoopsDerivatives.LabelledBreakGradient::new,
        (i, g) -> {
          double[][] a = i % 2 == 0
              ? mat(vec(0.5, 1.0, -0.3), vec(0.7, 2.5, 0.4), vec(0.9, 0.1, 0.2))
              : mat(vec(0.5, 1.0, -0.3), vec(0.7, 1.5, 0.4), vec(0.9, 0.1, 0.2));
          LoopsDerivatives.labelledBreakGradient(a, g);
          return flatten(g.value(), g.a());
        }));
    s.add(new Subject<ModelsDerivatives.DampedOscillatorGradient>("dampedOscillator",
        ModelsDerivatives.DampedOscillatorGradient::new,
        (i, g) -> {
          ModelsDerivatives.dampedOscillatorGradient(1 - i, 0.5 * i, 0.3, 4, 1e-3, 10_000, g);
          return vec(g.value(), g.x0(), g.v0(), g.c());
        }));
    s.add(new Subject<LongLoopsDerivatives.RingBufferGradient>("ringBuffer",
        LongLoopsDerivatives.RingBufferGradient::new,
        (i, g) -> {
          LongLoopsDerivatives.ringBufferGradient(1.5 + i, 1000 + 7 * i, g);
          return vec(g.value(), g.x());
        }));
    return s;
  }

  @Test
  void intoFormOverwritesAndEqualsAFreshHolder() {
    for (Subject<?> subject : subjects()) {
      check(subject);
    }
  }

  private static <H> void check(Subject<H> s) {
    H h = s.holder().get();
    double[] first = s.call().apply(0, h);
    assertTapeEmpty(s.name() + " after the first call", h);
    double[] second = s.call().apply(1, h);
    assertTapeEmpty(s.name() + " after the second call", h);
    assertArrayEquals(s.fresh(1), second, 0.0, s.name() + ": reused holder, other input");
    double[] third = s.call().apply(0, h);
    assertArrayEquals(first, third, 0.0, s.name() + ": reused holder, first input again");
    assertArrayEquals(s.fresh(0), first, 0.0, s.name() + ": first call equals a fresh holder");
  }

  @Test
  void intoFormFollowsShapeChanges() {
    var g = new ArrayOpsDerivatives.SumOfSquaresGradient();
    for (double[] x : new double[][] {vec(1, 2, 3), vec(1, 2, 3, 4, 5), vec(-1, 0.5, 2), vec()}) {
      ArrayOpsDerivatives.sumOfSquaresGradient(x, g);
      var fresh = ArrayOpsDerivatives.sumOfSquaresGradient(x);
      assertEquals(x.length, g.x().length, "shape follows the argument");
      assertArrayEquals(fresh.x(), g.x(), 0.0);
      assertEquals(fresh.value(), g.value(), 0.0);
      assertTapeEmpty("sumOfSquares", g);
    }
    var m = new LoopsDerivatives.EnhancedForMatrixGradient();
    for (double[][] a : new double[][][] {
        mat(vec(0.5, -1.2), vec(0.3, 0.8, 1.1)), mat(vec(1, 2, 3)), mat(vec(0.5, -1.2),
            vec(0.3, 0.8))}) {
      LoopsDerivatives.enhancedForMatrixGradient(a, m);
      var fresh = LoopsDerivatives.enhancedForMatrixGradient(a);
      assertEquals(a.length, m.a().length, "rows");
      for (int i = 0; i < a.length; i++) {
        assertArrayEquals(fresh.a()[i], m.a()[i], 0.0, "row " + i);
      }
    }
  }

  @Test
  void intoFormReusesAdjointArraysOfTheSameShape() {
    var g = ArrayOpsDerivatives.dotGradient(vec(1, 2, 3), vec(4, 5, 6));
    double[] a = g.a();
    double[] b = g.b();
    ArrayOpsDerivatives.dotGradient(vec(-1, 0, 1), vec(2, 2, 2), g);
    assertSame(a, g.a(), "∂/∂a array reused");
    assertSame(b, g.b(), "∂/∂b array reused");
    assertArrayEquals(vec(2, 2, 2), g.a(), 0.0, "overwritten, not accumulated");
    var m = ModelsDerivatives.rnnFinalSumGradient((double[][]) RNN[0], (double[][]) RNN[1],
        (double[]) RNN[2], (double[][]) RNN[3], (double[]) RNN[4]);
    double[][] w = m.w();
    double[] row = w[1];
    rnn(RNN_OTHER, m);
    assertSame(w, m.w(), "∂/∂W matrix reused");
    assertSame(row, m.w()[1], "∂/∂W rows reused");
  }

  @Test
  void adjointArraysAreNeverNullAfterACall() {
    var g = ArrayOpsDerivatives.recursiveSumGradient(vec(1, 2, 3), 3); // no element is read
    assertNotNull(g.x());
    assertArrayEquals(vec(0, 0, 0), g.x(), 0.0);
    var e = LoopsDerivatives.enhancedForGradient(vec());
    assertNotNull(e.x());
    assertEquals(0, e.x().length);
  }

  @Test
  void pullbackAccumulatesThenIntoOverwrites() {
    var g = new ModelsDerivatives.MlpLossGradient();
    ModelsDerivatives.mlpLossPullback(W1, B1, W2, B2, MX, MY, 1.0, g);
    ModelsDerivatives.mlpLossPullback(W1, B1, W2, B2, MX, MY, 2.0, g);
    var once = ModelsDerivatives.mlpLossGradient(W1, B1, W2, B2, MX, MY);
    double[] three = flatten(once.w1(), once.b1(), once.w2(), once.b2(), once.x());
    for (int i = 0; i < three.length; i++) {
      three[i] *= 3;
    }
    assertArrayEquals(three, flatten(g.w1(), g.b1(), g.w2(), g.b2(), g.x()), 1e-13,
        "seeds 1 then 2 add up to 3 gradients");
    assertEquals(once.value(), g.value(), 0.0, "the value is overwritten, not added");
    ModelsDerivatives.mlpLossGradient(W1, B1, W2, B2, MX, MY, g);
    assertArrayEquals(flatten(once.value(), once.w1(), once.b1(), once.w2(), once.b2(), once.x()),
        flatten(g.value(), g.w1(), g.b1(), g.w2(), g.b2(), g.x()), 0.0,
        "the into form overwrites what the pullbacks accumulated");
  }

  // ---------------------------------------------------------------- (2) threads

  @Test
  void eightThreadsGetIdenticalResults() throws Exception {
    List<Subject<?>> subjects = subjects();
    List<double[][]> expected = new ArrayList<>();
    for (Subject<?> s : subjects) {
      expected.add(new double[][] {s.fresh(0), s.fresh(1)});
    }
    int threads = 8;
    int rounds = 30;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        Callable<String> task = () -> {
          start.await(30, TimeUnit.SECONDS);
          return runRounds(subjects, expected, id, rounds);
        };
        futures.add(pool.submit(task));
      }
      for (Future<String> f : futures) {
        String problem = f.get(300, TimeUnit.SECONDS);
        if (problem != null) {
          fail(problem);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String runRounds(List<Subject<?>> subjects, List<double[][]> expected, int id,
      int rounds) {
    List<Object> holders = new ArrayList<>();
    for (Subject<?> s : subjects) {
      holders.add(s.holder().get());
    }
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < subjects.size(); k++) {
        int input = (r + id + k) % 2;
        double[] got = call(subjects.get(k), holders.get(k), input);
        double[] want = expected.get(k)[input];
        if (!java.util.Arrays.equals(want, got)) {
          return "thread " + id + ", round " + r + ", " + subjects.get(k).name() + " input "
              + input + ": " + java.util.Arrays.toString(got) + " instead of "
              + java.util.Arrays.toString(want);
        }
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static <H> double[] call(Subject<H> s, Object holder, int input) {
    return s.call().apply(input, (H) holder);
  }

  // ---------------------------------------------------------------- (3) a million iterations

  /** d s_n / dx for s ← 0.999999 s + 10⁻⁶ x from 0: 10⁻⁶ (1 − rⁿ) / (1 − r). */
  static double decayDerivative(int n) {
    double r = 0.999999;
    return 1e-6 * (1 - Math.pow(r, n)) / (1 - r);
  }

  @Test
  void millionIterationLoopMatchesTheClosedForm() {
    var g = LongLoopsDerivatives.decayGradient(2.5, MILLION);
    double d = decayDerivative(MILLION);
    assertEquals(1 - Math.exp(-1), d, 1e-6, "sanity: (1 − 10⁻⁶)^10⁶ ≈ 1/e");
    assertEquals(d, g.x(), 1e-9 * d, "∂/∂x");
    double primal = LongLoops.decay(2.5, MILLION);
    assertEquals(primal, g.value(), 1e-14 * primal, "value");
    assertEquals(2.5 * d, g.value(), 1e-9 * d, "value, closed form");
    assertTapeEmpty("decay over 10⁶ iterations", g);
    reportTape("decay", g, MILLION);
  }

  @Test
  void millionOverwritesOfArrayElementsMatchTheClosedForm() {
    var g = LongLoopsDerivatives.ringBufferGradient(-1.5, MILLION);
    double d = decayDerivative(MILLION);
    assertEquals(d, g.x(), 1e-9 * d, "∂/∂x");
    double primal = LongLoops.ringBuffer(-1.5, MILLION);
    assertEquals(primal, g.value(), 1e-14 * Math.abs(primal), "value");
    assertTapeEmpty("ringBuffer over 10⁶ iterations", g);
    reportTape("ringBuffer", g, MILLION);
    // Reusable: the same holder again gives the same numbers.
    double first = g.x();
    LongLoopsDerivatives.ringBufferGradient(-1.5, MILLION, g);
    assertEquals(first, g.x(), 0.0, "reused holder");
    assertTapeEmpty("ringBuffer, second call", g);
  }

  @Test
  void millionIterationNonlinearLoopMatchesForwardTangents() {
    double x = 0.7;
    var g = LongLoopsDerivatives.nonlinearGradient(x, MILLION);
    double s = 0;
    double ds = 0;
    for (int i = 0; i < MILLION; i++) {
      double c = Math.cos(x + s);
      ds = ds + 1e-6 * c * (1 + ds);
      s = s + 1e-6 * Math.sin(x + s);
    }
    assertEquals(s, g.value(), 1e-14 * Math.abs(s), "value");
    assertEquals(ds, g.x(), 1e-9 * Math.abs(ds), "∂/∂x");
    assertTapeEmpty("nonlinear over 10⁶ iterations", g);
    reportTape("nonlinear", g, MILLION);
  }

  private static void reportTape(String what, Object holder, int iterations) {
    Tape tape = tapeOf(holder);
    if (tape != null) {
      long bytes = tape.capacityBytes();
      System.out.printf("%s: tape capacity %d bytes after %d iterations (%.2f bytes/iteration)%n",
          what, bytes, iterations, (double) bytes / iterations);
      assertTrue(bytes <= 64L * iterations, what + ": at most 64 tape bytes per iteration, got "
          + bytes);
    }
  }
}
