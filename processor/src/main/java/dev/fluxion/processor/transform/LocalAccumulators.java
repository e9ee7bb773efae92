package dev.fluxion.processor.transform;

import dev.fluxion.processor.analysis.Activity;
import dev.fluxion.processor.ir.ArrayType;
import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.BinaryOp;
import dev.fluxion.processor.ir.Block;
import dev.fluxion.processor.ir.Const;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.Var;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An adjoint element that a reversed loop adds to in every iteration at the same index, kept in a
 * local variable for the loop: read once before it, written once after it. In a lower-triangular
 * product {@code q[l] += L[lower] * x[j]} the inner loop's reverse adds to {@code xBar[j]} for
 * every {@code l}; stored back each time, each addition waits for the previous one's store to
 * reach memory, and the JIT cannot keep the element in a register because another array the loop
 * writes might be the same array. A hand-written adjoint sums into a local; so does this.
 *
 * <p>It applies to the shadow of a local array that only {@code new} creates and no other variable
 * refers to (so no other name reaches its storage), in a reversed loop ({@link Stmt.Repeat}) that
 * reads and writes that shadow only at one index, which the loop does not assign. Every read of
 * the element becomes a read of the local and every write an assignment of it, in the same order,
 * so the sums are the same to the last bit. The element is read before the loop and written after
 * it only when the index is within the array: a loop that does not run may have an index that is
 * not (and the original loop, which would not touch it, could not fail); a loop that does touch
 * it has one, since the forward sweep read or wrote the primal array, of the same length, there.
 */
final class LocalAccumulators {
  private final Set<Var> shadows;
  private final Function<Var, Var> accumulatorFor;
  private final Supplier<Var> booleans;
  private final Supplier<Var> ints;

  /**
   * Prepares the rewrite.
   *
   * @param shadows the shadows it may keep in locals: of local arrays that only {@code new}
   *     creates and that are their array family's only variable
   * @param accumulatorFor a fresh {@code double} variable named after a shadow
   * @param booleans fresh boolean temporaries
   * @param ints fresh int temporaries
   */
  LocalAccumulators(Set<Var> shadows, Function<Var, Var> accumulatorFor, Supplier<Var> booleans,
      Supplier<Var> ints) {
    this.shadows = shadows;
    this.accumulatorFor = accumulatorFor;
    this.booleans = booleans;
    this.ints = ints;
  }

  /**
   * The shadows this rewrite may apply to, for a method's primal.
   *
   * @param body the primal body
   * @param parameters its parameters
   * @param activity its activity (for the array families)
   * @param shadowOf the shadow of each array variable that has one
   * @return the shadows of local {@code double[]} arrays that are their family's only variable
   *     and that only {@code new} assigns
   */
  static Set<Var> candidates(Block body, List<Var> parameters, Activity activity,
      Map<Var, Var> shadowOf) {
    Map<Var, List<Var>> members = new LinkedHashMap<>();
    Map<Var, Boolean> onlyNew = new LinkedHashMap<>();
    for (Var p : parameters) {
      if (p.type() instanceof ArrayType) {
        members.computeIfAbsent(activity.families().node(p), k -> new ArrayList<>()).add(p);
        onlyNew.put(p, false);
      }
    }
    Activity.forEachStatement(body, s -> {
      Var target = s instanceof Stmt.Declare declare ? declare.target() : Stmt.assigned(s);
      if (target == null || !(target.type() instanceof ArrayType)) {
        return;
      }
      List<Var> family =
          members.computeIfAbsent(activity.families().node(target), k -> new ArrayList<>());
      if (!family.contains(target)) {
        family.add(target);
      }
      boolean fresh = s instanceof Stmt.Declare || Stmt.evaluated(s) instanceof Expr.NewArray;
      onlyNew.merge(target, fresh, Boolean::logicalAnd);
    });
    Set<Var> result = new HashSet<>();
    shadowOf.forEach((array, shadow) -> {
      List<Var> family = members.get(activity.families().node(array));
      if (array.type() instanceof ArrayType t && t.rank() == 1 && t.element() == Primitive.DOUBLE
          && family != null && family.equals(List.of(array))
          && onlyNew.getOrDefault(array, false)) {
        result.add(shadow);
      }
    });
    return result;
  }

  /**
   * Rewrites every reversed loop of a block, innermost first.
   *
   * @param block a reverse sweep
   * @return the block with accumulators
   */
  Block apply(Block block) {
    Block.Builder out = new Block.Builder();
    for (Stmt s : block.statements()) {
      if (s instanceof Stmt.If branch) {
        out.add(new Stmt.If(branch.condition(), apply(branch.then()), apply(branch.otherwise())));
      } else if (s instanceof Stmt.Loop loop) {
        out.add(new Stmt.Loop(loop.label(), apply(loop.body()), loop.snapshots()));
      } else if (s instanceof Stmt.Repeat repeat) {
        Stmt.Repeat inner = new Stmt.Repeat(repeat.counter(), repeat.count(), apply(repeat.body()));
        accumulate(inner, out);
      } else {
        out.add(s);
      }
    }
    return out.build();
  }

  /** Writes the loop with each shadow element it qualifies for kept in a local. */
  private void accumulate(Stmt.Repeat loop, Block.Builder out) {
    Map<Var, Atom> elements = new LinkedHashMap<>();
    for (Var shadow : shadows) {
      Atom index = soleIndex(loop.body(), shadow);
      if (index != null) {
        elements.put(shadow, index);
      }
    }
    if (elements.isEmpty()) {
      out.add(loop);
      return;
    }
    Map<Var, Var> locals = new LinkedHashMap<>();
    Map<Var, Var> inBounds = new LinkedHashMap<>();
    Block body = loop.body();
    for (Map.Entry<Var, Atom> e : elements.entrySet()) {
      Var shadow = e.getKey();
      Atom index = e.getValue();
      Var local = accumulatorFor.apply(shadow);
      Var ok = inBounds(shadow, index, out);
      out.add(new Stmt.Declare(local, Const.ZERO));
      out.add(new Stmt.If(ok, new Block(List.of(new Stmt.Set(local,
          new Expr.ArrayRead(shadow, index, Primitive.DOUBLE)))), new Block(List.of())));
      body = replace(body, shadow, local);
      locals.put(shadow, local);
      inBounds.put(shadow, ok);
    }
    out.add(new Stmt.Repeat(loop.counter(), loop.count(), body));
    locals.forEach((shadow, local) -> out.add(new Stmt.If(inBounds.get(shadow),
        new Block(List.of(new Stmt.ArrayWrite(shadow, elements.get(shadow), local))),
        new Block(List.of()))));
  }

  /** {@code 0 <= index && index < shadow.length}, as a boolean variable. */
  private Var inBounds(Var shadow, Atom index, Block.Builder out) {
    Var length = ints.get();
    Var nonNegative = booleans.get();
    Var below = booleans.get();
    Var ok = booleans.get();
    out.add(new Stmt.Let(length, new Expr.ArrayLength(shadow)));
    out.add(new Stmt.Let(nonNegative,
        new Expr.Binary(BinaryOp.GE, index, new Const(0, Primitive.INT), Primitive.BOOLEAN)));
    out.add(new Stmt.Let(below, new Expr.Binary(BinaryOp.LT, index, length, Primitive.BOOLEAN)));
    out.add(new Stmt.Let(ok, new Expr.Binary(BinaryOp.AND, nonNegative, below, Primitive.BOOLEAN)));
    return ok;
  }

  /**
   * The one index at which a loop body reads and writes a shadow, when it writes it at all, never
   * mentions it otherwise, and assigns neither the shadow nor the index; null otherwise.
   */
  private static Atom soleIndex(Block body, Var shadow) {
    Atom[] index = new Atom[1];
    boolean[] writes = new boolean[1];
    boolean[] other = new boolean[1];
    Set<Var> assigned = new HashSet<>();
    Activity.forEachStatement(body, s -> {
      Var target = s instanceof Stmt.Declare declare ? declare.target() : Stmt.assigned(s);
      if (target != null) {
        assigned.add(target);
      }
      if (s instanceof Stmt.Repeat repeat) {
        assigned.add(repeat.counter());
      }
      Expr value = Stmt.evaluated(s);
      if (s instanceof Stmt.ArrayWrite w && w.array().equals(shadow)) {
        writes[0] = true;
        other[0] |= !sameIndex(index, w.index()) || w.value().equals(shadow);
        return;
      }
      if (value instanceof Expr.ArrayRead read && read.array().equals(shadow)) {
        other[0] |= !sameIndex(index, read.index());
        return;
      }
      other[0] |= mentions(s, shadow);
    });
    if (!writes[0] || other[0] || assigned.contains(shadow)
        || index[0] instanceof Var v && assigned.contains(v)) {
      return null;
    }
    return index[0];
  }

  private static boolean sameIndex(Atom[] seen, Atom index) {
    if (seen[0] == null) {
      seen[0] = index;
      return true;
    }
    return seen[0].equals(index);
  }

  /** Whether a statement uses the variable in any other way (a call's argument, a copy, ...). */
  private static boolean mentions(Stmt s, Var v) {
    Expr value = Stmt.evaluated(s);
    if (value != null && (value.equals(v) || value.operands().contains(v))) {
      return true;
    }
    if (s instanceof Stmt.ArrayWrite w) {
      return w.index().equals(v) || w.value().equals(v);
    }
    if (s instanceof Stmt.Push push) {
      return push.value().equals(v);
    }
    if (s instanceof Stmt.If branch) {
      return branch.condition().equals(v);
    }
    return s instanceof Stmt.Return ret && ret.value().equals(v);
  }

  /** The body with the shadow's element read from and assigned to the local instead. */
  private static Block replace(Block block, Var shadow, Var local) {
    Block.Builder out = new Block.Builder();
    for (Stmt s : block.statements()) {
      if (s instanceof Stmt.ArrayWrite w && w.array().equals(shadow)) {
        out.add(new Stmt.Set(local, w.value()));
      } else if (s instanceof Stmt.Let let && let.value() instanceof Expr.ArrayRead read
          && read.array().equals(shadow)) {
        out.add(new Stmt.Let(let.target(), local));
      } else if (s instanceof Stmt.Set set && set.value() instanceof Expr.ArrayRead read
          && read.array().equals(shadow)) {
        out.add(new Stmt.Set(set.target(), local));
      } else if (s instanceof Stmt.If branch) {
        out.add(new Stmt.If(branch.condition(), replace(branch.then(), shadow, local),
            replace(branch.otherwise(), shadow, local)));
      } else if (s instanceof Stmt.Loop loop) {
        out.add(new Stmt.Loop(loop.label(), replace(loop.body(), shadow, local), loop.snapshots()));
      } else if (s instanceof Stmt.Repeat repeat) {
        out.add(new Stmt.Repeat(repeat.counter(), repeat.count(),
            replace(repeat.body(), shadow, local)));
      } else {
        out.add(s);
      }
    }
    return out.build();
  }
}
