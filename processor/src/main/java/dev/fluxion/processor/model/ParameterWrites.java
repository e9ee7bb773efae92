package dev.fluxion.processor.model;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * Which array parameters a method may write into. Callers need it: before calling a method that
 * writes an array, the reverse sweep must be able to give that array back its old contents.
 *
 * <p>Read from the source when it is being compiled now: an element assignment through the
 * parameter or through a local that names the same array, or the array passed on to a method
 * call (assumed to write it, unless it is {@code Math}). A method compiled earlier, whose body is
 * not at hand, is assumed to write every array parameter: that costs a copy, never correctness.
 */
final class ParameterWrites {
  private ParameterWrites() {}

  /**
   * The indices of the parameters a method may write.
   *
   * @param method the method
   * @param trees javac's trees, or {@code null}
   * @return indices into the parameter list
   */
  static Set<Integer> of(ExecutableElement method, Trees trees) {
    return of(method, trees, new java.util.HashSet<>());
  }

  private static Set<Integer> of(ExecutableElement method, Trees trees,
      Set<ExecutableElement> visiting) {
    if (!visiting.add(method)) {
      // A recursive call writes nothing the outer scan will not see.
      return Set.of();
    }
    try {
      return scan(method, trees, visiting);
    } finally {
      // Only the methods being scanned now: a second call of the same method elsewhere in the
      // caller (the fuzzer's seed 370) must see its writes again.
      visiting.remove(method);
    }
  }

  private static Set<Integer> scan(ExecutableElement method, Trees trees,
      Set<ExecutableElement> visiting) {
    List<? extends VariableElement> params = method.getParameters();
    Set<Integer> arrays = new LinkedHashSet<>();
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).asType().getKind() == TypeKind.ARRAY) {
        arrays.add(i);
      }
    }
    if (arrays.isEmpty()) {
      return Set.of();
    }
    MethodTree tree = trees == null ? null : trees.getTree(method);
    if (tree == null || tree.getBody() == null) {
      return arrays;
    }
    Map<String, String> aliasOf = new HashMap<>();
    for (int i : arrays) {
      String name = params.get(i).getSimpleName().toString();
      aliasOf.put(name, name);
    }
    Set<String> written = new LinkedHashSet<>();
    for (int pass = 0; pass < 2; pass++) {
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitVariable(VariableTree node, Void unused) {
          alias(node.getName().toString(), node.getInitializer());
          return super.visitVariable(node, unused);
        }

        @Override
        public Void visitAssignment(AssignmentTree node, Void unused) {
          if (node.getVariable() instanceof IdentifierTree id) {
            alias(id.getName().toString(), node.getExpression());
          }
          write(node.getVariable());
          return super.visitAssignment(node, unused);
        }

        @Override
        public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
          write(node.getVariable());
          return super.visitCompoundAssignment(node, unused);
        }

        @Override
        public Void visitUnary(UnaryTree node, Void unused) {
          // Only ++ and -- store; a minus, a plus or a negation merely reads (the missed case
          // made -y[0] count as a write of y, and callers then rejected y as varied).
          if (isIncrementOrDecrement(node.getKind())) {
            write(node.getExpression());
          }
          return super.visitUnary(node, unused);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
          boolean isMath = node.getMethodSelect().toString().startsWith("Math.")
              || node.getMethodSelect().toString().startsWith("StrictMath.");
          Set<Integer> calleeWrites = isMath ? Set.of()
              : calleeWrites(method, node, trees, visiting);
          List<? extends ExpressionTree> args = node.getArguments();
          for (int i = 0; i < args.size(); i++) {
            String base = base(args.get(i));
            if (base != null && aliasOf.containsKey(base)
                && (calleeWrites == null || calleeWrites.contains(i))) {
              written.add(aliasOf.get(base));
            }
          }
          return super.visitMethodInvocation(node, unused);
        }

        private void alias(String local, ExpressionTree value) {
          String base = base(value);
          if (base != null && aliasOf.containsKey(base)) {
            aliasOf.put(local, aliasOf.get(base));
          }
        }

        private void write(ExpressionTree target) {
          if (target instanceof ArrayAccessTree) {
            String base = base(target);
            if (base != null && aliasOf.containsKey(base)) {
              written.add(aliasOf.get(base));
            }
          }
        }
      }.scan(tree.getBody(), null);
    }
    Set<Integer> result = new LinkedHashSet<>();
    for (int i : arrays) {
      if (written.contains(params.get(i).getSimpleName().toString())) {
        result.add(i);
      }
    }
    return result;
  }

  /**
   * The parameters a called method may write, when the call can be resolved to
   * {@code @Differentiable} methods of the caller's class (by name and arity); {@code null}
   * (assume every array argument is written) otherwise.
   */
  private static Set<Integer> calleeWrites(ExecutableElement caller, MethodInvocationTree call,
      Trees trees, Set<ExecutableElement> visiting) {
    if (!(call.getMethodSelect() instanceof IdentifierTree id)) {
      return null;
    }
    Set<Integer> writes = new LinkedHashSet<>();
    boolean found = false;
    for (javax.lang.model.element.Element e : caller.getEnclosingElement().getEnclosedElements()) {
      if (e instanceof ExecutableElement candidate
          && candidate.getSimpleName().contentEquals(id.getName())
          && candidate.getParameters().size() == call.getArguments().size()) {
        if (MethodDescriber.annotation(candidate).isEmpty()) {
          return null;
        }
        found = true;
        writes.addAll(of(candidate, trees, visiting));
      }
    }
    return found ? writes : null;
  }

  private static boolean isIncrementOrDecrement(Tree.Kind kind) {
    return kind == Tree.Kind.PREFIX_INCREMENT || kind == Tree.Kind.POSTFIX_INCREMENT
        || kind == Tree.Kind.PREFIX_DECREMENT || kind == Tree.Kind.POSTFIX_DECREMENT;
  }

  /** The variable at the root of {@code a}, {@code a[i]}, {@code a[i][j]}, {@code (a)}. */
  private static String base(ExpressionTree tree) {
    ExpressionTree t = tree;
    while (true) {
      if (t instanceof ArrayAccessTree access) {
        t = access.getExpression();
      } else if (t instanceof ParenthesizedTree p) {
        t = p.getExpression();
      } else if (t instanceof IdentifierTree id) {
        return id.getName().toString();
      } else {
        return null;
      }
    }
  }
}
