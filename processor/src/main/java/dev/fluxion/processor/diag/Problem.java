package dev.fluxion.processor.diag;

import com.sun.source.tree.Tree;
import java.util.List;

/**
 * One diagnostic to report: what and where.
 *
 * @param diagnostic the catalogue entry
 * @param tree the tree the caret goes on, or {@code null} for the method as a whole
 * @param arguments the message arguments
 */
public record Problem(Diagnostic diagnostic, Tree tree, List<Object> arguments) {

  /**
   * Creates a problem.
   *
   * @param diagnostic the catalogue entry
   * @param tree where, or {@code null}
   * @param arguments the message arguments
   */
  public Problem(Diagnostic diagnostic, Tree tree, Object... arguments) {
    this(diagnostic, tree, java.util.Arrays.stream(arguments).map(String::valueOf).map(Object.class::cast).toList());
  }

  /**
   * The formatted message with its ID.
   *
   * @return the message
   */
  public String message() {
    return diagnostic.format(arguments.toArray());
  }
}
