package dev.fluxion.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.fluxion.processor.analysis.Activity;
import dev.fluxion.processor.ir.Block;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.IrMethod;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.Var;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The top of a method's tape kept in local variables: for each of the {@code double} and {@code
 * int} stacks the method uses, its storage and count, read from the tape at the start and handed
 * back before every statement that gives the tape to a call (a callee's reverse sweep, a runtime
 * helper) and before {@code return}. A push is then {@code storage = tape.room(storage, count);
 * storage[count++] = v;} and a pop {@code storage[--count]}: an array access and a local
 * increment, where {@code tape.pushDouble(v)} updates a field that the next push has to read back,
 * which in a loop that pushes every iteration costs more than the loop's own arithmetic.
 *
 * <p>Only a method that records inside a loop gets a cursor: for a few pushes in straight-line code
 * the locals' read and write cost what they save. The cursor is for the method's tape parameter,
 * when the method never reassigns it nor copies
 * it into another variable; a checkpointed loop's own tapes (its entry state, its slots) are other
 * objects and keep pushing through their methods. {@code boolean}s share the {@code int} stack,
 * as {@code 1} and {@code 0}, exactly as {@link dev.fluxion.Tape#pushBoolean} stores them; a method
 * that records a {@code long} (two ints, by the tape's methods) keeps its int stack on the tape.
 * References always go through the tape.
 */
final class TapeCursor {
  /** The precedence of {@code !=}, the outermost operator of a boolean's pop. */
  private static final int EQUALITY = 8;

  private final Var tape;
  private final String tapeName;
  private final Map<Primitive, String[]> locals = new EnumMap<>(Primitive.class);

  private TapeCursor(Var tape, String tapeName) {
    this.tape = tape;
    this.tapeName = tapeName;
  }

  /**
   * The cursor for a method, or null when it records nothing on its tape parameter.
   *
   * @param method the method
   * @param taken the names the method's code already uses
   * @param names the Java name of each variable
   * @return the cursor, or null
   */
  static TapeCursor of(IrMethod method, Set<String> taken, Function<Var, String> names) {
    Map<Var, Set<Primitive>> kindsByTape = new java.util.HashMap<>();
    Set<Var> escaped = new HashSet<>();
    Activity.forEachStatement(method.body(), s -> {
      Expr value = Stmt.evaluated(s);
      if (s instanceof Stmt.Push push && push.value().type() instanceof Primitive p) {
        kindsByTape.computeIfAbsent(push.tape(), k -> new HashSet<>()).add(p);
      } else if (value instanceof Expr.Pop pop && pop.type() instanceof Primitive p) {
        kindsByTape.computeIfAbsent(pop.tape(), k -> new HashSet<>()).add(p);
      }
      // Reassigned, or copied into another variable whose pushes the cursor would not see.
      Var target = Stmt.assigned(s);
      if (target != null) {
        escaped.add(target);
      }
      if (value instanceof Var copied) {
        escaped.add(copied);
      }
    });
    Var tape = null;
    for (Var p : method.parameters()) {
      if (kindsByTape.containsKey(p) && !escaped.contains(p)) {
        tape = p;
      }
    }
    if (tape == null || !recordsInLoop(method.body(), tape, false)) {
      return null; // straight-line pushes gain nothing from locals that cost a read and a write
    }
    Set<Primitive> kinds = kindsByTape.get(tape);
    TapeCursor cursor = new TapeCursor(tape, names.apply(tape));
    if (kinds.contains(Primitive.BOOLEAN)) {
      kinds.add(Primitive.INT);
    }
    if (kinds.contains(Primitive.LONG)) {
      kinds.remove(Primitive.INT);
    }
    for (Primitive kind : List.of(Primitive.DOUBLE, Primitive.INT)) {
      if (kinds.contains(kind)) {
        String stem = cursor.tapeName + (kind == Primitive.DOUBLE ? "Doubles" : "Ints");
        cursor.locals.put(kind, new String[] {fresh(stem, taken), fresh(stem + "Count", taken)});
      }
    }
    return cursor.locals.isEmpty() ? null : cursor;
  }

  /** Whether a push or pop on the tape lies inside a loop of the block. */
  private static boolean recordsInLoop(Block block, Var tape, boolean inLoop) {
    for (Stmt s : block.statements()) {
      boolean uses = s instanceof Stmt.Push push && push.tape().equals(tape)
          || Stmt.evaluated(s) instanceof Expr.Pop pop && pop.tape().equals(tape);
      if (uses && inLoop
          || s instanceof Stmt.If branch && (recordsInLoop(branch.then(), tape, inLoop)
              || recordsInLoop(branch.otherwise(), tape, inLoop))
          || s instanceof Stmt.Loop loop && recordsInLoop(loop.body(), tape, true)
          || s instanceof Stmt.Repeat repeat && recordsInLoop(repeat.body(), tape, true)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a push or pop of this type on this tape goes through the local storage. */
  boolean covers(Var onTape, Object type) {
    if (!tape.equals(onTape)) {
      return false;
    }
    Primitive kind = type == Primitive.BOOLEAN ? Primitive.INT
        : type instanceof Primitive p ? p : null;
    return kind != null && locals.containsKey(kind);
  }

  /** Declares the locals from the tape: the first statements of the method. */
  void open(CodeBlock.Builder code) {
    locals.forEach((kind, names) -> code
        .addStatement("$L[] $N = $N.$L()", kind.keyword(), names[0], tapeName, storage(kind))
        .addStatement("int $N = $N.$L()", names[1], tapeName, count(kind)));
  }

  /** Hands the counts back to the tape, before a statement that gives it away or returns. */
  void handBack(CodeBlock.Builder code) {
    locals.forEach((kind, names) ->
        code.addStatement("$N.$L($N)", tapeName, count(kind), names[1]));
  }

  /** Reads storage and counts again after a call that used the tape (it may have grown it). */
  void takeBack(CodeBlock.Builder code) {
    locals.forEach((kind, names) -> code
        .addStatement("$N = $N.$L()", names[0], tapeName, storage(kind))
        .addStatement("$N = $N.$L()", names[1], tapeName, count(kind)));
  }

  /** Writes a push of {@code value}, whose type {@link #covers} answered for. */
  void push(Primitive kind, CodeBlock value, CodeBlock.Builder code) {
    String[] names = locals.get(kind == Primitive.BOOLEAN ? Primitive.INT : kind);
    code.addStatement("$N = $N.room($N, $N)", names[0], tapeName, names[0], names[1]);
    if (kind == Primitive.BOOLEAN) {
      code.addStatement("$N[$N++] = $L ? 1 : 0", names[0], names[1], value);
    } else {
      code.addStatement("$N[$N++] = $L", names[0], names[1], value);
    }
  }

  /** Writes a pop whose value is not used. */
  void discard(Primitive kind, CodeBlock.Builder code) {
    code.addStatement("$N--", locals.get(kind == Primitive.BOOLEAN ? Primitive.INT : kind)[1]);
  }

  /** A pop, as an expression. */
  JavaExpr pop(Primitive kind) {
    if (kind == Primitive.BOOLEAN) {
      String[] names = locals.get(Primitive.INT);
      return new JavaExpr(CodeBlock.of("$N[--$N] != 0", names[0], names[1]), EQUALITY);
    }
    String[] names = locals.get(kind);
    return new JavaExpr(CodeBlock.of("$N[--$N]", names[0], names[1]), JavaExpr.PRIMARY);
  }

  /** Whether a statement gives the tape to a call: the counts must be on the tape by then. */
  boolean givesAway(Stmt s) {
    return Stmt.evaluated(s) instanceof Expr.Call call && call.arguments().contains(tape);
  }

  private static String storage(Primitive kind) {
    return kind == Primitive.DOUBLE ? "doubles" : "ints";
  }

  private static String count(Primitive kind) {
    return kind == Primitive.DOUBLE ? "doubleCount" : "intCount";
  }

  private static String fresh(String stem, Set<String> taken) {
    String name = stem;
    for (int i = 2; taken.contains(name); i++) {
      name = stem + i;
    }
    taken.add(name);
    return name;
  }
}
