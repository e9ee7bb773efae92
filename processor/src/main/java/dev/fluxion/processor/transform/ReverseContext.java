package dev.fluxion.processor.transform;

import dev.fluxion.processor.analysis.Activity;
import dev.fluxion.processor.ir.ArrayType;
import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.Block;
import dev.fluxion.processor.ir.Callee;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.IrType;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Reference;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.Var;
import dev.fluxion.processor.lower.NameAllocator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the two sweeps of one reverse-mode method share: the activity, the tape, the recording
 * decisions, and the names of generated variables (adjoints, shadows, counters).
 */
final class ReverseContext {
  private final Activity activity;
  private final NameAllocator names;
  private final Reference scheduleType;
  private final Map<Var, Var> adjoints = new HashMap<>();
  private final Map<Var, Var> shadows;
  private final Map<String, Schedule> schedules = new HashMap<>();
  private Var tape;
  private Recording recording;
  private boolean learningReads;
  private Rematerialization rematerialization = Rematerialization.none();
  private ScratchArrays scratchArrays;
  private Var scratchFrame;

  ReverseContext(Activity activity, NameAllocator names, Var tape, Reference scheduleType,
      Map<Var, Var> parameterShadows) {
    this.activity = activity;
    this.names = names;
    this.tape = tape;
    this.scheduleType = scheduleType;
    this.shadows = new HashMap<>(parameterShadows);
  }

  /**
   * The variables of a checkpointed loop that both sweeps use.
   *
   * @param schedule the {@code Checkpoints} schedule
   * @param scratch the tape that iterations run without recording push onto
   * @param count the loop's trip count
   */
  record Schedule(Var schedule, Var scratch, Var count) {}

  Activity activity() {
    return activity;
  }

  /** The tape that pushes and pops go to: the method's, or one a checkpointed loop swapped in. */
  Var tape() {
    return tape;
  }

  /**
   * Writes code with another tape and recording in place, as a checkpointed loop does for the
   * iterations it runs without recording.
   */
  Block withTape(Var otherTape, Recording otherRecording, Supplier<Block> writer) {
    Var savedTape = tape;
    Recording savedRecording = recording;
    tape = otherTape;
    recording = otherRecording;
    try {
      return writer.get();
    } finally {
      tape = savedTape;
      recording = savedRecording;
    }
  }

  /** The Checkpoints class of the runtime. */
  Reference scheduleType() {
    return scheduleType;
  }

  /** The schedule variables of a checkpointed loop, named on first use. */
  Schedule schedule(Stmt.Loop loop) {
    return schedules.computeIfAbsent(loop.label(), label -> new Schedule(
        new Var(names.fresh("checkpoints"), scheduleType, Var.Kind.DERIVED),
        new Var(names.fresh("scratch"), tape.type(), Var.Kind.DERIVED), loopCounter()));
  }

  NameAllocator names() {
    return names;
  }

  /** Marks the context of the reverse sweep written once to learn what it reads. */
  void learnReads() {
    learningReads = true;
  }

  /** Whether the reverse sweep being written is the one that learns what it reads. */
  boolean learningReads() {
    return learningReads;
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

  /** Which new arrays may be taken from the tape's scratch arrays. */
  ScratchArrays scratchArrays() {
    return scratchArrays;
  }

  void scratchArrays(ScratchArrays scratchArrays) {
    this.scratchArrays = scratchArrays;
  }

  /** The tape to take scratch arrays from; the block opens its scratch frame once it does. */
  Var scratchTape() {
    if (scratchFrame == null) {
      scratchFrame = new Var(names.fresh("frame"), Primitive.INT, Var.Kind.DERIVED);
    }
    return tape;
  }

  /** The block's scratch frame, or {@code null} when it takes no scratch arrays. */
  Var scratchFrame() {
    return scratchFrame;
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
