package dev.fluxion.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The results table: one row per case and tool, with the case's objective time beside the
 * tool's, their ratio, and the tool's allocation per call from the GC profiler. The objective's
 * own row has {@code -} for the gradient time and ratio.
 */
public final class ResultsTable {
  /** The TSV's header, exactly. */
  public static final String HEADER =
      "case\ttool\tobjective_ns\tgradient_ns\tratio\talloc_bytes_per_op";

  /** One measured target. */
  record Row(String caseName, Tool tool, double ns, double allocBytes) {}

  private final List<String[]> rows;

  private ResultsTable(List<String[]> rows) {
    this.rows = rows;
  }

  /** The table of a JMH run of {@link CaseBenchmark}. */
  public static ResultsTable of(Collection<RunResult> results) {
    List<Row> measured = new ArrayList<>();
    for (RunResult r : results) {
      var t = CaseBenchmark.Target.parse(r.getParams().getParam("target"));
      double ns = r.getPrimaryResult().getScore();
      measured.add(new Row(t.caseName(), t.tool(), ns, allocation(r)));
    }
    return of(measured);
  }

  /** The table of measured rows: grouped by case in first-seen order, tools in enum order. */
  static ResultsTable of(List<Row> measured) {
    Map<String, Map<Tool, Row>> byCase = new LinkedHashMap<>();
    for (Row row : measured) {
      byCase.computeIfAbsent(row.caseName(), k -> new EnumMap<>(Tool.class))
          .put(row.tool(), row);
    }
    List<String[]> rows = new ArrayList<>();
    for (var entry : byCase.entrySet()) {
      Row objective = entry.getValue().get(Tool.OBJECTIVE);
      for (Row row : entry.getValue().values()) {
        boolean isObjective = row.tool() == Tool.OBJECTIVE;
        rows.add(new String[] {
          row.caseName(),
          row.tool().label(),
          objective == null ? "-" : number(objective.ns()),
          isObjective ? "-" : number(row.ns()),
          isObjective || objective == null ? "-" : number(row.ns() / objective.ns()),
          Double.isNaN(row.allocBytes()) ? "-" : number(row.allocBytes()),
        });
      }
    }
    return new ResultsTable(rows);
  }

  /** JMH's {@code gc.alloc.rate.norm}: bytes allocated per call (NaN without the profiler). */
  public static double allocation(RunResult r) {
    for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
      if (e.getKey().endsWith("gc.alloc.rate.norm")) {
        return e.getValue().getScore();
      }
    }
    return Double.NaN;
  }

  /** Two decimals below 100, none above: the noise of a timing is larger than that. */
  private static String number(double value) {
    return value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.2f", value);
  }

  /** The table as tab-separated values with {@link #HEADER}, one line per row. */
  public String tsv() {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    for (String[] row : rows) {
      b.append(String.join("\t", row)).append('\n');
    }
    return b.toString();
  }

  /** The table with aligned columns, for the terminal. */
  public String aligned() {
    List<String[]> all = new ArrayList<>();
    all.add(HEADER.split("\t"));
    all.addAll(rows);
    int[] widths = new int[all.get(0).length];
    for (String[] row : all) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (String[] row : all) {
      for (int i = 0; i < row.length; i++) {
        String cell = row[i];
        boolean left = i < 2;
        String pad = " ".repeat(widths[i] - cell.length());
        b.append(i == 0 ? "" : "  ").append(left ? cell + pad : pad + cell);
      }
      b.append('\n');
    }
    return b.toString();
  }
}
