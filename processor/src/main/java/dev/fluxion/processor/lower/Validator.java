package dev.fluxion.processor.lower;

import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.Tree.Kind;
import com.sun.source.util.TreeScanner;
import dev.fluxion.processor.diag.Diagnostic;
import dev.fluxion.processor.diag.Problem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first phase: walks a method body once and finds every construct outside the differentiable
 * subset, so that the user sees all of them at once, each with the caret on the construct. What it
 * lets through, {@link Lowerer} can lower (names and types are checked there).
 */
public final class Validator {

  private static final Set<Kind> ALLOWED = EnumSet.of(
      Kind.BLOCK, Kind.VARIABLE, Kind.EXPRESSION_STATEMENT, Kind.IF, Kind.RETURN,
      Kind.EMPTY_STATEMENT, Kind.MODIFIERS,
      Kind.FOR_LOOP, Kind.ENHANCED_FOR_LOOP, Kind.WHILE_LOOP, Kind.DO_WHILE_LOOP, Kind.BREAK,
      Kind.CONTINUE, Kind.LABELED_STATEMENT, Kind.SWITCH, Kind.CASE,
      Kind.ARRAY_ACCESS, Kind.NEW_ARRAY, Kind.ARRAY_TYPE,
      Kind.PRIMITIVE_TYPE, Kind.IDENTIFIER, Kind.MEMBER_SELECT, Kind.METHOD_INVOCATION,
      Kind.PARENTHESIZED, Kind.TYPE_CAST, Kind.CONDITIONAL_EXPRESSION, Kind.ASSIGNMENT,
      Kind.INT_LITERAL, Kind.LONG_LITERAL, Kind.DOUBLE_LITERAL, Kind.BOOLEAN_LITERAL,
      Kind.UNARY_MINUS, Kind.UNARY_PLUS, Kind.LOGICAL_COMPLEMENT, Kind.BITWISE_COMPLEMENT,
      Kind.PREFIX_INCREMENT, Kind.PREFIX_DECREMENT, Kind.POSTFIX_INCREMENT,
      Kind.POSTFIX_DECREMENT,
      Kind.MULTIPLY, Kind.DIVIDE, Kind.REMAINDER, Kind.PLUS, Kind.MINUS,
      Kind.LEFT_SHIFT, Kind.RIGHT_SHIFT, Kind.UNSIGNED_RIGHT_SHIFT,
      Kind.LESS_THAN, Kind.LESS_THAN_EQUAL, Kind.GREATER_THAN, Kind.GREATER_THAN_EQUAL,
      Kind.EQUAL_TO, Kind.NOT_EQUAL_TO, Kind.AND, Kind.XOR, Kind.OR,
      Kind.CONDITIONAL_AND, Kind.CONDITIONAL_OR,
      Kind.MULTIPLY_ASSIGNMENT, Kind.DIVIDE_ASSIGNMENT, Kind.REMAINDER_ASSIGNMENT,
      Kind.PLUS_ASSIGNMENT, Kind.MINUS_ASSIGNMENT, Kind.LEFT_SHIFT_ASSIGNMENT,
      Kind.RIGHT_SHIFT_ASSIGNMENT, Kind.UNSIGNED_RIGHT_SHIFT_ASSIGNMENT, Kind.AND_ASSIGNMENT,
      Kind.XOR_ASSIGNMENT, Kind.OR_ASSIGNMENT);

  /**
   * The label trees javac 21 and later put inside a {@code case} (by name: they are not in the
   * Java 17 API this processor is compiled against).
   */
  private static final Set<String> CASE_LABELS = Set.of("CONSTANT_CASE_LABEL", "DEFAULT_CASE_LABEL");

  /** Statements, with the word users know them by. */
  private static final Map<Kind, String> STATEMENTS = Map.ofEntries(
      Map.entry(Kind.TRY, "a 'try' statement"),
      Map.entry(Kind.SWITCH_EXPRESSION, "a 'switch' expression"),
      Map.entry(Kind.YIELD, "'yield'"),
      Map.entry(Kind.THROW, "a 'throw' statement"),
      Map.entry(Kind.SYNCHRONIZED, "a 'synchronized' block"),
      Map.entry(Kind.ASSERT, "an 'assert' statement"),
      Map.entry(Kind.CLASS, "a local class"));

  /**
   * Finds every construct outside the subset.
   *
   * @param method the method's tree
   * @return the problems, in source order; empty when the body is inside the subset
   */
  public List<Problem> validate(MethodTree method) {
    List<Problem> problems = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree == null || ALLOWED.contains(tree.getKind())
            || CASE_LABELS.contains(tree.getKind().name())) {
          return super.scan(tree, unused);
        }
        problems.add(problem(tree));
        return null;
      }
    }.scan(method.getBody(), null);
    return problems;
  }

  private static Problem problem(Tree tree) {
    Kind kind = tree.getKind();
    String statement = STATEMENTS.get(kind);
    if (statement != null) {
      String hint = kind == Kind.SWITCH_EXPRESSION || kind == Kind.YIELD
          ? "use a switch statement that assigns a local"
          : "differentiable methods compute a value from their inputs; keep this outside them";
      return new Problem(Diagnostic.UNSUPPORTED_STATEMENT, tree, statement, hint);
    }
    return switch (kind) {
      case STRING_LITERAL, CHAR_LITERAL, NULL_LITERAL, FLOAT_LITERAL ->
          new Problem(Diagnostic.UNSUPPORTED_EXPRESSION, tree, "this literal",
              "use int, long, double or boolean literals");
      case NEW_CLASS -> new Problem(Diagnostic.UNSUPPORTED_EXPRESSION, tree, "creating an object",
          "create it outside and pass it in as a parameter");
      case LAMBDA_EXPRESSION, MEMBER_REFERENCE -> new Problem(Diagnostic.UNSUPPORTED_EXPRESSION,
          tree, "a lambda or method reference", "call a @Differentiable method instead");
      default -> new Problem(Diagnostic.UNSUPPORTED_EXPRESSION, tree,
          "'" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "'",
          "see the README for the differentiable subset");
    };
  }
}
