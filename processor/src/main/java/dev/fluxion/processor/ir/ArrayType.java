package dev.fluxion.processor.ir;

/**
 * An array type: {@code double[]}, {@code double[][]}, or an {@code int[]} of data. Arrays are
 * references: assigning one variable to another makes both name the same array, and so do their
 * adjoint arrays (shadows) in reverse mode.
 *
 * @param element the element type of the innermost arrays
 * @param rank the number of dimensions, 1 or 2
 */
public record ArrayType(Primitive element, int rank) implements IrType {

  /** {@code double[]}. */
  public static final ArrayType VECTOR = new ArrayType(Primitive.DOUBLE, 1);

  /** {@code double[][]}. */
  public static final ArrayType MATRIX = new ArrayType(Primitive.DOUBLE, 2);

  /**
   * The type of one element: the row type of a matrix, or the element type of a vector.
   *
   * @return the component type
   */
  public IrType component() {
    return rank == 1 ? element : new ArrayType(element, rank - 1);
  }

  @Override
  public String toString() {
    return element.keyword() + "[]".repeat(rank);
  }
}
