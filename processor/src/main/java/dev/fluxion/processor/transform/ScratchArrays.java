package dev.fluxion.processor.transform;

import dev.fluxion.processor.analysis.Activity;
import dev.fluxion.processor.analysis.ArrayFamilies;
import dev.fluxion.processor.ir.ArrayType;
import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.Block;
import dev.fluxion.processor.ir.Callee;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.IrMethod;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Reference;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.Var;
import dev.fluxion.processor.lower.NameAllocator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which {@code new double[…]} of a generated block, or adjoint array made by
 * {@code Adjoints.zerosLike}, may take its array from the tape's scratch arrays
 * ({@code tape.zeros(k, d)}, {@code tape.zerosLike(a)}) instead, so that a warm gradient or
 * tangent call allocates nothing. Reverse blocks ask while their forward sweep is written
 * ({@link ForwardSweep}); forward blocks get a primal with its arrays already lent
 * ({@link #lentInForwardMode}); second order inherits the reverse block's loans, and the forward
 * transform gives a loan's tangent as another loan.
 *
 * <p>The tape lends an array until the block returns, then lends it again, zeroed, to the next
 * call: so an array qualifies only if nothing can reach it once the block has returned. Arrays
 * travel with their family ({@link ArrayFamilies}: copies, rows, matrix literals), so the
 * question is asked of families. A family keeps its primal arrays {@code new} when a member
 * <ul>
 *   <li>is a parameter (a row may be stored into the caller's matrix),
 *   <li>is returned,
 *   <li>comes from a call or a field (a matrix the block does not own, into which a row may be
 *       stored), or
 *   <li>is passed to a method other than a {@code @Differentiable} one with a {@code double}
 *       result (a plain or registered method may keep it; a differentiable one returning an
 *       array may hand it back).
 * </ul>
 * Shadows (adjoint arrays) are never returned and never reach plain methods, but reach registered
 * pullbacks; a family keeps its shadows {@code new} when a member is a parameter (whose shadow is
 * the caller's) or is passed to a registered method.
 *
 * <p>Only allocations outside every loop qualify: each runs at most once per call, so the tape
 * keeps one array per allocation, not one per iteration. The decision is conservative; when it
 * says no, the code is as before.
 */
public final class ScratchArrays {
  private final ArrayFamilies families;
  private final Set<Var> keepPrimal = new HashSet<>();
  private final Set<Var> keepShadow = new HashSet<>();

  private ScratchArrays(ArrayFamilies families) {
    this.families = families;
  }

  /**
   * Decides for the arrays of one method.
   *
   * @param primal the lowered primal
   * @param activity its activity analysis, for the array families
   * @return the decisions
   */
  public static ScratchArrays of(IrMethod primal, Activity activity) {
    ScratchArrays scratch = new ScratchArrays(activity.families());
    for (Var p : primal.parameters()) {
      scratch.keepBoth(p);
    }
    Activity.forEachStatement(primal.body(), scratch::visit);
    return scratch;
  }

  private void visit(Stmt s) {
    if (s instanceof Stmt.Return ret) {
      keepPrimal(ret.value());
      return;
    }
    Var target = Stmt.assigned(s);
    Expr value = Stmt.evaluated(s);
    if (target != null && (value instanceof Expr.Call || value instanceof Expr.FieldRead)) {
      keepPrimal(target);
    }
    if (value instanceof Expr.Call call) {
      boolean mayKeep = !(call.callee() instanceof Callee.Primal)
          || !(call.type() instanceof Primitive);
      boolean pullbackSees = call.callee() instanceof Callee.Custom
          || call.callee() instanceof Callee.Registered;
      for (Atom a : call.operands()) {
        if (mayKeep) {
          keepPrimal(a);
        }
        if (pullbackSees) {
          keepBoth(a);
        }
      }
    }
  }

  private void keepPrimal(Atom a) {
    if (a instanceof Var v && v.type() instanceof ArrayType) {
      keepPrimal.add(families.node(v));
    }
  }

  private void keepBoth(Atom a) {
    keepPrimal(a);
    if (a instanceof Var v && v.type() instanceof ArrayType) {
      keepShadow.add(families.node(v));
    }
  }

  /**
   * The value to assign {@code target} in place of {@code value}: a loan from the tape when
   * {@code value} is a {@code new} array (or zeros shaped like an array) that qualifies, else
   * {@code value} itself.
   *
   * @param target the primal array assigned
   * @param value its value
   * @param loops how many loops the assignment is in
   * @param context the block's context, which opens the scratch frame on first use
   * @return the value to assign
   */
  Expr primal(Var target, Expr value, int loops, ReverseContext context) {
    return lend(value, loops == 0 && !keepPrimal.contains(families.node(target)),
        context::scratchTape);
  }

  /**
   * Likewise for the shadow of {@code target}, whose value is {@code value}.
   *
   * @param target the primal array whose shadow is assigned
   * @param value the shadow's value
   * @param loops how many loops the assignment is in
   * @param context the block's context
   * @return the value to assign the shadow
   */
  Expr shadow(Var target, Expr value, int loops, ReverseContext context) {
    return lend(value, loops == 0 && !keepShadow.contains(families.node(target)),
        context::scratchTape);
  }

  /**
   * The primal with its qualifying {@code new} arrays taken from {@code tape} in a frame of its
   * own, for forward mode: the forward transform gives a loan's tangent as another loan. A
   * tangent goes wherever its array goes, so it is lent exactly when the array is.
   *
   * @param primal the lowered primal, whose only {@code return} is its last statement
   * @param tape the forward block's tape parameter
   * @param names names for the frame variable
   * @return the primal, or a copy that takes its arrays from the tape
   */
  public IrMethod lentInForwardMode(IrMethod primal, Var tape, NameAllocator names) {
    boolean[] lent = new boolean[1];
    Block body = outsideLoops(primal.body(), tape, lent);
    if (!lent[0]) {
      return primal;
    }
    Var frame = new Var(names.fresh("frame"), Primitive.INT, Var.Kind.DERIVED);
    List<Stmt> statements = new ArrayList<>(body.statements());
    statements.add(0, open(tape, frame));
    statements.add(statements.size() - 1, close(tape, frame));
    return new IrMethod(primal.name(), primal.parameters(), primal.returnType(),
        new Block(statements));
  }

  /** A block with the qualifying allocations outside loops lent by {@code tape}. */
  private Block outsideLoops(Block block, Var tape, boolean[] lent) {
    Block.Builder out = new Block.Builder();
    Supplier<Var> lender = () -> {
      lent[0] = true;
      return tape;
    };
    for (Stmt s : block.statements()) {
      Var target = Stmt.assigned(s);
      if (target != null && target.type() instanceof ArrayType) {
        Expr value = lend(Stmt.evaluated(s), !keepPrimal.contains(families.node(target)), lender);
        out.add(s instanceof Stmt.Let ? new Stmt.Let(target, value) : new Stmt.Set(target, value));
      } else if (s instanceof Stmt.If branch) {
        out.add(new Stmt.If(branch.condition(), outsideLoops(branch.then(), tape, lent),
            outsideLoops(branch.otherwise(), tape, lent)));
      } else {
        out.add(s);
      }
    }
    return out.build();
  }

  private static Expr lend(Expr value, boolean qualifies, Supplier<Var> lender) {
    if (!qualifies) {
      return value;
    }
    if (value instanceof Expr.NewArray fresh && fresh.type().element() == Primitive.DOUBLE
        && fresh.dimensions().size() == fresh.type().rank()) {
      Var tape = lender.get();
      return new Expr.Call(tapeMethod(tape, "zeros"), tape, fresh.dimensions(), fresh.type());
    }
    if (value instanceof Expr.Call call && call.callee() instanceof Callee.Runtime runtime
        && runtime.name().equals("zerosLike")) {
      Var tape = lender.get();
      return new Expr.Call(tapeMethod(tape, "zerosLike"), tape, call.arguments(), call.type());
    }
    return value;
  }

  /**
   * Tells whether an expression is a loan from the tape: a {@code new} array in all but how it
   * is allocated, which forward mode gives a tangent of the same kind.
   *
   * @param value an expression
   * @return {@code true} for {@code tape.zeros(…)} and {@code tape.zerosLike(…)}
   */
  static boolean isLoan(Expr value) {
    return value instanceof Expr.Call call && call.callee() instanceof Callee.Plain plain
        && !plain.isStatic() && (plain.name().equals("zeros") || plain.name().equals("zerosLike"))
        && call.receiver() instanceof Var v
        && v.kind() == Var.Kind.DERIVED && call.type() instanceof ArrayType;
  }

  /** {@code int frame = tape.openScratch();}. */
  static Stmt open(Var tape, Var frame) {
    return new Stmt.Let(frame, new Expr.Call(tapeMethod(tape, "openScratch"), tape, List.of(),
        Primitive.INT));
  }

  /** {@code tape.closeScratch(frame);}. */
  static Stmt close(Var tape, Var frame) {
    return new Stmt.Eval(new Expr.Call(tapeMethod(tape, "closeScratch"), tape, List.of(frame),
        dev.fluxion.processor.ir.NoValue.VOID));
  }

  private static Callee.Plain tapeMethod(Var tape, String name) {
    return new Callee.Plain((Reference) tape.type(), name, false);
  }
}
