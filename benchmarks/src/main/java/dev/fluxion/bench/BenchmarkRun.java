package dev.fluxion.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmark run behind {@code benchmarks/run}: every tool of every case ({@link Cases}) timed
 * by JMH in one run, with the GC profiler, then {@code latest.tsv} ({@link ResultsTable}) and
 * JMH's {@code latest.json} written into the results folder and the table printed.
 *
 * <p>Arguments: {@code --quick} (one short fork per target, for a run under five minutes),
 * {@code --only REGEX} (only the targets {@code case/tool} it finds), {@code --out FOLDER}
 * (default {@code benchmarks/results}), {@code --list} (print the targets and stop).
 */
public final class BenchmarkRun {
  private BenchmarkRun() {}

  /** Runs the benchmarks; exits non-zero when any target fails, a wrong derivative included. */
  public static void main(String[] args) throws IOException, RunnerException {
    boolean quick = false;
    boolean list = false;
    Pattern only = null;
    Path out = AdbenchData.repositoryRoot().resolve("benchmarks/results");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--list" -> list = true;
        case "--only" -> only = Pattern.compile(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    List<String> targets = targets(quick, only);
    if (list || targets.isEmpty()) {
      targets.forEach(System.out::println);
      if (targets.isEmpty()) {
        System.err.println("no benchmark targets selected");
        System.exit(1);
      }
      return;
    }
    Files.createDirectories(out);
    Path json = out.resolve("latest.json");
    Collection<RunResult> results = new Runner(options(quick, targets, json).build()).run();
    if (results.size() != targets.size()) {
      System.err.println(
          "only " + results.size() + " of " + targets.size() + " targets produced a result");
      System.exit(1);
    }
    ResultsTable table = ResultsTable.of(results);
    Files.writeString(out.resolve("latest.tsv"), table.tsv());
    System.out.println();
    System.out.println(table.aligned());
    System.out.println("written: " + out.resolve("latest.tsv") + " and " + json);
  }

  /** The targets {@code case/tool} of every registered case, in table order. */
  static List<String> targets(boolean quick, Pattern only) {
    List<String> targets = new ArrayList<>();
    for (Cases.Entry e : Cases.all()) {
      if (quick && !e.quick()) {
        continue;
      }
      BenchmarkCase c = e.factory().get();
      for (Tool tool : Tool.values()) {
        String target = new CaseBenchmark.Target(e.name(), tool).toString();
        if ((quick ? c.quickTools() : c.tools()).contains(tool) && (only == null || only.matcher(target).find())) {
          targets.add(target);
        }
      }
    }
    return targets;
  }

  /**
   * JMH's settings: for a 2-core machine, one benchmark thread; the full run has 2 forks of 5
   * warm-up and 5 measured one-second iterations, the quick run one fork of 3 + 3 of half a
   * second (enough for C2 to compile calls of a few milliseconds; an iteration is at least one
   * call, so slow calls take longer).
   */
  static ChainedOptionsBuilder options(boolean quick, List<String> targets, Path json) {
    return new OptionsBuilder()
        .include(Pattern.quote(CaseBenchmark.class.getName()) + "\\.run$")
        .param("target", targets.toArray(String[]::new))
        .threads(1)
        .forks(quick ? 1 : 2)
        .warmupIterations(quick ? 3 : 5)
        .warmupTime(quick ? TimeValue.milliseconds(500) : TimeValue.seconds(1))
        .measurementIterations(quick ? 3 : 5)
        .measurementTime(quick ? TimeValue.milliseconds(500) : TimeValue.seconds(1))
        .jvmArgsAppend("-Xms1g", "-Xmx4g")
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true)
        .resultFormat(ResultFormatType.JSON)
        .result(json.toString());
  }
}
