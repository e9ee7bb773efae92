package dev.fluxion.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The examples tour: the course's exercise sheets, reproduced in Java and differentiated by
 * Fluxion.
 *
 * <pre>
 * java -jar examples/target/fluxion-examples.jar            # runs every example, in order
 * java -jar examples/target/fluxion-examples.jar seed-004   # runs the named example(s)
 * java -jar examples/target/fluxion-examples.jar --list     # lists the examples
 * </pre>
 *
 * <p>Exit status: 0 on success, 1 if an example failed, 2 for a usage error such as an unknown
 * example name.
 */
public final class Tour {

  /** Exit status for a command line that names no known example or option. */
  static final int USAGE_ERROR = 2;

  /** Exit status when an example threw. */
  static final int EXAMPLE_FAILED = 1;

  private Tour() {}

  /**
   * Every example, in the order the tour runs them.
   *
   * @return the examples, a fresh instance of each
   */
  public static List<Example> examples() {
    return List.of(new Seed000Regression(), new Seed001Gradients(), new Seed002Exercises(),
        new Seed003Descent(), new Seed004Graph());
  }

  /**
   * Runs the tour from the command line.
   *
   * @param args no argument for every example, one or more example names, {@code --list}, or
   *     {@code --help}
   */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    System.out.flush();
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the tour as {@link #main} does, but prints to the given streams and returns the exit
   * status instead of exiting.
   *
   * @param args the command-line arguments
   * @param out where results go
   * @param err where usage errors and failures go
   * @return 0 on success, {@value #EXAMPLE_FAILED} if an example threw, {@value #USAGE_ERROR} for a
   *     usage error
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, Example> byName = new LinkedHashMap<>();
    for (Example example : examples()) {
      byName.put(example.name(), example);
    }
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      usage(out, byName);
      return 0;
    }
    if (args.length == 1 && args[0].equals("--list")) {
      list(out, byName);
      return 0;
    }
    List<Example> selected = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("-")) {
        err.println("fluxion-examples: unknown option '" + arg + "'"
            + (arg.equals("--list") || arg.equals("--help") ? " with other arguments" : "")
            + ". Use --list (alone), --help (alone), or example names.");
        return USAGE_ERROR;
      }
      Example example = byName.get(arg);
      if (example == null) {
        err.println("fluxion-examples: no example named '" + arg + "'. Known examples: "
            + String.join(", ", byName.keySet()) + " (--list describes them).");
        return USAGE_ERROR;
      }
      selected.add(example);
    }
    if (selected.isEmpty()) {
      selected.addAll(byName.values());
      out.println("Fluxion examples tour: " + selected.size() + " example"
          + (selected.size() == 1 ? "" : "s")
          + " (run with --list to see them, or a name to run one)");
      out.println();
    }
    int status = 0;
    for (int i = 0; i < selected.size(); i++) {
      Example example = selected.get(i);
      if (i > 0) {
        out.println();
      }
      try {
        example.run(out);
      } catch (RuntimeException | AssertionError e) {
        out.flush();
        err.println(example.name() + " FAILED: " + e);
        e.printStackTrace(err);
        status = EXAMPLE_FAILED;
      }
    }
    return status;
  }

  private static void list(PrintStream out, Map<String, Example> byName) {
    int width = byName.keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Example example : byName.values()) {
      out.println(String.format("%-" + width + "s  %s", example.name(), example.description()));
    }
  }

  private static void usage(PrintStream out, Map<String, Example> byName) {
    out.println("Usage: java -jar fluxion-examples.jar [--list | --help | NAME...]");
    out.println("  (no argument)  run every example, in order");
    out.println("  NAME...        run the named examples, in the order given");
    out.println("  --list         list the examples with a one-line description");
    out.println("Examples:");
    list(out, byName);
  }
}
