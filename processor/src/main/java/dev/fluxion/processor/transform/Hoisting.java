package dev.fluxion.processor.transform;

import dev.fluxion.processor.ir.Block;
import dev.fluxion.processor.ir.Const;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the forward sweep of a derivative method: the primal's statements, with every variable
 * that a branch declares moved out in front of the branch. The reverse sweep runs after the whole
 * forward sweep and reads those variables again, so they must be in scope there; they start at
 * zero because Java cannot see that the reverse sweep reads only what the same branch assigned.
 */
final class Hoisting {
  private Hoisting() {}

  /**
   * Appends the forward sweep of top-level statements to {@code out}.
   *
   * @param statements the primal's statements (without its final return)
   * @param out where the forward sweep goes
   */
  static void forwardSweep(List<Stmt> statements, Block.Builder out) {
    for (Stmt s : statements) {
      if (s instanceof Stmt.Marker) {
        continue;
      }
      if (s instanceof Stmt.If branch) {
        List<Var> hoisted = new ArrayList<>();
        Stmt flat = new Stmt.If(branch.condition(),
            nested(branch.then(), hoisted), nested(branch.otherwise(), hoisted));
        for (Var v : hoisted) {
          out.add(new Stmt.Declare(v, zero(v)));
        }
        out.add(flat);
      } else {
        out.add(s);
      }
    }
  }

  private static Block nested(Block block, List<Var> hoisted) {
    Block.Builder out = new Block.Builder();
    for (Stmt s : block.statements()) {
      if (s instanceof Stmt.Let let) {
        hoisted.add(let.target());
        out.add(new Stmt.Set(let.target(), let.value()));
      } else if (s instanceof Stmt.Declare declare) {
        hoisted.add(declare.target());
      } else if (s instanceof Stmt.If branch) {
        out.add(new Stmt.If(branch.condition(),
            nested(branch.then(), hoisted), nested(branch.otherwise(), hoisted)));
      } else if (!(s instanceof Stmt.Marker)) {
        out.add(s);
      }
    }
    return out.build();
  }

  private static Const zero(Var v) {
    return v.type() instanceof Primitive p ? Const.zeroOf(p) : null;
  }
}
