package dev.fluxion.processor.lower;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import dev.fluxion.processor.diag.Diagnostic;
import dev.fluxion.processor.diag.Rejection;
import dev.fluxion.processor.ir.ArrayType;
import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.BinaryOp;
import dev.fluxion.processor.ir.Block;
import dev.fluxion.processor.ir.Const;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.IrType;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.Var;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lowers statements and control flow for {@link Lowerer}: blocks, declarations, {@code if},
 * loops, {@code switch}, {@code break}, {@code continue} and {@code return}.
 *
 * <p>The IR has one loop form, {@link Stmt.Loop}, left only by {@link Stmt.Break}. To keep the
 * reverse sweep simple, every jump ends a path: when an {@code if} (or {@code switch}) contains a
 * jump and only one of its paths goes on, the statements after it are lowered into that path, so
 * that each path through a loop body ends exactly once: by starting the next iteration, or by
 * leaving the loop. A jump past the innermost loop (a labelled {@code break}, or a {@code return}
 * inside a loop) sets an exit code and leaves the innermost loop; code after that loop dispatches
 * on the code.
 *
 * <p>When several paths through such a statement go on, copying the statements after it into
 * each would double the code with every such statement. Its jumps are deferred instead: a jump
 * sets the {@link Region}'s jump variable, the statements after it run only while that variable
 * is 0, and the end of the loop body (or of the {@code switch} a {@code break} leaves) acts on it.
 * The reverse sweep sees the same guards, so it too skips what the forward sweep skipped.
 *
 * <p>Variables that a loop assigns are carried by one variable each (the loop variable), assigned
 * at the end of every path through the body; inside the body every assignment still makes a new
 * version.
 */
final class ControlFlowLowerer {

  /** A unit of pending work: a source statement, or a point that paths reach. */
  private sealed interface Work permits Source, EndOfIteration, EndOfSwitch, Dispatch {}

  private record Source(StatementTree tree) implements Work {}

  /** The end of a loop body's path: the update, the loop variables, the next iteration. */
  private record EndOfIteration(LoopFrame loop) implements Work {}

  /** Where a {@code break} out of a {@code switch} continues. */
  private record EndOfSwitch(SwitchTree tree) implements Work {}

  /** After a loop that jumps further out: dispatch on the exit code. */
  private record Dispatch(LoopFrame loop) implements Work {}

  private enum LoopKind { FOR, WHILE, DO, FOREACH }

  /** What lowering knows of one enclosing loop. */
  private static final class LoopFrame {
    final String label;
    final String sourceLabel;
    final int id;
    final LoopKind kind;
    final Tree tree;
    final LoopFrame parent;
    final Map<String, Var> loopVars = new LinkedHashMap<>();
    final Set<Integer> outwardExits = new TreeSet<>();
    final Region region = new Region(REGION_COMMENT_LOOP);
    Var index;
    Atom array;

    LoopFrame(String label, String sourceLabel, int id, LoopKind kind, Tree tree, LoopFrame parent) {
      this.label = label;
      this.sourceLabel = sourceLabel;
      this.id = id;
      this.kind = kind;
      this.tree = tree;
      this.parent = parent;
    }
  }

  /**
   * A loop body or the method body: the place where jumps deferred inside it are acted on, at its
   * end (or at the end of the {@code switch} that a deferred {@code break} leaves).
   */
  private static final class Region {
    final String comment;
    /** The jump variable: 0 while no jump is pending, else the pending jump's code. */
    Var jump;
    /** While deferring: jumps to break targets below this index (and returns) are deferred. */
    int boundary = -1;
    /** While deferring: the codes of the jumps deferred so far. */
    Set<Integer> codes = new TreeSet<>();

    Region(String comment) {
      this.comment = comment;
    }

    /** The body with the jump variable, if it was used, declared (as 0) at its start. */
    Block declaringJump(Block body) {
      if (jump == null) {
        return body;
      }
      Block.Builder out = new Block.Builder()
          .add(new Stmt.Comment(jump.name() + ": a jump deferred" + comment))
          .add(new Stmt.Let(jump, ZERO));
      return out.addAll(body).build();
    }
  }

  private static final String REGION_COMMENT_LOOP =
      " to the end of the iteration (1 break, 2 continue, 3+ break out of a switch)";
  private static final String REGION_COMMENT_METHOD =
      " to the end of the method (1 return, 3+ break out of a switch)";

  /** Jump codes: leave the region (break out of the loop, return from the method). */
  private static final int LEAVE = 1;
  /** Jump codes: go to the next iteration. */
  private static final int NEXT = 2;
  /** Jump codes: from here on, break out of the switch at (code - this) in the break targets. */
  private static final int SWITCH_BREAK = 3;
  private static final Const ZERO = new Const(0, Primitive.INT);

  private static final int EXIT_RETURN = 1;

  private final Lowerer lowerer;
  private final List<Object> breakTargets = new ArrayList<>();
  private final Region methodRegion = new Region(REGION_COMMENT_METHOD);
  private LoopFrame innermost;
  private int loops;
  // Top-level statements followed directly by a loop: where Checkpoints.binomial may stand.
  private final Map<StatementTree, StatementTree> beforeLoops = new java.util.IdentityHashMap<>();
  // The snapshot count of the marker just lowered, for the loop right after it.
  private Atom pendingSnapshots;

  ControlFlowLowerer(Lowerer lowerer) {
    this.lowerer = lowerer;
  }

  /**
   * The lowered method body with its jump variable declared, if a jump was deferred in it.
   *
   * @param body the method body as lowered by {@link #lowerBody(List)}
   * @return the body to use
   */
  Block declaringJump(Block body) {
    return methodRegion.declaringJump(body);
  }

  /**
   * Lowers the method body; returns whether every path returned (a path with a deferred return
   * reaches the end of the body too, so {@code false} does not prove a return missing).
   */
  boolean lowerBody(List<? extends StatementTree> body) {
    for (int i = 0; i + 1 < body.size(); i++) {
      StatementTree next = body.get(i + 1);
      if (isLoop(next) || next instanceof LabeledStatementTree l && isLoop(l.getStatement())) {
        beforeLoops.put(body.get(i), next);
      }
    }
    Deque<Work> work = new ArrayDeque<>();
    body.forEach(s -> work.add(new Source(s)));
    return lower(work);
  }

  // ---- the work list ----

  /** Lowers work in order; returns whether every path jumped away. */
  private boolean lower(Deque<Work> work) {
    while (!work.isEmpty()) {
      Work item = work.pollFirst();
      if (item instanceof EndOfIteration end) {
        endOfIteration(end.loop());
        return true;
      }
      if (item instanceof EndOfSwitch end) {
        return afterSwitch(end.tree(), () -> lower(work));
      }
      if (item instanceof Dispatch dispatch) {
        return dispatch(dispatch.loop(), work);
      }
      StatementTree statement = ((Source) item).tree();
      switch (statement.getKind()) {
        case BLOCK -> {
          List<? extends StatementTree> inner = ((BlockTree) statement).getStatements();
          for (int i = inner.size() - 1; i >= 0; i--) {
            work.addFirst(new Source(inner.get(i)));
          }
        }
        case EMPTY_STATEMENT -> { }
        case RETURN -> {
          return lowerReturn((ReturnTree) statement);
        }
        case BREAK -> {
          Boolean ended = lowerBreak((BreakTree) statement, work);
          if (ended != null) {
            return ended;
          }
        }
        case CONTINUE -> {
          return lowerContinue((ContinueTree) statement);
        }
        case IF -> {
          IfTree ifTree = (IfTree) statement;
          if (Jumps.out(ifTree)) {
            return Jumps.joinAfter(ifTree) && hasStatements(work)
                ? lowerThenGuard(ifTree, work) : lowerIfWithRest(ifTree, List.copyOf(work));
          }
          lowerIf(ifTree);
        }
        case SWITCH -> {
          SwitchTree switchTree = (SwitchTree) statement;
          if (Jumps.out(switchTree)) {
            return Jumps.joinAfter(switchTree) && hasStatements(work)
                ? lowerThenGuard(switchTree, work) : lowerSwitch(switchTree, List.copyOf(work));
          }
          lowerSwitch(switchTree, List.of());
        }
        case LABELED_STATEMENT -> {
          LabeledStatementTree labeled = (LabeledStatementTree) statement;
          if (!isLoop(labeled.getStatement())) {
            throw new Rejection(Diagnostic.UNSUPPORTED_STATEMENT, statement,
                "a label on a statement that is not a loop", "label loops only");
          }
          lowerLoop(labeled.getStatement(), labeled.getLabel().toString(), work);
        }
        case FOR_LOOP, ENHANCED_FOR_LOOP, WHILE_LOOP, DO_WHILE_LOOP ->
            lowerLoop(statement, null, work);
        case VARIABLE -> lowerVariable((VariableTree) statement);
        case EXPRESSION_STATEMENT -> lowerExpressionStatement((ExpressionStatementTree) statement);
        default -> throw new Rejection(Diagnostic.UNSUPPORTED_STATEMENT, statement,
            "this statement", "see the README for the differentiable subset");
      }
    }
    return false;
  }

  // ---- simple statements ----

  private void lowerVariable(VariableTree variable) {
    lowerer.emit(new Stmt.Marker(lowerer.source(variable)));
    String name = variable.getName().toString();
    Tree typeTree = variable.getType();
    boolean inferred = typeTree == null
        || typeTree instanceof IdentifierTree id && id.getName().contentEquals("var");
    IrType declared = inferred ? null : DeclaredTypes.of(typeTree);
    if (variable.getInitializer() == null) {
      lowerer.scope().declare(name, declared, null);
      return;
    }
    Expr value = lowerer.expressions().initializer(variable.getInitializer(), declared);
    IrType type = inferred ? value.type() : declared;
    if (!(type instanceof Primitive) && !(type instanceof ArrayType)) {
      throw new Rejection(Diagnostic.UNSUPPORTED_TYPE, variable, type);
    }
    Var v = new Var(lowerer.names().user(name), type, Var.Kind.USER);
    lowerer.emit(new Stmt.Let(v, lowerer.expressions().convert(value, type, false, variable)));
    lowerer.scope().declare(name, type, v);
  }

  private void lowerExpressionStatement(ExpressionStatementTree statement) {
    lowerer.emit(new Stmt.Marker(lowerer.source(statement)));
    Expr value = lowerer.expressions().expr(statement.getExpression());
    if (isCheckpointMarker(value)) {
      markCheckpointed(statement, (Expr.Call) value);
      return;
    }
    if (value instanceof Expr.Call call
        && call.callee() instanceof dev.fluxion.processor.ir.Callee.Primal) {
      // Kept in a variable: the reverse sweep may need the call's result shape and effects.
      lowerer.emit(new Stmt.Let(lowerer.temp(call.type()), call));
    } else if (statement.getExpression() instanceof MethodInvocationTree) {
      lowerer.emit(new Stmt.Eval(value));
    }
  }

  private static boolean isCheckpointMarker(Expr value) {
    return value instanceof Expr.Call call
        && call.callee() instanceof dev.fluxion.processor.ir.Callee.Plain plain
        && plain.isStatic() && plain.name().equals("binomial")
        && plain.owner().toString().equals("dev.fluxion.Checkpoints");
  }

  /**
   * {@code Checkpoints.binomial(s);} marks the loop right after it, which must stand at the top
   * level of the method body (so that its reverse sweep runs once per call) and leave by its
   * condition or a {@code break} (so that its iterations can run one at a time).
   */
  private void markCheckpointed(ExpressionStatementTree statement, Expr.Call marker) {
    if (!beforeLoops.containsKey(statement) || !lowerer.atTopLevel() || innermost != null) {
      throw new Rejection(Diagnostic.CHECKPOINT, statement, "Checkpoints.binomial marks the loop"
          + " right after it, and must stand at the top level of the method body, not inside a"
          + " block or after an 'if' that returns; move it right before the loop to checkpoint");
    }
    Atom snapshots = marker.arguments().get(0);
    if (snapshots instanceof Const c && ((Number) c.value()).intValue() < 1) {
      throw new Rejection(Diagnostic.CHECKPOINT, statement,
          "binomial checkpointing needs at least 1 snapshot, got " + c.value());
    }
    boolean[] returns = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree node, Void unused) {
        returns[0] = true;
        return null;
      }
    }.scan(beforeLoops.get(statement), null);
    if (returns[0]) {
      throw new Rejection(Diagnostic.CHECKPOINT, statement, "the loop after Checkpoints.binomial"
          + " contains 'return'; a checkpointed loop must end by its condition or a 'break':"
          + " keep the result in a variable and break");
    }
    // A copy: the key under which later phases find the marker (origins compare by identity).
    pendingSnapshots = snapshots instanceof Const c ? new Const(c.value(), c.type()) : snapshots;
    lowerer.origin(pendingSnapshots, statement);
  }

  private boolean lowerReturn(ReturnTree ret) {
    lowerer.emit(new Stmt.Marker(lowerer.source(ret)));
    ExpressionLowerer expressions = lowerer.expressions();
    IrType type = lowerer.returnType();
    Expr value = expressions.convert(expressions.expr(ret.getExpression()), type, false, ret);
    Var result = lowerer.result();
    if (result == null) {
      if (value instanceof Atom atom) {
        lowerer.emit(new Stmt.Return(atom));
      } else {
        Var v = new Var(lowerer.names().fresh("result"), type, Var.Kind.USER);
        lowerer.emit(new Stmt.Let(v, value));
        lowerer.emit(new Stmt.Return(v));
      }
      return true;
    }
    lowerer.emit(new Stmt.Set(result, value));
    return innermost != null ? leaveTowards(EXIT_RETURN) : returnFromMethod();
  }

  // ---- branches ----

  private void lowerIf(IfTree ifTree) {
    lowerer.emit(new Stmt.Marker("if " + lowerer.parenthesized(ifTree.getCondition())));
    Atom condition = lowerer.expressions().atom(ifTree.getCondition());
    lowerer.branchAndMerge(condition,
        () -> lower(work(ifTree.getThenStatement(), List.of())),
        () -> lower(work(ifTree.getElseStatement(), List.of())));
  }

  /** An {@code if} containing a jump: the rest of the enclosing statements goes into each branch. */
  private boolean lowerIfWithRest(IfTree ifTree, List<Work> rest) {
    lowerer.emit(new Stmt.Marker("if " + lowerer.parenthesized(ifTree.getCondition())));
    Atom condition = lowerer.expressions().atom(ifTree.getCondition());
    return lowerer.branchAndMerge(condition,
        () -> lower(work(ifTree.getThenStatement(), rest)),
        () -> lower(work(ifTree.getElseStatement(), rest)));
  }

  private static Deque<Work> work(StatementTree first, List<Work> rest) {
    Deque<Work> work = new ArrayDeque<>(rest);
    if (first != null) {
      work.addFirst(new Source(first));
    }
    return work;
  }

  /**
   * A {@code switch} on an {@code int}: a chain of {@code if}s, one per case, in source order, with
   * {@code default} last. A case's code is its body followed, as in Java, by the bodies after it
   * (fall-through) until a {@code break} ends the switch; the arrow form never falls through.
   */
  private boolean lowerSwitch(SwitchTree tree, List<Work> rest) {
    lowerer.emit(new Stmt.Marker("switch (" + lowerer.source(tree.getExpression()) + ")"));
    Atom selector = lowerer.expressions().atom(tree.getExpression());
    if (selector.type() != Primitive.INT) {
      throw new Rejection(Diagnostic.UNSUPPORTED_STATEMENT, tree.getExpression(),
          "a switch on " + selector.type(), "switch on an int");
    }
    breakTargets.add(tree);
    try {
      return caseChain(tree, selector, 0, rest);
    } finally {
      breakTargets.remove(breakTargets.size() - 1);
    }
  }

  private boolean caseChain(SwitchTree tree, Atom selector, int index, List<Work> rest) {
    List<? extends CaseTree> cases = tree.getCases();
    while (index < cases.size() && cases.get(index).getExpressions().isEmpty()) {
      index++;
    }
    if (index == cases.size()) {
      int defaultIndex = -1;
      for (int i = 0; i < cases.size(); i++) {
        if (cases.get(i).getExpressions().isEmpty()) {
          defaultIndex = i;
        }
      }
      return lower(caseWork(tree, defaultIndex, rest));
    }
    ExpressionLowerer expressions = lowerer.expressions();
    Atom condition = null;
    for (ExpressionTree label : cases.get(index).getExpressions()) {
      Atom value = expressions.atom(label);
      Atom test = expressions.atomOf(expressions.binary(BinaryOp.EQ, selector, value, label));
      condition = condition == null ? test
          : expressions.atomOf(expressions.binary(BinaryOp.OR, condition, test, label));
    }
    int matched = index;
    return lowerer.branchAndMerge(condition,
        () -> lower(caseWork(tree, matched, rest)),
        () -> caseChain(tree, selector, matched + 1, rest));
  }

  /** The code of the case at {@code index} (none for -1), then the end of the switch. */
  private static Deque<Work> caseWork(SwitchTree tree, int index, List<Work> rest) {
    Deque<Work> work = new ArrayDeque<>();
    if (index >= 0) {
      Jumps.caseCode(tree.getCases(), index).forEach(s -> work.add(new Source(s)));
    }
    work.add(new EndOfSwitch(tree));
    work.addAll(rest);
    return work;
  }

  // ---- jumps, carried out or deferred ----

  /** The region jumps are deferred to: the innermost loop's body, else the method's. */
  private Region region() {
    return innermost != null ? innermost.region : methodRegion;
  }

  /** Whether the jumps being lowered now are deferred (they leave a statement others join after). */
  private boolean deferring() {
    return region().boundary >= 0;
  }

  /** {@code break} out of the innermost loop: leave it now, or defer. */
  private boolean breakInnermost() {
    if (deferring()) {
      defer(LEAVE);
      return false;
    }
    return leave(innermost);
  }

  /** {@code continue} the innermost loop: go to the end of the iteration now, or defer. */
  private boolean continueInnermost() {
    if (deferring()) {
      defer(NEXT);
      return false;
    }
    endOfIteration(innermost);
    return true;
  }

  /**
   * A {@code return} outside loops (the result is set): the path ends, or, deferred, goes on
   * through the guards to the end of the method. Such a path takes part in the merges after the
   * branches it leaves, so that the guarded code after them sees variables declared before them.
   */
  private boolean returnFromMethod() {
    if (deferring()) {
      defer(LEAVE);
      return false;
    }
    return true;
  }

  /** Defers a jump: its code goes into the region's jump variable, for the guards to see. */
  private void defer(int code) {
    Region region = region();
    if (region.jump == null) {
      region.jump = new Var(lowerer.names().fresh("jump"), Primitive.INT, Var.Kind.DERIVED);
    }
    lowerer.emit(new Stmt.Set(region.jump, new Const(code, Primitive.INT)));
    region.codes.add(code);
  }

  /** The condition "the pending jump is {@code code}" (0: none is pending). */
  private Atom jumpIs(int code) {
    return lowerer.expressions().atomOf(new Expr.Binary(BinaryOp.EQ, region().jump,
        new Const(code, Primitive.INT), Primitive.BOOLEAN));
  }

  private static boolean hasStatements(Deque<Work> work) {
    return work.stream().anyMatch(w -> w instanceof Source);
  }

  /**
   * A statement that jumps, after which more than one path goes on: it is lowered with its jumps
   * deferred, then what follows it once, guarded by the jump variable.
   */
  private boolean lowerThenGuard(StatementTree statement, Deque<Work> rest) {
    Set<Integer> codes = new TreeSet<>();
    if (deferring(work(statement, List.of()), codes)) {
      return true;
    }
    return lowerGuarded(rest, codes);
  }

  /** Lowers work with the jumps that leave it deferred, adding their codes to {@code codes}. */
  private boolean deferring(Deque<Work> work, Set<Integer> codes) {
    Region region = region();
    int boundary = region.boundary;
    Set<Integer> outer = region.codes;
    region.boundary = breakTargets.size();
    region.codes = codes;
    try {
      return lower(work);
    } finally {
      region.boundary = boundary;
      region.codes = outer;
    }
  }

  /**
   * What follows a deferred jump. Each run of statements, up to one that may jump again, runs only
   * while no jump is pending; the end of a switch ends a {@code break} out of it, and the end of
   * the loop body acts on the pending jump. Codes still pending at the end of {@code work} are
   * left to the enclosing deferral.
   *
   * @param codes the jumps that may be pending
   * @return whether every path ended (never, unless the end of a loop body came)
   */
  private boolean lowerGuarded(Deque<Work> work, Set<Integer> codes) {
    while (!work.isEmpty()) {
      Work item = work.pollFirst();
      if (item instanceof EndOfIteration end) {
        return endOfIteration(end.loop(), codes);
      }
      if (item instanceof EndOfSwitch end) {
        int code = SWITCH_BREAK + breakTargets.lastIndexOf(end.tree());
        if (codes.remove(code)) {
          lowerer.emit(new Stmt.If(jumpIs(code),
              new Block(List.of(new Stmt.Set(region().jump, ZERO))), Block.EMPTY));
        }
        return afterSwitch(end.tree(),
            () -> codes.isEmpty() ? lower(work) : lowerGuarded(work, codes));
      }
      // A run ends after a statement that may jump, unless it declares a variable: the statements
      // after it may use the variable, so they stay in its scope, inside the same guard.
      Deque<Work> run = new ArrayDeque<>(List.of(item));
      boolean declares = ((Source) item).tree() instanceof VariableTree;
      while ((declares || !Jumps.out(((Source) item).tree()))
          && work.peekFirst() instanceof Source next) {
        run.add(work.pollFirst());
        item = next;
        declares |= next.tree() instanceof VariableTree;
      }
      if (!Jumps.completes(((Source) item).tree())) {
        // What follows, up to the end of a switch or loop body, is unreachable from here.
        while (work.peekFirst() instanceof Source) {
          work.pollFirst();
        }
      }
      Set<Integer> more = new TreeSet<>();
      boolean ended = lowerer.branchAndMerge(jumpIs(0), () -> deferring(run, more), () -> false);
      codes.addAll(more);
      if (ended) {
        return true;
      }
    }
    if (deferring()) {
      region().codes.addAll(codes);
    }
    return false;
  }

  /** The end of a loop body where a jump may be pending: leave the loop, or iterate. */
  private boolean endOfIteration(LoopFrame frame, Set<Integer> codes) {
    if (!codes.contains(LEAVE)) {
      endOfIteration(frame);
      return true;
    }
    return lowerer.branchAndMerge(jumpIs(LEAVE), () -> leave(frame), () -> {
      endOfIteration(frame);
      return true;
    });
  }

  /** Lowers what follows a switch: statements where a {@code break} no longer targets it. */
  private boolean afterSwitch(SwitchTree tree, java.util.function.BooleanSupplier rest) {
    int index = breakTargets.lastIndexOf(tree);
    if (index < 0) {
      return rest.getAsBoolean();
    }
    breakTargets.remove(index);
    try {
      return rest.getAsBoolean();
    } finally {
      breakTargets.add(index, tree);
    }
  }

  // ---- loops ----

  private static boolean isLoop(StatementTree s) {
    return switch (s.getKind()) {
      case FOR_LOOP, ENHANCED_FOR_LOOP, WHILE_LOOP, DO_WHILE_LOOP -> true;
      default -> false;
    };
  }

  private void lowerLoop(StatementTree tree, String sourceLabel, Deque<Work> work) {
    ExpressionLowerer expressions = lowerer.expressions();
    LoopKind kind = switch (tree.getKind()) {
      case FOR_LOOP -> LoopKind.FOR;
      case ENHANCED_FOR_LOOP -> LoopKind.FOREACH;
      case WHILE_LOOP -> LoopKind.WHILE;
      default -> LoopKind.DO;
    };
    Atom snapshots = pendingSnapshots;
    pendingSnapshots = null;
    String label = lowerer.names().fresh(sourceLabel != null ? sourceLabel : "loop");
    LoopFrame frame = new LoopFrame(label, sourceLabel, ++loops, kind, tree, innermost);
    if (tree instanceof ForLoopTree f) {
      for (StatementTree init : f.getInitializer()) {
        lowerSimple(init);
      }
    }
    lowerer.emit(new Stmt.Marker(header(tree)));
    if (tree instanceof EnhancedForLoopTree each) {
      frame.array = expressions.atom(each.getExpression());
      if (!(frame.array.type() instanceof ArrayType)) {
        throw new Rejection(Diagnostic.UNSUPPORTED_STATEMENT, each.getExpression(),
            "an enhanced 'for' over something other than an array", "loop over an array");
      }
      frame.index = new Var(lowerer.names().fresh("i"), Primitive.INT, Var.Kind.DERIVED);
      lowerer.emit(new Stmt.Let(frame.index, new Const(0, Primitive.INT)));
    }
    carryLoopVariables(frame, tree);

    LoopFrame saved = innermost;
    innermost = frame;
    breakTargets.add(frame);
    Block body;
    try {
      body = lowerer.lowerBranch(() -> lowerBody(frame)).block();
    } finally {
      innermost = saved;
      breakTargets.remove(breakTargets.size() - 1);
    }
    lowerer.emit(new Stmt.Loop(label, frame.region.declaringJump(body), snapshots));
    if (tree instanceof ForLoopTree f) {
      // The initialiser's variables end with the loop. Left in scope, a later loop that declares
      // a variable of the same name and assigns it would carry this one through its iterations.
      for (StatementTree init : f.getInitializer()) {
        if (init instanceof VariableTree declared) {
          lowerer.scope().forget(declared.getName().toString());
        }
      }
    }
    if (!frame.outwardExits.isEmpty()) {
      work.addFirst(new Dispatch(frame));
    }
  }

  private boolean lowerBody(LoopFrame frame) {
    Tree tree = frame.tree;
    Deque<Work> body = new ArrayDeque<>();
    body.add(new EndOfIteration(frame));
    switch (frame.kind) {
      case DO -> {
        body.addFirst(new Source(((DoWhileLoopTree) tree).getStatement()));
        return lower(body);
      }
      case FOREACH -> {
        EnhancedForLoopTree each = (EnhancedForLoopTree) tree;
        body.addFirst(new Source(each.getStatement()));
        ExpressionLowerer expressions = lowerer.expressions();
        Atom length = expressions.atomOf(new Expr.ArrayLength(frame.array));
        Atom more = expressions.atomOf(
            expressions.binary(BinaryOp.LT, currentIndex(frame), length, each));
        return lowerer.branchAndMerge(more, () -> {
          ArrayType arrayType = (ArrayType) frame.array.type();
          IrType elementType = arrayType.component();
          Atom element = expressions.atomOf(
              new Expr.ArrayRead(frame.array, currentIndex(frame), elementType));
          String name = each.getVariable().getName().toString();
          Var v = new Var(lowerer.names().user(name), elementType, Var.Kind.USER);
          lowerer.emit(new Stmt.Let(v, element));
          lowerer.scope().declare(name, elementType, v);
          return lower(body);
        }, () -> leave(frame));
      }
      default -> {
        ExpressionTree condition = tree instanceof ForLoopTree f ? f.getCondition()
            : ((WhileLoopTree) tree).getCondition();
        StatementTree statement = tree instanceof ForLoopTree f ? f.getStatement()
            : ((WhileLoopTree) tree).getStatement();
        body.addFirst(new Source(statement));
        if (condition == null) {
          return lower(body);
        }
        Atom more = lowerer.expressions().atom(condition);
        return lowerer.branchAndMerge(more, () -> lower(body), () -> leave(frame));
      }
    }
  }

  private Atom currentIndex(LoopFrame frame) {
    return frame.index;
  }

  /**
   * Gives each source variable the loop assigns one loop variable, holding its value from one
   * iteration to the next.
   */
  private void carryLoopVariables(LoopFrame frame, Tree tree) {
    Scope scope = lowerer.scope();
    for (String name : assignedNames(tree)) {
      var binding = scope.lookup(name);
      if (binding.isEmpty()) {
        continue;
      }
      Var current = binding.get().current();
      IrType type = binding.get().declaredType();
      Var loopVar = lowerer.newVersion(name, type);
      if (current == null) {
        lowerer.emit(new Stmt.Declare(loopVar, type instanceof Primitive p ? Const.zeroOf(p) : null));
      } else {
        lowerer.emit(new Stmt.Let(loopVar, current));
      }
      scope.assign(name, loopVar);
      frame.loopVars.put(name, loopVar);
    }
    if (frame.index != null) {
      frame.loopVars.put("\0index", frame.index);
    }
  }

  private static Set<String> assignedNames(Tree tree) {
    Set<String> names = new java.util.LinkedHashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree node, Void unused) {
        if (node.getVariable() instanceof IdentifierTree id) {
          names.add(id.getName().toString());
        }
        return super.visitAssignment(node, unused);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
        if (node.getVariable() instanceof IdentifierTree id) {
          names.add(id.getName().toString());
        }
        return super.visitCompoundAssignment(node, unused);
      }

      @Override
      public Void visitUnary(UnaryTree node, Void unused) {
        if (node.getExpression() instanceof IdentifierTree id) {
          switch (node.getKind()) {
            case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT ->
                names.add(id.getName().toString());
            default -> { }
          }
        }
        return super.visitUnary(node, unused);
      }
    }.scan(tree, null);
    return names;
  }

  /** The loop variables take the values of this path; assigned before every jump. */
  private void copyBack(LoopFrame frame) {
    lowerer.emit(new Stmt.Marker("next iteration of " + header(frame.tree)));
    for (Map.Entry<String, Var> e : frame.loopVars.entrySet()) {
      Var current = e.getKey().equals("\0index") ? null
          : lowerer.scope().lookup(e.getKey()).map(Scope.Binding::current).orElse(null);
      if (current != null && current != e.getValue()) {
        lowerer.emit(new Stmt.Set(e.getValue(), current));
        lowerer.scope().assign(e.getKey(), e.getValue());
      }
    }
  }

  /** A path reaches the end of the body: update, carry the variables, next iteration. */
  private void endOfIteration(LoopFrame frame) {
    switch (frame.kind) {
      case FOR -> {
        for (ExpressionStatementTree update : ((ForLoopTree) frame.tree).getUpdate()) {
          lowerExpressionStatement(update);
        }
        copyBack(frame);
      }
      case FOREACH -> {
        ExpressionLowerer expressions = lowerer.expressions();
        Atom next = expressions.atomOf(expressions.binary(BinaryOp.ADD, frame.index,
            new Const(1, Primitive.INT), frame.tree));
        copyBack(frame);
        lowerer.emit(new Stmt.Set(frame.index, next));
      }
      case WHILE -> copyBack(frame);
      case DO -> {
        Atom more = lowerer.expressions().atom(((DoWhileLoopTree) frame.tree).getCondition());
        lowerer.branchAndMerge(more, () -> {
          copyBack(frame);
          return true;
        }, () -> leave(frame));
      }
    }
  }

  /** Leaves a loop: carry the variables, then break. */
  private boolean leave(LoopFrame frame) {
    copyBack(frame);
    lowerer.emit(new Stmt.Break(frame.label));
    return true;
  }

  /**
   * Lowers a {@code break}.
   *
   * @return whether the path ended ({@code false}: it goes on), or {@code null} when the rest of
   *     the case was skipped and lowering goes on from the end of the switch
   */
  private Boolean lowerBreak(BreakTree tree, Deque<Work> work) {
    lowerer.emit(new Stmt.Marker(lowerer.source(tree)));
    Object target = target(tree.getLabel() == null ? null : tree.getLabel().toString(), true, tree);
    if (target instanceof SwitchTree switchTree) {
      int index = breakTargets.lastIndexOf(switchTree);
      if (region().boundary > index) {
        defer(SWITCH_BREAK + index);
        return false;
      }
      // Skip the rest of the case, up to where the switch ends (left in place to end it).
      while (!work.isEmpty()) {
        if (work.peekFirst() instanceof EndOfSwitch end && end.tree() == switchTree) {
          return null;
        }
        work.pollFirst();
      }
      return null;
    }
    LoopFrame loop = (LoopFrame) target;
    if (loop == innermost) {
      return breakInnermost();
    }
    return leaveTowards(2 * loop.id + 2);
  }

  private boolean lowerContinue(ContinueTree tree) {
    lowerer.emit(new Stmt.Marker(lowerer.source(tree)));
    LoopFrame loop =
        (LoopFrame) target(tree.getLabel() == null ? null : tree.getLabel().toString(), false, tree);
    if (loop == innermost) {
      return continueInnermost();
    }
    return leaveTowards(2 * loop.id + 3);
  }

  /** The statement a {@code break} or {@code continue} leaves. */
  private Object target(String label, boolean isBreak, Tree site) {
    for (int i = breakTargets.size() - 1; i >= 0; i--) {
      Object t = breakTargets.get(i);
      if (label == null && (isBreak || t instanceof LoopFrame)) {
        return t;
      }
      if (label != null && t instanceof LoopFrame f && label.equals(f.sourceLabel)) {
        return t;
      }
    }
    throw new Rejection(Diagnostic.UNRESOLVED, site, "the target of this jump", "");
  }

  /** A jump past the innermost loop: set the exit code and leave the innermost loop. */
  private boolean leaveTowards(int code) {
    lowerer.emit(new Stmt.Set(lowerer.exitCode(), new Const(code, Primitive.INT)));
    innermost.outwardExits.add(code);
    return breakInnermost();
  }

  /** After a loop left by a jump further out: act on the exit code. */
  private boolean dispatch(LoopFrame loop, Deque<Work> rest) {
    ExpressionLowerer expressions = lowerer.expressions();
    Var exit = lowerer.exitCode();
    Atom jumped = expressions.atomOf(
        expressions.binary(BinaryOp.NE, exit, new Const(0, Primitive.INT), loop.tree));
    List<Integer> codes = new ArrayList<>(loop.outwardExits);
    List<Work> remaining = List.copyOf(rest);
    rest.clear();
    return lowerer.branchAndMerge(jumped,
        () -> dispatchCodes(loop, codes, 0),
        () -> lower(new ArrayDeque<>(remaining)));
  }

  private boolean dispatchCodes(LoopFrame loop, List<Integer> codes, int index) {
    int code = codes.get(index);
    if (index == codes.size() - 1) {
      return actOn(loop, code);
    }
    ExpressionLowerer expressions = lowerer.expressions();
    Atom matches = expressions.atomOf(expressions.binary(BinaryOp.EQ, lowerer.exitCode(),
        new Const(code, Primitive.INT), loop.tree));
    return lowerer.branchAndMerge(matches, () -> actOn(loop, code),
        () -> dispatchCodes(loop, codes, index + 1));
  }

  private boolean actOn(LoopFrame loop, int code) {
    LoopFrame parent = innermost;
    if (code == EXIT_RETURN) {
      return parent == null ? returnFromMethod() : leaveTowards(code);
    }
    boolean isBreak = code % 2 == 0;
    int targetId = (code - (isBreak ? 2 : 3)) / 2;
    if (parent != null && parent.id == targetId) {
      lowerer.emit(new Stmt.Set(lowerer.exitCode(), new Const(0, Primitive.INT)));
      return isBreak ? breakInnermost() : continueInnermost();
    }
    return leaveTowards(code);
  }

  private void lowerSimple(StatementTree statement) {
    Deque<Work> one = new ArrayDeque<>();
    one.add(new Source(statement));
    lower(one);
  }

  private String header(Tree tree) {
    String text = lowerer.source(tree);
    int brace = text.indexOf('{');
    return (brace > 0 ? text.substring(0, brace) : text).trim();
  }
}
