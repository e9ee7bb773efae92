package dev.fluxion;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose derivatives Fluxion generates at compile time.
 *
 * <p>While {@code javac} compiles the enclosing class {@code Foo}, Fluxion's annotation processor
 * reads the body of every method marked with this annotation and writes a companion class {@code
 * FooDerivatives} into the same package. For a method {@code double f(double x, double y)} the
 * companion offers:
 *
 * <ul>
 *   <li>{@code fGradient(x, y)}: a new {@code FGradient} holding the value and every partial
 *       derivative;
 *   <li>{@code fGradient(x, y, into)}: the same, <em>overwriting</em> a caller-owned holder, so
 *       that a loop allocates nothing;
 *   <li>{@code fPullback(x, y, seed, into)}: the vector-Jacobian product, <em>adding</em> {@code
 *       seed * df/dx} to {@code into}'s partials (the value is overwritten);
 *   <li>{@code fReverse(x, y, seed, tape)}: the building block the other forms and other generated
 *       methods call.
 * </ul>
 *
 * <p>The body must stay inside Fluxion's differentiable subset of Java (see the README). Anything
 * outside it is a compile error on the offending expression, never a silently wrong derivative.
 *
 * <p>The annotation has {@link RetentionPolicy#CLASS CLASS} retention so that it survives in jars:
 * a differentiable method compiled earlier can be called from differentiable code compiled later.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Differentiable {

  /**
   * The names of the parameters to differentiate with respect to. Every other parameter is treated
   * as a constant and costs nothing. The default, an empty array, means every {@code double}
   * parameter.
   *
   * @return parameter names, each naming a {@code double} parameter of the annotated method
   */
  String[] wrt() default {};
}
