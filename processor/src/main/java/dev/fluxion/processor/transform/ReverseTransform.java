package dev.fluxion.processor.transform;

import dev.fluxion.processor.analysis.Activity;
import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.BinaryOp;
import dev.fluxion.processor.ir.Block;
import dev.fluxion.processor.ir.Callee;
import dev.fluxion.processor.ir.Const;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.IrMethod;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Reference;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.Var;
import dev.fluxion.processor.lower.LoweredMethod;
import dev.fluxion.processor.lower.NameAllocator;
import dev.fluxion.processor.model.DifferentiableMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse mode, IR to IR: turns a primal method {@code f(params)} into its reverse building block
 * {@code fReverse(params, seed, tape)}, which runs the primal (the forward sweep), then propagates
 * adjoints from the result back to the parameters (the reverse sweep), pushes {@code seed · ∂f/∂p}
 * for each differentiated parameter {@code p} onto the tape in declaration order, and returns the
 * primal value.
 *
 * <p>Each active assignment {@code y = op(x…)} becomes, in the reverse sweep, {@code x̄ +=
 * rule(ȳ)} for each active operand, with the rule from {@link Rules}. A branch becomes the same
 * branch over the reversed statements: lowering gave every value its own variable, so the
 * condition and every value a rule reads are still there. A call of another differentiable method
 * becomes a call of that method's reverse building block followed by pops of its partials.
 */
public final class ReverseTransform {
  private final LoweredMethod lowered;
  private final Activity activity;
  private final Reference tapeType;
  private final NameAllocator names;
  private final Map<Var, Var> adjoints = new HashMap<>();
  private Set<Var> declared = new HashSet<>();
  private Var tape;

  /**
   * Creates the transform for one method.
   *
   * @param lowered the lowered primal
   * @param activity its activity analysis
   * @param tapeType the runtime's tape class
   */
  public ReverseTransform(LoweredMethod lowered, Activity activity, Reference tapeType) {
    this.lowered = lowered;
    this.activity = activity;
    this.tapeType = tapeType;
    this.names = lowered.names();
  }

  /**
   * Builds the reverse building block.
   *
   * @return a method taking the primal's parameters, then the seed and the tape
   */
  public IrMethod transform() {
    IrMethod primal = lowered.ir();
    Var seed = new Var(names.fresh("seed"), Primitive.DOUBLE, Var.Kind.DERIVED);
    tape = new Var(names.fresh("tape"), tapeType, Var.Kind.DERIVED);
    List<Stmt> statements = primal.body().statements();
    Stmt.Return ret = (Stmt.Return) statements.get(statements.size() - 1);
    List<Stmt> body = statements.subList(0, statements.size() - 1);

    Block.Builder out = new Block.Builder();
    out.add(new Stmt.Comment("forward sweep"));
    Hoisting.forwardSweep(body, out);
    out.add(new Stmt.Comment("reverse sweep"));
    if (activity.isActive(ret.value())) {
      accumulate((Var) ret.value(), seed, out);
    }
    out.addAll(reverse(body));
    for (Var p : lowered.independents()) {
      out.add(new Stmt.Push(tape, declared.contains(adjoint(p)) ? adjoint(p) : Const.ZERO));
    }
    out.add(ret);

    List<Var> parameters = new ArrayList<>(primal.parameters());
    parameters.add(seed);
    parameters.add(tape);
    return new IrMethod(lowered.descriptor().reverseName(), parameters, Primitive.DOUBLE, out.build());
  }

  /** Reverses a list of statements, labelling each source statement's part with a comment. */
  private Block reverse(List<Stmt> statements) {
    Block.Builder out = new Block.Builder();
    List<Stmt> group = new ArrayList<>();
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
      reverse(s, reversed);
      group.addAll(reversed.build().statements());
    }
    group.forEach(out::add);
    return out.build();
  }

  private void reverse(Stmt s, Block.Builder out) {
    if (s instanceof Stmt.Let let) {
      reverseAssignment(let.target(), let.value(), out);
    } else if (s instanceof Stmt.Set set) {
      reverseAssignment(set.target(), set.value(), out);
    } else if (s instanceof Stmt.If branch) {
      reverseBranch(branch, out);
    }
  }

  private void reverseAssignment(Var target, Expr value, Block.Builder out) {
    if (!activity.isActive(target) || !declared.contains(adjoint(target))) {
      return;
    }
    Var seed = adjoint(target);
    if (value instanceof Expr.Call call && call.callee() instanceof Callee.Primal primal) {
      reverseCall(call, primal.method(), seed, out);
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

  /** {@code g(args)} reverses to {@code gReverse(args, ȳ, tape)} and one pop per partial. */
  private void reverseCall(Expr.Call call, DifferentiableMethod callee, Var seed, Block.Builder out) {
    List<Atom> arguments = new ArrayList<>();
    if (call.receiver() != null) {
      arguments.add(call.receiver());
    }
    arguments.addAll(call.arguments());
    arguments.add(seed);
    arguments.add(tape);
    out.add(new Stmt.Eval(new Expr.Call(new Callee.Reverse(callee), null, arguments, Primitive.DOUBLE)));
    List<DifferentiableMethod.Parameter> params = callee.parameters();
    for (int i = params.size() - 1; i >= 0; i--) {
      if (!params.get(i).differentiated()) {
        continue;
      }
      Atom argument = call.arguments().get(i);
      Expr.Pop pop = new Expr.Pop(tape, Primitive.DOUBLE);
      if (activity.isActive(argument)) {
        Var partial = new Var(names.numbered("t"), Primitive.DOUBLE, Var.Kind.TEMP);
        out.add(new Stmt.Let(partial, pop));
        accumulate((Var) argument, partial, out);
      } else {
        out.add(new Stmt.Eval(pop));
      }
    }
  }

  /**
   * A branch reverses to the same branch over reversed statements. Adjoints that the branches
   * add to but that live outside it are declared (as 0) before it.
   */
  private void reverseBranch(Stmt.If branch, Block.Builder out) {
    Set<Var> receivers = new LinkedHashSet<>();
    Set<Var> definedInside = new HashSet<>();
    Activity.forEachAssignment(new Block(List.of(branch)), (target, value) -> {
      definedInside.add(target);
      if (activity.isActive(target)) {
        for (Atom operand : value.operands()) {
          if (activity.isActive(operand)) {
            receivers.add((Var) operand);
          }
        }
      }
    });
    if (receivers.isEmpty()) {
      return;
    }
    for (Var v : receivers) {
      if (!definedInside.contains(v) && !declared.contains(adjoint(v))) {
        out.add(new Stmt.Let(adjoint(v), Const.ZERO));
        declared.add(adjoint(v));
      }
    }
    Set<Var> outside = new HashSet<>(declared);
    Block then = reverse(branch.then().statements());
    declared = new HashSet<>(outside);
    Block otherwise = reverse(branch.otherwise().statements());
    declared = outside;
    out.add(new Stmt.If(branch.condition(), then, otherwise));
  }

  private void accumulate(Var v, Atom contribution, Block.Builder out) {
    Var adjoint = adjoint(v);
    if (declared.add(adjoint)) {
      out.add(new Stmt.Let(adjoint, contribution));
    } else {
      out.add(new Stmt.Set(adjoint,
          new Expr.Binary(BinaryOp.ADD, adjoint, contribution, Primitive.DOUBLE)));
    }
  }

  private Var adjoint(Var v) {
    return adjoints.computeIfAbsent(v,
        k -> new Var(names.fresh(k.name() + "Bar"), Primitive.DOUBLE, Var.Kind.DERIVED));
  }

  private static String mathOwner(Expr value) {
    return value instanceof Expr.Call c && c.callee() instanceof Callee.MathFunction f
        ? f.owner() : "java.lang.Math";
  }
}
