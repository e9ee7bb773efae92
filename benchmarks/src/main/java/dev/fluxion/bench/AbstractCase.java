package dev.fluxion.bench;

import java.util.EnumSet;
import java.util.Set;

/** The bookkeeping every case shares: its name, its tools and those of the quick run. */
public abstract class AbstractCase implements BenchmarkCase {
  /** The exact tools that every case has: the objective, Fluxion's reverse mode, by hand. */
  protected static final Set<Tool> EXACT =
      EnumSet.of(Tool.OBJECTIVE, Tool.FLUXION_REVERSE, Tool.HAND);

  private final String name;
  private final Set<Tool> tools;
  private final Set<Tool> quickTools;

  /**
   * @param name the case's name
   * @param tools the tools it runs
   * @param quickTools those the quick run times, a subset of {@code tools}
   */
  protected AbstractCase(String name, Set<Tool> tools, Set<Tool> quickTools) {
    if (!tools.containsAll(quickTools)) {
      throw new IllegalArgumentException(name + ": quick tools " + quickTools + " not in " + tools);
    }
    this.name = name;
    this.tools = EnumSet.copyOf(tools);
    this.quickTools = EnumSet.copyOf(quickTools);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Set<Tool> tools() {
    return tools;
  }

  @Override
  public final Set<Tool> quickTools() {
    return quickTools;
  }
}
