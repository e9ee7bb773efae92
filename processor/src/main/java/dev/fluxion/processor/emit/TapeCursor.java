package dev.fluxion.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.fluxion.processor.analysis.Activity;
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
 * <p>Only a method whose pushes and pops all use one tape, a parameter it never reassigns, gets a
 * cursor; others (checkpointed loops switch between tapes) push through the tape's methods.
 * {@code boolean}, {@code long} and reference values always do.
 */
final class TapeCursor {
  private final Var tape;
  private final String tapeName;
  private final Map<Primitive, String[]> locals = new EnumMap<>(Primitive.class);

  private TapeCursor(Var tape, String tapeName) {
    this.tape = tape;
    this.tapeName = tapeName;
  }

  /**
   * The cursor for a method, or null when it pushes nothing worth one or uses more than one tape.
   *
   * @param method the method
   * @param taken the names the method's code already uses
   * @param names the Java name of each variable
   * @return the cursor, or null
   */
  static TapeCursor of(IrMethod method, Set<String> taken, Function<Var, String> names) {
    Set<Var> tapes = new HashSet<>();
    Set<Primitive> kinds = new HashSet<>();
    Set<Var> assigned = new HashSet<>();
    Activity.forEachStatement(method.body(), s -> {
      if (s instanceof Stmt.Push push) {
        tapes.add(push.tape());
        if (push.value().type() instanceof Primitive p) {
          kinds.add(p);
        }
      }
      Expr value = Stmt.evaluated(s);
      if (value instanceof Expr.Pop pop) {
        tapes.add(pop.tape());
        if (pop.type() instanceof Primitive p) {
          kinds.add(p);
        }
      }
      Var target = Stmt.assigned(s);
      if (target != null) {
        assigned.add(target);
      }
    });
    if (tapes.size() != 1) {
      return null;
    }
    Var tape = tapes.iterator().next();
    if (!method.parameters().contains(tape) || assigned.contains(tape)) {
      return null;
    }
    TapeCursor cursor = new TapeCursor(tape, names.apply(tape));
    // Booleans and longs are stored on the int stack by the tape's own methods, which keep their
    // count in the tape: the int stack stays there too when they are used.
    if (kinds.contains(Primitive.BOOLEAN) || kinds.contains(Primitive.LONG)) {
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

  /** Whether values of this type go through the local storage. */
  boolean covers(Object type) {
    return type instanceof Primitive p && locals.containsKey(p);
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
    String[] names = locals.get(kind);
    code.addStatement("$N = $N.room($N, $N)", names[0], tapeName, names[0], names[1]);
    code.addStatement("$N[$N++] = $L", names[0], names[1], value);
  }

  /** Writes a pop whose value is not used. */
  void discard(Primitive kind, CodeBlock.Builder code) {
    code.addStatement("$N--", locals.get(kind)[1]);
  }

  /** A pop, as an expression. */
  CodeBlock pop(Primitive kind) {
    String[] names = locals.get(kind);
    return CodeBlock.of("$N[--$N]", names[0], names[1]);
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
