package dev.fluxion.bench;

import dev.fluxion.bench.ba.BaCase;
import dev.fluxion.bench.gmm.GmmCases;
import dev.fluxion.bench.lstm.LstmCase;
import dev.fluxion.bench.small.SmallCases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The registry of benchmark cases: each case's name and how to build it (which reads its input,
 * so cases are built only when run). Each case package contributes its entries in one line of
 * {@link #registry()}.
 */
public final class Cases {
  private Cases() {}

  /** A case that can be built, and whether the quick run includes it. */
  public record Entry(String name, boolean quick, Supplier<BenchmarkCase> factory) {}

  private static Map<String, Entry> registry() {
    List<Entry> entries = new ArrayList<>();
    // One line per case package, in the order of the table.
    entries.addAll(GmmCases.entries());
    entries.addAll(BaCase.entries());
    entries.addAll(LstmCase.entries());
    entries.addAll(SmallCases.entries());
    Map<String, Entry> byName = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (byName.put(e.name(), e) != null) {
        throw new IllegalStateException("two cases named " + e.name());
      }
    }
    return byName;
  }

  /** Every registered case, in table order. */
  public static List<Entry> all() {
    return List.copyOf(registry().values());
  }

  /** Builds the case of that name. */
  public static BenchmarkCase create(String name) {
    Entry e = registry().get(name);
    if (e == null) {
      throw new IllegalArgumentException("no benchmark case named " + name + "; known: "
          + registry().keySet());
    }
    return e.factory().get();
  }
}
