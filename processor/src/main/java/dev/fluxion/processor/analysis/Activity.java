package dev.fluxion.processor.analysis;

import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.Block;
import dev.fluxion.processor.ir.Callee;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.IrMethod;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.Var;
import dev.fluxion.processor.transform.Rules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Activity analysis: which variables carry derivatives. A variable is <em>varied</em> when its
 * value depends differentiably on a parameter being differentiated, <em>useful</em> when the
 * result depends differentiably on it, and <em>active</em> when both. Only active variables get
 * adjoints or tangents; everything else is a constant and costs nothing.
 *
 * <p>Dependence through a branch condition is not differentiable dependence: automatic
 * differentiation differentiates the branch taken. Both sets are computed to a fixed point, so
 * the analysis stays right when loops make a variable depend on itself.
 */
public final class Activity {
  private final Set<Var> varied = new HashSet<>();
  private final Set<Var> useful = new HashSet<>();
  private final ArrayFamilies families;

  private Activity(ArrayFamilies families) {
    this.families = families;
  }

  /**
   * Analyses a primal method.
   *
   * @param method the lowered primal
   * @param independents the parameters it is differentiated with respect to
   * @return the analysis
   */
  public static Activity analyse(IrMethod method, Collection<Var> independents) {
    ArrayFamilies families = ArrayFamilies.of(method);
    Activity activity = new Activity(families);
    independents.forEach(v -> activity.varied.add(families.node(v)));
    List<Edge> edges = new ArrayList<>();
    collectEdges(method.body(), families, edges);
    List<Atom> results = new ArrayList<>();
    collectReturns(method.body(), results);
    for (Atom r : results) {
      if (r instanceof Var v) {
        activity.useful.add(families.node(v));
      }
    }
    // A parameter array the method writes is an output too: callers read what it leaves there.
    Set<Var> parameterFamilies = new HashSet<>();
    method.parameters().forEach(p -> parameterFamilies.add(families.node(p)));
    forEachStatement(method.body(), s -> {
      if (s instanceof Stmt.ArrayWrite w && w.array() instanceof Var a
          && parameterFamilies.contains(families.node(a))) {
        activity.useful.add(families.node(a));
      }
    });
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Edge e : edges) {
        if (activity.varied.contains(e.from()) && activity.varied.add(e.to())) {
          changed = true;
        }
        if (activity.useful.contains(e.to()) && activity.useful.add(e.from())) {
          changed = true;
        }
      }
    }
    return activity;
  }

  /** A differentiable dependence of one node on another. */
  private record Edge(Var from, Var to) {}

  private static void collectEdges(Block block, ArrayFamilies families, List<Edge> edges) {
    forEachStatement(block, s -> {
      if (s instanceof Stmt.Let let) {
        addEdges(let.target(), let.value(), families, edges);
      } else if (s instanceof Stmt.Set set) {
        addEdges(set.target(), set.value(), families, edges);
      } else if (s instanceof Stmt.ArrayWrite write && write.value() instanceof Var v
          && v.type() == Primitive.DOUBLE && write.array() instanceof Var a) {
        edges.add(new Edge(v, families.node(a)));
      }
      Expr value = Stmt.evaluated(s);
      if (value != null) {
        addCallWrites(value, families, edges);
      }
    });
  }

  private static void addEdges(Var target, Expr value, ArrayFamilies families, List<Edge> edges) {
    Var to = families.node(target);
    for (Var from : transmitting(value)) {
      Var node = families.node(from);
      if (!node.equals(to)) {
        edges.add(new Edge(node, to));
      }
    }
  }

  /** A callee that writes into an array argument may write values that depend on any argument. */
  private static void addCallWrites(Expr value, ArrayFamilies families, List<Edge> edges) {
    if (!(value instanceof Expr.Call call) || !(call.callee() instanceof Callee.Primal p)) {
      return;
    }
    List<Atom> args = call.arguments();
    for (int i = 0; i < args.size(); i++) {
      if (p.method().writes(i) && args.get(i) instanceof Var written) {
        for (Atom a : args) {
          if (a instanceof Var v && v.type().isDifferentiable()) {
            edges.add(new Edge(families.node(v), families.node(written)));
          }
        }
      }
    }
  }

  /**
   * Tells whether an atom carries a derivative.
   *
   * @param atom a variable or constant
   * @return {@code true} for a variable both varied and useful
   */
  public boolean isActive(Atom atom) {
    if (!(atom instanceof Var v) || !v.type().isDifferentiable()) {
      return false;
    }
    Var node = families.node(v);
    return varied.contains(node) && useful.contains(node);
  }

  /**
   * Tells whether an atom depends differentiably on the differentiated parameters.
   *
   * @param atom a variable or constant
   * @return {@code true} for a varied variable
   */
  public boolean isVaried(Atom atom) {
    return atom instanceof Var v && v.type().isDifferentiable() && varied.contains(families.node(v));
  }

  /**
   * The arrays that may share storage with each other.
   *
   * @return the array families
   */
  public ArrayFamilies families() {
    return families;
  }

  /**
   * The variables an expression's value depends on differentiably. For calls without a rule
   * (plain methods, {@code Math} functions with no rule) that is every differentiable argument,
   * so that a missing derivative is found and reported rather than silently taken as zero.
   *
   * @param value an expression
   * @return the operands that transmit a derivative
   */
  public static List<Var> transmitting(Expr value) {
    if (value instanceof Expr.ArrayRead read) {
      return read.array() instanceof Var a && value.type().isDifferentiable() ? List.of(a) : List.of();
    }
    if (value instanceof Expr.ArrayLiteral literal) {
      List<Var> result = new ArrayList<>();
      literal.elements().forEach(e -> {
        if (e instanceof Var v && v.type().isDifferentiable()) {
          result.add(v);
        }
      });
      return result;
    }
    if (isStopGradient(value)) {
      return List.of();
    }
    if (!value.type().isDifferentiable() || value instanceof Expr.FieldRead
        || value instanceof Expr.Pop || value instanceof Expr.NewArray) {
      return List.of();
    }
    List<Atom> operands = value.operands();
    var rule = Rules.ruleFor(value);
    List<Var> result = new ArrayList<>();
    for (int i = 0; i < operands.size(); i++) {
      boolean transmits = rule.isPresent()
          ? rule.get().transmits(i)
          : operands.get(i).type().isDifferentiable() && !isReceiver(value, i);
      if (transmits && operands.get(i) instanceof Var v && v.type().isDifferentiable()) {
        result.add(v);
      }
    }
    return result;
  }

  /**
   * Tells whether an expression is {@code Gradients.stop(x)}: the value without its derivative.
   *
   * @param value an expression
   * @return {@code true} for a call of {@code dev.fluxion.Gradients.stop}
   */
  public static boolean isStopGradient(Expr value) {
    return value instanceof Expr.Call call && call.callee() instanceof Callee.Plain p
        && p.name().equals("stop") && p.owner().toString().equals("dev.fluxion.Gradients");
  }

  private static boolean isReceiver(Expr value, int index) {
    return index == 0 && value instanceof Expr.Call c && c.receiver() != null;
  }

  /**
   * An assignment in the method, for passes that walk all of them.
   *
   * @param target the variable assigned
   * @param value its value
   */
  public record Assignment(Var target, Expr value) {}

  /**
   * Visits every assignment of a block, nested ones included, in order.
   *
   * @param block the block
   * @param visitor receives each target and value
   */
  public static void forEachAssignment(Block block, BiConsumer<Var, Expr> visitor) {
    for (Stmt s : block.statements()) {
      if (s instanceof Stmt.Let let) {
        visitor.accept(let.target(), let.value());
      } else if (s instanceof Stmt.Set set) {
        visitor.accept(set.target(), set.value());
      } else if (s instanceof Stmt.If branch) {
        forEachAssignment(branch.then(), visitor);
        forEachAssignment(branch.otherwise(), visitor);
      } else if (s instanceof Stmt.Loop loop) {
        forEachAssignment(loop.body(), visitor);
      }
    }
  }

  /**
   * Visits every statement of a block, nested ones included, in order (a compound statement
   * before the statements inside it).
   *
   * @param block the block
   * @param visitor receives each statement
   */
  public static void forEachStatement(Block block, java.util.function.Consumer<Stmt> visitor) {
    for (Stmt s : block.statements()) {
      visitor.accept(s);
      if (s instanceof Stmt.If branch) {
        forEachStatement(branch.then(), visitor);
        forEachStatement(branch.otherwise(), visitor);
      } else if (s instanceof Stmt.Loop loop) {
        forEachStatement(loop.body(), visitor);
      } else if (s instanceof Stmt.Repeat repeat) {
        forEachStatement(repeat.body(), visitor);
      }
    }
  }

  private static void collectReturns(Block block, List<Atom> results) {
    for (Stmt s : block.statements()) {
      if (s instanceof Stmt.Return r) {
        results.add(r.value());
      } else if (s instanceof Stmt.If branch) {
        collectReturns(branch.then(), results);
        collectReturns(branch.otherwise(), results);
      } else if (s instanceof Stmt.Loop loop) {
        collectReturns(loop.body(), results);
      }
    }
  }

  /**
   * Tells whether a call is to another differentiable method.
   *
   * @param value an expression
   * @return {@code true} for a call of a {@code @Differentiable} method's primal
   */
  public static boolean isDifferentiableCall(Expr value) {
    return value instanceof Expr.Call c && c.callee() instanceof Callee.Primal;
  }
}
