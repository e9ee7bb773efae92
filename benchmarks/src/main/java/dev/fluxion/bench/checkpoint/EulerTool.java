package dev.fluxion.bench.checkpoint;

/**
 * One way the checkpointing case is run, named as in the TSV's {@code tool} column: {@code
 * objective}, {@code fluxion-reverse} (the loop recorded) or {@code fluxion-binomial-S} (the loop
 * checkpointed with at most S snapshots).
 *
 * @param label the tool's name
 * @param snapshots S, or {@link #RECORDED} or {@link #OBJECTIVE}
 */
public record EulerTool(String label, int snapshots) {
  /** The snapshot count that stands for the recorded loop. */
  public static final int RECORDED = 0;

  /** The snapshot count that stands for the objective alone. */
  public static final int OBJECTIVE = -1;

  private static final String BINOMIAL = "fluxion-binomial-";

  /** The tool of that label. */
  public static EulerTool of(String label) {
    if (label.equals("objective")) {
      return new EulerTool(label, OBJECTIVE);
    }
    if (label.equals("fluxion-reverse")) {
      return new EulerTool(label, RECORDED);
    }
    if (label.startsWith(BINOMIAL)) {
      int s = Integer.parseInt(label.substring(BINOMIAL.length()));
      if (s >= 1) {
        return new EulerTool(label, s);
      }
    }
    throw new IllegalArgumentException("no checkpointing tool named " + label);
  }

  /** Whether this is a derivative (not the objective). */
  public boolean isGradient() {
    return snapshots != OBJECTIVE;
  }
}
