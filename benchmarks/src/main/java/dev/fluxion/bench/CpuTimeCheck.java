package dev.fluxion.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * A cross-check of JMH's ratios that other work on a shared machine disturbs less: in one JVM,
 * the objective and the selected tools of a case take turns, each timed in the thread's CPU time
 * for half a second or more per round; a tool's ratio in a round is its time per call over the
 * objective's in the same round. After five rounds of warm-up (C2 compiles a large generated
 * method only after seconds), eleven rounds are measured, and the median and the lowest ratio
 * are printed and written to {@code cpu-time.tsv}. Time another process takes from the core does
 * not count, as it does in JMH's wall-clock averages; cache and memory bandwidth it shares still
 * do.
 *
 * <p>Run as {@code benchmarks/run --cpu-time --only REGEX}, with the targets of {@link
 * BenchmarkRun}; every tool is verified ({@link Verifier}) first.
 */
public final class CpuTimeCheck {
  private static final int WARM_UP_ROUNDS = 5;
  private static final int ROUNDS = 11;
  private static final long ROUND_NANOS = 500_000_000L;

  /** What the timed calls returned, summed, so that the JIT cannot drop them. */
  static volatile double sink;

  private CpuTimeCheck() {}

  /**
   * Runs the check.
   *
   * @param args {@link RunOptions}: {@code --only REGEX} (advised: a run of every case takes long),
   *     {@code --out FOLDER}
   * @throws IOException if the results cannot be written
   */
  public static void main(String[] args) throws IOException {
    RunOptions options = RunOptions.parse(args);
    Map<String, List<Tool>> byCase = new LinkedHashMap<>();
    for (String target : BenchmarkRun.targets(options)) {
      CaseBenchmark.Target t = CaseBenchmark.Target.parse(target);
      if (t.tool() != Tool.OBJECTIVE) {
        byCase.computeIfAbsent(t.caseName(), k -> new ArrayList<>()).add(t.tool());
      }
    }
    List<String> rows = new ArrayList<>();
    rows.add("case\ttool\tobjective_cpu_ns\tgradient_cpu_ns\tmedian_ratio\tlowest_ratio");
    for (Map.Entry<String, List<Tool>> e : byCase.entrySet()) {
      rows.addAll(check(e.getKey(), e.getValue()));
    }
    Files.createDirectories(options.out());
    Files.write(options.out().resolve("cpu-time.tsv"), rows);
    rows.forEach(System.out::println);
    System.out.println("written: " + options.out().resolve("cpu-time.tsv"));
  }

  /** The rows of one case: per tool, median times and the median and lowest ratios. */
  private static List<String> check(String caseName, List<Tool> tools) {
    BenchmarkCase c = Cases.create(caseName);
    Verifier.verify(c, Tool.OBJECTIVE);
    List<Supplier<double[]>> calls = new ArrayList<>();
    for (Tool tool : tools) {
      Verifier.verify(c, tool);
      calls.add(CaseBenchmark.bind(c, tool));
    }
    double[] objective = new double[ROUNDS];
    double[][] tool = new double[tools.size()][ROUNDS];
    for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
      double perCall = cpuNanosPerCall(c::objective);
      for (int k = 0; k < tools.size(); k++) {
        Supplier<double[]> call = calls.get(k);
        double toolPerCall = cpuNanosPerCall(() -> call.get()[0]);
        if (round >= 0) {
          tool[k][round] = toolPerCall;
        }
      }
      if (round >= 0) {
        objective[round] = perCall;
      }
    }
    List<String> rows = new ArrayList<>();
    for (int k = 0; k < tools.size(); k++) {
      double[] ratios = new double[ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        ratios[r] = tool[k][r] / objective[r];
      }
      rows.add(String.format(Locale.ROOT, "%s\t%s\t%.0f\t%.0f\t%.2f\t%.2f", caseName,
          tools.get(k).label(), median(objective), median(tool[k]), median(ratios), min(ratios)));
    }
    return rows;
  }

  /**
   * Calls {@code call} for a round ({@link #ROUND_NANOS} of this thread's CPU time, at least once)
   * and returns the CPU time per call, in nanoseconds. The clock is read between batches that
   * double in size, since reading it costs about a microsecond: more than a small case's call.
   */
  private static double cpuNanosPerCall(DoubleSupplier call) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    long calls = 0;
    long batch = 1;
    double sum = 0;
    do {
      for (long i = 0; i < batch; i++) {
        sum += call.getAsDouble();
      }
      calls += batch;
      batch *= 2;
    } while (threads.getCurrentThreadCpuTime() - start < ROUND_NANOS);
    double perCall = (threads.getCurrentThreadCpuTime() - start) / (double) calls;
    sink += sum; // keeps the results alive
    return perCall;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElseThrow();
  }
}
