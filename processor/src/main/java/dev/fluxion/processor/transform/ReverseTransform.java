package dev.fluxion.processor.transform;

import dev.fluxion.processor.analysis.Activity;
import dev.fluxion.processor.ir.ArrayType;
import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.BinaryOp;
import dev.fluxion.processor.ir.Block;
import dev.fluxion.processor.ir.Callee;
import dev.fluxion.processor.ir.Const;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.IrMethod;
import dev.fluxion.processor.ir.NoValue;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Reference;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.Var;
import dev.fluxion.processor.lower.LoweredMethod;
import dev.fluxion.processor.lower.NameAllocator;
import dev.fluxion.processor.model.DifferentiableMethod;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse mode, IR to IR: turns a primal method {@code f(params)} into its reverse building block
 * {@code fReverse(params, seed, tape)}. It runs the primal (the {@link ForwardSweep}), then
 * propagates adjoints from the result back to the parameters (the reverse sweep), pushes
 * {@code seed · ∂f/∂p} for each differentiated scalar parameter {@code p} onto the tape in
 * declaration order, adds into the adjoint array passed with each differentiated array
 * parameter, and returns the primal value.
 *
 * <p>Each active assignment {@code y = op(x…)} becomes {@code x̄ += rule(ȳ)} for each active
 * operand, with the rule from {@link Rules}. A branch becomes the same branch over reversed
 * statements. A loop becomes a loop that runs its recorded number of iterations backwards; inside
 * it, a value the loop overwrote is popped back after its statement is reversed, so that every
 * statement sees the values it saw in the forward sweep — or, when it is a cheap pure value such as
 * a read of an array nothing writes, computed again ({@link Rematerialization}). A call of another differentiable method
 * becomes a call of that method's reverse building block followed by pops of its partials.
 *
 * <p>The to-be-recorded analysis needs to know what the reverse sweep reads, so the reverse sweep
 * is written twice: once to learn what it reads (with fresh names thrown away), once for real.
 *
 * <p>When the forward sweep takes arrays from the tape's scratch arrays ({@link ScratchArrays}),
 * the block opens a scratch frame before it and closes it just before returning.
 */
public final class ReverseTransform {
  private final LoweredMethod lowered;
  private final Activity activity;
  private final Reference tapeType;
  private final Reference scheduleType;
  private final NameAllocator names;
  private final boolean recordOnlyWhatIsRead;
  private ReverseContext context;
  /** The values that set each rematerialised exit test back, by its assignment. */
  private final Map<Stmt, Expr> exitTests = new java.util.IdentityHashMap<>();
  private Set<Var> declared = new HashSet<>();

  /**
   * Creates the transform for one method.
   *
   * @param lowered the lowered primal
   * @param activity its activity analysis
   * @param tapeType the runtime's tape class
   * @param scheduleType the runtime's checkpointing schedule class
   * @param recordOnlyWhatIsRead whether the to-be-recorded analysis is on (otherwise every value
   *     a loop overwrites is recorded)
   */
  public ReverseTransform(LoweredMethod lowered, Activity activity, Reference tapeType,
      Reference scheduleType, boolean recordOnlyWhatIsRead) {
    this.lowered = lowered;
    this.activity = activity;
    this.tapeType = tapeType;
    this.scheduleType = scheduleType;
    this.names = lowered.names();
    this.recordOnlyWhatIsRead = recordOnlyWhatIsRead;
  }

  /**
   * Builds the reverse building block.
   *
   * @return a method taking the primal's parameters (each differentiated array followed by its
   *     adjoint array), then the seed and the tape
   */
  public IrMethod transform() {
    IrMethod primal = lowered.ir();
    DifferentiableMethod descriptor = lowered.descriptor();
    Var seed = new Var(names.fresh("seed"), primal.returnType(), Var.Kind.DERIVED);
    Var tape = new Var(names.fresh("tape"), tapeType, Var.Kind.DERIVED);
    List<Var> parameters = new ArrayList<>();
    Map<Var, Var> parameterShadows = new LinkedHashMap<>();
    for (Var p : primal.parameters()) {
      parameters.add(p);
      if (lowered.independents().contains(p) && p.type() instanceof ArrayType) {
        Var shadow = new Var(names.fresh(p.name() + "Bar"), p.type(), Var.Kind.DERIVED);
        parameterShadows.put(p, shadow);
        parameters.add(shadow);
      }
    }
    parameters.add(seed);
    parameters.add(tape);
    context = new ReverseContext(activity, names, tape, scheduleType, parameterShadows);

    List<Stmt> statements = primal.body().statements();
    Stmt.Return ret = (Stmt.Return) statements.get(statements.size() - 1);
    List<Stmt> body = statements.subList(0, statements.size() - 1);

    Recording recording;
    Rematerialization rematerialization = Rematerialization.none();
    if (recordOnlyWhatIsRead) {
      rematerialization = Rematerialization.of(primal.body(), activity, primal.parameters());
      context.rematerialization(rematerialization);
      context.recording(Recording.everything(primal.body(), activity));
      context.learnReads();
      Set<Var> reads = new HashSet<>();
      names.speculate(() -> {
        Block dry = reverseSweep(body, ret, seed);
        Reads.collect(dry, reads);
        // An array whose shadow the reverse sweep reads must be restored with its shadow.
        context.shadows().forEach((array, shadow) -> {
          if (reads.contains(shadow)) {
            reads.add(array);
          }
        });
      });
      recording = Recording.needed(primal.body(), activity, reads, primal.parameters(),
          rematerialization);
      // The dry run's names were given back: start again with a fresh set of adjoints.
      context = new ReverseContext(activity, names, tape, scheduleType, parameterShadows);
      context.rematerialization(rematerialization);
    } else {
      recording = Recording.everything(primal.body(), activity);
    }
    context.recording(recording);
    context.scratchArrays(ScratchArrays.of(primal, activity));

    Block.Builder out = new Block.Builder();
    out.add(new Stmt.Comment("forward sweep"));
    for (Var p : primal.parameters()) {
      if (p.type() instanceof ArrayType && activity.isActive(p) && !parameterShadows.containsKey(p)) {
        out.add(new Stmt.Let(context.shadow(p),
            new Expr.Call(new Callee.Runtime("zerosLike"), null, List.of(p), p.type())));
      }
    }
    Block forward = new ForwardSweep(context).build(body);
    Var frame = context.scratchFrame();
    if (frame != null) {
      out.add(ScratchArrays.open(tape, frame));
    }
    out.addAll(forward);
    Atom result = ret.value();
    if (result instanceof Var r && Recording.assignedInLoops(primal.body()).contains(r)) {
      Var saved = new Var(names.fresh("value"), r.type(), Var.Kind.DERIVED);
      out.add(new Stmt.Let(saved, r));
      result = saved;
    }
    out.add(new Stmt.Comment("reverse sweep"));
    out.addAll(reverseSweep(body, ret, seed));
    for (Var p : lowered.independents()) {
      if (p.type() == Primitive.DOUBLE) {
        Var adjoint = context.adjoint(p);
        out.add(new Stmt.Push(tape, declared.contains(adjoint) ? adjoint : Const.ZERO));
      }
    }
    if (frame != null) {
      out.add(ScratchArrays.close(tape, frame));
    }
    out.add(new Stmt.Return(result));
    LocalAccumulators accumulators = new LocalAccumulators(
        LocalAccumulators.candidates(primal.body(), primal.parameters(), activity, context.shadows()),
        shadow -> new Var(names.fresh(shadow.name() + "Sum"), Primitive.DOUBLE, Var.Kind.DERIVED),
        () -> context.temp(Primitive.BOOLEAN), () -> context.temp(Primitive.INT));
    return new IrMethod(descriptor.reverseName(), parameters, primal.returnType(),
        accumulators.apply(out.build()));
  }

  private Block reverseSweep(List<Stmt> body, Stmt.Return ret, Var seed) {
    declared = new HashSet<>();
    Block.Builder out = new Block.Builder();
    if (activity.isActive(ret.value())) {
      Var r = (Var) ret.value();
      if (r.type() instanceof ArrayType) {
        out.add(new Stmt.Eval(new Expr.Call(new Callee.Runtime("addTo"), null,
            List.of(context.shadow(r), seed), NoValue.VOID)));
      } else {
        accumulate(r, seed, out);
      }
    }
    out.addAll(reverse(body, 0));
    return out.build();
  }

  /** Reverses a list of statements, labelling each source statement's part with a comment. */
  private Block reverse(List<Stmt> statements, int loops) {
    Block.Builder out = new Block.Builder();
    List<Stmt> group = new ArrayList<>();
    recompute(context.rematerialization().atStart(statements), group);
    for (int i = statements.size() - 1; i >= 0; i--) {
      Stmt s = statements.get(i);
      if (s instanceof Stmt.Marker marker) {
        if (!group.isEmpty()) {
          out.add(new Stmt.Comment("grad of: " + marker.source()));
          group.forEach(out::add);
          group.clear();
        }
        continue;
      }
      Block.Builder reversed = new Block.Builder();
      reverse(s, reversed, loops);
      group.addAll(reversed.build().statements());
      recompute(context.rematerialization().after(s), group);
    }
    group.forEach(out::add);
    return out.build();
  }

  /**
   * Sets rematerialised variables again from their definitions (and an active row's shadow from
   * the matrix's), where {@link Rematerialization} found their operands back at their values.
   */
  private void recompute(List<Var> variables, List<Stmt> out) {
    for (Var v : variables) {
      Expr definition = context.rematerialization().definition(v);
      out.add(new Stmt.Set(v, definition));
      if (v.type() instanceof ArrayType && activity.isActive(v)) {
        Expr shadow = definition instanceof Expr.ArrayRead read
            ? new Expr.ArrayRead(context.shadow((Var) read.array()), read.index(), v.type())
            : context.shadow((Var) definition);
        out.add(new Stmt.Set(context.shadow(v), shadow));
      }
    }
  }

  private void reverse(Stmt s, Block.Builder out, int loops) {
    if (s instanceof Stmt.Let let) {
      reverseAssignment(let.target(), let.value(), out, loops, true, exitTests.get(s));
    } else if (s instanceof Stmt.Set set) {
      Expr inverse = context.rematerialization().inverse(set);
      reverseAssignment(set.target(), set.value(), out, loops, false,
          inverse != null ? inverse : exitTests.get(s));
    } else if (s instanceof Stmt.ArrayWrite write) {
      reverseArrayWrite(write, out);
    } else if (s instanceof Stmt.If branch) {
      reverseBranch(branch, out, loops);
    } else if (s instanceof Stmt.Loop loop) {
      reverseLoop(loop, out, loops);
    } else if (s instanceof Stmt.Eval eval) {
      restoreWrittenArguments(eval.value(), out);
    }
  }

  /**
   * Reverses one assignment. Inside a loop, the adjoint of a variable assigned with {@code Set}
   * (a loop variable) lives across iterations and is cleared once used; one declared with
   * {@code Let} gets a fresh adjoint in each reversed iteration. A recorded variable is popped
   * back, or, for a counter step with an {@code inverse}, set back by arithmetic.
   */
  private void reverseAssignment(Var target, Expr value, Block.Builder out, int loops,
      boolean isLet, Expr inverse) {
    restoreWrittenArguments(value, out);
    boolean isArray = target.type() instanceof ArrayType;
    if (value instanceof Expr.Call call && call.callee() instanceof Callee.Primal primal
        && !(activity.isActive(target) && (isArray || declared.contains(context.adjoint(target))))
        && writesActiveArray(call, primal.method())) {
      // The result carries nothing back, but what the callee wrote into active arrays does.
      Atom zero = isArray ? scratch(target, out) : Const.ZERO;
      reverseCall(call, primal.method(), zero, out);
    } else if (activity.isActive(target) && (isArray || declared.contains(context.adjoint(target)))) {
      if (value instanceof Expr.Call call && call.callee() instanceof Callee.Primal primal) {
        reverseCall(call, primal.method(), isArray ? context.shadow(target) : context.adjoint(target),
            out);
      } else if (value instanceof Expr.Call call && call.callee() instanceof Callee.Custom custom) {
        pullback(call, custom, isArray ? context.shadow(target) : context.adjoint(target), out);
      } else if (isArray) {
        reverseArrayValue(target, value, out);
      } else {
        reverseScalar(target, value, out);
      }
      if (!isArray && loops > 0 && !isLet) {
        out.add(new Stmt.Set(context.adjoint(target), Const.ZERO));
      }
    }
    boolean recorded = context.recording().records(target);
    // A counted loop's counter is not recorded, but its reversed iterations still step it back.
    if (loops > 0 && inverse != null
        && (recorded || context.rematerialization().counters().contains(target))) {
      out.add(new Stmt.Set(target, inverse));
      return;
    }
    if (loops > 0 && recorded) {
      if (isArray && activity.isActive(target)) {
        Var shadow = context.shadow(target);
        out.add(new Stmt.Set(shadow, new Expr.Pop(context.tape(), shadow.type())));
      }
      out.add(new Stmt.Set(target, new Expr.Pop(context.tape(), target.type())));
    }
  }

  private void reverseScalar(Var target, Expr value, Block.Builder out) {
    Var seed = context.adjoint(target);
    if (value instanceof Expr.ArrayRead read) {
      // One variable may take values from an active array on one path and from data on another.
      if (activity.isActive(read.array())) {
        addToElement((Var) read.array(), read.index(), seed, out);
      }
      return;
    }
    Rules.Rule rule = Rules.ruleFor(value).orElseThrow(
        () -> new IllegalStateException("no rule for active " + value));
    DerivativeBuilder d = new DerivativeBuilder(names, out, mathOwner(value));
    List<Atom> operands = value.operands();
    for (int i = 0; i < operands.size(); i++) {
      if (rule.transmits(i) && activity.isActive(operands.get(i))) {
        Atom contribution = rule.partials().get(i).times(d, seed, operands, target);
        accumulate((Var) operands.get(i), contribution, out);
      }
    }
  }

  /** Array values: only a literal's elements receive adjoints; copies and rows share shadows. */
  private void reverseArrayValue(Var target, Expr value, Block.Builder out) {
    if (value instanceof Expr.ArrayLiteral literal && ((ArrayType) target.type()).rank() == 1) {
      List<Atom> elements = literal.elements();
      for (int k = 0; k < elements.size(); k++) {
        if (activity.isActive(elements.get(k))) {
          Var element = context.temp(Primitive.DOUBLE);
          out.add(new Stmt.Let(element, new Expr.ArrayRead(context.shadow(target),
              new Const(k, Primitive.INT), Primitive.DOUBLE)));
          accumulate((Var) elements.get(k), element, out);
        }
      }
    }
  }

  /** {@code a[i] = v} reverses to {@code v̄ += ā[i]; ā[i] = 0}, then the old element comes back. */
  private void reverseArrayWrite(Stmt.ArrayWrite write, Block.Builder out) {
    Var array = (Var) write.array();
    if (write.value().type() instanceof ArrayType) {
      // A row stored into a matrix: the shadows share it; only the old rows come back.
      if (context.recordsElementsOf(array)) {
        if (activity.isActive(array)) {
          Var oldShadow = context.temp(write.value().type());
          out.add(new Stmt.Let(oldShadow, new Expr.Pop(context.tape(), oldShadow.type())));
          out.add(new Stmt.ArrayWrite(context.shadow(array), write.index(), oldShadow));
        }
        Var old = context.temp(write.value().type());
        out.add(new Stmt.Let(old, new Expr.Pop(context.tape(), old.type())));
        out.add(new Stmt.ArrayWrite(array, write.index(), old));
      }
      return;
    }
    if (activity.isActive(array)) {
      Var shadow = context.shadow(array);
      if (activity.isActive(write.value())) {
        Var element = context.temp(Primitive.DOUBLE);
        out.add(new Stmt.Let(element, new Expr.ArrayRead(shadow, write.index(), Primitive.DOUBLE)));
        accumulate((Var) write.value(), element, out);
      }
      out.add(new Stmt.ArrayWrite(shadow, write.index(), Const.ZERO));
    }
    if (context.recordsElementsOf(array)) {
      var component = ((ArrayType) array.type()).component();
      Var old = context.temp(component);
      out.add(new Stmt.Let(old, new Expr.Pop(context.tape(), component)));
      out.add(new Stmt.ArrayWrite(array, write.index(), old));
    }
  }

  /** {@code ā[i] += contribution}. */
  private void addToElement(Var array, Atom index, Atom contribution, Block.Builder out) {
    Var shadow = context.shadow(array);
    Var old = context.temp(Primitive.DOUBLE);
    out.add(new Stmt.Let(old, new Expr.ArrayRead(shadow, index, Primitive.DOUBLE)));
    Var sum = context.temp(Primitive.DOUBLE);
    out.add(new Stmt.Let(sum, new Expr.Binary(BinaryOp.ADD, old, contribution, Primitive.DOUBLE)));
    out.add(new Stmt.ArrayWrite(shadow, index, sum));
  }

  private boolean writesActiveArray(Expr.Call call, DifferentiableMethod callee) {
    List<Atom> args = call.arguments();
    for (int i = 0; i < args.size(); i++) {
      if (callee.writes(i) && activity.isActive(args.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** {@code g(args)} reverses to {@code gReverse(args, ȳ, tape)} and one pop per scalar partial. */
  private void reverseCall(Expr.Call call, DifferentiableMethod callee, Atom seed, Block.Builder out) {
    List<Atom> arguments = new ArrayList<>();
    if (call.receiver() != null) {
      arguments.add(call.receiver());
    }
    List<DifferentiableMethod.Parameter> params = callee.parameters();
    for (int i = 0; i < params.size(); i++) {
      Atom argument = call.arguments().get(i);
      arguments.add(argument);
      if (params.get(i).differentiated() && argument.type() instanceof ArrayType) {
        arguments.add(adjointArgument(argument, out));
      }
    }
    arguments.add(seed);
    arguments.add(context.tape());
    out.add(new Stmt.Eval(new Expr.Call(new Callee.Reverse(callee), null, arguments,
        callee.returnType())));
    for (int i = params.size() - 1; i >= 0; i--) {
      if (!params.get(i).differentiated() || params.get(i).type() != Primitive.DOUBLE) {
        continue;
      }
      Atom argument = call.arguments().get(i);
      Expr.Pop pop = new Expr.Pop(context.tape(), Primitive.DOUBLE);
      if (activity.isActive(argument)) {
        Var partial = context.temp(Primitive.DOUBLE);
        out.add(new Stmt.Let(partial, pop));
        accumulate((Var) argument, partial, out);
      } else {
        out.add(new Stmt.Eval(pop));
      }
    }
  }

  /**
   * {@code y = f(args)} with a registered pullback reverses to {@code fPullback(args, ȳ, ā…)},
   * which adds into the adjoint arrays, and whose result, when {@code f} has a {@code double}
   * parameter, is that parameter's adjoint contribution.
   */
  private void pullback(Expr.Call call, Callee.Custom custom, Atom seed, Block.Builder out) {
    List<Atom> arguments = new ArrayList<>(call.arguments());
    arguments.add(seed);
    Atom scalar = null;
    for (Atom argument : call.arguments()) {
      if (argument.type() instanceof ArrayType array && array.element() == Primitive.DOUBLE) {
        arguments.add(adjointArgument(argument, out));
      } else if (argument.type() == Primitive.DOUBLE) {
        scalar = argument;
      }
    }
    Expr.Call pullback = new Expr.Call(custom.pullback(), null, arguments,
        scalar == null ? NoValue.VOID : Primitive.DOUBLE);
    if (scalar == null || !activity.isActive(scalar)) {
      out.add(new Stmt.Eval(pullback));
    } else {
      Var contribution = context.temp(Primitive.DOUBLE);
      out.add(new Stmt.Let(contribution, pullback));
      accumulate((Var) scalar, contribution, out);
    }
  }

  /** The adjoint array to pass with an array argument: its shadow, or scratch for data. */
  private Var adjointArgument(Atom argument, Block.Builder out) {
    return activity.isActive(argument) ? context.shadow((Var) argument) : scratch(argument, out);
  }

  /** An adjoint array to throw away, for an inactive array passed where the callee wants one. */
  private Var scratch(Atom argument, Block.Builder out) {
    Var scratch = context.temp(argument.type());
    out.add(new Stmt.Let(scratch,
        new Expr.Call(new Callee.Runtime("zerosLike"), null, List.of(argument), argument.type())));
    return scratch;
  }

  private void restoreWrittenArguments(Expr value, Block.Builder out) {
    List<Atom> written = context.writtenArguments(value);
    for (int i = written.size() - 1; i >= 0; i--) {
      out.add(new Stmt.Eval(new Expr.Call(new Callee.Runtime("restore"), null,
          List.of(context.tape(), written.get(i)), NoValue.VOID)));
    }
  }

  /**
   * A branch reverses to the same branch over reversed statements. Adjoints that the branches
   * add to but that live outside it are declared (as 0) before it.
   */
  private void reverseBranch(Stmt.If branch, Block.Builder out, int loops) {
    if (!declareReceivers(new Block(List.of(branch)), out)) {
      return;
    }
    Set<Var> outside = new HashSet<>(declared);
    Block then = reverse(branch.then().statements(), loops);
    declared = new HashSet<>(outside);
    Block otherwise = reverse(branch.otherwise().statements(), loops);
    declared = outside;
    out.add(new Stmt.If(branch.condition(), then, otherwise));
  }

  /**
   * A loop reverses to its body, reversed, run as many times as the forward sweep counted; a
   * checkpointed loop, to its schedule's driver, which reverses one iteration at a time.
   */
  private void reverseLoop(Stmt.Loop loop, Block.Builder out, int loops) {
    declareReceivers(loop.body(), out);
    Set<Var> outside = new HashSet<>(declared);
    Var counter = context.reverseCounter();
    Stmt exitTest = context.rematerialization().exitTest(loop);
    if (exitTest != null) {
      // The test failed in the last iteration (reversed first, counter = count) and passed in
      // every other: before the iteration the counter reverses next, it held counter > 1.
      exitTests.put(exitTest, new Expr.Binary(BinaryOp.GT, counter, new Const(1, Primitive.INT),
          Primitive.BOOLEAN));
    }
    Block body = reverse(loop.body().statements(), loops + 1);
    declared = outside;
    if (loop.checkpointed()) {
      out.addAll(new CheckpointedLoop(context, loop).reverse(body));
      return;
    }
    Var count = context.temp(Primitive.INT);
    CountedLoop counted = context.rematerialization().counted(loop);
    if (counted != null) {
      out.addAll(counted.reverseEntry(count, () -> context.temp(Primitive.INT)));
    } else {
      out.add(new Stmt.Let(count, new Expr.Pop(context.tape(), Primitive.INT)));
    }
    out.add(new Stmt.Repeat(counter, count, body));
  }

  /**
   * Declares, as 0, the adjoints that statements inside {@code block} add to but whose variables
   * are defined outside it.
   *
   * @return whether the block has any active statement at all
   */
  private boolean declareReceivers(Block block, Block.Builder out) {
    Set<Var> receivers = new LinkedHashSet<>();
    Set<Var> definedInside = new HashSet<>();
    boolean[] anyActive = new boolean[1];
    Activity.forEachStatement(block, s -> {
      if (s instanceof Stmt.Let let) {
        definedInside.add(let.target());
      } else if (s instanceof Stmt.Declare declare) {
        definedInside.add(declare.target());
      }
      Var target = Stmt.assigned(s);
      Expr value = target == null ? null : Stmt.evaluated(s);
      // A call whose result is inactive still gives its scalar arguments adjoints when it writes
      // into an active array (see reverseAssignment).
      boolean writesActive = value instanceof Expr.Call call
          && call.callee() instanceof Callee.Primal primal
          && writesActiveArray(call, primal.method());
      if (target != null && (activity.isActive(target) || writesActive)) {
        anyActive[0] = true;
        for (Atom operand : value.operands()) {
          if (activity.isActive(operand) && operand.type() == Primitive.DOUBLE) {
            receivers.add((Var) operand);
          }
        }
      }
      if (s instanceof Stmt.ArrayWrite w && activity.isActive(w.array())) {
        anyActive[0] = true;
        if (activity.isActive(w.value())) {
          receivers.add((Var) w.value());
        }
      }
      if (s instanceof Stmt.Loop || !context.writtenArguments(
          s instanceof Stmt.Eval e ? e.value() : value == null ? Const.ZERO : value).isEmpty()) {
        anyActive[0] = true;
      }
      if (s instanceof Stmt.Let || s instanceof Stmt.Set) {
        if (context.recording().records(target)) {
          anyActive[0] = true;
        }
      }
      if (s instanceof Stmt.ArrayWrite w && context.recordsElementsOf(w.array())) {
        anyActive[0] = true;
      }
    });
    for (Var v : receivers) {
      if (!definedInside.contains(v) && !declared.contains(context.adjoint(v))) {
        out.add(new Stmt.Let(context.adjoint(v), Const.ZERO));
        declared.add(context.adjoint(v));
      }
    }
    return anyActive[0];
  }

  private void accumulate(Var v, Atom contribution, Block.Builder out) {
    Var adjoint = context.adjoint(v);
    if (declared.add(adjoint)) {
      out.add(new Stmt.Let(adjoint, contribution));
    } else {
      out.add(new Stmt.Set(adjoint,
          new Expr.Binary(BinaryOp.ADD, adjoint, contribution, Primitive.DOUBLE)));
    }
  }

  private static String mathOwner(Expr value) {
    return value instanceof Expr.Call c && c.callee() instanceof Callee.MathFunction f
        ? f.owner() : "java.lang.Math";
  }
}
