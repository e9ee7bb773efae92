package dev.fluxion.bench;

import java.util.Arrays;

/**
 * Checks a case's tools before anything is timed: each tool's derivative against the case's
 * reference values and against the hand-written one (and so, transitively, against each other).
 * A wrong result is an {@link AssertionError}, which fails the run.
 */
public final class Verifier {
  private Verifier() {}

  /** Checks every tool of the case. */
  public static void verify(BenchmarkCase c) {
    for (Tool tool : c.tools()) {
      verify(c, tool);
    }
  }

  /**
   * Checks one tool: the objective against the reference; the tool's derivative against the
   * reference and against the hand-written derivative, entry by entry, relative to the largest
   * entry, with the looser of the two tools' tolerances.
   */
  public static void verify(BenchmarkCase c, Tool tool) {
    double value = c.objective();
    double[] hand = c.handGradient().clone();
    c.checkReference(value, hand, c.tolerance(Tool.HAND));
    if (tool == Tool.OBJECTIVE || tool == Tool.HAND) {
      return;
    }
    double[] result = c.run(tool).clone();
    double tolerance = Math.max(c.tolerance(tool), c.tolerance(Tool.HAND));
    c.checkReference(value, result, tolerance);
    compare(c.name(), tool, result, hand, tolerance);
  }

  /**
   * Asserts {@code |result[i] − expected[i]| ≤ tolerance · max(1, max|expected|)} for every i.
   *
   * @throws AssertionError naming the case, tool and first entry that is off
   */
  public static void compare(String name, Tool tool, double[] result, double[] expected,
      double tolerance) {
    if (result.length != expected.length) {
      throw new AssertionError(name + " " + tool.label() + ": " + result.length
          + " entries, the hand-written derivative has " + expected.length);
    }
    double scale = 1;
    for (double e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    for (int i = 0; i < result.length; i++) {
      double error = Math.abs(result[i] - expected[i]);
      if (!(error <= tolerance * scale)) {
        throw new AssertionError(String.format(java.util.Locale.ROOT,
            "%s %s: entry %d is %.17g, the hand-written derivative's %.17g (error %.3g > %.3g)",
            name, tool.label(), i, result[i], expected[i], error, tolerance * scale));
      }
    }
  }

  /**
   * Asserts that {@code actual} is within {@code tolerance} (relative, and absolute below 1) of a
   * published reference value, given to the digits it was published with.
   */
  public static void near(String what, double actual, double reference, double tolerance) {
    double scale = Math.max(1, Math.abs(reference));
    if (!(Math.abs(actual - reference) <= tolerance * scale)) {
      throw new AssertionError(what + " is " + actual + ", the reference " + reference
          + " (tolerance " + tolerance + " relative)");
    }
  }

  /** The derivative's first few entries, for messages. */
  static String head(double[] values) {
    return Arrays.toString(Arrays.copyOf(values, Math.min(4, values.length)));
  }
}
