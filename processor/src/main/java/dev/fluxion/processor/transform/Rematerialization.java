package dev.fluxion.processor.transform;

import dev.fluxion.processor.analysis.Activity;
import dev.fluxion.processor.ir.ArrayType;
import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.BinaryOp;
import dev.fluxion.processor.ir.Block;
import dev.fluxion.processor.ir.Callee;
import dev.fluxion.processor.ir.Const;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.UnaryOp;
import dev.fluxion.processor.ir.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Values inside loops that the reverse sweep recomputes instead of recording: a cheap, pure
 * definition {@code v = e} — a read of an array that nothing writes from the read on, an array's
 * length, integer or {@code double} {@code + − ×}, negation, a cast, a copy — whose operands the
 * reverse sweep can see again with the values they had. Recording such a value costs a push and
 * a pop per iteration (for a row of a matrix, two references and the collector's write barriers);
 * recomputing it costs the load or the operation again, as a hand-written adjoint would.
 *
 * <p>The reverse sweep runs a loop body's statements backwards, and each recorded variable is
 * popped back to its previous value after its own statement is reversed. A rematerialised
 * {@code v}, defined once by a {@code Let} at the top level of a loop's block B, is instead set
 * again from {@code e} inside the reversed B, at a point where every operand of {@code e} holds the
 * value it had at the definition, and before any reversed statement reads {@code v}:
 *
 * <ul>
 *   <li>an operand not assigned anywhere in the innermost loop around B is the same throughout;
 *   <li>an operand assigned once at the top level of B after {@code v} (a loop counter's {@code
 *       i = i + 1}) is back to its old value right after that assignment is reversed: {@code v} is
 *       recomputed there, so no statement from that one on may read {@code v};
 *   <li>an operand defined in B before {@code v} must itself be rematerialised, and is recomputed
 *       first.
 * </ul>
 *
 * An array read {@code a[i]} is cheap and pure when no statement that can run after it writes
 * {@code a}'s family: every write of the family (or call that may write it) lies in a top-level
 * statement of the method before the one holding the read. The top level has no loop around it,
 * so those writes have all run before the read, and the reverse sweep undoes them (when it
 * restores the family at all) only after it has reversed the read's statement: the array holds the
 * same values at the read and at its recomputation. A table the method fills once and then reads
 * in a loop ({@code qdiags[c][j] = exp(…)} before the loop over points) is read again, not pushed.
 *
 * <p>A read of an array that a loop overwrites (a scratch array every iteration fills again, as
 * a Gaussian mixture's centred point) can be recomputed too when the forward sweep records the
 * family's writes instead: the reverse sweep then undoes every write in the reverse order of the
 * forward sweep, so when it reaches a read, every write made after the read has been undone —
 * provided no statement after the read in its own block writes the family (those are reversed
 * after the recomputation). Recording a write costs what recording a read does; {@link
 * #restoredFamilies} chooses the families whose reads, counted by loop depth, outnumber their
 * writes, and only families written element by element in methods without checkpointed loops.
 * Parameter families are recorded anyway (a gradient leaves its inputs as it found them).
 *
 * <p>Everything else keeps being recorded. The to-be-recorded analysis sees the recomputations' reads
 * (the dry run of the reverse sweep includes them), so an operand a recomputation needs, such as a
 * loop counter, is recorded when it has to be.
 */
final class Rematerialization {
  private static final Rematerialization NONE = new Rematerialization();

  /** The rematerialised variables, each with its definition, in the order of the primal. */
  private final Map<Var, Expr> definitions = new LinkedHashMap<>();

  /** After reversing this statement, recompute these variables (in order). */
  private final Map<Stmt, List<Var>> after = new IdentityHashMap<>();

  /** At the start of reversing this block's statements, recompute these variables. */
  private final Map<List<Stmt>, List<Var>> atStart = new IdentityHashMap<>();

  /** Counter steps {@code w = t} (t = w ± c) that the reverse sweep undoes by arithmetic. */
  private final Map<Stmt, Expr> inverses = new IdentityHashMap<>();

  /** The families whose writes are recorded so that reads of them can be recomputed. */
  private final Set<Var> restored = new HashSet<>();

  /** Exit tests {@code t = cond} of loops left only when they fail, by their loop. */
  private final Map<Stmt.Loop, Stmt> exitTests = new IdentityHashMap<>();

  /** Loops whose trip count and counter the reverse sweep works out, by their loop. */
  private final Map<Stmt.Loop, CountedLoop> counted = new IdentityHashMap<>();

  /** Their counters. */
  private final Set<Var> counters = new HashSet<>();

  private Rematerialization() {}

  /** Nothing rematerialised: every value a loop overwrites and the reverse sweep reads is recorded. */
  static Rematerialization none() {
    return NONE;
  }

  /**
   * Finds what a method's reverse sweep can recompute.
   *
   * @param body the primal body
   * @param activity its activity (for the array families)
   * @param parameters the method's parameters (their families' writes are recorded anyway)
   * @return the rematerialised variables and where each is recomputed
   */
  static Rematerialization of(Block body, Activity activity, List<Var> parameters) {
    Rematerialization r = new Rematerialization();
    Finder finder = new Finder(r, body, activity);
    finder.chooseRestored(body, parameters);
    finder.block(body, null);
    return r;
  }

  /**
   * The array families (by representative) whose element writes the forward sweep must record
   * and the reverse sweep undo, because reads of them are recomputed on that condition.
   */
  Set<Var> restoredFamilies() {
    return restored;
  }

  /** Whether the reverse sweep recomputes {@code v} instead of popping it. */
  boolean recomputes(Var v) {
    return definitions.containsKey(v);
  }

  /** The rematerialised variables. */
  Set<Var> variables() {
    return definitions.keySet();
  }

  /** The variables to recompute right after the reverse of {@code s}. */
  List<Var> after(Stmt s) {
    return after.getOrDefault(s, List.of());
  }

  /** The variables to recompute before the first reversed statement of {@code statements}. */
  List<Var> atStart(List<Stmt> statements) {
    return atStart.getOrDefault(statements, List.of());
  }

  /**
   * The value that undoes a counter step, {@code w ∓ c} for {@code w = t} with {@code t = w ± c},
   * or null when the step is recorded like any other assignment.
   */
  Expr inverse(Stmt s) {
    return inverses.get(s);
  }

  /**
   * The exit test of a loop whose every iteration but the last passes it: {@code t = cond}
   * directly before {@code if (t) {…} else break;}, which ends the body, with no other way out of
   * the loop. The reverse sweep knows {@code t} from its iteration counter (false in the last
   * iteration, which it reverses first, true in the others), so the test is not recorded.
   *
   * @return the test's assignment, or null
   */
  Stmt exitTest(Stmt.Loop loop) {
    return exitTests.get(loop);
  }

  /**
   * The counter and bounds of a loop whose trip count the reverse sweep works out instead of
   * popping it, and whose counter it sets instead of restoring it.
   *
   * @return the counted loop, or null when the loop is recorded as usual
   */
  CountedLoop counted(Stmt.Loop loop) {
    return counted.get(loop);
  }

  /** The counters of {@linkplain #counted counted loops}: their old values are never needed. */
  Set<Var> counters() {
    return counters;
  }

  /** Whether the forward sweep skips recording this assignment: the reverse sweep redoes it. */
  boolean undoes(Stmt s) {
    return inverses.containsKey(s) || exitTests.containsValue(s);
  }

  /** The definition of a rematerialised variable. */
  Expr definition(Var v) {
    return definitions.get(v);
  }

  /** The analysis: one walk over the method, block by block, with the loop around each. */
  private static final class Finder {
    private final Rematerialization result;
    private final Activity activity;
    private final Map<Var, Integer> assignments = new HashMap<>();
    /** Each written family, by the last top-level statement of the method that writes it. */
    private final Map<Var, Integer> writtenFamilies = new HashMap<>();
    /** The same for families with rows stored into them (or given to a call that may). */
    private final Map<Var, Integer> rowStoredFamilies = new HashMap<>();
    /** Families a call may write: the call's reverse does not necessarily undo it. */
    private final Set<Var> callWrittenFamilies = new HashSet<>();
    /** Variables some non-linear operation reads: their values are what a reverse sweep needs. */
    private final Set<Var> nonlinearOperands = new HashSet<>();
    private boolean checkpointed;
    /** The top-level statement of the method that {@link #block} is walking. */
    private int top;
    private final Map<Var, Integer> mentions = new HashMap<>();
    private final Set<Var> assignedOutsideLoops = new HashSet<>();
    /** Variables defined by a {@code Let} of a constant (used when assigned once). */
    private final Map<Var, Const> constants = new HashMap<>();
    private final Block root;

    Finder(Rematerialization result, Block body, Activity activity) {
      this.result = result;
      this.activity = activity;
      this.root = body;
      outsideLoops(body);
      List<Stmt> topLevel = body.statements();
      for (int t = 0; t < topLevel.size(); t++) {
        scan(topLevel.get(t), t);
      }
      loops(body);
      // The reverse of a counted loop reads its start and bound: a recomputed start must be back
      // by then, as for any other read.
      for (CountedLoop loop : result.counted.values()) {
        loop.operands().forEach(v -> mentions.merge(v, 1, Integer::sum));
      }
    }

    /** Finds every loop's exit test and the counted loops, before the walk that needs them. */
    private void loops(Block block) {
      List<Stmt> statements = block.statements();
      for (int d = 0; d < statements.size(); d++) {
        Stmt s = statements.get(d);
        if (s instanceof Stmt.If branch) {
          loops(branch.then());
          loops(branch.otherwise());
        } else if (s instanceof Stmt.Loop loop) {
          considerExitTest(loop);
          CountedLoop c = checkpointed ? null : counted(loop, d, statements);
          if (c != null) {
            result.counted.put(loop, c);
            result.counters.add(c.counter());
          }
          loops(loop.body());
        }
      }
    }

    /**
     * The loop at {@code statements[d]} as a {@link CountedLoop}, or null when it is not one:
     * its exit test compares its counter with {@code <} or {@code <=}, its only assignment of the
     * counter is {@code w = w + 1} at the top level of the test's branch, the counter's start is
     * the last assignment before the loop in this block, and only the loop reads the counter.
     */
    private CountedLoop counted(Stmt.Loop loop, int d, List<Stmt> statements) {
      Stmt test = result.exitTests.get(loop);
      if (test == null || !(Stmt.evaluated(test) instanceof Expr.Binary compare)
          || compare.op() != BinaryOp.LT && compare.op() != BinaryOp.LE
          || !(compare.left() instanceof Var w) || w.type() != Primitive.INT
          || compare.right().type() != Primitive.INT) {
        return null;
      }
      List<Stmt> body = loop.body().statements();
      Expr bound = compare.right();
      if (bound instanceof Var b && countAssignments(loop.body(), b) > 0) {
        bound = invariantLength(loop, b);
        if (bound == null) {
          return null;
        }
      }
      Stmt.If branch = (Stmt.If) body.get(body.size() - 1);
      if (countAssignments(loop.body(), w) != 1 || !stepsByOne(loop, branch.then().statements(), w)
          || countReads(loop, w) != mentions.getOrDefault(w, 0)) {
        return null;
      }
      for (int j = d - 1; j >= 0; j--) {
        Stmt s = statements.get(j);
        if (!w.equals(Stmt.assigned(s))) {
          if (assignsNested(s, w)) {
            return null;
          }
          continue;
        }
        if (!(Stmt.evaluated(s) instanceof Atom start)) {
          return null;
        }
        if (start instanceof Var v) {
          if (countAssignments(loop.body(), v) > 0
              || countAssignments(new Block(statements.subList(j + 1, d)), v) > 0) {
            return null;
          }
          if (assignments.getOrDefault(v, 0) == 1 && constants.containsKey(v)) {
            start = constants.get(v);
          }
        }
        return new CountedLoop(w, start, bound, compare.op() == BinaryOp.LE);
      }
      return null;
    }

    /**
     * The definition of {@code b} when the loop's body sets it once, at its top level, to the
     * length of an array variable the loop does not assign: the same in every iteration and after
     * the loop. Otherwise null.
     */
    private Expr invariantLength(Stmt.Loop loop, Var b) {
      if (countAssignments(loop.body(), b) != 1) {
        return null;
      }
      for (Stmt s : loop.body().statements()) {
        if (s instanceof Stmt.Let let && let.target().equals(b)
            && let.value() instanceof Expr.ArrayLength length && length.array() instanceof Var a
            && countAssignments(loop.body(), a) == 0) {
          return length;
        }
      }
      return null;
    }

    /**
     * Whether the loop steps {@code w} by one at the top level of its test's branch, with the step
     * undone by arithmetic ({@link #stepInverse}): a counted loop's counter is not recorded, so
     * the reverse sweep must be able to step it back.
     */
    private boolean stepsByOne(Stmt.Loop loop, List<Stmt> statements, Var w) {
      Expr back = new Expr.Binary(BinaryOp.SUB, w, new Const(1, Primitive.INT), Primitive.INT);
      for (int j = 0; j < statements.size(); j++) {
        if (statements.get(j) instanceof Stmt.Set set && set.target().equals(w)) {
          return back.equals(stepInverse(set, j, statements, loop));
        }
      }
      return false;
    }

    /** Counts assignments, mentions and array writes of the top-level statement {@code t}. */
    private void scan(Stmt statement, int t) {
      Activity.forEachStatement(new Block(List.of(statement)), s -> {
        Var target = Stmt.assigned(s);
        if (target == null && s instanceof Stmt.Declare declare) {
          target = declare.target();
        }
        if (target != null) {
          assignments.merge(target, 1, Integer::sum);
        }
        if (s instanceof Stmt.Let let && let.value() instanceof Const c) {
          constants.put(let.target(), c);
        }
        if (s instanceof Stmt.ArrayWrite write && write.array() instanceof Var a) {
          writtenFamilies.put(family(a), t);
          if (write.value().type() instanceof ArrayType) {
            rowStoredFamilies.put(family(a), t);
          }
        }
        Expr value = Stmt.evaluated(s);
        if (value instanceof Expr.Call call) {
          // Any array a call is given may be written by it, unless it is a differentiable method
          // that says it does not.
          List<Atom> arguments = call.arguments();
          for (int i = 0; i < arguments.size(); i++) {
            boolean reads = call.callee() instanceof Callee.Primal p && !p.method().writes(i);
            if (!reads && arguments.get(i) instanceof Var a && a.type() instanceof ArrayType) {
              writtenFamilies.put(family(a), t);
              rowStoredFamilies.put(family(a), t);
              callWrittenFamilies.add(family(a));
            }
          }
        }
        for (Atom a : reads(s)) {
          if (a instanceof Var v) {
            mentions.merge(v, 1, Integer::sum);
          }
        }
        if (s instanceof Stmt.Loop loop && loop.checkpointed()) {
          checkpointed = true;
        }
        if (value instanceof Expr.Call
            || value instanceof Expr.Unary u && u.op() != UnaryOp.NEG
            || value instanceof Expr.Binary b && (b.op() == BinaryOp.MUL || b.op() == BinaryOp.DIV)) {
          for (Atom a : value.operands()) {
            if (a instanceof Var v) {
              nonlinearOperands.add(v);
            }
          }
        }
      });
    }

    /** The variables set (not declared) by statements that no loop encloses. */
    private void outsideLoops(Block block) {
      for (Stmt s : block.statements()) {
        if (s instanceof Stmt.Set set) {
          assignedOutsideLoops.add(set.target());
        } else if (s instanceof Stmt.Declare declare) {
          assignedOutsideLoops.add(declare.target());
        } else if (s instanceof Stmt.If branch) {
          outsideLoops(branch.then());
          outsideLoops(branch.otherwise());
        }
      }
    }

    /**
     * The variable an earlier statement of the block loaded the same {@code double} element into,
     * with nothing in between that could change it (no assignment, array write, call, branch or
     * loop): {@code q[j] * q[j]} is lowered to two loads, and the second is then a copy of the
     * first for the reverse sweep, which records one value instead of two.
     *
     * @return that variable, defined once, or null
     */
    private Var earlierRead(Expr e, int d, List<Stmt> statements) {
      if (!(e instanceof Expr.ArrayRead read) || read.type() != Primitive.DOUBLE) {
        return null;
      }
      for (int j = d - 1; j >= 0; j--) {
        Stmt s = statements.get(j);
        if (s instanceof Stmt.Let earlier && earlier.value().equals(read)) {
          return assignments.getOrDefault(earlier.target(), 0) == 1 ? earlier.target() : null;
        }
        Var assigned = Stmt.assigned(s);
        if (s instanceof Stmt.ArrayWrite || s instanceof Stmt.If || s instanceof Stmt.Loop
            || Stmt.evaluated(s) instanceof Expr.Call
            || assigned != null && read.operands().contains(assigned)
            || !(s instanceof Stmt.Let || s instanceof Stmt.Set || s instanceof Stmt.Comment
                || s instanceof Stmt.Marker)) {
          return null;
        }
      }
      return null;
    }

    /**
     * Chooses the {@linkplain #restoredFamilies restored families}: those written only element by
     * element, never by a call, whose recomputable reads weigh more than their writes, each
     * weighted by 8 per loop around it. A read counts when a non-linear operation uses its value
     * (a linear use's adjoint does not need it) and no later statement of its block writes the
     * family.
     */
    void chooseRestored(Block body, List<Var> parameters) {
      if (checkpointed) {
        return; // a checkpointed loop's iterations run again with nothing recorded
      }
      Map<Var, Long> weights = new HashMap<>();
      List<Stmt> topLevel = body.statements();
      for (int t = 0; t < topLevel.size(); t++) {
        weigh(new Block(List.of(topLevel.get(t))), 1, t, weights);
      }
      Set<Var> parameterFamilies = new HashSet<>();
      for (Var p : parameters) {
        parameterFamilies.add(family(p));
      }
      for (Var f : writtenFamilies.keySet()) {
        if (!rowStoredFamilies.containsKey(f) && !callWrittenFamilies.contains(f)
            && (parameterFamilies.contains(f) || weights.getOrDefault(f, 0L) > 0)) {
          result.restored.add(f);
        }
      }
    }

    /**
     * Adds reads' weights and subtracts writes' weights per family, within the top-level statement
     * {@code t}; reads that all writes precede are recomputed anyway and do not count.
     */
    private void weigh(Block block, long weight, int t, Map<Var, Long> weights) {
      List<Stmt> statements = block.statements();
      for (int d = 0; d < statements.size(); d++) {
        Stmt s = statements.get(d);
        if (s instanceof Stmt.Let let && let.value() instanceof Expr.ArrayRead read
            && read.array() instanceof Var a && !(read.type() instanceof ArrayType) && weight > 1
            && nonlinearOperands.contains(let.target()) && writtenFamilies.getOrDefault(family(a), -1) >= t
            && !writesAfter(statements, d, family(a))) {
          weights.merge(family(a), weight, Long::sum);
        } else if (s instanceof Stmt.ArrayWrite write && write.array() instanceof Var a) {
          weights.merge(family(a), -weight, Long::sum);
        } else if (s instanceof Stmt.If branch) {
          weigh(branch.then(), weight, t, weights);
          weigh(branch.otherwise(), weight, t, weights);
        } else if (s instanceof Stmt.Loop loop) {
          weigh(loop.body(), Math.min(weight * 8, 1L << 40), t, weights);
        }
      }
    }

    /** Whether a statement after the {@code d}th of a block writes an element of the family. */
    private boolean writesAfter(List<Stmt> statements, int d, Var family) {
      boolean[] writes = new boolean[1];
      for (int j = d + 1; j < statements.size(); j++) {
        Activity.forEachStatement(new Block(List.of(statements.get(j))), s -> {
          if (s instanceof Stmt.ArrayWrite write && write.array() instanceof Var a
              && family(a).equals(family)) {
            writes[0] = true;
          }
        });
      }
      return writes[0];
    }

    private Var family(Var a) {
      return activity.families().node(a);
    }

    /** Walks a block; {@code loop} is the innermost loop around it, or null. */
    void block(Block block, Stmt.Loop loop) {
      List<Stmt> statements = block.statements();
      for (int d = 0; d < statements.size(); d++) {
        Stmt s = statements.get(d);
        if (block == root) {
          top = d;
        }
        if (loop != null && s instanceof Stmt.Let let) {
          consider(let, d, statements, loop);
        } else if (loop != null && s instanceof Stmt.Set set) {
          considerStep(set, d, statements, loop);
        } else if (s instanceof Stmt.If branch) {
          block(branch.then(), loop);
          block(branch.otherwise(), loop);
        } else if (s instanceof Stmt.Loop inner) {
          block(inner.body(), inner);
        }
      }
    }

    /** Rematerialises {@code let} when its definition and operands allow it. */
    private void consider(Stmt.Let let, int d, List<Stmt> statements, Stmt.Loop loop) {
      Var v = let.target();
      Expr e = let.value();
      if (assignments.getOrDefault(v, 0) != 1) {
        return;
      }
      Var copied = null;
      if (!cheapAndPure(e, statements, d)) {
        copied = earlierRead(e, d, statements);
        if (copied == null) {
          return;
        }
        e = copied; // the same element, loaded just before: v is a copy of that load
      }
      // The statement after whose reverse v is recomputed: the first assignment of an operand
      // that follows the definition (reversed last), or none (recomputed at the start).
      int place = statements.size();
      Set<Var> assignedInLoop = new HashSet<>();
      Activity.forEachAssignment(loop.body(), (target, value) -> assignedInLoop.add(target));
      for (Atom operand : e.operands()) {
        if (!(operand instanceof Var w) || !assignedInLoop.contains(w)) {
          continue; // a constant, or the same throughout the loop
        }
        int before = 0;
        int later = -1;
        int laterCount = 0;
        for (int j = 0; j < statements.size(); j++) {
          Stmt s = statements.get(j);
          if (w.equals(Stmt.assigned(s))) {
            if (j < d) {
              before++;
            } else if (j > d) {
              later = later < 0 ? j : later;
              laterCount++;
            }
          } else if (assignsNested(s, w)) {
            return; // assigned in a branch or loop of B: no single point where it is back
          }
        }
        int outsideBlock = countAssignments(loop.body(), w) - before - laterCount;
        if (outsideBlock != 0) {
          return; // assigned elsewhere in the loop: not known to be back at any point of B
        }
        if (w.equals(copied) && before == 1 && laterCount == 0 && !result.recomputes(w)) {
          // Recorded: popped back only when its own definition, before v's, is reversed; until
          // then it holds this iteration's value.
          continue;
        }
        if (before > 0) {
          if (!(result.recomputes(w) && before == 1 && laterCount == 0)) {
            return;
          }
          place = Math.min(place, placeOf(w, statements));
        }
        if (laterCount > 0) {
          if (laterCount != 1 || before > 0) {
            return;
          }
          place = Math.min(place, later);
        }
      }
      // No statement reversed before the recomputation may read v, and nothing outside B's
      // statements after the definition may read it at all.
      int readsAfter = 0;
      for (int j = d + 1; j < statements.size(); j++) {
        int n = countReads(statements.get(j), v);
        if (n > 0 && j >= place) {
          return;
        }
        readsAfter += n;
      }
      if (readsAfter != mentions.getOrDefault(v, 0)) {
        return;
      }
      result.definitions.put(v, e);
      if (place == statements.size()) {
        result.atStart.computeIfAbsent(statements, k -> new ArrayList<>()).add(v);
      } else {
        result.after.computeIfAbsent(statements.get(place), k -> new ArrayList<>()).add(v);
      }
    }

    /**
     * A counter step {@code w = t}, {@code t} defined just before in B as {@code w ± c}, is undone
     * by {@code w ∓ c} when it is the only assignment of {@code w} in the loop (so each reversed
     * iteration starts with the value the step left) and every other assignment of {@code w} is a
     * declaration or lies in a loop (where it is recorded and popped back as before). Integer
     * arithmetic wraps around exactly, so the inverse is exact.
     */
    private void considerStep(Stmt.Set set, int m, List<Stmt> statements, Stmt.Loop loop) {
      Expr inverse = stepInverse(set, m, statements, loop);
      if (inverse != null) {
        result.inverses.put(set, inverse);
      }
    }

    /** The inverse {@link #considerStep} takes for a step, or null when it records the step. */
    private Expr stepInverse(Stmt.Set set, int m, List<Stmt> statements, Stmt.Loop loop) {
      Var w = set.target();
      if (!(set.value() instanceof Var t) || !(w.type() == Primitive.INT || w.type() == Primitive.LONG)
          || assignments.getOrDefault(t, 0) != 1 || countAssignments(loop.body(), w) != 1
          || assignedOutsideLoops.contains(w)) {
        return null;
      }
      for (int a = m - 1; a >= 0; a--) {
        Stmt s = statements.get(a);
        if (s instanceof Stmt.Let let && let.target().equals(t)) {
          return inverse(let.value(), w);
        }
      }
      return null;
    }

    /** Finds the exit test of a loop that has no other way out (see {@link #exitTest}). */
    private void considerExitTest(Stmt.Loop loop) {
      List<Stmt> body = loop.body().statements();
      int n = body.size();
      // A checkpointed loop reverses its iterations a block at a time under a counter of the
      // block's own, which does not tell the first iteration: it records the test, one block's.
      if (loop.checkpointed() || n < 2 || !(body.get(n - 1) instanceof Stmt.If branch)
          || !(branch.condition() instanceof Var t) || !t.equals(Stmt.assigned(body.get(n - 2)))
          || assignments.getOrDefault(t, 0) != 1
          || !onlyBreaks(branch.otherwise(), loop.label())) {
        return;
      }
      // No other statement may leave this loop: a break to it or to a loop around it, a return.
      Set<String> inner = new HashSet<>();
      Activity.forEachStatement(loop.body(), s -> {
        if (s instanceof Stmt.Loop l) {
          inner.add(l.label());
        }
      });
      boolean[] otherExit = new boolean[1];
      Activity.forEachStatement(new Block(body.subList(0, n - 1)), s -> check(s, inner, otherExit));
      Activity.forEachStatement(branch.then(), s -> check(s, inner, otherExit));
      if (!otherExit[0]) {
        result.exitTests.put(loop, body.get(n - 2));
      }
    }

    /** Whether a block only leaves the loop: its break, and markers. */
    private static boolean onlyBreaks(Block block, String label) {
      List<Stmt> kept = block.statements().stream().filter(s -> !(s instanceof Stmt.Marker)).toList();
      return kept.equals(List.of(new Stmt.Break(label)));
    }

    private static void check(Stmt s, Set<String> innerLabels, boolean[] otherExit) {
      if (s instanceof Stmt.Return || s instanceof Stmt.Break b && !innerLabels.contains(b.label())) {
        otherExit[0] = true;
      }
    }

    /** {@code w − c} for {@code w + c} or {@code c + w}, {@code w + c} for {@code w − c}. */
    private static Expr inverse(Expr step, Var w) {
      if (!(step instanceof Expr.Binary b) || b.type() != w.type()) {
        return null;
      }
      if (b.op() == BinaryOp.ADD && b.left().equals(w) && b.right() instanceof Const) {
        return new Expr.Binary(BinaryOp.SUB, w, b.right(), w.type());
      }
      if (b.op() == BinaryOp.ADD && b.right().equals(w) && b.left() instanceof Const) {
        return new Expr.Binary(BinaryOp.SUB, w, b.left(), w.type());
      }
      if (b.op() == BinaryOp.SUB && b.left().equals(w) && b.right() instanceof Const) {
        return new Expr.Binary(BinaryOp.ADD, w, b.right(), w.type());
      }
      return null;
    }

    /** Where a rematerialised variable of this block is recomputed, as {@link #consider} chose. */
    private int placeOf(Var w, List<Stmt> statements) {
      for (int j = 0; j < statements.size(); j++) {
        if (result.after(statements.get(j)).contains(w)) {
          return j;
        }
      }
      return statements.size();
    }

    /**
     * Array reads of arrays nothing writes from the current top-level statement on (for a row,
     * nothing stores rows) or of restored families that no later statement of the read's block
     * writes, lengths, and cheap
     * arithmetic on numbers: pure, and cheaper to redo than to push and pop.
     */
    private boolean cheapAndPure(Expr e, List<Stmt> statements, int d) {
      if (e instanceof Expr.ArrayRead read) {
        if (!(read.array() instanceof Var a)) {
          return false;
        }
        Map<Var, Integer> written = e.type() instanceof ArrayType ? rowStoredFamilies : writtenFamilies;
        return written.getOrDefault(family(a), -1) < top
            || !(e.type() instanceof ArrayType) && result.restored.contains(family(a))
                && !writesAfter(statements, d, family(a));
      }
      if (e instanceof Expr.ArrayLength || e instanceof Expr.Cast) {
        return true;
      }
      if (e instanceof Var v) {
        return true;
      }
      if (e instanceof Expr.Unary unary) {
        return unary.op() == UnaryOp.NEG && isNumber(unary.type());
      }
      if (e instanceof Expr.Binary binary) {
        return (binary.op() == BinaryOp.ADD || binary.op() == BinaryOp.SUB
            || binary.op() == BinaryOp.MUL) && isNumber(binary.type());
      }
      return false;
    }

    private static boolean isNumber(Object type) {
      return type == Primitive.DOUBLE || type == Primitive.INT || type == Primitive.LONG;
    }

    private static boolean assignsNested(Stmt s, Var w) {
      if (!(s instanceof Stmt.If) && !(s instanceof Stmt.Loop)) {
        return false;
      }
      return countAssignments(new Block(List.of(s)), w) > 0;
    }

    private static int countAssignments(Block block, Var w) {
      int[] n = new int[1];
      Activity.forEachStatement(block, s -> {
        Var target = Stmt.assigned(s);
        if (target == null && s instanceof Stmt.Declare declare) {
          target = declare.target();
        }
        if (w.equals(target)) {
          n[0]++;
        }
      });
      return n[0];
    }

    private int countReads(Stmt statement, Var v) {
      int[] n = new int[1];
      Activity.forEachStatement(new Block(List.of(statement)), s -> {
        for (Atom a : reads(s)) {
          if (v.equals(a)) {
            n[0]++;
          }
        }
        CountedLoop c = s instanceof Stmt.Loop loop ? result.counted.get(loop) : null;
        if (c != null && c.operands().contains(v)) {
          n[0]++; // its reverse reads the start and bound
        }
      });
      return n[0];
    }

    /** The atoms a statement itself reads (not those of statements nested in it). */
    private static List<Atom> reads(Stmt s) {
      List<Atom> atoms = new ArrayList<>();
      Expr value = Stmt.evaluated(s);
      if (value instanceof Atom atom) {
        atoms.add(atom);
      } else if (value != null) {
        atoms.addAll(value.operands());
      }
      if (s instanceof Stmt.ArrayWrite write) {
        atoms.add(write.array());
        atoms.add(write.index());
        atoms.add(write.value());
      } else if (s instanceof Stmt.If branch) {
        atoms.add(branch.condition());
      } else if (s instanceof Stmt.Return ret) {
        atoms.add(ret.value());
      } else if (s instanceof Stmt.Push push) {
        atoms.add(push.value());
      }
      return atoms;
    }
  }
}
