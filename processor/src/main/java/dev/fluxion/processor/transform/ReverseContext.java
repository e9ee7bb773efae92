package dev.fluxion.processor.transform;

import dev.fluxion.processor.analysis.Activity;
import dev.fluxion.processor.ir.ArrayType;
import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.Callee;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.IrType;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Var;
import dev.fluxion.processor.lower.NameAllocator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the two sweeps of one reverse-mode method share: the activity, the tape, the recording
 * decisions, and the names of generated variables (adjoints, shadows, counters).
 */
final class ReverseContext {
  private final Activity activity;
  private final NameAllocator names;
  private final Var tape;
  private final Map<Var, Var> adjoints = new HashMap<>();
  private final Map<Var, Var> shadows;
  private Recording recording;
  private Rematerialization rematerialization = Rematerialization.none();

  ReverseContext(Activity activity, NameAllocator names, Var tape, Map<Var, Var> parameterShadows) {
    this.activity = activity;
    this.names = names;
    this.tape = tape;
    this.shadows = new HashMap<>(parameterShadows);
  }

  Activity activity() {
    return activity;
  }

  Var tape() {
    return tape;
  }

  NameAllocator names() {
    return names;
  }

  Recording recording() {
    return recording;
  }

  void recording(Recording recording) {
    this.recording = recording;
  }

  /** What the reverse sweep computes again instead of popping. */
  Rematerialization rematerialization() {
    return rematerialization;
  }

  void rematerialization(Rematerialization rematerialization) {
    this.rematerialization = rematerialization;
  }

  /** The adjoint of a scalar variable. */
  Var adjoint(Var v) {
    return adjoints.computeIfAbsent(v,
        k -> new Var(names.fresh(k.name() + "Bar"), Primitive.DOUBLE, Var.Kind.DERIVED));
  }

  /** The adjoint array (shadow) of an array variable. */
  Var shadow(Var v) {
    return shadows.computeIfAbsent(v,
        k -> new Var(names.fresh(k.name() + "Bar"), k.type(), Var.Kind.DERIVED));
  }

  /** Every shadow made so far, by array. */
  Map<Var, Var> shadows() {
    return shadows;
  }

  Var temp(IrType type) {
    return new Var(names.numbered("t"), type, Var.Kind.TEMP);
  }

  Var loopCounter() {
    return new Var(names.numbered("n"), Primitive.INT, Var.Kind.DERIVED);
  }

  Var reverseCounter() {
    return new Var(names.numbered("k"), Primitive.INT, Var.Kind.DERIVED);
  }

  /** Whether writes into this array's elements are recorded. */
  boolean recordsElementsOf(Atom array) {
    return array instanceof Var a && recording.families().contains(activity.families().node(a));
  }

  /** The array arguments of a call that the callee may overwrite: saved before, restored after. */
  List<Atom> writtenArguments(Expr value) {
    List<Atom> written = new ArrayList<>();
    if (value instanceof Expr.Call call && call.callee() instanceof Callee.Primal p) {
      List<Atom> args = call.arguments();
      for (int i = 0; i < args.size(); i++) {
        if (p.method().writes(i) && args.get(i).type() instanceof ArrayType) {
          written.add(args.get(i));
        }
      }
    }
    return written;
  }
}
