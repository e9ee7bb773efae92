package dev.fluxion.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.fluxion.processor.ir.ArrayType;
import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.BinaryOp;
import dev.fluxion.processor.ir.Block;
import dev.fluxion.processor.ir.Callee;
import dev.fluxion.processor.ir.Const;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.IrMethod;
import dev.fluxion.processor.ir.IrType;
import dev.fluxion.processor.ir.NoValue;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Reference;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.Var;
import dev.fluxion.processor.model.DifferentiableMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an IR method body as Java source. To read like hand-written code, a temporary that is
 * used once is written into the statement that uses it instead of being declared, as long as
 * that cannot change what the code computes: only across statements that modify nothing, and an
 * expression with an effect (a call, a pop) only into the very next statement, never into a
 * position Java evaluates conditionally.
 */
final class CodeWriter {
  private final IrMethod method;
  private final Map<Var, Integer> uses = new HashMap<>();
  private final Map<Var, String> names;
  private final TapeCursor cursor;

  /**
   * Prepares to write a method.
   *
   * @param method the IR method
   */
  CodeWriter(IrMethod method) {
    this.method = method;
    countUses(method.body());
    this.names = TypeNameHygiene.renames(method);
    this.cursor = TapeCursor.of(method, TypeNameHygiene.namesInUse(method, names), this::name);
  }

  /**
   * Writes the method's body.
   *
   * @return the body as code
   */
  CodeBlock body() {
    CodeBlock.Builder code = CodeBlock.builder();
    List<Stmt> statements = method.body().statements();
    if (cursor != null) {
      cursor.open(code);
    }
    block(method.body(), code);
    if (cursor != null
        && (statements.isEmpty() || !(statements.get(statements.size() - 1) instanceof Stmt.Return))) {
      cursor.handBack(code);
    }
    return code.build();
  }

  /**
   * The name a variable has in the written code: its IR name, unless that would hide a class the
   * code names (a user's local called {@code Math}, say), in which case it gets another.
   *
   * @param v a variable of the method
   * @return its Java name
   */
  String name(Var v) {
    return names.getOrDefault(v, v.name());
  }

  /** A temporary waiting to be written into the statement that uses it. */
  private record Pending(Stmt.Let let, JavaExpr expr, boolean effect) {}

  private void block(Block block, CodeBlock.Builder code) {
    Map<Var, Pending> pending = new LinkedHashMap<>();
    for (Stmt s : block.statements()) {
      List<Var> reads = reads(s);
      boolean barrier = !(s instanceof Stmt.Let let) || hasEffect(let.value());
      // Before the tape's counts are handed back, every pending pop has to have happened.
      boolean handsBack = cursor != null && (s instanceof Stmt.Return || cursor.givesAway(s));
      boolean lazyPositions = s instanceof Stmt.Let l2 && hasLazyOperands(l2.value())
          || s instanceof Stmt.Set s2 && hasLazyOperands(s2.value());
      for (Iterator<Map.Entry<Var, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<Var, Pending> e = it.next();
        boolean usedHere = reads.contains(e.getKey());
        boolean keep = !handsBack && (usedHere ? !(e.getValue().effect() && lazyPositions)
            : !barrier && !e.getValue().effect());
        if (!keep) {
          declare(e.getValue(), code);
          it.remove();
        }
      }
      Map<Var, JavaExpr> inline = new HashMap<>();
      for (Var v : reads) {
        Pending p = pending.remove(v);
        if (p != null) {
          inline.put(v, p.expr());
        }
      }
      if (s instanceof Stmt.Let let && isInlinable(let) && !handsBack) {
        pending.put(let.target(), new Pending(let, expr(let.value(), inline), hasEffect(let.value())));
      } else if (handsBack) {
        cursor.handBack(code);
        statement(s, inline, code);
        if (!(s instanceof Stmt.Return)) {
          cursor.takeBack(code);
        }
      } else {
        statement(s, inline, code);
      }
    }
    for (Pending p : pending.values()) {
      declare(p, code);
    }
  }

  private boolean isInlinable(Stmt.Let let) {
    return let.target().kind() == Var.Kind.TEMP && uses.getOrDefault(let.target(), 0) == 1;
  }

  private void declare(Pending p, CodeBlock.Builder code) {
    code.addStatement("$T $N = $L", type(p.let().target().type()), name(p.let().target()),
        p.expr().code());
  }

  private void statement(Stmt s, Map<Var, JavaExpr> inline, CodeBlock.Builder code) {
    if (s instanceof Stmt.Let let) {
      code.addStatement("$T $N = $L", type(let.target().type()), name(let.target()),
          expr(let.value(), inline).code());
    } else if (s instanceof Stmt.Set set) {
      assignment(set, inline, code);
    } else if (s instanceof Stmt.Declare declare) {
      if (declare.initial() == null && !(declare.target().type() instanceof Primitive)) {
        // Arrays declared ahead of the blocks that assign them.
        code.addStatement("$T $N = null", type(declare.target().type()), name(declare.target()));
      } else if (declare.initial() == null) {
        code.addStatement("$T $N", type(declare.target().type()), name(declare.target()));
      } else {
        code.addStatement("$T $N = $L", type(declare.target().type()), name(declare.target()),
            atom(declare.initial(), inline).code());
      }
    } else if (s instanceof Stmt.If branch) {
      ifStatement(branch, inline, code);
    } else if (s instanceof Stmt.Return ret) {
      code.addStatement("return $L", atom(ret.value(), inline).code());
    } else if (s instanceof Stmt.Eval eval && eval.value() instanceof Expr.Pop pop
        && cursor != null && cursor.covers(pop.tape(), pop.type())) {
      cursor.discard((Primitive) pop.type(), code);
    } else if (s instanceof Stmt.Eval eval) {
      code.addStatement("$L", expr(eval.value(), inline).code());
    } else if (s instanceof Stmt.Push push && cursor != null
        && cursor.covers(push.tape(), push.value().type())) {
      cursor.push((Primitive) push.value().type(), atom(push.value(), inline).code(), code);
    } else if (s instanceof Stmt.Push push) {
      code.addStatement("$N.$L($L)", name(push.tape()), "push" + tapeKind(push.value().type()),
          atom(push.value(), inline).code());
    } else if (s instanceof Stmt.ArrayWrite write) {
      code.addStatement("$L[$L] = $L", atom(write.array(), inline).atLeast(JavaExpr.PRIMARY),
          atom(write.index(), inline).code(), atom(write.value(), inline).code());
    } else if (s instanceof Stmt.Loop loop) {
      code.beginControlFlow("while (true)");
      block(loop.body(), code);
      code.endControlFlow();
    } else if (s instanceof Stmt.Break) {
      code.addStatement("break");
    } else if (s instanceof Stmt.Repeat repeat) {
      String k = name(repeat.counter());
      code.beginControlFlow("for (int $N = $L; $N > 0; $N--)", k, atom(repeat.count(), inline).code(),
          k, k);
      block(repeat.body(), code);
      code.endControlFlow();
    } else if (s instanceof Stmt.Comment comment) {
      code.add("// $L\n", comment.text().replace("\\u", "\\ u"));
    }
  }

  private void assignment(Stmt.Set set, Map<Var, JavaExpr> inline, CodeBlock.Builder code) {
    Var target = set.target();
    if (set.value() instanceof Expr.Binary b && b.left().equals(target)
        && (b.op() == BinaryOp.ADD || b.op() == BinaryOp.SUB) && b.type() == target.type()) {
      code.addStatement("$N $L= $L", name(target), b.op().symbol(), atom(b.right(), inline).code());
      return;
    }
    code.addStatement("$N = $L", name(target), expr(set.value(), inline).code());
  }

  private void ifStatement(Stmt.If branch, Map<Var, JavaExpr> inline, CodeBlock.Builder code) {
    if (branch.then().isEmpty() && branch.otherwise().isEmpty()) {
      return;
    }
    JavaExpr condition = atom(branch.condition(), inline);
    if (branch.then().isEmpty()) {
      code.beginControlFlow("if (!$L)", condition.atLeast(JavaExpr.UNARY));
      block(branch.otherwise(), code);
      code.endControlFlow();
      return;
    }
    code.beginControlFlow("if ($L)", condition.code());
    block(branch.then(), code);
    if (!branch.otherwise().isEmpty()) {
      code.nextControlFlow("else");
      block(branch.otherwise(), code);
    }
    code.endControlFlow();
  }

  // ---- expressions ----

  private JavaExpr expr(Expr e, Map<Var, JavaExpr> inline) {
    if (e instanceof Atom a) {
      return atom(a, inline);
    }
    if (e instanceof Expr.Unary u) {
      JavaExpr operand = atom(u.operand(), inline);
      CodeBlock inner = operand.startsWithSign()
          ? CodeBlock.of("($L)", operand.code()) : operand.atLeast(JavaExpr.UNARY);
      return new JavaExpr(CodeBlock.of("$L$L", u.op().symbol(), inner), JavaExpr.UNARY);
    }
    if (e instanceof Expr.Binary b) {
      return binary(b, inline);
    }
    if (e instanceof Expr.Cast c) {
      return new JavaExpr(CodeBlock.of("($L) $L", c.type().keyword(),
          atom(c.operand(), inline).atLeast(JavaExpr.UNARY)), JavaExpr.UNARY);
    }
    if (e instanceof Expr.Select s) {
      return new JavaExpr(CodeBlock.of("$L ? $L : $L",
          atom(s.condition(), inline).atLeast(JavaExpr.CONDITIONAL + 1),
          atom(s.ifTrue(), inline).atLeast(JavaExpr.CONDITIONAL + 1),
          atom(s.ifFalse(), inline).atLeast(JavaExpr.CONDITIONAL)), JavaExpr.CONDITIONAL);
    }
    if (e instanceof Expr.Call call) {
      return new JavaExpr(call(call, inline), JavaExpr.PRIMARY);
    }
    if (e instanceof Expr.FieldRead f) {
      CodeBlock owner = f.receiver() == null
          ? CodeBlock.of("$T", TypeName.get(f.owner().mirror()))
          : atom(f.receiver(), inline).atLeast(JavaExpr.PRIMARY);
      return new JavaExpr(CodeBlock.of("$L.$N", owner, f.name()), JavaExpr.PRIMARY);
    }
    if (e instanceof Expr.ArrayRead read) {
      return new JavaExpr(CodeBlock.of("$L[$L]", atom(read.array(), inline).atLeast(JavaExpr.PRIMARY),
          atom(read.index(), inline).code()), JavaExpr.PRIMARY);
    }
    if (e instanceof Expr.ArrayLength length) {
      return new JavaExpr(CodeBlock.of("$L.length",
          atom(length.array(), inline).atLeast(JavaExpr.PRIMARY)), JavaExpr.PRIMARY);
    }
    if (e instanceof Expr.NewArray fresh) {
      CodeBlock.Builder dims = CodeBlock.builder();
      for (Atom d : fresh.dimensions()) {
        dims.add("[$L]", atom(d, inline).code());
      }
      for (int i = fresh.dimensions().size(); i < fresh.type().rank(); i++) {
        dims.add("[]");
      }
      return new JavaExpr(CodeBlock.of("new $L$L", fresh.type().element().keyword(), dims.build()),
          JavaExpr.PRIMARY);
    }
    if (e instanceof Expr.ArrayLiteral literal) {
      List<CodeBlock> elements = new ArrayList<>();
      for (Atom a : literal.elements()) {
        elements.add(atom(a, inline).code());
      }
      return new JavaExpr(CodeBlock.of("new $T {$L}", type(literal.type()),
          CodeBlock.join(elements, ", ")), JavaExpr.PRIMARY);
    }
    Expr.Pop pop = (Expr.Pop) e;
    if (cursor != null && cursor.covers(pop.tape(), pop.type())) {
      return cursor.pop((Primitive) pop.type());
    }
    return new JavaExpr(CodeBlock.of("$N.pop$L()", name(pop.tape()), tapeKind(pop.type())),
        JavaExpr.PRIMARY);
  }

  /** The tape method suffix for a type: Double, Int, Boolean, Long, or Ref for arrays. */
  private static String tapeKind(IrType type) {
    if (type instanceof Primitive p) {
      return switch (p) {
        case DOUBLE -> "Double";
        case INT -> "Int";
        case BOOLEAN -> "Boolean";
        case LONG -> "Long";
      };
    }
    return "Ref";
  }

  private JavaExpr binary(Expr.Binary b, Map<Var, JavaExpr> inline) {
    String symbol = b.op().symbol();
    int precedence = b.op().precedence();
    if (b.type() == Primitive.BOOLEAN && b.op() == BinaryOp.AND) {
      symbol = "&&";
      precedence = 4;
    } else if (b.type() == Primitive.BOOLEAN && b.op() == BinaryOp.OR) {
      symbol = "||";
      precedence = 3;
    }
    return new JavaExpr(CodeBlock.of("$L $L $L",
        atom(b.left(), inline).atLeast(precedence), symbol,
        atom(b.right(), inline).atLeast(precedence + 1)), precedence);
  }

  private CodeBlock call(Expr.Call call, Map<Var, JavaExpr> inline) {
    List<CodeBlock> args = new ArrayList<>();
    for (Atom a : call.arguments()) {
      args.add(atom(a, inline).code());
    }
    CodeBlock arguments = CodeBlock.join(args, ", ");
    Callee callee = call.callee();
    if (callee instanceof Callee.MathFunction f) {
      return CodeBlock.of("$T.$N($L)", ClassName.bestGuess(f.owner()), f.name(), arguments);
    }
    if (callee instanceof Callee.Runtime r) {
      return CodeBlock.of("$T.$N($L)", CompanionWriter.ADJOINTS, r.name(), arguments);
    }
    if (callee instanceof Callee.Reverse r) {
      DifferentiableMethod m = r.method();
      return CodeBlock.of("$T.$N($L)", CompanionWriter.companion(m.owner()), m.reverseName(), arguments);
    }
    if (callee instanceof Callee.Forward f) {
      DifferentiableMethod m = f.method();
      return CodeBlock.of("$T.$N($L)", CompanionWriter.companion(m.owner()), m.forwardName(), arguments);
    }
    if (callee instanceof Callee.ReverseForward rf) {
      DifferentiableMethod m = rf.method();
      return CodeBlock.of("$T.$N($L)", CompanionWriter.companion(m.owner()), m.reverseForwardName(),
          arguments);
    }
    String name;
    TypeName owner;
    if (callee instanceof Callee.Primal p) {
      name = p.method().name();
      owner = TypeName.get(p.method().owner().type().mirror());
    } else if (callee instanceof Callee.Registered registered) {
      name = registered.name();
      owner = TypeName.get(registered.owner().mirror());
    } else if (callee instanceof Callee.Custom custom) {
      name = custom.name();
      owner = TypeName.get(custom.owner().mirror());
    } else {
      Callee.Plain plain = (Callee.Plain) callee;
      name = plain.name();
      owner = TypeName.get(plain.owner().mirror());
    }
    if (call.receiver() == null) {
      return CodeBlock.of("$T.$N($L)", owner, name, arguments);
    }
    return CodeBlock.of("$L.$N($L)", atom(call.receiver(), inline).atLeast(JavaExpr.PRIMARY), name,
        arguments);
  }

  private JavaExpr atom(Atom a, Map<Var, JavaExpr> inline) {
    if (a instanceof Var v) {
      JavaExpr replaced = inline.get(v);
      return replaced != null ? replaced : new JavaExpr(CodeBlock.of("$N", name(v)), JavaExpr.PRIMARY);
    }
    return literal((Const) a);
  }

  private static JavaExpr literal(Const c) {
    Object value = c.value();
    String text;
    if (value instanceof Double d) {
      if (d.isNaN()) {
        text = "Double.NaN";
      } else if (d.isInfinite()) {
        text = d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
      } else {
        text = d.toString();
      }
    } else if (value instanceof Long l) {
      text = l + "L";
    } else {
      text = String.valueOf(value);
    }
    boolean negative = text.startsWith("-");
    return new JavaExpr(CodeBlock.of("$L", text), negative ? JavaExpr.UNARY : JavaExpr.PRIMARY);
  }

  static TypeName type(IrType type) {
    if (type instanceof Reference r) {
      return TypeName.get(r.mirror());
    }
    if (type instanceof ArrayType a) {
      return ArrayTypeName.of(type(a.component()));
    }
    if (type instanceof NoValue) {
      return TypeName.VOID;
    }
    return switch ((Primitive) type) {
      case BOOLEAN -> TypeName.BOOLEAN;
      case INT -> TypeName.INT;
      case LONG -> TypeName.LONG;
      case DOUBLE -> TypeName.DOUBLE;
    };
  }

  // ---- analysis for inlining ----

  private static boolean hasEffect(Expr e) {
    return e instanceof Expr.Call || e instanceof Expr.Pop || e instanceof Expr.FieldRead
        || e instanceof Expr.ArrayRead || e instanceof Expr.ArrayLength;
  }

  /** Whether some operand of {@code e} is evaluated only on some paths. */
  private static boolean hasLazyOperands(Expr e) {
    return e instanceof Expr.Select
        || e instanceof Expr.Binary b && b.type() == Primitive.BOOLEAN
            && (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR);
  }

  private static List<Var> reads(Stmt s) {
    List<Atom> atoms = new ArrayList<>();
    if (s instanceof Stmt.Let let) {
      atoms.addAll(let.value().operands());
    } else if (s instanceof Stmt.Set set) {
      atoms.addAll(set.value().operands());
    } else if (s instanceof Stmt.If branch) {
      atoms.add(branch.condition());
    } else if (s instanceof Stmt.Return ret) {
      atoms.add(ret.value());
    } else if (s instanceof Stmt.Eval eval) {
      atoms.addAll(eval.value().operands());
    } else if (s instanceof Stmt.Push push) {
      atoms.add(push.value());
    } else if (s instanceof Stmt.ArrayWrite write) {
      atoms.add(write.array());
      atoms.add(write.index());
      atoms.add(write.value());
    } else if (s instanceof Stmt.Repeat repeat) {
      atoms.add(repeat.count());
    }
    List<Var> vars = new ArrayList<>();
    for (Atom a : atoms) {
      if (a instanceof Var v) {
        vars.add(v);
      }
    }
    return vars;
  }

  private void countUses(Block block) {
    for (Stmt s : block.statements()) {
      for (Var v : reads(s)) {
        uses.merge(v, 1, Integer::sum);
      }
      if (s instanceof Stmt.If branch) {
        countUses(branch.then());
        countUses(branch.otherwise());
      } else if (s instanceof Stmt.Loop loop) {
        countUses(loop.body());
      } else if (s instanceof Stmt.Repeat repeat) {
        countUses(repeat.body());
      }
    }
  }
}
