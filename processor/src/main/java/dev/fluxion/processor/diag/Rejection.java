package dev.fluxion.processor.diag;

import com.sun.source.tree.Tree;
import java.util.List;

/**
 * Thrown by a pipeline phase when the method being differentiated leaves the supported subset. It
 * carries the diagnostics and the exact trees to put the caret on; the processor reports them and
 * moves on to the next method.
 */
public final class Rejection extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /**
   * Creates a rejection with one problem.
   *
   * @param diagnostic the catalogue entry
   * @param tree where the problem is, or {@code null} for the whole method
   * @param arguments the message arguments
   */
  public Rejection(Diagnostic diagnostic, Tree tree, Object... arguments) {
    this(List.of(new Problem(diagnostic, tree, arguments)));
  }

  /**
   * Creates a rejection with several problems.
   *
   * @param problems the problems, at least one
   */
  public Rejection(List<Problem> problems) {
    super(problems.get(0).message(), null, false, false);
    this.problems = List.copyOf(problems);
  }

  /**
   * The problems to report.
   *
   * @return the problems, in source order
   */
  public List<Problem> problems() {
    return problems;
  }
}
