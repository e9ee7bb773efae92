package dev.fluxion.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;

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
    RunOptions options = RunOptions.parse(args);
    List<String> targets = targets(options);
    if (options.list() || targets.isEmpty()) {
      targets.forEach(System.out::println);
      if (targets.isEmpty() && options.only() == null) {
        System.err.println("no benchmark targets selected");
        System.exit(1);
      }
      if (targets.isEmpty()) {
        // --only may name the checkpointing benchmark's targets, which benchmarks/run runs next.
        System.out.println("no targets of the main table match --only " + options.only());
      }
      return;
    }
    Path out = options.out();
    Files.createDirectories(out);
    Path json = out.resolve("latest.json");
    Collection<RunResult> results = new Runner(options.jmh(CaseBenchmark.class)
        .param("target", targets.toArray(String[]::new))
        .resultFormat(ResultFormatType.JSON)
        .result(json.toString())
        .build()).run();
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
  static List<String> targets(RunOptions options) {
    List<String> targets = new ArrayList<>();
    for (Cases.Entry e : Cases.all()) {
      if (options.quick() && !e.quick()) {
        continue;
      }
      BenchmarkCase c = e.factory().get();
      for (Tool tool : Tool.values()) {
        String target = new CaseBenchmark.Target(e.name(), tool).toString();
        if ((options.quick() ? c.quickTools() : c.tools()).contains(tool)
            && options.selects(target)) {
          targets.add(target);
        }
      }
    }
    return targets;
  }
}
