package dev.fluxion.processor.lower;

import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import dev.fluxion.processor.diag.Diagnostic;
import dev.fluxion.processor.diag.Rejection;
import dev.fluxion.processor.ir.ArrayType;
import dev.fluxion.processor.ir.IrType;
import dev.fluxion.processor.ir.Primitive;

/** Reads the types written in declarations and casts. */
final class DeclaredTypes {
  private DeclaredTypes() {}

  /**
   * The IR type a type tree names.
   *
   * @param tree a primitive or array type
   * @return the type
   * @throws Rejection for types outside the subset
   */
  static IrType of(Tree tree) {
    if (tree instanceof PrimitiveTypeTree) {
      return primitive(tree);
    }
    if (tree instanceof ArrayTypeTree array) {
      Tree inner = array.getType();
      if (inner instanceof ArrayTypeTree innermost && primitive(innermost.getType()) == Primitive.DOUBLE) {
        return ArrayType.MATRIX;
      }
      Primitive element = primitive(inner);
      if (element == Primitive.DOUBLE || element == Primitive.INT) {
        return new ArrayType(element, 1);
      }
    }
    throw new Rejection(Diagnostic.UNSUPPORTED_TYPE, tree, tree);
  }

  /**
   * The primitive type a tree names.
   *
   * @param tree a primitive type
   * @return the type
   * @throws Rejection for {@code float}, {@code char} and the other types outside the subset
   */
  static Primitive primitive(Tree tree) {
    if (tree instanceof PrimitiveTypeTree p) {
      switch (p.getPrimitiveTypeKind()) {
        case DOUBLE: return Primitive.DOUBLE;
        case INT: return Primitive.INT;
        case LONG: return Primitive.LONG;
        case BOOLEAN: return Primitive.BOOLEAN;
        default: break;
      }
    }
    throw new Rejection(Diagnostic.UNSUPPORTED_TYPE, tree, tree);
  }
}
