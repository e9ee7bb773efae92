package dev.fluxion.processor.transform;

import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.BinaryOp;
import dev.fluxion.processor.ir.Block;
import dev.fluxion.processor.ir.Callee;
import dev.fluxion.processor.ir.Const;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.UnaryOp;
import dev.fluxion.processor.ir.Var;
import dev.fluxion.processor.lower.NameAllocator;
import java.util.List;

/**
 * Writes derivative arithmetic as IR in simple form, so that rules read like the math they state
 * ({@code d.mul(s, d.call("cos", x))}) and their output can be differentiated again. Each
 * operation appends one statement that names its result with a fresh temporary; operations on
 * constants and with the neutral elements 0 and 1 are folded away, so that generated code says
 * {@code xBar += yBar} rather than {@code xBar += yBar * 1.0}.
 */
public final class DerivativeBuilder {
  private final NameAllocator names;
  private final Block.Builder out;
  private final String mathOwner;

  /**
   * Creates a builder.
   *
   * @param names where temporaries get their names
   * @param out where statements go
   * @param mathOwner the class whose functions derivative code calls: {@code java.lang.Math}, or
   *     {@code java.lang.StrictMath} when differentiating a {@code StrictMath} call
   */
  public DerivativeBuilder(NameAllocator names, Block.Builder out, String mathOwner) {
    this.names = names;
    this.out = out;
    this.mathOwner = mathOwner;
  }

  /**
   * A {@code double} constant.
   *
   * @param value the value
   * @return the constant
   */
  public Atom c(double value) {
    return Const.of(value);
  }

  /**
   * {@code a + b}.
   *
   * @param a an operand
   * @param b an operand
   * @return the sum
   */
  public Atom add(Atom a, Atom b) {
    if (isZero(a)) {
      return b;
    }
    if (isZero(b)) {
      return a;
    }
    return arithmetic(BinaryOp.ADD, a, b);
  }

  /**
   * {@code a - b}.
   *
   * @param a an operand
   * @param b an operand
   * @return the difference
   */
  public Atom sub(Atom a, Atom b) {
    if (isZero(b)) {
      return a;
    }
    if (isZero(a)) {
      return neg(b);
    }
    return arithmetic(BinaryOp.SUB, a, b);
  }

  /**
   * {@code a * b}.
   *
   * @param a an operand
   * @param b an operand
   * @return the product
   */
  public Atom mul(Atom a, Atom b) {
    if (isZero(a) || isZero(b)) {
      return Const.ZERO;
    }
    if (isConst(a, 1)) {
      return b;
    }
    if (isConst(b, 1)) {
      return a;
    }
    if (isConst(a, -1)) {
      return neg(b);
    }
    if (isConst(b, -1)) {
      return neg(a);
    }
    return arithmetic(BinaryOp.MUL, a, b);
  }

  /**
   * {@code a / b}.
   *
   * @param a the dividend
   * @param b the divisor
   * @return the quotient
   */
  public Atom div(Atom a, Atom b) {
    if (isZero(a)) {
      return Const.ZERO;
    }
    if (isConst(b, 1)) {
      return a;
    }
    return arithmetic(BinaryOp.DIV, a, b);
  }

  /**
   * {@code -a}.
   *
   * @param a the operand
   * @return its negation
   */
  public Atom neg(Atom a) {
    if (a instanceof Const k && k.type() == Primitive.DOUBLE) {
      return Const.of(-k.asDouble());
    }
    return emit(new Expr.Unary(UnaryOp.NEG, a, Primitive.DOUBLE));
  }

  /**
   * {@code condition ? ifTrue : ifFalse} on values already computed.
   *
   * @param condition a boolean
   * @param ifTrue the value when it holds
   * @param ifFalse the value otherwise
   * @return the chosen value
   */
  public Atom select(Atom condition, Atom ifTrue, Atom ifFalse) {
    if (condition instanceof Const k) {
      return (Boolean) k.value() ? ifTrue : ifFalse;
    }
    if (ifTrue.equals(ifFalse)) {
      return ifTrue;
    }
    return emit(new Expr.Select(condition, ifTrue, ifFalse, Primitive.DOUBLE));
  }

  /**
   * {@code a > b}.
   *
   * @param a an operand
   * @param b an operand
   * @return the comparison
   */
  public Atom gt(Atom a, Atom b) {
    return compare(BinaryOp.GT, a, b);
  }

  /**
   * {@code a < b}.
   *
   * @param a an operand
   * @param b an operand
   * @return the comparison
   */
  public Atom lt(Atom a, Atom b) {
    return compare(BinaryOp.LT, a, b);
  }

  /**
   * {@code a == b}.
   *
   * @param a an operand
   * @param b an operand
   * @return the comparison
   */
  public Atom eq(Atom a, Atom b) {
    return compare(BinaryOp.EQ, a, b);
  }

  /**
   * A call of a {@code Math} function (or {@code StrictMath}, matching the call differentiated).
   *
   * @param name the function's name
   * @param arguments its arguments
   * @return the result
   */
  public Atom call(String name, Atom... arguments) {
    return emit(new Expr.Call(
        new Callee.MathFunction(mathOwner, name), null, List.of(arguments), Primitive.DOUBLE));
  }

  /**
   * A call of a {@code @Differentiable} method (a registered partial derivative), whose own
   * derivatives the transforms know, so that rules using it can be differentiated again.
   *
   * @param method the method
   * @param arguments its arguments
   * @return the result
   */
  public Atom call(dev.fluxion.processor.model.DifferentiableMethod method, List<Atom> arguments) {
    return emit(new Expr.Call(new Callee.Primal(method), null, arguments, Primitive.DOUBLE));
  }

  /**
   * {@code base} to the power {@code exponent}, folding the exponents 0 and 1.
   *
   * @param base the base
   * @param exponent the exponent
   * @return the power
   */
  public Atom pow(Atom base, Atom exponent) {
    if (isConst(exponent, 1)) {
      return base;
    }
    if (isZero(exponent)) {
      return Const.ONE;
    }
    return call("pow", base, exponent);
  }

  private Atom compare(BinaryOp op, Atom a, Atom b) {
    if (a instanceof Const x && b instanceof Const y) {
      double l = x.asDouble();
      double r = y.asDouble();
      return Const.of(switch (op) {
        case GT -> l > r;
        case LT -> l < r;
        default -> l == r;
      });
    }
    return emit(new Expr.Binary(op, a, b, Primitive.BOOLEAN));
  }

  private Atom arithmetic(BinaryOp op, Atom a, Atom b) {
    if (a instanceof Const x && b instanceof Const y && x.type() != Primitive.BOOLEAN
        && y.type() != Primitive.BOOLEAN) {
      double l = x.asDouble();
      double r = y.asDouble();
      return Const.of(switch (op) {
        case ADD -> l + r;
        case SUB -> l - r;
        case MUL -> l * r;
        default -> l / r;
      });
    }
    return emit(new Expr.Binary(op, a, b, Primitive.DOUBLE));
  }

  private Var emit(Expr value) {
    Var t = new Var(names.numbered("t"), value.type(), Var.Kind.TEMP);
    out.add(new Stmt.Let(t, value));
    return t;
  }

  private static boolean isZero(Atom a) {
    return a instanceof Const k && k.type() != Primitive.BOOLEAN && k.asDouble() == 0;
  }

  private static boolean isConst(Atom a, double value) {
    return a instanceof Const k && k.type() != Primitive.BOOLEAN && k.asDouble() == value;
  }
}
