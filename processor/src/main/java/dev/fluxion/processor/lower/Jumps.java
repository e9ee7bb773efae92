package dev.fluxion.processor.lower;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import dev.fluxion.processor.diag.Diagnostic;
import dev.fluxion.processor.diag.Rejection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link ControlFlowLowerer} needs to know of the jumps in source statements before it lowers
 * them: whether a statement jumps out of itself, whether it may complete normally, how many of its
 * paths reach its end, and which statements a {@code switch} runs from each case.
 *
 * <p>The answers may err on one side only: a statement said to complete normally may in fact
 * never do so. That costs at most a jump variable where none was needed, never a wrong lowering.
 */
final class Jumps {
  private Jumps() {}

  /**
   * Whether a method needs an exit code: a jump past the innermost loop around it.
   *
   * @param method the method
   * @return whether some {@code return}, or labelled {@code break} or {@code continue}, leaves a
   *     loop nested in another or the method from inside a loop
   */
  static boolean needExitCode(MethodTree method) {
    boolean[] needed = new boolean[1];
    new LoopDepthScanner() {
      @Override
      public Void visitReturn(ReturnTree node, Integer depth) {
        needed[0] |= loopDepth(depth) > 0;
        return null;
      }

      @Override
      public Void visitBreak(BreakTree node, Integer depth) {
        needed[0] |= node.getLabel() != null && loopDepth(depth) > 1;
        return null;
      }

      @Override
      public Void visitContinue(ContinueTree node, Integer depth) {
        needed[0] |= node.getLabel() != null && loopDepth(depth) > 1;
        return null;
      }
    }.scan(method.getBody(), 0);
    return needed[0];
  }

  /**
   * Whether a statement contains a jump that leaves it: a return, or a break or continue whose
   * target is outside.
   *
   * @param tree a statement
   * @return whether some path through it leaves it by a jump
   */
  static boolean out(Tree tree) {
    boolean[] found = new boolean[1];
    Set<String> innerLabels = new HashSet<>();
    new LoopDepthScanner() {
      @Override
      public Void visitReturn(ReturnTree node, Integer depth) {
        found[0] = true;
        return null;
      }

      @Override
      public Void visitBreak(BreakTree node, Integer depth) {
        found[0] |= node.getLabel() == null ? depth == 0
            : !innerLabels.contains(node.getLabel().toString());
        return null;
      }

      @Override
      public Void visitContinue(ContinueTree node, Integer depth) {
        found[0] |= node.getLabel() == null ? loopDepth(depth) == 0
            : !innerLabels.contains(node.getLabel().toString());
        return null;
      }

      @Override
      public Void visitLabeledStatement(LabeledStatementTree node, Integer depth) {
        innerLabels.add(node.getLabel().toString());
        return super.visitLabeledStatement(node, depth);
      }
    }.scan(tree, 0);
    return found[0];
  }

  /**
   * Whether more than one path through an {@code if} reaches the statement after it: then
   * lowering that statement into each branch would copy it.
   *
   * @param tree an {@code if}
   * @return whether both branches may complete normally
   */
  static boolean joinAfter(IfTree tree) {
    return completes(tree.getThenStatement())
        && (tree.getElseStatement() == null || completes(tree.getElseStatement()));
  }

  /**
   * Whether more than one path through a {@code switch} reaches the statement after it: from two
   * cases, or from a case and from a selector that no case matches.
   *
   * @param tree a {@code switch}
   * @return whether at least two entries into the switch may reach its end
   */
  static boolean joinAfter(SwitchTree tree) {
    List<? extends CaseTree> cases = tree.getCases();
    int reaching = cases.stream().anyMatch(c -> c.getExpressions().isEmpty()) ? 0 : 1;
    for (int i = 0; i < cases.size(); i++) {
      if (reachesEnd(cases, i)) {
        reaching++;
      }
    }
    return reaching > 1;
  }

  /** Whether the code entered at case {@code index} (with fall-through) may reach the end. */
  private static boolean reachesEnd(List<? extends CaseTree> cases, int index) {
    for (StatementTree s : caseCode(cases, index)) {
      if (breaksSwitch(s)) {
        return true;
      }
      if (!completes(s)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The statements run from the case at {@code index}: its body followed, as in Java, by the
   * bodies after it (fall-through); the arrow form never falls through.
   *
   * @param cases the cases of a switch
   * @param index where the switch enters
   * @return the statements, in order
   * @throws Rejection on a case rule whose body is an expression
   */
  static List<StatementTree> caseCode(List<? extends CaseTree> cases, int index) {
    boolean rule = cases.get(index).getCaseKind() == CaseTree.CaseKind.RULE;
    int last = rule ? index : cases.size() - 1;
    List<StatementTree> code = new ArrayList<>();
    for (int i = index; i <= last; i++) {
      CaseTree c = cases.get(i);
      if (!rule) {
        code.addAll(c.getStatements());
      } else if (c.getBody() instanceof StatementTree s) {
        code.add(s);
      } else {
        throw new Rejection(Diagnostic.UNSUPPORTED_STATEMENT, c.getBody(),
            "a case rule with an expression", "write a statement or a block after '->'");
      }
    }
    return code;
  }

  /** Whether a statement in a case contains a {@code break} of that switch. */
  private static boolean breaksSwitch(StatementTree tree) {
    boolean[] found = new boolean[1];
    new LoopDepthScanner() {
      @Override
      public Void visitBreak(BreakTree node, Integer depth) {
        found[0] |= node.getLabel() == null && depth == 0;
        return null;
      }
    }.scan(tree, 0);
    return found[0];
  }

  /**
   * Whether a statement may complete normally, by the rules of JLS 14.22: for a method body, whether
   * javac reports "missing return statement". Simplified towards {@code true}: any {@code break}
   * out of a statement counts, reachable or not, and only the literal {@code true} is a constant
   * condition.
   *
   * @param tree a statement
   * @return whether it may complete normally
   */
  static boolean completes(StatementTree tree) {
    return switch (tree.getKind()) {
      case RETURN, BREAK, CONTINUE, THROW -> false;
      case BLOCK -> ((BlockTree) tree).getStatements().stream().allMatch(Jumps::completes);
      case IF -> {
        IfTree ifTree = (IfTree) tree;
        yield ifTree.getElseStatement() == null || completes(ifTree.getThenStatement())
            || completes(ifTree.getElseStatement());
      }
      case WHILE_LOOP -> !isTrue(((WhileLoopTree) tree).getCondition()) || breaksOut(tree, null);
      case FOR_LOOP -> {
        ExpressionTree condition = ((ForLoopTree) tree).getCondition();
        yield condition != null && !isTrue(condition) || breaksOut(tree, null);
      }
      case DO_WHILE_LOOP -> !isTrue(((DoWhileLoopTree) tree).getCondition())
          || breaksOut(tree, null);
      case LABELED_STATEMENT -> {
        LabeledStatementTree labeled = (LabeledStatementTree) tree;
        yield completes(labeled.getStatement())
            || breaksOut(labeled.getStatement(), labeled.getLabel().toString());
      }
      case SWITCH -> switchCompletes((SwitchTree) tree);
      default -> true;
    };
  }

  /** A switch statement completes unless it has a default and no path reaches its end. */
  private static boolean switchCompletes(SwitchTree tree) {
    List<? extends CaseTree> cases = tree.getCases();
    if (cases.stream().noneMatch(c -> c.getExpressions().isEmpty())) {
      return true;
    }
    for (int i = 0; i < cases.size(); i++) {
      if (reachesEnd(cases, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTrue(ExpressionTree condition) {
    ExpressionTree e = condition;
    while (e instanceof ParenthesizedTree p) {
      e = p.getExpression();
    }
    return e instanceof LiteralTree literal && Boolean.TRUE.equals(literal.getValue());
  }

  /** Whether a loop's body has a {@code break} that leaves the loop (with its label, if any). */
  private static boolean breaksOut(StatementTree loop, String label) {
    boolean[] found = new boolean[1];
    new LoopDepthScanner() {
      @Override
      public Void visitBreak(BreakTree node, Integer depth) {
        found[0] |= node.getLabel() == null ? depth == 1
            : node.getLabel().contentEquals(label == null ? "" : label);
        return null;
      }
    }.scan(loop, 0);
    return found[0];
  }

  private static int loopDepth(int depth) {
    return depth % 1000;
  }

  /**
   * A scanner whose argument counts the loops around the tree being visited, plus 1000 for each
   * {@code switch} (where an unlabelled {@code break} targets the switch).
   */
  private static class LoopDepthScanner extends TreeScanner<Void, Integer> {
    @Override
    public Void visitForLoop(ForLoopTree node, Integer depth) {
      return super.visitForLoop(node, depth + 1);
    }

    @Override
    public Void visitEnhancedForLoop(EnhancedForLoopTree node, Integer depth) {
      return super.visitEnhancedForLoop(node, depth + 1);
    }

    @Override
    public Void visitWhileLoop(WhileLoopTree node, Integer depth) {
      return super.visitWhileLoop(node, depth + 1);
    }

    @Override
    public Void visitDoWhileLoop(DoWhileLoopTree node, Integer depth) {
      return super.visitDoWhileLoop(node, depth + 1);
    }

    @Override
    public Void visitSwitch(SwitchTree node, Integer depth) {
      scan(node.getExpression(), depth);
      for (CaseTree c : node.getCases()) {
        scan(c, depth + 1000);
      }
      return null;
    }
  }
}
