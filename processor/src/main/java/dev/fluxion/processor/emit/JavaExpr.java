package dev.fluxion.processor.emit;

import com.palantir.javapoet.CodeBlock;

/**
 * A Java expression being written, with the precedence of its outermost operator, so that the
 * writer adds parentheses exactly where Java needs them.
 *
 * @param code the expression's code
 * @param precedence its precedence, as in the JLS: higher binds tighter
 */
record JavaExpr(CodeBlock code, int precedence) {
  static final int PRIMARY = 16;
  static final int UNARY = 14;
  static final int CONDITIONAL = 2;

  /** This expression where an operand of at least {@code required} precedence is needed. */
  CodeBlock atLeast(int required) {
    if (precedence >= required) {
      return code;
    }
    return CodeBlock.of("($L)", code);
  }

  boolean startsWithSign() {
    String text = code.toString();
    return text.startsWith("-") || text.startsWith("+");
  }
}
