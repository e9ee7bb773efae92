package dev.fluxion.processor.transform;

import dev.fluxion.processor.analysis.Activity;
import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.Block;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.Var;
import java.util.Set;

/** The variables a block of IR reads, for the to-be-recorded analysis. */
final class Reads {
  private Reads() {}

  static void collect(Block block, Set<Var> reads) {
    Activity.forEachStatement(block, s -> {
      if (s instanceof Stmt.Let let) {
        add(let.value().operands(), reads);
      } else if (s instanceof Stmt.Set set) {
        add(set.value().operands(), reads);
      } else if (s instanceof Stmt.Eval eval) {
        add(eval.value().operands(), reads);
      } else if (s instanceof Stmt.If branch) {
        add(java.util.List.of(branch.condition()), reads);
      } else if (s instanceof Stmt.ArrayWrite write) {
        add(java.util.List.of(write.array(), write.index(), write.value()), reads);
      } else if (s instanceof Stmt.Push push) {
        add(java.util.List.of(push.value()), reads);
      } else if (s instanceof Stmt.Repeat repeat) {
        add(java.util.List.of(repeat.count()), reads);
      } else if (s instanceof Stmt.Return ret) {
        add(java.util.List.of(ret.value()), reads);
      }
    });
  }

  private static void add(java.util.List<Atom> atoms, Set<Var> reads) {
    for (Atom a : atoms) {
      if (a instanceof Var v) {
        reads.add(v);
      }
    }
  }
}
