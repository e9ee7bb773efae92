package dev.fluxion.processor.transform;

import dev.fluxion.processor.analysis.Activity;
import dev.fluxion.processor.ir.ArrayType;
import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.BinaryOp;
import dev.fluxion.processor.ir.Block;
import dev.fluxion.processor.ir.Callee;
import dev.fluxion.processor.ir.Const;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.NoValue;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.Var;
import dev.fluxion.processor.lower.NameAllocator;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the forward sweep of a reverse-mode method: the primal's statements, plus what the
 * reverse sweep will need.
 *
 * <ul>
 *   <li>Every variable declared inside a branch or loop is declared before it instead, since the
 *       reverse sweep reads it again after the forward sweep has left that block. It starts at
 *       zero because Java cannot see that the reverse sweep reads only what was assigned.
 *   <li>Before an overwrite the {@link Recording} names, the old value is pushed on the tape.
 *   <li>Each loop counts its iterations and pushes the count after it; a checkpointed loop
 *       stores its entry state instead and runs recording nothing ({@link CheckpointedLoop}).
 *   <li>Each active array gets its adjoint array (its shadow), created and assigned alongside it,
 *       so that shadows share storage exactly as the arrays do.
 *   <li>Before a call that may overwrite an array argument, the argument's contents are saved.
 *   <li>A new array (or adjoint array) outside loops that cannot outlive the call is taken from
 *       the tape's scratch arrays instead of allocated ({@link ScratchArrays}).
 * </ul>
 */
final class ForwardSweep {
  private final ReverseContext context;

  ForwardSweep(ReverseContext context) {
    this.context = context;
  }

  /** The forward sweep of the primal's top-level statements. */
  Block build(List<Stmt> statements) {
    Block.Builder out = new Block.Builder();
    for (Stmt s : statements) {
      if (s instanceof Stmt.If || s instanceof Stmt.Loop) {
        List<Var> hoisted = new ArrayList<>();
        Block.Builder inner = new Block.Builder();
        statement(s, inner, hoisted, 0);
        for (Var v : hoisted) {
          out.add(new Stmt.Declare(v, v.type() instanceof Primitive p ? Const.zeroOf(p) : null));
        }
        out.addAll(inner.build());
      } else {
        statement(s, out, null, 0);
      }
    }
    return out.build();
  }

  /**
   * One iteration of a top-level loop's body, with the tape and recording the context has now;
   * the variables it declares are added to {@code hoisted}.
   */
  Block iteration(Block body, List<Var> hoisted) {
    return block(body, hoisted, 1);
  }

  private Block block(Block block, List<Var> hoisted, int loops) {
    Block.Builder out = new Block.Builder();
    for (Stmt s : block.statements()) {
      statement(s, out, hoisted, loops);
    }
    return out.build();
  }

  private void statement(Stmt s, Block.Builder out, List<Var> hoisted, int loops) {
    Var tape = context.tape();
    if (s instanceof Stmt.Marker) {
      return;
    }
    if (s instanceof Stmt.Let let) {
      boolean undone = context.rematerialization().undoes(let);
      assign(let.target(), let.value(), true, out, hoisted, loops,
          !undone && records(let.target(), loops));
    } else if (s instanceof Stmt.Set set) {
      // A counter step or a loop's exit test, which the reverse sweep redoes, is not recorded.
      boolean undone = context.rematerialization().undoes(set);
      assign(set.target(), set.value(), false, out, hoisted, loops,
          !undone && records(set.target(), loops));
    } else if (s instanceof Stmt.Declare declare) {
      List<Var> declared = new ArrayList<>();
      declared.add(declare.target());
      if (declare.target().type() instanceof ArrayType && context.activity().isActive(declare.target())) {
        declared.add(context.shadow(declare.target()));
      }
      for (Var v : declared) {
        if (hoisted != null) {
          hoisted.add(v);
        } else {
          // Zero, not unassigned: a value assigned only on paths that leave a loop early is
          // assigned for certain, but not in a way javac can see.
          out.add(new Stmt.Declare(v, v.type() instanceof Primitive p ? Const.zeroOf(p) : null));
        }
      }
    } else if (s instanceof Stmt.ArrayWrite write) {
      boolean rowOfActive = write.value().type() instanceof ArrayType
          && context.activity().isActive(write.array());
      Var shadowMatrix = rowOfActive ? context.shadow((Var) write.array()) : null;
      if (context.recordsElementsOf(write.array())) {
        Var old = context.temp(((ArrayType) write.array().type()).component());
        out.add(new Stmt.Let(old, new Expr.ArrayRead(write.array(), write.index(), old.type())));
        out.add(new Stmt.Push(tape, old));
        if (rowOfActive) {
          Var oldShadow = context.temp(old.type());
          out.add(new Stmt.Let(oldShadow, new Expr.ArrayRead(shadowMatrix, write.index(), old.type())));
          out.add(new Stmt.Push(tape, oldShadow));
        }
      }
      out.add(write);
      if (rowOfActive) {
        out.add(new Stmt.ArrayWrite(shadowMatrix, write.index(), context.shadow((Var) write.value())));
      }
    } else if (s instanceof Stmt.If branch) {
      out.add(new Stmt.If(branch.condition(), block(branch.then(), hoisted, loops),
          block(branch.otherwise(), hoisted, loops)));
    } else if (s instanceof Stmt.Loop loop && loop.checkpointed()) {
      out.addAll(new CheckpointedLoop(context, loop).forward(hoisted));
    } else if (s instanceof Stmt.Loop loop && context.rematerialization().counted(loop) != null) {
      // The reverse sweep works out the trip count from the bounds: nothing to count or record.
      out.add(new Stmt.Loop(loop.label(),
          block(loop.body(), hoisted == null ? new ArrayList<>() : hoisted, loops + 1)));
    } else if (s instanceof Stmt.Loop loop) {
      Var count = context.loopCounter();
      if (hoisted != null) {
        hoisted.add(count);
        out.add(new Stmt.Set(count, new Const(0, Primitive.INT)));
      } else {
        out.add(new Stmt.Let(count, new Const(0, Primitive.INT)));
      }
      Block.Builder body = new Block.Builder();
      body.add(new Stmt.Set(count,
          new Expr.Binary(BinaryOp.ADD, count, new Const(1, Primitive.INT), Primitive.INT)));
      body.addAll(block(loop.body(), hoisted == null ? new ArrayList<>() : hoisted, loops + 1));
      out.add(new Stmt.Loop(loop.label(), body.build()));
      out.add(new Stmt.Push(tape, count));
    } else if (s instanceof Stmt.Eval eval) {
      saveWrittenArguments(eval.value(), out);
      out.add(eval);
    } else {
      out.add(s);
    }
  }

  /** Whether an assignment inside {@code loops} loops pushes the old value of {@code target}. */
  private boolean records(Var target, int loops) {
    return loops > 0 && context.recording().records(target);
  }

  /**
   * An assignment, with what comes before it (pushes, saves) and after it (the shadow). A
   * declaration inside a block ({@code isLet} with {@code hoisted} given) becomes an assignment
   * to a variable declared before the top-level statement. A new array outside loops may come
   * from the tape's scratch arrays ({@link ScratchArrays}).
   */
  private void assign(Var target, Expr value, boolean isLet, Block.Builder out, List<Var> hoisted,
      int loops, boolean record) {
    boolean declare = isLet && hoisted == null;
    boolean hoist = isLet && hoisted != null;
    Var tape = context.tape();
    Activity activity = context.activity();
    boolean array = target.type() instanceof ArrayType && activity.isActive(target);
    if (record) {
      out.add(new Stmt.Push(tape, target));
      if (array) {
        out.add(new Stmt.Push(tape, context.shadow(target)));
      }
    }
    saveWrittenArguments(value, out);
    ScratchArrays scratch = context.scratchArrays();
    Expr stored = target.type() instanceof ArrayType
        ? scratch.primal(target, value, loops, context) : value;
    if (declare) {
      out.add(new Stmt.Let(target, stored));
    } else {
      if (hoist) {
        hoisted.add(target);
      }
      out.add(new Stmt.Set(target, stored));
    }
    if (array && value instanceof Expr.Call call
        && (call.callee() instanceof Callee.Primal || call.callee() instanceof Callee.Custom)) {
      // A callee that hands back one of its argument arrays would give one array two shadows.
      for (Atom a : call.arguments()) {
        if (a.type() instanceof ArrayType) {
          out.add(new Stmt.Eval(new Expr.Call(new Callee.Runtime("requireFresh"), null,
              List.of(target, a), NoValue.VOID)));
        }
      }
    }
    if (array) {
      Var shadow = context.shadow(target);
      Expr shadowValue = scratch.shadow(target, shadowValue(target, value), loops, context);
      if (declare) {
        out.add(new Stmt.Let(shadow, shadowValue));
      } else {
        if (hoist) {
          hoisted.add(shadow);
        }
        out.add(new Stmt.Set(shadow, shadowValue));
      }
    }
  }

  /** The adjoint array of a new array value: zeros shaped like it, or the shadow it shares. */
  private Expr shadowValue(Var target, Expr value) {
    ArrayType type = (ArrayType) target.type();
    if (value instanceof Var source) {
      return context.shadow(source);
    }
    if (value instanceof Expr.ArrayRead read) {
      return new Expr.ArrayRead(context.shadow((Var) read.array()), read.index(), type);
    }
    if (value instanceof Expr.NewArray fresh) {
      return fresh;
    }
    if (value instanceof Expr.ArrayLiteral literal && type.rank() == 2) {
      List<Atom> rows = new ArrayList<>();
      for (Atom row : literal.elements()) {
        rows.add(context.shadow((Var) row));
      }
      return new Expr.ArrayLiteral(type, rows);
    }
    if (value instanceof Expr.ArrayLiteral literal) {
      return new Expr.NewArray(type, List.of(new Const(literal.elements().size(), Primitive.INT)));
    }
    return new Expr.Call(new Callee.Runtime("zerosLike"), null, List.of(target), type);
  }

  /** Before a call that may overwrite an array argument, push the argument's contents. */
  private void saveWrittenArguments(Expr value, Block.Builder out) {
    for (Atom a : context.writtenArguments(value)) {
      out.add(new Stmt.Eval(new Expr.Call(new Callee.Runtime("save"), null,
          List.of(context.tape(), a), NoValue.VOID)));
    }
  }
}
