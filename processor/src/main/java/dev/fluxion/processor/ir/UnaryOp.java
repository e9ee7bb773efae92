package dev.fluxion.processor.ir;

/** Unary operators of the subset. */
public enum UnaryOp {
  /** Arithmetic negation, {@code -x}. */
  NEG("-"),
  /** Logical complement, {@code !b}. */
  NOT("!"),
  /** Bitwise complement of an integer, {@code ~i}. */
  COMPLEMENT("~");

  private final String symbol;

  UnaryOp(String symbol) {
    this.symbol = symbol;
  }

  /**
   * The Java operator.
   *
   * @return for example {@code "-"}
   */
  public String symbol() {
    return symbol;
  }
}
