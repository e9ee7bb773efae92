package dev.fluxion.processor.diag;

import java.util.Locale;
import javax.tools.Diagnostic.Kind;

/**
 * Every message Fluxion reports, each with a stable ID. IDs never change meaning; a retired message
 * keeps its number unused. The README lists them with an example each.
 *
 * <p>Ranges: {@code FLX0xx} the processor itself, {@code FLX1xx} the annotation and the method's
 * signature, {@code FLX2xx} the method's body.
 */
public enum Diagnostic {
  INTERNAL_ERROR(1, Kind.ERROR,
      "Fluxion failed unexpectedly while differentiating %s (%s). This is a bug in Fluxion: please"
          + " report it with the method's source"),
  NO_TREE_API(2, Kind.ERROR,
      "Fluxion needs javac's compiler tree API (com.sun.source), which this compiler does not"
          + " offer; compile with javac (JDK 17 or later)"),

  NO_BODY(101, Kind.ERROR,
      "@Differentiable needs a method with a body to differentiate; %s has none"),
  RESULT_NOT_DOUBLE(102, Kind.ERROR,
      "@Differentiable methods must return double, double[] or double[][], but %s returns %s"),
  WRT_UNKNOWN(103, Kind.ERROR,
      "wrt names '%s', which is not a parameter of %s; the parameters are %s"),
  WRT_NOT_DOUBLE(104, Kind.ERROR,
      "wrt names '%s' of type %s; only double, double[] and double[][] parameters can be"
          + " differentiated"),
  OVERLOADED(105, Kind.ERROR,
      "%s has more than one @Differentiable method with this name; give each its own name, since"
          + " the generated gradient holders are named after the method"),
  UNSUPPORTED_PARAMETER_TYPE(106, Kind.ERROR,
      "parameter '%s' has type %s, which differentiable methods do not support yet; use double,"
          + " double[], double[][], int, long, boolean, int[] or an object"),
  NO_DEPENDENCE(107, Kind.WARNING,
      "the result of %s does not depend on the parameters it is differentiated with respect to"
          + " (%s): every partial derivative is zero"),
  NESTED_IN_PRIVATE(108, Kind.ERROR,
      "%s is private; the generated companion class cannot reach it. Make it package-private"),
  WRT_AND_NO_DERIVATIVE(109, Kind.ERROR,
      "parameter '%s' is marked @NoDerivative but named in wrt; choose one"),
  PARTIAL_TARGET_MISSING(110, Kind.ERROR,
      "@Partial names %s, but %s has no static method of that name taking (%s)"),
  PARTIAL_BAD_SIGNATURE(111, Kind.ERROR,
      "@Partial method %s must take exactly the parameters of %s, (%s), and return double"),
  PARTIAL_BAD_WRT(112, Kind.ERROR,
      "@Partial names wrt = '%s', which is not a double parameter of %s"),
  PARTIAL_DUPLICATE(113, Kind.ERROR,
      "%s already has a partial derivative with respect to '%s' (%s); keep one"),
  PARTIAL_NOT_DIFFERENTIABLE(114, Kind.ERROR,
      "@Partial method %s must itself be @Differentiable, so that second derivatives through it"
          + " are right"),
  PARAMETER_NAMES_MISSING(116, Kind.ERROR,
      "%s was compiled without its parameter names, so the parameter that its @Partial or wrt"
          + " names ('%s') cannot be found; compile the library with javac -parameters"),
  REGISTRATION_NEVER_USED(115, Kind.ERROR,
      "%s is @Differentiable, so Fluxion differentiates its body and never uses this %s;"
          + " remove one of the two"),
  REGISTRATION_TARGET_MISSING(117, Kind.ERROR,
      "@%s names %s, but %s has no static method of that name"),
  REGISTRATION_BAD_SIGNATURE(118, Kind.ERROR,
      "@%s method %s does not fit %s: %s; expected %s %s(%s)"),
  REGISTRATION_DUPLICATE(119, Kind.ERROR,
      "%s already has a @%s (%s); keep one"),
  REGISTRATION_NOT_STATIC(120, Kind.ERROR,
      "@%s method %s must be static and not private, so that generated code can call it"),
  PULLBACK_SCALARS(121, Kind.ERROR,
      "%s has %s double parameters, but a @Pullback returns the adjoint of at most one; register"
          + " @Partial derivatives if it takes only doubles, or pass the doubles in an array"),

  UNSUPPORTED_STATEMENT(201, Kind.ERROR,
      "%s is not in the differentiable subset yet; %s"),
  UNSUPPORTED_EXPRESSION(202, Kind.ERROR,
      "%s is not in the differentiable subset; %s"),
  UNSUPPORTED_TYPE(203, Kind.ERROR,
      "type %s is not supported in differentiable code; use double for values that carry"
          + " derivatives and int, long or boolean for control"),
  NO_RULE(204, Kind.ERROR,
      "%s has no derivative rule, and its argument depends on the differentiated parameters;"
          + " rewrite the expression with functions that have one (see the README's list)"),
  NOT_DIFFERENTIABLE_CALL(205, Kind.ERROR,
      "%s is not @Differentiable, and an argument depends on the differentiated parameters, so"
          + " its derivative is unknown; annotate %s with @Differentiable, or pass it only values"
          + " that do not depend on them"),
  FIELD_ASSIGNMENT(206, Kind.ERROR,
      "assignment to field '%s': differentiable methods may read fields, as constants, but not"
          + " write them; use a local variable"),
  NOT_DIFFERENTIATED_ARGUMENT(207, Kind.ERROR,
      "argument '%s' of %s depends on the differentiated parameters, but %s is not"
          + " differentiated with respect to its parameter '%s'; add '%s' to its wrt"),
  PRIVATE_MEMBER(208, Kind.ERROR,
      "%s is private, and the generated companion class cannot reach it; make it"
          + " package-private"),
  UNRESOLVED(209, Kind.ERROR,
      "cannot resolve %s in differentiable code; %s"),
  MISSING_PARTIAL(211, Kind.ERROR,
      "argument '%s' of %s varies with the differentiated parameters, but no @Partial is"
          + " registered for its parameter '%s'; register one, or pass a constant"),
  MISSING_MODE(212, Kind.ERROR,
      "%s has no registered %s, and Fluxion writes every mode (gradients, forward mode, second"
          + " derivatives) for the calling method; register one: %s"),
  CHECKPOINT(213, Kind.ERROR,
      "cannot checkpoint here: %s"),
  ALIASED_ARGUMENTS(210, Kind.ERROR,
      "'%s' and '%s' may be the same array, and %s writes into its parameter '%s'; the derivative"
          + " of such a call is not defined by its parameters' partials: pass a copy (%s.clone())");

  private final int number;
  private final Kind kind;
  private final String template;

  Diagnostic(int number, Kind kind, String template) {
    this.number = number;
    this.kind = kind;
    this.template = template;
  }

  /**
   * The stable ID, such as {@code FLX201}.
   *
   * @return the ID
   */
  public String id() {
    return String.format(Locale.ROOT, "FLX%03d", number);
  }

  /**
   * Whether this is an error or a warning.
   *
   * @return the javac diagnostic kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The full message, prefixed with the ID.
   *
   * @param arguments values for the template's placeholders
   * @return for example {@code "[FLX201] 'while' loops are not ..."}
   */
  public String format(Object... arguments) {
    return "[" + id() + "] " + String.format(Locale.ROOT, template, arguments);
  }
}
