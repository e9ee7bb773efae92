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
  private Var self;
  private Var result;
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
    if (!singleReturn) {
      result = new Var(names.fresh("result"), Primitive.DOUBLE, Var.Kind.USER);
      out.add(new Stmt.Declare(result, null));
    }
    if (!lowerStatements(new ArrayDeque<>(body))) {
      throw new IllegalStateException("a path through " + descriptor.name() + " does not return");
    }
    if (!singleReturn) {
      out.add(new Stmt.Return(result));
    }
    IrMethod ir = new IrMethod(descriptor.name(), parameters, Primitive.DOUBLE, out.build());
    return new LoweredMethod(descriptor, ir, independents, origins, names);
  }

  // ---- statements ----

  /** Lowers statements in order; returns whether every path through them returned. */
  private boolean lowerStatements(Deque<StatementTree> work) {
    while (!work.isEmpty()) {
      StatementTree statement = work.pollFirst();
      switch (statement.getKind()) {
        case BLOCK -> {
          List<? extends StatementTree> inner = ((BlockTree) statement).getStatements();
          for (int i = inner.size() - 1; i >= 0; i--) {
            work.addFirst(inner.get(i));
          }
        }
        case EMPTY_STATEMENT -> { }
        case RETURN -> {
          lowerReturn((ReturnTree) statement);
          return true;
        }
        case IF -> {
          IfTree ifTree = (IfTree) statement;
          if (countReturns(ifTree) > 0) {
            lowerIfWithRest(ifTree, List.copyOf(work));
            return true;
          }
          lowerIf(ifTree);
        }
        case VARIABLE -> lowerVariable((VariableTree) statement);
        case EXPRESSION_STATEMENT -> lowerExpressionStatement((ExpressionStatementTree) statement);
        default -> throw new Rejection(Diagnostic.UNSUPPORTED_STATEMENT, statement,
            "this statement", "see the README for the differentiable subset");
      }
    }
    return false;
  }

  private void lowerVariable(VariableTree variable) {
    out.add(new Stmt.Marker(source(variable)));
    String name = variable.getName().toString();
    Tree typeTree = variable.getType();
    boolean inferred = typeTree == null
        || typeTree instanceof IdentifierTree id && id.getName().contentEquals("var");
    if (variable.getInitializer() == null) {
      scope.declare(name, declaredType(typeTree), null);
      return;
    }
    Expr value = expressions.expr(variable.getInitializer());
    IrType type = inferred ? value.type() : declaredType(typeTree);
    if (!(type instanceof Primitive)) {
      throw new Rejection(Diagnostic.UNSUPPORTED_TYPE, variable, type);
    }
    Var v = new Var(names.user(name), type, Var.Kind.USER);
    out.add(new Stmt.Let(v, expressions.convert(value, type, false, variable)));
    scope.declare(name, type, v);
  }

  private static Primitive declaredType(Tree typeTree) {
    if (typeTree instanceof PrimitiveTypeTree p) {
      switch (p.getPrimitiveTypeKind()) {
        case DOUBLE: return Primitive.DOUBLE;
        case INT: return Primitive.INT;
        case LONG: return Primitive.LONG;
        case BOOLEAN: return Primitive.BOOLEAN;
        default: break;
      }
    }
    throw new Rejection(Diagnostic.UNSUPPORTED_TYPE, typeTree, typeTree);
  }

  private void lowerExpressionStatement(ExpressionStatementTree statement) {
    out.add(new Stmt.Marker(source(statement)));
    Expr value = expressions.expr(statement.getExpression());
    if (statement.getExpression() instanceof MethodInvocationTree) {
      out.add(new Stmt.Eval(value));
    }
  }

  private void lowerReturn(ReturnTree ret) {
    out.add(new Stmt.Marker(source(ret)));
    Expr value = expressions.convert(
        expressions.expr(ret.getExpression()), Primitive.DOUBLE, false, ret);
    if (result != null) {
      out.add(new Stmt.Set(result, value));
    } else if (value instanceof Atom atom) {
      out.add(new Stmt.Return(atom));
    } else {
      Var v = new Var(names.fresh("result"), Primitive.DOUBLE, Var.Kind.USER);
      out.add(new Stmt.Let(v, value));
      out.add(new Stmt.Return(v));
    }
  }

  /** An {@code if} without returns inside: both branches flow on, and their versions merge. */
  private void lowerIf(IfTree ifTree) {
    out.add(new Stmt.Marker("if " + parenthesized(ifTree.getCondition())));
    Atom condition = expressions.atom(ifTree.getCondition());
    branchAndMerge(condition,
        () -> lowerStatements(statements(ifTree.getThenStatement(), List.of())),
        () -> lowerStatements(statements(ifTree.getElseStatement(), List.of())));
  }

  /** An {@code if} with returns inside: the rest of the method is lowered into each branch. */
  private void lowerIfWithRest(IfTree ifTree, List<StatementTree> rest) {
    out.add(new Stmt.Marker("if " + parenthesized(ifTree.getCondition())));
    Atom condition = expressions.atom(ifTree.getCondition());
    Block then = branch(() -> require(lowerStatements(statements(ifTree.getThenStatement(), rest))));
    Block otherwise =
        branch(() -> require(lowerStatements(statements(ifTree.getElseStatement(), rest))));
    out.add(new Stmt.If(condition, then, otherwise));
  }

  private static void require(boolean returned) {
    if (!returned) {
      throw new IllegalStateException("a branch does not return");
    }
  }

  private static Deque<StatementTree> statements(StatementTree first, List<StatementTree> rest) {
    Deque<StatementTree> work = new ArrayDeque<>(rest);
    if (first != null) {
      work.addFirst(first);
    }
    return work;
  }

  /** Lowers one branch into its own block and scope; the enclosing scope is restored after. */
  Block branch(Runnable lowering) {
    Block.Builder saved = out;
    Scope savedScope = scope;
    out = new Block.Builder();
    scope = savedScope.copy();
    try {
      lowering.run();
      return out.build();
    } finally {
      out = saved;
      scope = savedScope;
    }
  }

  /**
   * Lowers two branches and merges the source variables they assign: each such variable gets a
   * new version, declared before the branch and assigned at the end of both sides.
   */
  void branchAndMerge(Atom condition, Runnable thenLowering, Runnable elseLowering) {
    Scope before = scope;
    Scope[] after = new Scope[2];
    Block then = branch(() -> {
      thenLowering.run();
      after[0] = scope;
    });
    Block otherwise = branch(() -> {
      elseLowering.run();
      after[1] = scope;
    });
    Block.Builder thenOut = new Block.Builder().addAll(then);
    Block.Builder elseOut = new Block.Builder().addAll(otherwise);
    for (String name : before.names()) {
      Var a = after[0].lookup(name).orElseThrow().current();
      Var b = after[1].lookup(name).orElseThrow().current();
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
  }

  // ---- services for expression lowering ----

  Scope scope() {
    return scope;
  }

  Var self() {
    return self;
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

  private String parenthesized(Tree condition) {
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

  private static int countReturns(Tree tree) {
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
