package dev.fluxion.processor.ir;

import dev.fluxion.processor.model.DifferentiableMethod;

/** What an {@link Expr.Call} calls. */
public sealed interface Callee
    permits Callee.MathFunction, Callee.Primal, Callee.Reverse, Callee.Plain, Callee.Runtime,
        Callee.Forward, Callee.ReverseForward, Callee.Registered, Callee.Custom {

  /**
   * A static method of {@code java.lang.Math} or {@code java.lang.StrictMath}, differentiated by the
   * rule table.
   *
   * @param owner {@code "java.lang.Math"} or {@code "java.lang.StrictMath"}
   * @param name the method name
   */
  record MathFunction(String owner, String name) implements Callee {}

  /**
   * The original (primal) body of a {@code @Differentiable} method.
   *
   * @param method the callee
   */
  record Primal(DifferentiableMethod method) implements Callee {}

  /**
   * The generated reverse-mode building block of a {@code @Differentiable} method: it takes the
   * primal arguments, a seed and the tape, pushes the callee's partials (times the seed) in
   * parameter order and returns the primal value.
   *
   * @param method the callee
   */
  record Reverse(DifferentiableMethod method) implements Callee {}

  /**
   * Any other method, whose result Fluxion treats as a constant: only allowed where no argument is
   * active or where the result cannot carry a derivative.
   *
   * @param owner the declaring type
   * @param name the method name
   * @param isStatic whether the method is static
   */
  record Plain(Reference owner, String name, boolean isStatic) implements Callee {}

  /**
   * A static helper of Fluxion's runtime class {@code dev.fluxion.Adjoints}, which generated code
   * uses for whole-array work (shaping, saving and restoring contents).
   *
   * @param name the helper's name
   */
  record Runtime(String name) implements Callee {}

  /**
   * The generated forward-mode building block of a {@code @Differentiable} method: primal
   * arguments each followed by its tangent (for differentiated parameters), then the tape; it
   * returns the value and pushes the result's tangent.
   *
   * @param method the callee
   */
  record Forward(DifferentiableMethod method) implements Callee {}

  /**
   * The forward-mode transform of a method's reverse building block (second order): the reverse
   * block's arguments each followed by its tangent, then the tape; it pushes each scalar partial
   * followed by that partial's tangent.
   *
   * @param method the callee
   */
  record ReverseForward(DifferentiableMethod method) implements Callee {}

  /**
   * A static method Fluxion does not look inside, with partial derivatives the user registered
   * ({@code @Partial}): each a {@code @Differentiable} method taking the same arguments.
   *
   * @param owner the declaring class
   * @param name the method's name
   * @param parameters the names of its parameters, for messages
   * @param partials for each parameter, its registered partial derivative, or {@code null}
   */
  record Registered(Reference owner, String name, java.util.List<String> parameters,
      java.util.List<DifferentiableMethod> partials) implements Callee {}

  /**
   * A static method Fluxion does not look inside, with a pullback and a tangent the user
   * registered ({@code @Pullback}, {@code @Tangent}): reverse mode calls the pullback, forward mode
   * the tangent, and second order the pullback's own tangent. A pullback is itself a {@code Custom}
   * callee (with a tangent and no pullback) whose trailing {@code outputs} array arguments are the
   * adjoint arrays it adds into.
   *
   * @param owner the declaring class
   * @param name the method's name
   * @param pullback the registered pullback, or {@code null} (the call checker reports it where
   *     one is needed)
   * @param tangent the registered tangent, or {@code null} (likewise)
   * @param outputs how many of the trailing arguments are arrays the method adds into (0 for
   *     functions, one per array parameter of the differentiated method for pullbacks)
   */
  record Custom(Reference owner, String name, Custom pullback, Plain tangent, int outputs)
      implements Callee {
    /**
     * Tells whether every mode can be generated for a call of this method.
     *
     * @return {@code true} when the pullback, the tangent and the pullback's tangent are known
     */
    public boolean complete() {
      return pullback != null && tangent != null && pullback.tangent() != null;
    }
  }
}
