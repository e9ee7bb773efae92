package dev.fluxion.processor.transform;

import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.BinaryOp;
import dev.fluxion.processor.ir.Block;
import dev.fluxion.processor.ir.Callee;
import dev.fluxion.processor.ir.Const;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A loop whose trip count and final counter value the reverse sweep works out from its bounds
 * instead of reading them from the tape: {@code for (w = start; w < bound; w++)} (or {@code <=}),
 * where the test is the loop's only way out, {@code w++} its only assignment of {@code w}, run
 * once by every iteration that passes the test, {@code bound} is not assigned in the loop, and
 * nothing outside the loop reads {@code w}.
 *
 * <p>Such a loop passes its test {@code max(0, bound − start)} times ({@code bound − start + 1}
 * for {@code <=}) and leaves {@code w} at {@code max(start, bound)} ({@code max(start, bound +
 * 1)}). A recorded loop instead pushes its trip count, and its counter's old value before {@code
 * w = start}, every time it runs: for a loop over the coordinates inside loops over points and
 * components, two pushes and two pops per run that a hand-written adjoint does not make. The
 * reverse sweep sets {@code w} to its final value before running the reversed iterations (which
 * step it back down), so no earlier value of {@code w} is needed: the forward sweep records
 * neither.
 *
 * @param counter the loop's counter {@code w}
 * @param start its value when the loop starts: a constant, or a variable the loop does not
 *     assign, which therefore holds it again when the reverse sweep reaches the loop
 * @param bound the test's right-hand side: a constant, a variable the loop does not assign, or
 *     the length of an array variable the loop does not assign (which the loop reads every
 *     iteration, as {@code i < x.length} is lowered)
 * @param inclusive whether the test is {@code <=} rather than {@code <}
 */
record CountedLoop(Var counter, Atom start, Expr bound, boolean inclusive) {

  /** The variables the reverse sweep reads to work out the count. */
  List<Var> operands() {
    List<Var> operands = new ArrayList<>();
    List<Atom> read = new ArrayList<>(bound.operands());
    if (bound instanceof Atom a) {
      read.add(a);
    }
    read.add(start);
    for (Atom a : read) {
      if (a instanceof Var v) {
        operands.add(v);
      }
    }
    return operands;
  }

  /**
   * The statements that start the loop's reverse: the counter set to its final value, then
   * {@code count} declared as the number of times the forward sweep entered the body (every
   * passed test and the failed one).
   *
   * @param count the variable to declare
   * @param temps fresh {@code int} temporaries
   * @return the statements
   */
  Block reverseEntry(Var count, Supplier<Var> temps) {
    Block.Builder out = new Block.Builder();
    Atom end;
    if (bound instanceof Atom a) {
      end = a;
    } else {
      Var length = temps.get();
      out.add(new Stmt.Let(length, bound));
      end = length;
    }
    if (inclusive) {
      Var next = temps.get();
      out.add(new Stmt.Let(next, new Expr.Binary(BinaryOp.ADD, end, one(), Primitive.INT)));
      end = next;
    }
    out.add(new Stmt.Set(counter, new Expr.Call(new Callee.MathFunction("java.lang.Math", "max"),
        null, List.of(start, end), Primitive.INT)));
    // count = counter − start + 1, folded for the usual starts 0 and 1.
    Object first = start instanceof Const c ? c.value() : null;
    if (Integer.valueOf(1).equals(first)) {
      out.add(new Stmt.Let(count, counter));
    } else if (Integer.valueOf(0).equals(first)) {
      out.add(new Stmt.Let(count, new Expr.Binary(BinaryOp.ADD, counter, one(), Primitive.INT)));
    } else {
      Var passes = temps.get();
      out.add(new Stmt.Let(passes, new Expr.Binary(BinaryOp.SUB, counter, start, Primitive.INT)));
      out.add(new Stmt.Let(count, new Expr.Binary(BinaryOp.ADD, passes, one(), Primitive.INT)));
    }
    return out.build();
  }

  private static Const one() {
    return new Const(1, Primitive.INT);
  }
}
