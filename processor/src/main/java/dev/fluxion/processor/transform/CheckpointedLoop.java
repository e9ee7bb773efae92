package dev.fluxion.processor.transform;

import dev.fluxion.processor.analysis.Activity;
import dev.fluxion.processor.analysis.LoopState;
import dev.fluxion.processor.ir.ArrayType;
import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.BinaryOp;
import dev.fluxion.processor.ir.Block;
import dev.fluxion.processor.ir.Callee;
import dev.fluxion.processor.ir.Const;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.IrType;
import dev.fluxion.processor.ir.NoValue;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.Var;
import dev.fluxion.processor.lower.NameAllocator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two sweeps of a loop marked with {@code Checkpoints.binomial(s)}: binomial checkpointing.
 *
 * <p>The forward sweep stores the loop's state on entry (its {@link LoopState}) in the schedule
 * and runs the loop recording nothing, counting its iterations. The reverse sweep follows the
 * schedule ({@code dev.fluxion.Checkpoints}): it restores stored states, runs iterations forward
 * again recording nothing, stores states on the way, and reverses one iteration at a time by
 * running it once more while recording, then running its reverse sweep; it does so for a block of
 * a few iterations at a time, to keep the schedule's own work small. So the tape holds one block
 * at a time and the schedule at most {@code s} states.
 *
 * <p>An iteration here is one pass through the lowered loop body, the last one included (it tests
 * the condition and leaves): the trip count is only needed when the reverse sweep starts, so a
 * loop may leave by {@code break} as well as by its condition.
 *
 * <p>Arrays that the loop variables hold are replaced by recomputed copies, so their adjoints are
 * handed on explicitly: each reversed block starts from the adjoint array stored with its state,
 * and the adjoint the next block's reverse sweep left is added into the array the recomputed
 * block produced ({@code Adjoints.carry}).
 */
final class CheckpointedLoop {
  private final ReverseContext context;
  private final Stmt.Loop loop;
  private final LoopState state;
  private final ReverseContext.Schedule vars;
  private final NameAllocator names;
  private final boolean needsScratch;

  CheckpointedLoop(ReverseContext context, Stmt.Loop loop) {
    this.context = context;
    this.loop = loop;
    this.state = LoopState.of(loop, context.activity().families());
    this.vars = context.schedule(loop);
    this.names = context.names();
    this.needsScratch = pushesWhenRecordingNothing();
  }

  /**
   * The forward sweep: store the entry state, then run the loop recording nothing.
   *
   * @param hoisted where the variables the body declares go (declared before the loop)
   */
  Block forward(List<Var> hoisted) {
    Block.Builder out = new Block.Builder();
    out.add(new Stmt.Comment("checkpointed loop: store the state on entry, then run it recording"
        + " nothing"));
    out.add(new Stmt.Let(vars.schedule(), staticCall("open",
        List.of(context.tape(), loop.snapshots()), vars.schedule().type())));
    Var entry = new Var(names.fresh("entry"), context.tape().type(), Var.Kind.DERIVED);
    out.add(new Stmt.Let(entry, call("entry", context.tape().type())));
    out.addAll(store(entry));
    if (needsScratch) {
      out.add(new Stmt.Let(vars.scratch(), call("scratch", context.tape().type())));
    }
    out.add(new Stmt.Let(vars.count(), new Const(0, Primitive.INT)));
    Block.Builder body = new Block.Builder();
    body.add(new Stmt.Set(vars.count(), new Expr.Binary(BinaryOp.ADD, vars.count(),
        new Const(1, Primitive.INT), Primitive.INT)));
    clearScratch(body);
    body.addAll(unrecorded(hoisted));
    out.add(new Stmt.Loop(loop.label(), body.build()));
    return out.build();
  }

  /**
   * The reverse sweep: the driver that follows the schedule.
   *
   * @param reversedBody the reverse sweep of one iteration, popping what one recorded iteration
   *     pushed
   */
  Block reverse(Block reversedBody) {
    if (context.learningReads()) {
      return new Block.Builder().addAll(readsFromOutside()).addAll(reversedBody).build();
    }
    Block.Builder out = new Block.Builder();
    out.add(new Stmt.Comment("checkpointed loop: follow the schedule, which restores stored states,"
        + " runs iterations again and reverses them a few at a time, last first"));
    out.add(new Stmt.Eval(call("reverse", List.of(vars.count()), NoValue.VOID)));
    Map<Var, Var> carried = new LinkedHashMap<>();
    for (Var array : activeReferences()) {
      Var after = new Var(names.fresh(context.shadow(array).name() + "After"), array.type(),
          Var.Kind.DERIVED);
      out.add(new Stmt.Let(after, context.shadow(array)));
      carried.put(array, after);
    }
    String label = names.fresh("schedule");
    Var action = new Var(names.fresh("action"), Primitive.INT, Var.Kind.DERIVED);
    Block.Builder driver = new Block.Builder();
    driver.add(new Stmt.Let(action, call("next", Primitive.INT)));
    driver.addAll(onAction(action, "DONE", new Block(List.of(new Stmt.Break(label)))));
    driver.addAll(onAction(action, "ADVANCE", advance()));
    Var slot = new Var(names.fresh("slot"), context.tape().type(), Var.Kind.DERIVED);
    driver.addAll(onAction(action, "STORE", new Block.Builder()
        .add(new Stmt.Comment("store the current state"))
        .add(new Stmt.Let(slot, call("slot", slot.type())))
        .addAll(store(slot)).build()));
    driver.addAll(onAction(action, "RESTORE", new Block.Builder()
        .add(new Stmt.Comment("go back to a stored state, and keep it stored"))
        .add(new Stmt.Let(slot, call("slot", slot.type())))
        .addAll(restore(slot))
        .addAll(store(slot)).build()));
    driver.addAll(onAction(action, "REVERSE", reverseBlock(reversedBody, carried)));
    out.add(new Stmt.Loop(label, driver.build()));
    out.add(new Stmt.Eval(call("close", List.of(context.tape()), NoValue.VOID)));
    return out.build();
  }

  /** Runs {@code count()} iterations, recording nothing. */
  private Block advance() {
    Var steps = new Var(names.fresh("steps"), Primitive.INT, Var.Kind.DERIVED);
    Block.Builder repeated = new Block.Builder();
    clearScratch(repeated);
    repeated.addAll(oneIteration(vars.scratch(), Recording.nothing()));
    return new Block.Builder()
        .add(new Stmt.Comment("run iterations again, recording nothing"))
        .add(new Stmt.Let(steps, call("count", Primitive.INT)))
        .add(new Stmt.Repeat(context.reverseCounter(), steps, repeated.build()))
        .build();
  }

  /**
   * Reverses the block of iterations the schedule names, from the state it starts with: run them
   * recording on the method's tape, hand on the adjoints of the arrays they replaced, then their
   * reverse sweeps, last first.
   */
  private Block reverseBlock(Block reversedBody, Map<Var, Var> carried) {
    Block.Builder out = new Block.Builder();
    out.add(new Stmt.Comment("record the next iterations to reverse, then reverse them"));
    Var steps = new Var(names.fresh("steps"), Primitive.INT, Var.Kind.DERIVED);
    out.add(new Stmt.Let(steps, call("count", Primitive.INT)));
    Map<Var, Var> before = new LinkedHashMap<>();
    for (Var array : carried.keySet()) {
      Var shadow = context.shadow(array);
      Var start = new Var(names.fresh(shadow.name() + "Before"), array.type(), Var.Kind.DERIVED);
      out.add(new Stmt.Let(start, shadow));
      before.put(array, start);
    }
    out.add(new Stmt.Repeat(context.reverseCounter(), steps,
        oneIteration(context.tape(), context.recording())));
    carried.forEach((array, after) -> out.add(new Stmt.Eval(new Expr.Call(
        new Callee.Runtime("carry"), null, List.of(context.shadow(array), after), NoValue.VOID))));
    out.add(new Stmt.Repeat(context.reverseCounter(), steps, reversedBody));
    before.forEach((array, start) -> {
      out.add(new Stmt.Set(context.shadow(array), start));
      out.add(new Stmt.Set(carried.get(array), start));
    });
    return out.build();
  }

  /**
   * One iteration, run by itself: the body in a loop of its own that it leaves at its end, so
   * that the body's own {@code break} leaves it too. Inner loop counters it needs are declared
   * first; everything else it assigns was declared before the loop.
   */
  private Block oneIteration(Var tape, Recording recording) {
    List<Var> hoisted = new ArrayList<>();
    Block body = context.withTape(tape, recording,
        () -> new ForwardSweep(context).iteration(loop.body(), hoisted));
    Set<Var> declaredBefore = declaredByBody();
    Block.Builder out = new Block.Builder();
    for (Var v : hoisted) {
      if (!declaredBefore.contains(v)) {
        out.add(new Stmt.Declare(v, v.type() instanceof Primitive p ? Const.zeroOf(p) : null));
      }
    }
    out.add(new Stmt.Loop(loop.label(), new Block.Builder().addAll(body)
        .add(new Stmt.Break(loop.label())).build()));
    return out.build();
  }

  /**
   * What the driver reads besides the reversed iterations, for the to-be-recorded analysis (in
   * code that is never emitted): the variables assigned outside the loop that iterations run again
   * read, as the reverse sweep left them. The loop's own variables need no recording: the driver
   * sets them from stored states before every iteration it runs, and nothing before the loop
   * reads them.
   */
  private Block readsFromOutside() {
    Set<Var> assigned = new HashSet<>();
    Activity.forEachAssignment(loop.body(), (target, value) -> assigned.add(target));
    Set<Var> read = new java.util.LinkedHashSet<>();
    Reads.collect(loop.body(), read);
    Block.Builder out = new Block.Builder();
    for (Var v : read) {
      if (!assigned.contains(v)) {
        out.add(new Stmt.Push(context.tape(), v));
      }
    }
    return out.build();
  }

  /** The loop's whole run in the forward sweep, recording nothing. */
  private Block unrecorded(List<Var> hoisted) {
    return context.withTape(vars.scratch(), Recording.nothing(),
        () -> new ForwardSweep(context).iteration(loop.body(), hoisted));
  }

  /** The variables the body declares, with their shadows: the forward sweep declares them. */
  private Set<Var> declaredByBody() {
    Set<Var> declared = new HashSet<>();
    Activity.forEachStatement(loop.body(), s -> {
      Var v = s instanceof Stmt.Let let ? let.target()
          : s instanceof Stmt.Declare d ? d.target() : null;
      if (v != null) {
        declared.add(v);
        if (v.type() instanceof ArrayType && context.activity().isActive(v)) {
          declared.add(context.shadow(v));
        }
      }
    });
    return declared;
  }

  /** Pushes the state: array contents, then the arrays (with their shadows), then scalars. */
  private Block store(Var slot) {
    Block.Builder out = new Block.Builder();
    for (Var array : state.contents()) {
      out.add(new Stmt.Eval(new Expr.Call(new Callee.Runtime("save"), null, List.of(slot, array),
          NoValue.VOID)));
    }
    for (Var array : state.references()) {
      out.add(new Stmt.Push(slot, array));
      if (context.activity().isActive(array)) {
        out.add(new Stmt.Push(slot, context.shadow(array)));
      }
    }
    for (Var v : state.scalars()) {
      out.add(new Stmt.Push(slot, v));
    }
    return out.build();
  }

  /** Pops the state {@link #store} pushed: the arrays come back before their contents. */
  private Block restore(Var slot) {
    Block.Builder out = new Block.Builder();
    List<Var> scalars = state.scalars();
    for (int i = scalars.size() - 1; i >= 0; i--) {
      out.add(new Stmt.Set(scalars.get(i), new Expr.Pop(slot, scalars.get(i).type())));
    }
    List<Var> references = state.references();
    for (int i = references.size() - 1; i >= 0; i--) {
      Var array = references.get(i);
      if (context.activity().isActive(array)) {
        Var shadow = context.shadow(array);
        out.add(new Stmt.Set(shadow, new Expr.Pop(slot, shadow.type())));
      }
      out.add(new Stmt.Set(array, new Expr.Pop(slot, array.type())));
    }
    List<Var> contents = state.contents();
    for (int i = contents.size() - 1; i >= 0; i--) {
      out.add(new Stmt.Eval(new Expr.Call(new Callee.Runtime("restore"), null,
          List.of(slot, contents.get(i)), NoValue.VOID)));
    }
    return out.build();
  }

  private List<Var> activeReferences() {
    return state.references().stream().filter(context.activity()::isActive).toList();
  }

  /** {@code if (action == Checkpoints.NAME) { block }}. */
  private Block onAction(Var action, String name, Block block) {
    Var constant = context.temp(Primitive.INT);
    Var test = context.temp(Primitive.BOOLEAN);
    return new Block.Builder()
        .add(new Stmt.Let(constant, new Expr.FieldRead(context.scheduleType(), null, name,
            Primitive.INT)))
        .add(new Stmt.Let(test, new Expr.Binary(BinaryOp.EQ, action, constant, Primitive.BOOLEAN)))
        .add(new Stmt.If(test, block, Block.EMPTY))
        .build();
  }

  /** Empties the scratch tape before an iteration that pushes onto it, so it holds one at most. */
  private void clearScratch(Block.Builder out) {
    if (needsScratch) {
      out.add(new Stmt.Eval(new Expr.Call(new Callee.Plain(
          (dev.fluxion.processor.ir.Reference) vars.scratch().type(), "clear", false),
          vars.scratch(), List.of(), NoValue.VOID)));
    }
  }

  /**
   * Whether an iteration recording nothing still pushes: the trip counts of inner loops, and the
   * contents of arrays that a called method may overwrite.
   */
  private boolean pushesWhenRecordingNothing() {
    boolean[] pushes = new boolean[1];
    Activity.forEachStatement(loop.body(), s -> {
      Expr value = Stmt.evaluated(s);
      pushes[0] |= s instanceof Stmt.Loop
          || value != null && !context.writtenArguments(value).isEmpty();
    });
    return pushes[0];
  }

  private Expr.Call call(String method, IrType type) {
    return call(method, List.of(), type);
  }

  private Expr.Call call(String method, List<Atom> arguments, IrType type) {
    return new Expr.Call(new Callee.Plain(context.scheduleType(), method, false), vars.schedule(),
        arguments, type);
  }

  private Expr.Call staticCall(String method, List<Atom> arguments, IrType type) {
    return new Expr.Call(new Callee.Plain(context.scheduleType(), method, true), null, arguments,
        type);
  }
}
