package dev.fluxion.processor.transform;

import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.BinaryOp;
import dev.fluxion.processor.ir.Callee;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.UnaryOp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The derivative of every primitive operation, one entry each: the one place that knows calculus.
 *
 * <p>An entry gives, for each argument, the seed times the partial derivative with respect to
 * that argument, written with a {@link DerivativeBuilder}: {@code sin: s·cos(x)}. The same entry
 * serves both modes, because a partial derivative is a scalar: reverse mode adds {@code rule(ȳ)}
 * to {@code x̄}, forward mode sums {@code rule(ẋ)} into {@code ẏ}. Rules are written with
 * primitives that have rules themselves, never with opaque helpers, so derivative code can be
 * differentiated again (second order).
 *
 * <p>Conventions where the derivative does not exist (documented in the README, tested in the
 * corpus): {@code abs'(0) = 0}; {@code max} and {@code min} at a tie split the seed evenly;
 * {@code floor}, {@code ceil}, {@code rint}, {@code signum} and {@code ulp} have derivative 0;
 * {@code pow(x, y)} has {@code ∂/∂y = 0} where {@code x <= 0} and {@code ∂/∂x = 0} where
 * {@code y = 0}; {@code hypot} and {@code atan2} have zero partials at the origin.
 */
public final class Rules {
  private Rules() {}

  /** The seed times one partial derivative. A {@code null} partial means the derivative is 0. */
  @FunctionalInterface
  public interface Partial {
    /**
     * Writes {@code seed · ∂f/∂argument}.
     *
     * @param d the builder to write with
     * @param seed the seed (an adjoint in reverse mode, a tangent in forward mode)
     * @param args the operation's arguments
     * @param result the operation's result
     * @return the product
     */
    Atom times(DerivativeBuilder d, Atom seed, List<Atom> args, Atom result);
  }

  /**
   * The derivative of one primitive.
   *
   * @param name the primitive, for messages
   * @param partials one per argument; {@code null} where the derivative is identically 0
   */
  public record Rule(String name, List<Partial> partials) {
    /**
     * Tells whether the result can vary with argument {@code i}.
     *
     * @param i the argument's index
     * @return {@code false} where the partial is identically 0
     */
    public boolean transmits(int i) {
      return i < partials.size() && partials.get(i) != null;
    }
  }

  @FunctionalInterface
  private interface Unary {
    Atom times(DerivativeBuilder d, Atom s, Atom x, Atom y);
  }

  @FunctionalInterface
  private interface Binary {
    Atom times(DerivativeBuilder d, Atom s, Atom a, Atom b, Atom y);
  }

  private static final Map<Object, Rule> TABLE = new HashMap<>();

  private static final Rule IDENTITY = new Rule("copy", List.of((d, s, a, y) -> s));

  static {
    // Operators.
    operator(BinaryOp.ADD, (d, s, a, b, y) -> s, (d, s, a, b, y) -> s);
    operator(BinaryOp.SUB, (d, s, a, b, y) -> s, (d, s, a, b, y) -> d.neg(s));
    operator(BinaryOp.MUL, (d, s, a, b, y) -> d.mul(s, b), (d, s, a, b, y) -> d.mul(s, a));
    operator(BinaryOp.DIV,
        (d, s, a, b, y) -> d.div(s, b),
        (d, s, a, b, y) -> d.neg(d.div(d.mul(s, y), b)));
    // a % b = a - b·q with q = trunc(a / b) = (a - y) / b, constant between jumps.
    operator(BinaryOp.REM,
        (d, s, a, b, y) -> s,
        (d, s, a, b, y) -> d.neg(d.mul(s, d.div(d.sub(a, y), b))));
    TABLE.put(UnaryOp.NEG, new Rule("-", List.of((d, s, a, y) -> d.neg(s))));
    TABLE.put(Expr.Select.class, new Rule("?:", Arrays.asList(null,
        (d, s, a, y) -> d.select(a.get(0), s, d.c(0)),
        (d, s, a, y) -> d.select(a.get(0), d.c(0), s))));

    // Trigonometric.
    function("sin", (d, s, x, y) -> d.mul(s, d.call("cos", x)));
    function("cos", (d, s, x, y) -> d.neg(d.mul(s, d.call("sin", x))));
    function("tan", (d, s, x, y) -> d.mul(s, d.add(d.c(1), d.mul(y, y))));
    // (1 − x)(1 + x) rather than 1 − x², which loses digits near ±1.
    function("asin", (d, s, x, y) -> d.div(s, d.call("sqrt", oneMinusSquare(d, x))));
    function("acos", (d, s, x, y) -> d.neg(d.div(s, d.call("sqrt", oneMinusSquare(d, x)))));
    function("atan", (d, s, x, y) -> d.div(s, d.add(d.c(1), d.mul(x, x))));
    // atan2(a, b): ∂/∂a = b/r², ∂/∂b = −a/r², written (b/r)/r with r = hypot(a, b) so that r²
    // neither overflows nor underflows; 0 at the origin.
    function("atan2",
        (d, s, a, b, y) -> atOrigin(d, b, a, s, false),
        (d, s, a, b, y) -> atOrigin(d, a, b, s, true));
    function("toRadians", (d, s, x, y) -> d.call("toRadians", s));
    function("toDegrees", (d, s, x, y) -> d.call("toDegrees", s));

    // Hyperbolic.
    function("sinh", (d, s, x, y) -> d.mul(s, d.call("cosh", x)));
    function("cosh", (d, s, x, y) -> d.mul(s, d.call("sinh", x)));
    // sech²(x) = 4e/(1 + e)² with e = exp(−2|x|): accurate to a few ulps for every x, where
    // 1 − tanh²(x) is 0 for |x| beyond about 19, and one exp (a JIT intrinsic) where 1/cosh²(x)
    // costs a cosh (a native StrictMath call up to JDK 20). abs'(0) = 0 keeps second order
    // right: sech² is even, its derivative 0 at 0.
    function("tanh", (d, s, x, y) -> {
      Atom e = d.call("exp", d.mul(d.c(-2), d.call("abs", x)));
      Atom onePlusE = d.add(d.c(1), e);
      return d.div(d.mul(s, d.mul(d.c(4), e)), d.mul(onePlusE, onePlusE));
    });

    // Exponential and logarithmic.
    function("exp", (d, s, x, y) -> d.mul(s, y));
    function("expm1", (d, s, x, y) -> d.mul(s, d.add(y, d.c(1))));
    function("log", (d, s, x, y) -> d.div(s, x));
    function("log10", (d, s, x, y) -> d.div(s, d.mul(x, d.c(Math.log(10)))));
    function("log1p", (d, s, x, y) -> d.div(s, d.add(d.c(1), x)));

    // Powers and roots.
    function("sqrt", (d, s, x, y) -> d.div(s, d.mul(d.c(2), y)));
    function("cbrt", (d, s, x, y) -> d.div(s, d.mul(d.c(3), d.mul(y, y))));
    function("pow",
        (d, s, x, p, y) -> d.select(d.eq(p, d.c(0)), d.c(0),
            d.mul(d.mul(s, p), d.pow(x, d.sub(p, d.c(1))))),
        (d, s, x, p, y) -> d.select(d.gt(x, d.c(0)), d.mul(d.mul(s, y), d.call("log", x)), d.c(0)));
    function("hypot",
        (d, s, a, b, y) -> d.select(d.eq(y, d.c(0)), d.c(0), d.mul(s, d.div(a, y))),
        (d, s, a, b, y) -> d.select(d.eq(y, d.c(0)), d.c(0), d.mul(s, d.div(b, y))));
    TABLE.put("fma", new Rule("fma", List.of(
        (d, s, a, y) -> d.mul(s, a.get(1)),
        (d, s, a, y) -> d.mul(s, a.get(0)),
        (d, s, a, y) -> s)));

    // Piecewise: kinks follow the documented conventions.
    function("abs", (d, s, x, y) -> d.mul(s, d.call("signum", x)));
    function("max", (d, s, a, b, y) -> tie(d, s, d.gt(a, b), d.eq(a, b)),
        (d, s, a, b, y) -> tie(d, s, d.lt(a, b), d.eq(a, b)));
    function("min", (d, s, a, b, y) -> tie(d, s, d.lt(a, b), d.eq(a, b)),
        (d, s, a, b, y) -> tie(d, s, d.gt(a, b), d.eq(a, b)));
    function("copySign",
        (d, s, m, g, y) -> d.mul(d.mul(s, d.call("signum", m)), d.call("copySign", d.c(1), g)),
        null);
    function("IEEEremainder", (d, s, a, b, y) -> s,
        (d, s, a, b, y) -> d.neg(d.mul(s, d.div(d.sub(a, y), b))));
    function("nextUp", (d, s, x, y) -> s);
    function("nextDown", (d, s, x, y) -> s);
    function("nextAfter", (d, s, a, b, y) -> s, null);
    TABLE.put("scalb", new Rule("scalb", Arrays.asList(
        (d, s, a, y) -> d.call("scalb", s, a.get(1)), null)));
    for (String flat : List.of("floor", "ceil", "rint", "signum", "ulp")) {
      TABLE.put(flat, new Rule(flat, Arrays.asList((Partial) null)));
    }
  }

  /**
   * The rule of a method with user-registered partials: {@code s · ∂f/∂xᵢ(args)}, each partial a
   * call of the registered {@code @Differentiable} method. Parameters without a partial have
   * none here; the call checker rejects varying arguments for them.
   */
  private static Rule registered(Callee.Registered callee) {
    List<Partial> partials = new java.util.ArrayList<>();
    for (var method : callee.partials()) {
      partials.add(method == null ? null : (d, s, a, y) -> d.mul(s, d.call(method, a)));
    }
    return new Rule(callee.name(), partials);
  }

  /** The seed where {@code chosen} holds, half of it at a tie, 0 otherwise. */
  private static Atom tie(DerivativeBuilder d, Atom s, Atom chosen, Atom tie) {
    return d.select(chosen, s, d.select(tie, d.mul(d.c(0.5), s), d.c(0)));
  }

  private static Atom oneMinusSquare(DerivativeBuilder d, Atom x) {
    return d.mul(d.sub(d.c(1), x), d.add(d.c(1), x));
  }

  /** {@code ±s·(numerator/r)/r} with {@code r = hypot(numerator, other)}, 0 where r = 0. */
  private static Atom atOrigin(
      DerivativeBuilder d, Atom numerator, Atom other, Atom s, boolean negate) {
    Atom r = d.call("hypot", numerator, other);
    Atom partial = d.div(d.mul(s, d.div(numerator, r)), r);
    return d.select(d.eq(r, d.c(0)), d.c(0), negate ? d.neg(partial) : partial);
  }

  private static void operator(BinaryOp op, Binary left, Binary right) {
    TABLE.put(op, binaryRule(op.symbol(), left, right));
  }

  private static void function(String name, Unary partial) {
    TABLE.put(name, new Rule(name, List.of(
        (d, s, a, y) -> partial.times(d, s, a.get(0), y))));
  }

  private static void function(String name, Binary left, Binary right) {
    TABLE.put(name, binaryRule(name, left, right));
  }

  private static Rule binaryRule(String name, Binary left, Binary right) {
    return new Rule(name, Arrays.asList(
        left == null ? null : (d, s, a, y) -> left.times(d, s, a.get(0), a.get(1), y),
        right == null ? null : (d, s, a, y) -> right.times(d, s, a.get(0), a.get(1), y)));
  }

  /**
   * The rule for a {@code double}-valued expression.
   *
   * @param value the expression
   * @return its rule, or empty when the expression is a call this table does not know
   *     ({@code Math} functions without a rule, and calls of other methods, which the transforms
   *     treat themselves)
   */
  public static Optional<Rule> ruleFor(Expr value) {
    if (value instanceof Atom) {
      return Optional.of(IDENTITY);
    }
    if (value instanceof Expr.Cast cast) {
      return Optional.of(cast.operand().type() == Primitive.DOUBLE
          ? IDENTITY : new Rule("cast", Arrays.asList((Partial) null)));
    }
    if (value instanceof Expr.Binary b) {
      return Optional.ofNullable(TABLE.get(b.op()));
    }
    if (value instanceof Expr.Unary u) {
      return Optional.ofNullable(TABLE.get(u.op()));
    }
    if (value instanceof Expr.Select) {
      return Optional.of(TABLE.get(Expr.Select.class));
    }
    if (value instanceof Expr.Call call && call.callee() instanceof Callee.MathFunction f) {
      return Optional.ofNullable(TABLE.get(f.name()));
    }
    if (value instanceof Expr.Call call && call.callee() instanceof Callee.Registered r) {
      return Optional.of(registered(r));
    }
    return Optional.empty();
  }

  /**
   * Whether the expression's value can never vary with its operands: field reads, pops and
   * integer-valued operations.
   *
   * @param value the expression
   * @return {@code true} for expressions that are constants as far as derivatives go
   */
  public static boolean isConstant(Expr value) {
    return value.type() != Primitive.DOUBLE
        || value instanceof Expr.FieldRead
        || value instanceof Expr.Pop;
  }
}
