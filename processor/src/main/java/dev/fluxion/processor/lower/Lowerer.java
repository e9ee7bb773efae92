package dev.fluxion.processor.lower;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import dev.fluxion.processor.diag.Diagnostic;
import dev.fluxion.processor.diag.LeftToJavac;
import dev.fluxion.processor.diag.Rejection;
import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.Block;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.IrMethod;
import dev.fluxion.processor.ir.IrType;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Reference;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.Var;
import dev.fluxion.processor.model.DifferentiableMethod;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * The second phase: lowers a validated method body from javac trees into Fluxion's IR in simple
 * form. Every intermediate value gets a name, every statement does one thing, and every
 * assignment creates a new variable (so straight-line code needs no tape).
 *
 * <p>Early returns are removed: when an {@code if} contains a {@code return}, the statements after
 * it are lowered into each of its branches, so that every path ends by assigning the one result.
 * The types of all values are worked out here, following the JLS for the subset's types.
 */
public final class Lowerer {
  private final SymbolResolver resolver;
  private final CompilationUnitTree unit;
  private final SourcePositions positions;
  private final Map<Expr, Tree> origins = new IdentityHashMap<>();

  private NameAllocator names;
  private Scope scope;
  private Block.Builder out;
  private Block.Builder topLevel;
  private Var self;
  private Var result;
  private Var exitCode;
  private IrType returnType;
  private CharSequence sourceText;
  private ExpressionLowerer expressions;

  /**
   * Creates a lowerer for methods of one class.
   *
   * @param resolver resolves the names the body uses
   * @param unit the compilation unit, for source text in comments
   * @param positions javac's source positions
   */
  public Lowerer(SymbolResolver resolver, CompilationUnitTree unit, SourcePositions positions) {
    this.resolver = resolver;
    this.unit = unit;
    this.positions = positions;
  }

  /**
   * Lowers one method.
   *
   * @param tree the method's tree, already validated
   * @param descriptor the method's descriptor
   * @return the primal in IR form
   * @throws Rejection on names or types outside the subset
   * @throws LeftToJavac when a path through the body does not return
   */
  public LoweredMethod lower(MethodTree tree, DifferentiableMethod descriptor) {
    names = new NameAllocator(userNames(tree));
    scope = new Scope();
    out = new Block.Builder();
    expressions = new ExpressionLowerer(this, resolver);
    TypeElement owner = resolver.owner();
    List<Var> parameters = new ArrayList<>();
    if (!descriptor.isStatic()) {
      self = new Var(names.fresh("self"), new Reference(owner.asType()), Var.Kind.DERIVED);
      parameters.add(self);
    }
    List<Var> independents = new ArrayList<>();
    for (DifferentiableMethod.Parameter p : descriptor.parameters()) {
      Var v = new Var(names.user(p.name()), p.type(), Var.Kind.USER);
      scope.declare(p.name(), p.type(), v);
      parameters.add(v);
      if (p.differentiated()) {
        independents.add(v);
      }
    }
    List<? extends StatementTree> body = tree.getBody().getStatements();
    boolean singleReturn = countReturns(tree.getBody()) == 1
        && !body.isEmpty() && body.get(body.size() - 1) instanceof ReturnTree;
    returnType = descriptor.returnType();
    if (!singleReturn) {
      result = new Var(names.fresh("result"), returnType, Var.Kind.USER);
      out.add(new Stmt.Declare(result, null));
    }
    if (Jumps.needExitCode(tree)) {
      exitCode = new Var(names.fresh("exit"), Primitive.INT, Var.Kind.DERIVED);
      out.add(new Stmt.Let(exitCode, new dev.fluxion.processor.ir.Const(0, Primitive.INT)));
    }
    ControlFlowLowerer flow = new ControlFlowLowerer(this);
    Block.Builder prologue = out;
    out = new Block.Builder();
    topLevel = out;
    // Paths with a deferred return, and paths javac knows to be dead (after an endless loop),
    // reach the end of the lowered body too. Only where javac's rules let the body complete is a
    // return missing; javac reports that after processing, and that is the error to see.
    if (!flow.lowerBody(body) && Jumps.completes(tree.getBody())) {
      throw new LeftToJavac("a path through " + descriptor.name() + " does not return");
    }
    Block lowered = flow.declaringJump(out.build());
    out = prologue.addAll(lowered);
    if (!singleReturn) {
      out.add(new Stmt.Return(result));
    }
    IrMethod ir = new IrMethod(descriptor.name(), parameters, returnType, out.build());
    return new LoweredMethod(descriptor, ir, independents, origins, names);
  }

  /** Lowers one branch into its own block and scope; the enclosing scope is restored after. */
  Block branch(Runnable lowering) {
    return lowerBranch(() -> {
      lowering.run();
      return false;
    }).block();
  }

  /**
   * One lowered branch.
   *
   * @param block its statements
   * @param scope the versions at its end
   * @param terminated whether every path through it jumped away (returned, broke, continued)
   */
  record Branch(Block block, Scope scope, boolean terminated) {}

  /** Lowers a branch into its own block and scope copy, restoring the enclosing ones after. */
  Branch lowerBranch(java.util.function.BooleanSupplier lowering) {
    Block.Builder saved = out;
    Scope savedScope = scope;
    out = new Block.Builder();
    scope = savedScope.copy();
    try {
      boolean terminated = lowering.getAsBoolean();
      return new Branch(out.build(), scope, terminated);
    } finally {
      out = saved;
      scope = savedScope;
    }
  }

  /**
   * Lowers two branches and merges the source variables they assign: each such variable gets a
   * new version, declared before the branch and assigned at the end of both sides. A side that
   * jumped away (returned, broke out of a loop) takes no part in the merge.
   *
   * @return whether both sides jumped away
   */
  boolean branchAndMerge(Atom condition, java.util.function.BooleanSupplier thenLowering,
      java.util.function.BooleanSupplier elseLowering) {
    Scope before = scope;
    Branch then = lowerBranch(thenLowering);
    Branch otherwise = lowerBranch(elseLowering);
    Block.Builder thenOut = new Block.Builder().addAll(then.block());
    Block.Builder elseOut = new Block.Builder().addAll(otherwise.block());
    if (then.terminated() || otherwise.terminated()) {
      if (!then.terminated()) {
        scope = then.scope();
      } else if (!otherwise.terminated()) {
        scope = otherwise.scope();
      }
      out.add(new Stmt.If(condition, thenOut.build(), elseOut.build()));
      return then.terminated() && otherwise.terminated();
    }
    for (String name : before.names()) {
      var inThen = then.scope().lookup(name);
      var inElse = otherwise.scope().lookup(name);
      if (inThen.isEmpty() || inElse.isEmpty()) {
        scope.forget(name); // a side declared the name again, in a loop that ended its scope
        continue;
      }
      Var a = inThen.get().current();
      Var b = inElse.get().current();
      if (a == b) {
        continue;
      }
      if (a == null || b == null) {
        scope.assign(name, null);
        continue;
      }
      Var merged = newVersion(name, a.type());
      out.add(new Stmt.Declare(merged, null));
      thenOut.add(new Stmt.Set(merged, a));
      elseOut.add(new Stmt.Set(merged, b));
      scope.assign(name, merged);
    }
    out.add(new Stmt.If(condition, thenOut.build(), elseOut.build()));
    return false;
  }

  // ---- services for expression lowering ----

  Scope scope() {
    return scope;
  }

  ExpressionLowerer expressions() {
    return expressions;
  }

  NameAllocator names() {
    return names;
  }

  Var result() {
    return result;
  }

  IrType returnType() {
    return returnType;
  }

  Var exitCode() {
    return exitCode;
  }

  Var self() {
    return self;
  }

  /** Whether statements go to the method body itself, not into a branch or a loop body. */
  boolean atTopLevel() {
    return out == topLevel;
  }

  void emit(Stmt statement) {
    out.add(statement);
  }

  void origin(Expr expr, Tree tree) {
    origins.put(expr, tree);
  }

  Var temp(IrType type) {
    return new Var(names.numbered("t"), type, Var.Kind.TEMP);
  }

  void speculate(Runnable computation) {
    names.speculate(computation);
  }

  Var newVersion(String sourceName, IrType type) {
    return new Var(names.fresh(sourceName), type, Var.Kind.USER);
  }

  // ---- helpers ----

  String parenthesized(Tree condition) {
    String text = source(condition);
    return condition instanceof ParenthesizedTree ? text : "(" + text + ")";
  }

  /** The source text of a tree on one line, for comments in the generated code. */
  String source(Tree tree) {
    try {
      if (sourceText == null) {
        sourceText = unit.getSourceFile().getCharContent(true);
      }
      long start = positions.getStartPosition(unit, tree);
      long end = positions.getEndPosition(unit, tree);
      if (start < 0 || end < start || end > sourceText.length()) {
        return tree.toString();
      }
      return sourceText.subSequence((int) start, (int) end).toString().replaceAll("\\s+", " ").trim();
    } catch (IOException e) {
      return tree.toString().replaceAll("\\s+", " ");
    }
  }

  static int countReturns(Tree tree) {
    int[] count = new int[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree node, Void unused) {
        count[0]++;
        return null;
      }
    }.scan(tree, null);
    return count[0];
  }

  private static Set<String> userNames(MethodTree tree) {
    Set<String> found = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        found.add(node.getName().toString());
        return null;
      }

      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        found.add(node.getName().toString());
        return super.visitVariable(node, unused);
      }
    }.scan(tree, null);
    return found;
  }
}
