package dev.fluxion.processor.ir;

/**
 * The type of an IR value. Fluxion types the differentiable subset itself (javac attributes method
 * bodies only after annotation processing), so every IR value carries one of these.
 *
 * <p>Only {@code double} values and arrays of them can be active (carry a derivative). Integers and booleans
 * steer control flow; {@link Reference} values (the receiver, data objects, the tape) pass through.
 */
public sealed interface IrType permits Primitive, Reference, ArrayType, NoValue {

  /**
   * Tells whether values of this type can carry a derivative.
   *
   * @return {@code true} for {@code double}
   */
  default boolean isDifferentiable() {
    return this == Primitive.DOUBLE
        || this instanceof ArrayType a && a.element() == Primitive.DOUBLE;
  }
}
