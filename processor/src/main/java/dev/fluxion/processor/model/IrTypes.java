package dev.fluxion.processor.model;

import dev.fluxion.processor.ir.IrType;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Reference;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Maps javac's types onto the IR's. */
public final class IrTypes {
  private IrTypes() {}

  /**
   * The IR type of a javac type.
   *
   * @param type the type
   * @return the IR type, or {@code null} when the subset does not support it
   */
  public static IrType of(TypeMirror type) {
    return switch (type.getKind()) {
      case DOUBLE -> Primitive.DOUBLE;
      case INT -> Primitive.INT;
      case LONG -> Primitive.LONG;
      case BOOLEAN -> Primitive.BOOLEAN;
      case DECLARED -> new Reference(type);
      case ARRAY -> array((ArrayType) type);
      default -> null;
    };
  }

  private static IrType array(ArrayType type) {
    TypeMirror component = type.getComponentType();
    if (component.getKind() == TypeKind.DOUBLE) {
      return dev.fluxion.processor.ir.ArrayType.VECTOR;
    }
    if (component.getKind() == TypeKind.INT) {
      return new dev.fluxion.processor.ir.ArrayType(Primitive.INT, 1);
    }
    if (component instanceof ArrayType inner && inner.getComponentType().getKind() == TypeKind.DOUBLE) {
      return dev.fluxion.processor.ir.ArrayType.MATRIX;
    }
    return null;
  }
}
