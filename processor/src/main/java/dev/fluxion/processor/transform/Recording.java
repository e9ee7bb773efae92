package dev.fluxion.processor.transform;

import dev.fluxion.processor.analysis.Activity;
import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.Block;
import dev.fluxion.processor.ir.Callee;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.Var;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the forward sweep records on the tape: the to-be-recorded analysis. A variable assigned
 * inside a loop is overwritten by the next iteration; its old value is pushed before the
 * assignment, and popped back by the reverse sweep, only when the reverse sweep reads it. An array
 * element is recorded when it belongs to a parameter (gradient calls leave their inputs as they
 * found them), to an array whose contents a called method's reverse sweep reads again, or to one
 * a checkpointed loop reads (its iterations run again in the reverse sweep).
 *
 * @param variables the variables whose overwrites are recorded
 * @param families the array families (by representative) whose element writes are recorded
 */
record Recording(Set<Var> variables, Set<Var> families) {

  /**
   * Nothing: for the iterations of a checkpointed loop that run only to reach a state.
   *
   * @return the empty recording
   */
  static Recording nothing() {
    return new Recording(Set.of(), Set.of());
  }

  /**
   * Everything assigned in a loop, and every array: the to-be-recorded analysis switched off.
   *
   * @param body the primal body
   * @param activity its activity
   * @return the recording
   */
  static Recording everything(Block body, Activity activity) {
    Set<Var> families = new HashSet<>();
    Activity.forEachStatement(body, s -> {
      if (s instanceof Stmt.ArrayWrite w && w.array() instanceof Var a) {
        families.add(activity.families().node(a));
      }
    });
    return new Recording(assignedInLoops(body), families);
  }

  /**
   * Only what the reverse sweep reads.
   *
   * @param body the primal body
   * @param activity its activity
   * @param reverseReads the variables the reverse sweep reads, found by writing it once
   * @param parameters the method's parameters
   * @param recomputed what the reverse sweep recomputes instead, and the array families it
   *     needs restored for that ({@link Rematerialization})
   * @return the recording
   */
  static Recording needed(Block body, Activity activity, Set<Var> reverseReads, List<Var> parameters,
      Rematerialization recomputed) {
    Set<Var> variables = new HashSet<>(assignedInLoops(body));
    variables.retainAll(reverseReads);
    variables.removeAll(recomputed.variables());
    variables.removeAll(recomputed.counters());
    Set<Var> families = new HashSet<>(recomputed.restoredFamilies());
    for (Var p : parameters) {
      families.add(activity.families().node(p));
    }
    Activity.forEachStatement(body, s -> {
      if (s instanceof Stmt.Loop loop && loop.checkpointed()) {
        // Its iterations run again in the reverse sweep, reading arrays as the sweep left them:
        // whatever later statements wrote into them must be undone by then.
        Set<Var> read = new HashSet<>();
        Reads.collect(loop.body(), read);
        for (Var v : read) {
          if (v.type() instanceof dev.fluxion.processor.ir.ArrayType) {
            families.add(activity.families().node(v));
          }
        }
      }
      Expr value = Stmt.evaluated(s);
      if (value instanceof Expr.Call call && call.callee() instanceof Callee.Primal) {
        for (Atom a : call.arguments()) {
          if (a instanceof Var v && v.type() instanceof dev.fluxion.processor.ir.ArrayType) {
            families.add(activity.families().node(v));
          }
        }
      }
    });
    return new Recording(variables, families);
  }

  /** The variables some loop assigns: each iteration overwrites them. */
  static Set<Var> assignedInLoops(Block body) {
    Set<Var> result = new HashSet<>();
    Activity.forEachStatement(body, s -> {
      if (s instanceof Stmt.Loop loop) {
        Activity.forEachAssignment(loop.body(), (target, value) -> result.add(target));
      }
    });
    return result;
  }

  boolean records(Var v) {
    return variables.contains(v);
  }
}
