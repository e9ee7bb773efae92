package dev.fluxion.processor.analysis;

import dev.fluxion.processor.ir.ArrayType;
import dev.fluxion.processor.ir.Atom;
import dev.fluxion.processor.ir.Expr;
import dev.fluxion.processor.ir.IrMethod;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.ir.Var;
import java.util.HashMap;
import java.util.Map;

/**
 * Which array variables may name the same storage: a variable assigned from another ({@code h =
 * next}), a row taken from a matrix ({@code row = A[i]}), the rows of a matrix literal. Writing an
 * element through one member of a family changes them all, so activity treats each family as one
 * value. A union-find over the method's array variables.
 */
public final class ArrayFamilies {
  private final Map<Var, Var> parent = new HashMap<>();

  private ArrayFamilies() {}

  /**
   * Finds the families of a method.
   *
   * @param method the lowered primal
   * @return its array families
   */
  public static ArrayFamilies of(IrMethod method) {
    ArrayFamilies families = new ArrayFamilies();
    Activity.forEachStatement(method.body(), s -> {
      if (s instanceof Stmt.ArrayWrite write && write.value() instanceof Var row
          && row.type() instanceof ArrayType && write.array() instanceof Var matrix) {
        families.union(matrix, row);
        return;
      }
      Var target = Stmt.assigned(s);
      Expr value = Stmt.evaluated(s);
      if (target == null || !(target.type() instanceof ArrayType)) {
        return;
      }
      if (value instanceof Var source) {
        families.union(target, source);
      } else if (value instanceof Expr.ArrayRead read && read.array() instanceof Var matrix) {
        families.union(target, matrix);
      } else if (value instanceof Expr.ArrayLiteral literal) {
        for (Atom row : literal.elements()) {
          if (row instanceof Var r && r.type() instanceof ArrayType) {
            families.union(target, r);
          }
        }
      }
    });
    return families;
  }

  /**
   * The representative of a variable's family; a scalar is its own.
   *
   * @param v a variable
   * @return the family's representative
   */
  public Var node(Var v) {
    Var p = parent.get(v);
    if (p == null || p.equals(v)) {
      return v;
    }
    Var root = node(p);
    parent.put(v, root);
    return root;
  }

  /**
   * Tells whether two arrays may share storage.
   *
   * @param a an array variable
   * @param b another
   * @return {@code true} when they are in one family
   */
  public boolean sameFamily(Var a, Var b) {
    return node(a).equals(node(b));
  }

  private void union(Var a, Var b) {
    Var ra = node(a);
    Var rb = node(b);
    if (!ra.equals(rb)) {
      // Keep the representative deterministic: the smaller name wins.
      if (ra.name().compareTo(rb.name()) <= 0) {
        parent.put(rb, ra);
      } else {
        parent.put(ra, rb);
      }
    }
  }
}
