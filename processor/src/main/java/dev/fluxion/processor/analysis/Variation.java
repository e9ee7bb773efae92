package dev.fluxion.processor.analysis;

import dev.fluxion.processor.ir.ArrayType;
import dev.fluxion.processor.ir.Block;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.IrMethod;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.Var;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which variables of a method vary with a set of inputs: the forward half of activity analysis,
 * for the forward transform of code that is itself generated (a reverse sweep), where every
 * value read back from the tape is taken to vary, and an array varies with its whole family.
 */
public final class Variation {
  private final Set<Var> varied = new HashSet<>();
  private final ArrayFamilies families;

  private Variation(ArrayFamilies families) {
    this.families = families;
  }

  /**
   * Propagates variation from the inputs to a fixed point.
   *
   * @param method the method
   * @param inputs the variables that vary
   * @return the analysis
   */
  public static Variation of(IrMethod method, Collection<Var> inputs) {
    ArrayFamilies families = ArrayFamilies.of(method);
    Variation v = new Variation(families);
    inputs.forEach(i -> v.varied.add(families.node(i)));
    while (v.pass(method.body())) {
      // until nothing more varies
    }
    return v;
  }

  private boolean pass(Block body) {
    boolean[] changed = new boolean[1];
    Activity.forEachStatement(body, s -> {
      Var target = Stmt.assigned(s);
      Expr value = Stmt.evaluated(s);
      if (s instanceof Stmt.ArrayWrite write && write.array() instanceof Var a
          && write.value() instanceof Var v && isVaried(v)) {
        changed[0] |= varied.add(families.node(a));
      } else if (s instanceof Stmt.Eval eval && eval.value() instanceof Expr.Call call
          && call.callee() instanceof dev.fluxion.processor.ir.Callee.Runtime runtime) {
        // addTo and carry(target, source) add into target; restore(tape, a) fills a from the tape.
        List<dev.fluxion.processor.ir.Atom> args = call.arguments();
        boolean adds = runtime.name().equals("addTo") || runtime.name().equals("carry");
        boolean writes = adds && isVaried(args.get(1)) || runtime.name().equals("restore")
            && ((ArrayType) args.get(1).type()).element() == Primitive.DOUBLE;
        Var written = (Var) args.get(adds ? 0 : 1);
        if (writes) {
          changed[0] |= varied.add(families.node(written));
        }
      } else if (s instanceof Stmt.Eval eval && eval.value() instanceof Expr.Call call
          && call.callee() instanceof dev.fluxion.processor.ir.Callee.Custom custom
          && custom.outputs() > 0) {
        // A registered pullback adds into its trailing adjoint arrays.
        List<dev.fluxion.processor.ir.Atom> args = call.arguments();
        if (args.stream().anyMatch(this::isVaried)) {
          for (dev.fluxion.processor.ir.Atom a : args.subList(args.size() - custom.outputs(),
              args.size())) {
            changed[0] |= varied.add(families.node((Var) a));
          }
        }
      } else if (s instanceof Stmt.Eval eval && eval.value() instanceof Expr.Call call
          && call.callee() instanceof dev.fluxion.processor.ir.Callee.Reverse) {
        // A reverse block adds into the adjoint arrays it is given.
        if (call.arguments().stream().anyMatch(this::isVaried)) {
          for (dev.fluxion.processor.ir.Atom a : call.arguments()) {
            if (a instanceof Var v && v.type() instanceof ArrayType) {
              changed[0] |= varied.add(families.node(v));
            }
          }
        }
      }
      if (target == null || !target.type().isDifferentiable()) {
        return;
      }
      boolean varies = value instanceof Expr.Pop
          || value instanceof Expr.Call call && !Activity.isStopGradient(call)
              && call.arguments().stream().anyMatch(this::isVaried)
          || Activity.transmitting(value).stream().anyMatch(this::isVaried);
      if (varies) {
        changed[0] |= varied.add(families.node(target));
      }
    });
    return changed[0];
  }

  /**
   * Tells whether a value varies.
   *
   * @param atom a variable or constant
   * @return {@code true} for a varying variable of a differentiable type
   */
  public boolean isVaried(dev.fluxion.processor.ir.Atom atom) {
    return atom instanceof Var v && (v.type() == Primitive.DOUBLE || v.type() instanceof ArrayType)
        && varied.contains(families.node(v));
  }
}
