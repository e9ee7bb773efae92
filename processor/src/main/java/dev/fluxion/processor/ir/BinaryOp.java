package dev.fluxion.processor.ir;

/**
 * Binary operators of the subset, with their Java spelling and precedence (higher binds tighter).
 */
public enum BinaryOp {
  MUL("*", 12, Result.ARITHMETIC),
  DIV("/", 12, Result.ARITHMETIC),
  REM("%", 12, Result.ARITHMETIC),
  ADD("+", 11, Result.ARITHMETIC),
  SUB("-", 11, Result.ARITHMETIC),
  SHL("<<", 10, Result.SHIFT),
  SHR(">>", 10, Result.SHIFT),
  USHR(">>>", 10, Result.SHIFT),
  LT("<", 9, Result.COMPARISON),
  LE("<=", 9, Result.COMPARISON),
  GT(">", 9, Result.COMPARISON),
  GE(">=", 9, Result.COMPARISON),
  EQ("==", 8, Result.COMPARISON),
  NE("!=", 8, Result.COMPARISON),
  AND("&", 7, Result.BITWISE),
  XOR("^", 6, Result.BITWISE),
  OR("|", 5, Result.BITWISE);

  /** How the result type follows from the operand types. */
  public enum Result {
    /** Binary numeric promotion. */
    ARITHMETIC,
    /** The promoted type of the left operand. */
    SHIFT,
    /** Always {@code boolean}. */
    COMPARISON,
    /** {@code boolean} for boolean operands, otherwise binary numeric promotion. */
    BITWISE
  }

  private final String symbol;
  private final int precedence;
  private final Result result;

  BinaryOp(String symbol, int precedence, Result result) {
    this.symbol = symbol;
    this.precedence = precedence;
    this.result = result;
  }

  /**
   * The Java operator.
   *
   * @return for example {@code "*"}
   */
  public String symbol() {
    return symbol;
  }

  /**
   * The operator's precedence, as in the JLS: higher binds tighter.
   *
   * @return the precedence level
   */
  public int precedence() {
    return precedence;
  }

  /**
   * How the result type is found.
   *
   * @return the typing rule
   */
  public Result result() {
    return result;
  }
}
