package dev.fluxion.examples;

import java.io.PrintStream;

/**
 * One stop of the examples tour: a problem from the course's exercise sheets, solved with Fluxion.
 *
 * <p>An example prints a heading and then result lines that begin with its {@link #name() name},
 * so that a reader (or a test, or CI) can find and check them. Every number it prints is computed
 * when it runs; only reference values it compares against (the sheet's, PyTorch's) are typed in.
 */
public interface Example {

  /**
   * The name that selects this example on the command line, such as {@code seed-004}.
   *
   * @return a short name without spaces, unique within the tour
   */
  String name();

  /**
   * What the example shows, in one line, for {@code --list}.
   *
   * @return a one-line description
   */
  String description();

  /**
   * Runs the example and prints its heading and results.
   *
   * @param out where to print; the example prints nothing anywhere else
   */
  void run(PrintStream out);
}
