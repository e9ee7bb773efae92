package dev.fluxion.processor.analysis;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import dev.fluxion.processor.diag.Diagnostic;
import dev.fluxion.processor.diag.Problem;
import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.Callee;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.lower.LoweredMethod;
import dev.fluxion.processor.model.DifferentiableMethod;
import dev.fluxion.processor.transform.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the calls whose derivative Fluxion does not know but needs: after activity analysis, so
 * that a call is only an error when its result really carries a derivative. A call of a plain
 * method with constant arguments, or whose result does not reach the method's result, is fine.
 */
public final class CallChecker {
  private CallChecker() {}

  /** The same array passed for two parameters of a method that writes one of them. */
  private static void aliasing(Expr.Call call, DifferentiableMethod callee, Activity activity,
      Tree site, List<Problem> problems) {
    List<Atom> args = call.arguments();
    for (int i = 0; i < args.size(); i++) {
      if (!callee.writes(i) || !(args.get(i) instanceof dev.fluxion.processor.ir.Var written)) {
        continue;
      }
      for (int j = 0; j < args.size(); j++) {
        if (j != i && args.get(j) instanceof dev.fluxion.processor.ir.Var other
            && other.type() instanceof dev.fluxion.processor.ir.ArrayType
            && activity.families().sameFamily(written, other)) {
          Tree argument = site instanceof MethodInvocationTree invocation
              ? invocation.getArguments().get(j) : site;
          Tree writtenTree = site instanceof MethodInvocationTree invocation
              ? invocation.getArguments().get(i) : site;
          problems.add(new Problem(Diagnostic.ALIASED_ARGUMENTS, argument, writtenTree, argument,
              callee.display(), callee.parameters().get(i).name(), argument));
        }
      }
    }
  }

  /**
   * What a method with registered derivatives lacks for a varying call: the message's arguments
   * (the method, the missing registration, how to add it), or empty when nothing is missing.
   */
  private static java.util.Optional<List<String>> missingMode(Callee.Custom custom) {
    String display = simpleName(custom.owner()) + "." + custom.name();
    if (custom.pullback() == null) {
      return java.util.Optional.of(List.of(display, "@Pullback",
          "@Pullback(of = \"" + custom.name() + "\")"));
    }
    if (custom.tangent() == null) {
      return java.util.Optional.of(List.of(display, "@Tangent",
          "@Tangent(of = \"" + custom.name() + "\")"));
    }
    Callee.Custom pullback = custom.pullback();
    if (pullback.tangent() == null) {
      return java.util.Optional.of(List.of("the pullback " + simpleName(pullback.owner()) + "."
          + pullback.name() + " of " + display, "@Tangent (second derivatives need it)",
          "@Tangent(of = \"" + pullback.name() + "\")"));
    }
    return java.util.Optional.empty();
  }

  private static String simpleName(dev.fluxion.processor.ir.Reference type) {
    String name = type.toString();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /**
   * Checks every active call.
   *
   * @param method the lowered method
   * @param activity its activity
   * @return the problems, each on its call
   */
  public static List<Problem> check(LoweredMethod method, Activity activity) {
    List<Problem> problems = new ArrayList<>();
    Map<Expr, Tree> origins = method.origins();
    Activity.forEachStatement(method.ir().body(), s -> {
      Expr value = dev.fluxion.processor.ir.Stmt.evaluated(s);
      if (value instanceof Expr.Call call && call.callee() instanceof Callee.Primal p) {
        aliasing(call, p.method(), activity, origins.get(call), problems);
      }
      if (value instanceof Expr.Call call && call.callee() instanceof Callee.Custom custom
          && call.arguments().stream().anyMatch(activity::isVaried)) {
        missingMode(custom).ifPresent(missing -> problems.add(new Problem(
            Diagnostic.MISSING_MODE, origins.get(call), missing.toArray())));
      }
      // A plain method may write into an array it is given; with a varied array that would
      // change values behind the derivative's back.
      if (value instanceof Expr.Call call && call.callee() instanceof Callee.Plain plain
          && !Activity.isStopGradient(call) && call.arguments().stream().anyMatch(a -> a.type() instanceof dev.fluxion.processor.ir.ArrayType
              && activity.isVaried(a))) {
        problems.add(new Problem(Diagnostic.NOT_DIFFERENTIABLE_CALL, origins.get(call),
            plain.name(), plain.name()));
      }
    });
    Activity.forEachAssignment(method.ir().body(), (target, value) -> {
      if (!activity.isActive(target) || !(value instanceof Expr.Call call)
          || Activity.isStopGradient(value)) {
        return;
      }
      Tree site = origins.get(call);
      List<Atom> args = call.arguments();
      if (call.callee() instanceof Callee.MathFunction f) {
        if (Rules.ruleFor(call).isEmpty()) {
          problems.add(new Problem(Diagnostic.NO_RULE, site, "Math." + f.name()));
        }
      } else if (call.callee() instanceof Callee.Plain p) {
        boolean reported = call.arguments().stream().anyMatch(
            a -> a.type() instanceof dev.fluxion.processor.ir.ArrayType && activity.isVaried(a));
        if (!reported) {
          problems.add(new Problem(Diagnostic.NOT_DIFFERENTIABLE_CALL, site, p.name(), p.name()));
        }
      } else if (call.callee() instanceof Callee.Registered r) {
        for (int i = 0; i < args.size(); i++) {
          if (r.partials().get(i) == null && activity.isVaried(args.get(i))) {
            Tree argument = site instanceof MethodInvocationTree invocation
                ? invocation.getArguments().get(i) : site;
            problems.add(new Problem(Diagnostic.MISSING_PARTIAL, argument, argument, r.name(),
                r.parameters().get(i)));
          }
        }
      } else if (call.callee() instanceof Callee.Primal p) {
        DifferentiableMethod callee = p.method();
        for (int i = 0; i < args.size(); i++) {
          DifferentiableMethod.Parameter param = callee.parameters().get(i);
          if (activity.isVaried(args.get(i)) && !param.differentiated()) {
            Tree argument = site instanceof MethodInvocationTree invocation
                ? invocation.getArguments().get(i) : site;
            problems.add(new Problem(Diagnostic.NOT_DIFFERENTIATED_ARGUMENT, argument,
                argument, callee.display(), callee.name(), param.name(), param.name()));
          }
        }
      }
    });
    return problems;
  }
}
