package dev.fluxion.bench.checkpoint;

import dev.fluxion.bench.ResultsTable;
import dev.fluxion.bench.RunOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;

/**
 * The checkpointing benchmark behind {@code benchmarks/run}, after the main table: times the
 * objective and every tool of {@link EulerTool} on {@link EulerCase} in one JMH run, adds their
 * rows to {@code latest.tsv} (replacing the case's earlier rows), writes {@code
 * checkpointing.tsv} with each gradient's tape bytes and its time and memory against the
 * recorded loop's, and prints that table.
 *
 * <p>Arguments as {@code BenchmarkRun}'s: {@code --quick}, {@code --only REGEX} (on {@code
 * euler-1e6/tool}; selecting none of these targets runs nothing), {@code --out FOLDER}, {@code
 * --list}.
 */
public final class CheckpointRun {
  /** The tools, in table order: the objective, the recorded loop, then growing snapshot counts. */
  static final List<String> TOOLS = List.of("objective", "fluxion-reverse",
      "fluxion-binomial-10", "fluxion-binomial-100", "fluxion-binomial-1000");

  /** The header of {@code checkpointing.tsv}. */
  static final String HEADER =
      "tool\ttape_bytes\tgradient_ns\ttime_ratio_vs_recorded\tmemory_ratio_vs_recorded";

  private CheckpointRun() {}

  /** Runs the benchmark; exits non-zero when any tool fails, a wrong gradient included. */
  public static void main(String[] args) throws IOException, RunnerException {
    RunOptions options = RunOptions.parse(args);
    List<String> tools = new ArrayList<>();
    for (String tool : TOOLS) {
      if (options.selects(EulerCase.NAME + "/" + tool)) {
        tools.add(tool);
      }
    }
    if (options.list() || tools.isEmpty()) {
      tools.forEach(t -> System.out.println(EulerCase.NAME + "/" + t));
      return;
    }
    Collection<RunResult> results = new Runner(options.jmh(CheckpointBenchmark.class)
        .param("tool", tools.toArray(String[]::new))
        .build()).run();
    if (results.size() != tools.size()) {
      System.err.println("only " + results.size() + " of " + tools.size()
          + " checkpointing tools produced a result");
      System.exit(1);
    }
    Map<String, RunResult> byTool = new LinkedHashMap<>();
    for (String tool : tools) {
      for (RunResult r : results) {
        if (r.getParams().getParam("tool").equals(tool)) {
          byTool.put(tool, r);
        }
      }
    }
    Path out = options.out();
    Files.createDirectories(out);
    Path latest = out.resolve("latest.tsv");
    Files.writeString(latest, withRows(Files.exists(latest) ? Files.readString(latest) : "",
        mainRows(byTool)));
    String table = checkpointing(byTool);
    Files.writeString(out.resolve("checkpointing.tsv"), table);
    System.out.println();
    System.out.print(table.replace('\t', ' '));
    System.out.println("written: " + out.resolve("checkpointing.tsv") + "; rows of "
        + EulerCase.NAME + " in " + latest);
  }

  /** The case's rows in {@code latest.tsv}'s columns ({@link ResultsTable#HEADER}). */
  private static List<String> mainRows(Map<String, RunResult> byTool) {
    RunResult objective = byTool.get("objective");
    List<String> rows = new ArrayList<>();
    for (var e : byTool.entrySet()) {
      double ns = e.getValue().getPrimaryResult().getScore();
      boolean isObjective = e.getKey().equals("objective");
      String objectiveNs = objective == null ? "-" : number(score(objective));
      rows.add(String.join("\t", EulerCase.NAME, e.getKey(), objectiveNs,
          isObjective ? "-" : number(ns),
          isObjective || objective == null ? "-" : number(ns / score(objective)),
          number(ResultsTable.allocation(e.getValue()))));
    }
    return rows;
  }

  /**
   * {@code latest.tsv}'s text with the case's rows replaced by {@code rows}, after the other
   * cases' (a missing or empty table gets its header).
   */
  static String withRows(String table, List<String> rows) {
    StringBuilder b = new StringBuilder();
    for (String line : table.split("\n")) {
      if (!line.isEmpty() && !line.startsWith(EulerCase.NAME + "\t")) {
        b.append(line).append('\n');
      }
    }
    if (b.length() == 0) {
      b.append(ResultsTable.HEADER).append('\n');
    }
    rows.forEach(r -> b.append(r).append('\n'));
    return b.toString();
  }

  /** {@code checkpointing.tsv}: each gradient's tape bytes and time, and both as ratios. */
  private static String checkpointing(Map<String, RunResult> byTool) {
    EulerCase euler = new EulerCase(EulerCase.STEPS);
    RunResult recorded = byTool.get("fluxion-reverse");
    long recordedBytes = euler.tapeBytes(EulerTool.RECORDED);
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    for (var e : byTool.entrySet()) {
      EulerTool tool = EulerTool.of(e.getKey());
      if (!tool.isGradient()) {
        continue;
      }
      long bytes = euler.tapeBytes(tool.snapshots());
      double ns = score(e.getValue());
      b.append(String.join("\t", tool.label(), Long.toString(bytes), number(ns),
          recorded == null ? "-" : ratio(ns / score(recorded)),
          ratio((double) bytes / recordedBytes))).append('\n');
    }
    return b.toString();
  }

  private static double score(RunResult r) {
    return r.getPrimaryResult().getScore();
  }

  /** As in {@code latest.tsv}: no decimals from 100 up, two below. */
  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
  }

  /** Three significant digits: memory ratios go down to 10⁻⁴. */
  private static String ratio(double value) {
    return String.format(Locale.ROOT, "%.3g", value);
  }
}
