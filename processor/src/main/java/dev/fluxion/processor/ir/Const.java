package dev.fluxion.processor.ir;

/**
 * A literal value.
 *
 * @param value a {@link Double}, {@link Integer}, {@link Long} or {@link Boolean}
 * @param type the literal's type, matching {@code value}
 */
public record Const(Object value, Primitive type) implements Atom {

  /** The {@code double} constant 0. */
  public static final Const ZERO = of(0.0);

  /** The {@code double} constant 1. */
  public static final Const ONE = of(1.0);

  /**
   * A {@code double} constant.
   *
   * @param value the value
   * @return the constant
   */
  public static Const of(double value) {
    return new Const(value, Primitive.DOUBLE);
  }

  /**
   * A {@code boolean} constant.
   *
   * @param value the value
   * @return the constant
   */
  public static Const of(boolean value) {
    return new Const(value, Primitive.BOOLEAN);
  }

  /**
   * The zero of a type: what a variable declared ahead of its assignment starts with.
   *
   * @param type the type
   * @return {@code 0}, {@code 0L}, {@code 0.0} or {@code false}
   */
  public static Const zeroOf(Primitive type) {
    return switch (type) {
      case BOOLEAN -> of(false);
      case INT -> new Const(0, Primitive.INT);
      case LONG -> new Const(0L, Primitive.LONG);
      case DOUBLE -> ZERO;
    };
  }

  /**
   * This constant as a {@code double}, for folding arithmetic on constants.
   *
   * @return the numeric value
   * @throws IllegalStateException for a {@code boolean}
   */
  public double asDouble() {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalStateException("not a number: " + value);
  }

  /**
   * Tells whether this is the {@code double} value {@code v}.
   *
   * @param v the value to compare with
   * @return {@code true} for a {@code double} constant equal to {@code v}
   */
  public boolean is(double v) {
    return type == Primitive.DOUBLE && Double.compare(asDouble(), v) == 0;
  }

  @Override
  public String toString() {
    return String.valueOf(value);
  }
}
