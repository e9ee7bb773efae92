package dev.fluxion.processor.transform;

import dev.fluxion.processor.ir.ArrayType;
import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.BinaryOp;
import dev.fluxion.processor.ir.Block;
import dev.fluxion.processor.ir.Callee;
import dev.fluxion.processor.ir.Const;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.IrMethod;
import dev.fluxion.processor.ir.IrType;
import dev.fluxion.processor.ir.NoValue;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.Var;
import dev.fluxion.processor.lower.NameAllocator;
import dev.fluxion.processor.model.DifferentiableMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Forward mode, IR to IR: every value that varies gets a tangent ({@code xDot}) computed next to
 * it with the same rules as reverse mode ({@code ẏ = Σ rule(ẋᵢ)}). Run on a primal method it
 * gives the forward-mode building block ({@code fForward}: value returned, tangent pushed); run on
 * a reverse building block it gives second order ({@code fReverseForward}: the partials and, next
 * to each, its directional derivative: a Hessian-vector product).
 *
 * <p>Code that uses the tape stays in step: every {@code double} or array pushed is followed by
 * its tangent, and every pop takes the tangent first. A call of another differentiable method
 * becomes a call of that method's forward (or reverse-forward) block.
 */
public final class ForwardTransform {
  private final IrMethod source;
  private final List<Var> tangentInputs;
  private final Predicate<Atom> varies;
  private final NameAllocator names;
  private final boolean pushResultTangent;
  private final Map<Var, Var> tangents = new HashMap<>();
  private Var tape;

  /**
   * Creates the transform.
   *
   * @param source the method to differentiate
   * @param tangentInputs the parameters that get a tangent parameter
   * @param varies which values vary with the tangent inputs (and so get tangents)
   * @param names names for the new variables, continuing the source's
   * @param pushResultTangent whether the result's tangent is pushed before returning (forward
   *     blocks) or not (reverse-forward blocks, whose outputs are the pushed partials)
   */
  public ForwardTransform(IrMethod source, List<Var> tangentInputs, Predicate<Atom> varies,
      NameAllocator names, boolean pushResultTangent) {
    this.source = source;
    this.tangentInputs = List.copyOf(tangentInputs);
    this.varies = varies;
    this.names = names;
    this.pushResultTangent = pushResultTangent;
  }

  /**
   * Writes the forward-mode method.
   *
   * @param name its name
   * @param tapeVar the tape parameter to use: the source's own when it has one, else a new one
   *     appended to the parameters
   * @return the method: each parameter followed by its tangent where it has one, and the tape
   */
  public IrMethod transform(String name, Var tapeVar) {
    this.tape = tapeVar;
    List<Var> params = new ArrayList<>();
    Block.Builder out = new Block.Builder();
    for (Var p : source.parameters()) {
      params.add(p);
      if (tangentInputs.contains(p)) {
        params.add(tangent(p));
      } else if (p.type() instanceof ArrayType && varies.test(p)) {
        out.add(new Stmt.Let(tangent(p), zerosLike(p)));
      }
    }
    if (!params.contains(tapeVar)) {
      params.add(tapeVar);
    }
    out.addAll(block(source.body()));
    return new IrMethod(name, params, source.returnType(), out.build());
  }

  private Block block(Block block) {
    Block.Builder out = new Block.Builder();
    for (Stmt s : block.statements()) {
      statement(s, out);
    }
    return out.build();
  }

  private void statement(Stmt s, Block.Builder out) {
    if (s instanceof Stmt.Marker) {
      return;
    }
    if (s instanceof Stmt.Let let) {
      assign(let.target(), let.value(), true, out);
    } else if (s instanceof Stmt.Set set) {
      assign(set.target(), set.value(), false, out);
    } else if (s instanceof Stmt.Declare declare) {
      Var v = declare.target();
      out.add(new Stmt.Declare(v, zero(v.type(), declare.initial())));
      if (varies.test(v)) {
        out.add(new Stmt.Declare(tangent(v), zero(v.type(), null)));
      }
    } else if (s instanceof Stmt.ArrayWrite write) {
      out.add(write);
      if (varies.test(write.array())) {
        out.add(new Stmt.ArrayWrite(tangent((Var) write.array()), write.index(),
            tangentOf(write.value())));
      }
    } else if (s instanceof Stmt.If branch) {
      out.add(new Stmt.If(branch.condition(), block(branch.then()), block(branch.otherwise())));
    } else if (s instanceof Stmt.Loop loop) {
      out.add(new Stmt.Loop(loop.label(), block(loop.body())));
    } else if (s instanceof Stmt.Repeat repeat) {
      out.add(new Stmt.Repeat(repeat.counter(), repeat.count(), block(repeat.body())));
    } else if (s instanceof Stmt.Return ret) {
      if (pushResultTangent) {
        out.add(new Stmt.Push(tape, tangentOf(ret.value())));
      }
      out.add(ret);
    } else if (s instanceof Stmt.Push push) {
      out.add(push);
      if (carriesTangent(push.value().type())) {
        // Onto the same tape: a checkpointed loop stores states on tapes of their own.
        out.add(new Stmt.Push(push.tape(), tangentOf(push.value())));
      }
    } else if (s instanceof Stmt.Eval eval) {
      evaluate(eval.value(), out);
    } else {
      out.add(s);
    }
  }

  private void evaluate(Expr value, Block.Builder out) {
    if (value instanceof Expr.Pop pop) {
      if (carriesTangent(pop.type())) {
        out.add(new Stmt.Eval(pop));
      }
      out.add(new Stmt.Eval(pop));
      return;
    }
    if (value instanceof Expr.Call call) {
      Callee callee = call.callee();
      if (callee instanceof Callee.Reverse r) {
        out.add(new Stmt.Eval(reverseForwardCall(call, r.method(), out)));
        return;
      }
      if (callee instanceof Callee.Primal p) {
        out.add(new Stmt.Eval(forwardCall(call, p.method(), out)));
        out.add(new Stmt.Eval(new Expr.Pop(tape, p.method().returnType())));
        return;
      }
      if (callee instanceof Callee.Runtime runtime) {
        runtime(call, runtime.name(), out);
        return;
      }
      if (callee instanceof Callee.Custom custom && custom.outputs() > 0) {
        // A pullback adds into adjoint arrays; its tangent adds into their tangents.
        out.add(new Stmt.Eval(call));
        out.add(new Stmt.Eval(tangentCall(call, custom, out)));
        return;
      }
    }
    out.add(new Stmt.Eval(value));
  }

  /** The runtime's array helpers are linear: the tangent arrays get the same treatment. */
  private void runtime(Expr.Call call, String name, Block.Builder out) {
    List<Atom> args = call.arguments();
    switch (name) {
      case "addTo", "carry" -> {
        out.add(new Stmt.Eval(call));
        if (varies.test(args.get(1))) {
          out.add(new Stmt.Eval(new Expr.Call(call.callee(), null,
              List.of(tangentOf(args.get(0)), tangentOf(args.get(1))), NoValue.VOID)));
        }
      }
      case "save" -> {
        out.add(new Stmt.Eval(call));
        if (carriesTangent(args.get(1).type()) && varies.test(args.get(1))) {
          out.add(new Stmt.Eval(new Expr.Call(call.callee(), null,
              List.of(args.get(0), tangentOf(args.get(1))), NoValue.VOID)));
        }
      }
      case "restore" -> {
        if (carriesTangent(args.get(1).type()) && varies.test(args.get(1))) {
          out.add(new Stmt.Eval(new Expr.Call(call.callee(), null,
              List.of(args.get(0), tangentOf(args.get(1))), NoValue.VOID)));
        }
        out.add(new Stmt.Eval(call));
      }
      default -> out.add(new Stmt.Eval(call));
    }
  }

  private void assign(Var target, Expr value, boolean isLet, Block.Builder out) {
    boolean withTangent = varies.test(target);
    if (value instanceof Expr.Pop pop) {
      if (carriesTangent(pop.type())) {
        Stmt tangentPop = withTangent
            ? (isLet ? new Stmt.Let(tangent(target), pop) : new Stmt.Set(tangent(target), pop))
            : new Stmt.Eval(pop);
        out.add(tangentPop);
      }
      out.add(isLet ? new Stmt.Let(target, value) : new Stmt.Set(target, value));
      return;
    }
    if (value instanceof Expr.Call call && call.callee() instanceof Callee.Primal p) {
      Expr forward = forwardCall(call, p.method(), out);
      out.add(isLet ? new Stmt.Let(target, forward) : new Stmt.Set(target, forward));
      Expr.Pop pop = new Expr.Pop(tape, p.method().returnType());
      out.add(withTangent
          ? (isLet ? new Stmt.Let(tangent(target), pop) : new Stmt.Set(tangent(target), pop))
          : new Stmt.Eval(pop));
      return;
    }
    if (!withTangent) {
      out.add(isLet ? new Stmt.Let(target, value) : new Stmt.Set(target, value));
      return;
    }
    Var result = target;
    boolean overwritesOperand = value.operands().contains(target);
    if (overwritesOperand) {
      result = new Var(names.numbered("t"), target.type(), Var.Kind.TEMP);
      out.add(new Stmt.Let(result, value));
    } else {
      out.add(isLet ? new Stmt.Let(target, value) : new Stmt.Set(target, value));
    }
    Expr tangentValue = tangentValue(result, value, out);
    if (overwritesOperand) {
      Var resultDot = new Var(names.numbered("t"), target.type(), Var.Kind.TEMP);
      out.add(new Stmt.Let(resultDot, tangentValue));
      out.add(new Stmt.Set(target, result));
      out.add(new Stmt.Set(tangent(target), resultDot));
    } else {
      out.add(isLet ? new Stmt.Let(tangent(target), tangentValue)
          : new Stmt.Set(tangent(target), tangentValue));
    }
  }

  /** The tangent of a value just computed into {@code result}. */
  private Expr tangentValue(Var result, Expr value, Block.Builder out) {
    if (value instanceof Expr.Call call && call.callee() instanceof Callee.Custom custom) {
      return tangentCall(call, custom, out);
    }
    if (result.type() instanceof ArrayType type) {
      return arrayTangent(result, type, value);
    }
    if (value instanceof Expr.ArrayRead read) {
      return varies.test(read.array())
          ? new Expr.ArrayRead(tangent((Var) read.array()), read.index(), read.type())
          : Const.ZERO;
    }
    Rules.Rule rule = Rules.ruleFor(value).orElseThrow(
        () -> new IllegalStateException("no rule for a varying " + value));
    DerivativeBuilder d = new DerivativeBuilder(names, out, mathOwner(value));
    List<Atom> operands = value.operands();
    Atom sum = Const.ZERO;
    for (int i = 0; i < operands.size(); i++) {
      if (rule.transmits(i) && varies.test(operands.get(i))) {
        Atom term = rule.partials().get(i).times(d, tangentOf(operands.get(i)), operands, result);
        sum = d.add(sum, term);
      }
    }
    return sum;
  }

  private Expr arrayTangent(Var result, ArrayType type, Expr value) {
    if (value instanceof Var source) {
      return tangentOf(source);
    }
    if (value instanceof Expr.ArrayRead read) {
      return new Expr.ArrayRead(tangentOf(read.array()), read.index(), type);
    }
    if (value instanceof Expr.NewArray) {
      return value;
    }
    if (value instanceof Expr.ArrayLiteral literal) {
      List<Atom> elements = new ArrayList<>();
      for (Atom e : literal.elements()) {
        elements.add(tangentOf(e));
      }
      return new Expr.ArrayLiteral(type, elements);
    }
    if (value instanceof Expr.Call call && call.callee() instanceof Callee.Runtime
        || ScratchArrays.isLoan(value)) {
      // A tangent of zeros like the value's: a new array, or another loan from the tape.
      return value;
    }
    // Data (a stopped gradient, a plain method's result, a field): its tangent is zero, but the
    // array may later receive varying elements, so it gets a tangent array of its own.
    return new Expr.Call(new Callee.Runtime("zerosLike"), null, List.of(result), type);
  }

  /**
   * The registered tangent of a call, {@code fTangent(arg, argDot, …)}: each {@code double} or
   * {@code double} array argument followed by its tangent.
   */
  private Expr tangentCall(Expr.Call call, Callee.Custom custom, Block.Builder out) {
    List<Atom> args = new ArrayList<>();
    for (Atom a : call.arguments()) {
      args.add(a);
      if (carriesTangent(a.type())) {
        args.add(argumentTangent(a, out));
      }
    }
    return new Expr.Call(custom.tangent(), null, args, call.type());
  }

  /** {@code g(args)} becomes {@code gForward(arg, argDot, …, tape)}. */
  private Expr forwardCall(Expr.Call call, DifferentiableMethod callee, Block.Builder out) {
    List<Atom> args = new ArrayList<>();
    if (call.receiver() != null) {
      args.add(call.receiver());
    }
    List<DifferentiableMethod.Parameter> params = callee.parameters();
    for (int i = 0; i < params.size(); i++) {
      args.add(call.arguments().get(i));
      if (params.get(i).differentiated()) {
        args.add(argumentTangent(call.arguments().get(i), out));
      }
    }
    args.add(tape);
    return new Expr.Call(new Callee.Forward(callee), null, args, callee.returnType());
  }

  /** {@code gReverse(args)} becomes {@code gReverseForward(arg, argDot, …, tape)}. */
  private Expr reverseForwardCall(Expr.Call call, DifferentiableMethod callee, Block.Builder out) {
    List<Boolean> withTangent = Signatures.reverseTangents(callee);
    List<Atom> args = new ArrayList<>();
    List<Atom> reverseArgs = call.arguments();
    for (int i = 0; i < reverseArgs.size(); i++) {
      Atom a = reverseArgs.get(i);
      if (a.equals(tape)) {
        continue;
      }
      args.add(a);
      if (withTangent.get(i)) {
        args.add(argumentTangent(a, out));
      }
    }
    args.add(tape);
    return new Expr.Call(new Callee.ReverseForward(callee), null, args, callee.returnType());
  }

  /** The tangent to pass for an argument: zeros for an array that does not vary. */
  private Atom argumentTangent(Atom a, Block.Builder out) {
    if (a instanceof Var v && v.type() instanceof ArrayType && !varies.test(v)) {
      Var zeros = new Var(names.numbered("t"), v.type(), Var.Kind.TEMP);
      out.add(new Stmt.Let(zeros, zerosLike(v)));
      return zeros;
    }
    return tangentOf(a);
  }

  /** The tangent of an atom: its tangent variable, or zero where it does not vary. */
  private Atom tangentOf(Atom a) {
    if (a instanceof Var v && varies.test(v)) {
      return tangent(v);
    }
    if (a.type() instanceof ArrayType) {
      throw new IllegalStateException("an array without a tangent where one is needed: " + a);
    }
    return Const.ZERO;
  }

  private Var tangent(Var v) {
    return tangents.computeIfAbsent(v,
        k -> new Var(names.fresh(k.name() + "Dot"), k.type(), Var.Kind.DERIVED));
  }

  private static Expr zerosLike(Var array) {
    return new Expr.Call(new Callee.Runtime("zerosLike"), null, List.of(array), array.type());
  }

  private static boolean carriesTangent(IrType type) {
    return type == Primitive.DOUBLE || type instanceof ArrayType a && a.element() == Primitive.DOUBLE;
  }

  private static Const zero(IrType type, Const initial) {
    if (initial != null) {
      return initial;
    }
    return type instanceof Primitive p ? Const.zeroOf(p) : null;
  }

  private static String mathOwner(Expr value) {
    return value instanceof Expr.Call c && c.callee() instanceof Callee.MathFunction f
        ? f.owner() : "java.lang.Math";
  }
}
