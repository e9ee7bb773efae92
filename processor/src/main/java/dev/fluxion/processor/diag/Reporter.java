package dev.fluxion.processor.diag;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.Trees;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Prints diagnostics where they belong: on the exact tree when there is one, so that javac's
 * caret lands on the offending expression, otherwise on the element (and its annotation).
 */
public final class Reporter {
  private final Messager messager;
  private final Trees trees;

  /**
   * Creates a reporter.
   *
   * @param messager javac's messager
   * @param trees javac's trees, or {@code null} under a compiler without the tree API
   */
  public Reporter(Messager messager, Trees trees) {
    this.messager = messager;
    this.trees = trees;
  }

  /**
   * Reports a problem found in a method body.
   *
   * @param problem the problem
   * @param unit the compilation unit holding the tree
   * @param element the method, used when the problem has no tree
   */
  public void report(Problem problem, CompilationUnitTree unit, Element element) {
    Diagnostic d = problem.diagnostic();
    if (problem.tree() != null && unit != null && trees != null) {
      trees.printMessage(d.kind(), problem.message(), problem.tree(), unit);
    } else {
      messager.printMessage(d.kind(), problem.message(), element);
    }
  }

  /**
   * Reports a problem with a declaration, on its annotation.
   *
   * @param diagnostic the catalogue entry
   * @param element the annotated element
   * @param annotation the annotation, or {@code null}
   * @param arguments the message arguments
   */
  public void report(
      Diagnostic diagnostic, Element element, AnnotationMirror annotation, Object... arguments) {
    messager.printMessage(diagnostic.kind(), diagnostic.format(arguments), element, annotation);
  }
}
