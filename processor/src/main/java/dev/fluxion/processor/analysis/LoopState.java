package dev.fluxion.processor.analysis;

import dev.fluxion.processor.diag.Diagnostic;
import dev.fluxion.processor.diag.Problem;
import dev.fluxion.processor.ir.ArrayType;
import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.Callee;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.Var;
import dev.fluxion.processor.lower.LoweredMethod;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a checkpointed loop must store to run again from the start of an iteration: everything an
 * iteration reads that an earlier iteration may have changed. Lowering gives each variable a loop
 * assigns one loop variable, declared before the loop and set in the body, so these are the
 * variables the body sets but does not declare, and the contents of the arrays it writes into
 * that it reaches through variables declared before it. Everything the body declares is assigned
 * before it is read in every iteration, and everything else stays as it is for the whole loop.
 *
 * @param scalars the primitive loop variables
 * @param references the array loop variables (the arrays they hold, not their contents)
 * @param contents the arrays whose elements the body writes, by the variables it reaches them with
 */
public record LoopState(List<Var> scalars, List<Var> references, List<Var> contents) {

  /**
   * Finds the state of a loop.
   *
   * @param loop the loop
   * @param families the method's array families
   * @return its state
   */
  public static LoopState of(Stmt.Loop loop, ArrayFamilies families) {
    Set<Var> declaredInside = new HashSet<>();
    Set<Var> mentioned = new LinkedHashSet<>();
    Set<Var> set = new LinkedHashSet<>();
    Set<Var> writtenFamilies = new HashSet<>();
    Activity.forEachStatement(loop.body(), s -> {
      if (s instanceof Stmt.Let let) {
        declaredInside.add(let.target());
      } else if (s instanceof Stmt.Declare declare) {
        declaredInside.add(declare.target());
      } else if (s instanceof Stmt.Set assignment) {
        set.add(assignment.target());
      } else if (s instanceof Stmt.ArrayWrite write && write.array() instanceof Var a) {
        writtenFamilies.add(families.node(a));
        mentioned.add(a);
      }
      Expr value = Stmt.evaluated(s);
      if (value != null) {
        value.operands().forEach(a -> addVar(a, mentioned));
      }
      if (value instanceof Expr.Call call && call.callee() instanceof Callee.Primal p) {
        List<Atom> args = call.arguments();
        for (int i = 0; i < args.size(); i++) {
          if (p.method().writes(i) && args.get(i) instanceof Var a) {
            writtenFamilies.add(families.node(a));
          }
        }
      }
    });
    List<Var> scalars = new ArrayList<>();
    List<Var> references = new ArrayList<>();
    for (Var v : set) {
      if (!declaredInside.contains(v)) {
        (v.type() instanceof ArrayType ? references : scalars).add(v);
      }
    }
    List<Var> contents = new ArrayList<>();
    for (Var v : mentioned) {
      if (v.type() instanceof ArrayType && !declaredInside.contains(v)
          && writtenFamilies.contains(families.node(v))) {
        contents.add(v);
      }
    }
    return new LoopState(scalars, references, contents);
  }

  /**
   * The checkpointed loops whose state cannot be stored, each reported on its marker.
   *
   * @param method the lowered method; its checkpointed loops stand at the top level
   * @param families its array families
   * @return the problems, possibly none
   */
  public static List<Problem> problems(LoweredMethod method, ArrayFamilies families) {
    List<Problem> problems = new ArrayList<>();
    for (Stmt s : method.ir().body().statements()) {
      if (s instanceof Stmt.Loop loop && loop.checkpointed()) {
        of(loop, families).unsupported(loop, families).ifPresent(reason -> problems.add(
            new Problem(Diagnostic.CHECKPOINT, method.origins().get(loop.snapshots()), reason)));
      }
    }
    return problems;
  }

  private static void addVar(Atom a, Set<Var> vars) {
    if (a instanceof Var v) {
      vars.add(v);
    }
  }

  /**
   * Why the state cannot be stored, if it cannot: the runtime stores the contents of arrays and
   * matrices, so a matrix must keep its rows (the only arrays differentiable code has are
   * {@code double[]}, {@code int[]} and {@code double[][]}).
   *
   * @param loop the loop
   * @param families the method's array families
   * @return what the body does that cannot be undone from a stored state, or empty
   */
  public Optional<String> unsupported(Stmt.Loop loop, ArrayFamilies families) {
    Set<Var> rowsReplaced = new HashSet<>();
    Activity.forEachStatement(loop.body(), s -> {
      if (s instanceof Stmt.ArrayWrite write && write.array() instanceof Var a
          && write.value().type() instanceof ArrayType) {
        rowsReplaced.add(families.node(a));
      }
    });
    for (Var v : contents) {
      if (((ArrayType) v.type()).rank() == 2 && rowsReplaced.contains(families.node(v))) {
        return Optional.of("the loop after Checkpoints.binomial replaces rows of the matrix '"
            + v.name() + "', and a checkpointed loop can store a matrix's contents, not which"
            + " arrays its rows are; write into the rows' elements instead, or drop the marker");
      }
    }
    return Optional.empty();
  }
}
