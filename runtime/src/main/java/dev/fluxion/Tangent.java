package dev.fluxion;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers the annotated method as the tangent (the forward-mode derivative) of a static method
 * that Fluxion does not look inside, usually one with a {@link Pullback}.
 *
 * <p>For a method {@code R f(P1 p1, …, Pn pn)} the tangent is {@code static} and takes {@code f}'s
 * parameters, each {@code double}, {@code double[]} or {@code double[][]} one followed by its
 * tangent (same type and shape), and returns the tangent of {@code f}'s result, of type
 * {@code R} (a new array for array results): the directional derivative of {@code f} in the
 * direction of the given tangents. Other parameters carry no tangent.
 *
 * <p>A {@code void} method that adds into some of its array parameters, such as a pullback, has a
 * {@code void} tangent that adds the directional derivatives of those additions into the tangent
 * arrays of the same parameters; it leaves the parameters themselves alone (Fluxion calls the
 * method itself for them). Registering a tangent for a pullback is what makes second derivatives
 * through a custom derivative possible.
 *
 * <pre>{@code
 * @Tangent(of = "dot")
 * public static double dotTangent(double[] a, double[] aDot, double[] b, double[] bDot) {
 *   double sum = 0;
 *   for (int i = 0; i < a.length; i++) {
 *     sum += aDot[i] * b[i] + a[i] * bDot[i];
 *   }
 *   return sum;
 * }
 * }</pre>
 *
 * <p>Registrations are found where {@link Pullback}'s are.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Tangent {

  /**
   * The name of the method this is the tangent of.
   *
   * @return a static method's name
   */
  String of();

  /**
   * The class declaring the method, when it is not the class of the annotated method.
   *
   * @return that class, or {@code void.class} for this class
   */
  Class<?> in() default void.class;
}
