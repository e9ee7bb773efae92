package dev.fluxion.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.Block;
import dev.fluxion.processor.ir.Callee;
import dev.fluxion.processor.ir.Const;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.IrMethod;
import dev.fluxion.processor.ir.Reference;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.Var;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.type.TypeMirror;

/**
 * Keeps a user's variable names from hiding the classes generated code names. In Java a variable
 * obscures a class of the same name where an expression is expected, so a local called {@code
 * Math} would turn {@code Math.sin(x)} into an error. Such variables are written under another
 * name; everything else keeps its name.
 */
final class TypeNameHygiene {
  private TypeNameHygiene() {}

  /**
   * The variables to rename.
   *
   * @param method the method about to be written
   * @return new names for the variables whose names a class qualifier needs
   */
  static Map<Var, String> renames(IrMethod method) {
    Set<String> qualifiers = new HashSet<>();
    Set<Var> vars = new HashSet<>(method.parameters());
    collect(method.body(), qualifiers, vars);
    Set<String> taken = new HashSet<>(qualifiers);
    vars.forEach(v -> taken.add(v.name()));
    Map<Var, String> renames = new HashMap<>();
    vars.stream().filter(v -> qualifiers.contains(v.name()))
        .sorted(java.util.Comparator.comparing(Var::name))
        .forEach(v -> {
          String name = v.name() + "_";
          for (int i = 2; taken.contains(name); i++) {
            name = v.name() + "_" + i;
          }
          taken.add(name);
          renames.put(v, name);
        });
    return renames;
  }

  /**
   * Every name the written method uses: its variables' (after {@code renames}) and the class
   * qualifiers its code names. Generated code that adds locals picks names outside this set.
   *
   * @param method the method about to be written
   * @param renames what {@link #renames} returned for it
   * @return the names, a new set the caller may add to
   */
  static Set<String> namesInUse(IrMethod method, Map<Var, String> renames) {
    Set<String> taken = new HashSet<>();
    Set<Var> vars = new HashSet<>(method.parameters());
    collect(method.body(), taken, vars);
    vars.forEach(v -> taken.add(renames.getOrDefault(v, v.name())));
    return taken;
  }

  private static void collect(Block block, Set<String> qualifiers, Set<Var> vars) {
    for (Stmt s : block.statements()) {
      if (s instanceof Stmt.Let let) {
        vars.add(let.target());
        expr(let.value(), qualifiers, vars);
      } else if (s instanceof Stmt.Set set) {
        vars.add(set.target());
        expr(set.value(), qualifiers, vars);
      } else if (s instanceof Stmt.Declare declare) {
        vars.add(declare.target());
      } else if (s instanceof Stmt.Eval eval) {
        expr(eval.value(), qualifiers, vars);
      } else if (s instanceof Stmt.Push push) {
        expr(push.value(), qualifiers, vars);
      } else if (s instanceof Stmt.Return ret) {
        expr(ret.value(), qualifiers, vars);
      } else if (s instanceof Stmt.If branch) {
        collect(branch.then(), qualifiers, vars);
        collect(branch.otherwise(), qualifiers, vars);
      } else if (s instanceof Stmt.Loop loop) {
        collect(loop.body(), qualifiers, vars);
      } else if (s instanceof Stmt.Repeat repeat) {
        vars.add(repeat.counter());
        collect(repeat.body(), qualifiers, vars);
      } else if (s instanceof Stmt.ArrayWrite write) {
        for (Atom a : List.of(write.array(), write.index(), write.value())) {
          if (a instanceof Var v) {
            vars.add(v);
          }
        }
      }
    }
  }

  private static void expr(Expr e, Set<String> qualifiers, Set<Var> vars) {
    for (Atom a : e.operands()) {
      if (a instanceof Var v) {
        vars.add(v);
      } else if (a instanceof Const c && c.value() instanceof Double d
          && (d.isNaN() || d.isInfinite())) {
        qualifiers.add("Double");
      }
    }
    if (e instanceof Expr.Call call) {
      Callee callee = call.callee();
      if (callee instanceof Callee.MathFunction f) {
        add(ClassName.bestGuess(f.owner()), qualifiers);
      } else if (callee instanceof Callee.Runtime) {
        add(CompanionWriter.ADJOINTS, qualifiers);
      } else if (callee instanceof Callee.Reverse r) {
        add(CompanionWriter.companion(r.method().owner()), qualifiers);
      } else if (callee instanceof Callee.Forward f) {
        add(CompanionWriter.companion(f.method().owner()), qualifiers);
      } else if (callee instanceof Callee.ReverseForward rf) {
        add(CompanionWriter.companion(rf.method().owner()), qualifiers);
      } else if (callee instanceof Callee.Primal p) {
        add(p.method().owner().type(), qualifiers);
      } else if (callee instanceof Callee.Plain p) {
        add(p.owner(), qualifiers);
      } else if (callee instanceof Callee.Registered r) {
        add(r.owner(), qualifiers);
      } else if (callee instanceof Callee.Custom c) {
        add(c.owner(), qualifiers);
      }
    } else if (e instanceof Expr.FieldRead f) {
      add(f.owner(), qualifiers);
    }
  }

  private static void add(Reference type, Set<String> qualifiers) {
    TypeMirror mirror = type.mirror();
    if (TypeName.get(mirror) instanceof ClassName name) {
      add(name, qualifiers);
    }
  }

  private static void add(ClassName name, Set<String> qualifiers) {
    qualifiers.add(name.topLevelClassName().simpleName());
    qualifiers.add(name.simpleName());
    String pkg = name.packageName();
    if (!pkg.isEmpty()) {
      qualifiers.add(pkg.split("\\.", 2)[0]);
    }
  }
}
