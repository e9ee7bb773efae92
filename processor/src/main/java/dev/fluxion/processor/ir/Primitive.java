package dev.fluxion.processor.ir;

/** The primitive types of the subset, in the order of widening primitive conversion. */
public enum Primitive implements IrType {
  BOOLEAN("boolean"),
  INT("int"),
  LONG("long"),
  DOUBLE("double");

  private final String keyword;

  Primitive(String keyword) {
    this.keyword = keyword;
  }

  /**
   * The Java keyword of this type.
   *
   * @return for example {@code "double"}
   */
  public String keyword() {
    return keyword;
  }

  /**
   * Tells whether this is a numeric type.
   *
   * @return {@code false} only for {@code boolean}
   */
  public boolean isNumeric() {
    return this != BOOLEAN;
  }

  /**
   * The type of a binary arithmetic operation on two numeric operands (JLS 5.6.2).
   *
   * @param a one operand type
   * @param b the other operand type
   * @return the wider of the two, at least {@code int}
   */
  public static Primitive promote(Primitive a, Primitive b) {
    Primitive wider = a.ordinal() >= b.ordinal() ? a : b;
    return wider.ordinal() < INT.ordinal() ? INT : wider;
  }

  /**
   * Tells whether a value of this type converts to {@code target} by identity or widening.
   *
   * @param target the type converted to
   * @return {@code true} when the conversion needs no cast
   */
  public boolean widensTo(Primitive target) {
    if (this == BOOLEAN || target == BOOLEAN) {
      return this == target;
    }
    return ordinal() <= target.ordinal();
  }
}
