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

  private Activity() {}

  /**
   * Analyses a primal method.
   *
   * @param method the lowered primal
   * @param independents the parameters it is differentiated with respect to
   * @return the analysis
   */
  public static Activity analyse(IrMethod method, Collection<Var> independents) {
    Activity activity = new Activity();
    activity.varied.addAll(independents);
    List<Assignment> assignments = new ArrayList<>();
    List<Atom> results = new ArrayList<>();
    collect(method.body(), assignments, results);
    for (Atom r : results) {
      if (r instanceof Var v) {
        activity.useful.add(v);
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Assignment a : assignments) {
        for (Var operand : transmitting(a.value())) {
          if (activity.varied.contains(operand) && activity.varied.add(a.target())) {
            changed = true;
          }
          if (activity.useful.contains(a.target()) && activity.useful.add(operand)) {
            changed = true;
          }
        }
      }
    }
    return activity;
  }

  /**
   * Tells whether an atom carries a derivative.
   *
   * @param atom a variable or constant
   * @return {@code true} for a variable both varied and useful
   */
  public boolean isActive(Atom atom) {
    return atom instanceof Var v && varied.contains(v) && useful.contains(v);
  }

  /**
   * Tells whether an atom depends differentiably on the differentiated parameters.
   *
   * @param atom a variable or constant
   * @return {@code true} for a varied variable
   */
  public boolean isVaried(Atom atom) {
    return atom instanceof Var v && varied.contains(v);
  }

  /**
   * The variables an expression's value depends on differentiably. For calls without a rule
   * (plain methods, {@code Math} functions with no rule) that is every {@code double} argument,
   * so that a missing derivative is found and reported rather than silently taken as zero.
   *
   * @param value an expression
   * @return the operands that transmit a derivative
   */
  public static List<Var> transmitting(Expr value) {
    if (Rules.isConstant(value)) {
      return List.of();
    }
    List<Atom> operands = value.operands();
    var rule = Rules.ruleFor(value);
    List<Var> result = new ArrayList<>();
    for (int i = 0; i < operands.size(); i++) {
      boolean transmits = rule.isPresent()
          ? rule.get().transmits(i)
          : operands.get(i).type() == Primitive.DOUBLE && !isReceiver(value, i);
      if (transmits && operands.get(i) instanceof Var v && v.type() == Primitive.DOUBLE) {
        result.add(v);
      }
    }
    return result;
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
      }
    }
  }

  private static void collect(Block block, List<Assignment> assignments, List<Atom> results) {
    forEachAssignment(block, (target, value) -> assignments.add(new Assignment(target, value)));
    collectReturns(block, results);
  }

  private static void collectReturns(Block block, List<Atom> results) {
    for (Stmt s : block.statements()) {
      if (s instanceof Stmt.Return r) {
        results.add(r.value());
      } else if (s instanceof Stmt.If branch) {
        collectReturns(branch.then(), results);
        collectReturns(branch.otherwise(), results);
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
