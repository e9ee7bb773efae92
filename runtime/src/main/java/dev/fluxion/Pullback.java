package dev.fluxion;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers the annotated method as the pullback (the reverse-mode derivative) of a static method
 * that takes or returns arrays, so that differentiable code can call that method although Fluxion
 * does not look inside it. For functions of {@code double}s only, {@link Partial} is simpler.
 *
 * <p>For a method {@code R f(P1 p1, …, Pn pn)} the pullback is {@code static} and takes
 * <ol>
 *   <li>{@code f}'s parameters, unchanged;
 *   <li>the seed, of type {@code R} ({@code double}, {@code double[]} or {@code double[][]}): the
 *       adjoint of {@code f}'s result;
 *   <li>for each {@code double[]} or {@code double[][]} parameter of {@code f}, in order, an
 *       adjoint array of the same type and shape, into which the pullback <em>adds</em>
 *       {@code seedᵀ · ∂f/∂p}.
 * </ol>
 * It returns {@code void}, or, when {@code f} has one {@code double} parameter, that parameter's
 * adjoint contribution {@code seedᵀ · ∂f/∂x} as a {@code double} ({@code f} may have at most one).
 * Other parameters ({@code int}, {@code long}, {@code boolean}, {@code int[]}, objects) carry no
 * derivative and have no adjoint.
 *
 * <p>Fluxion writes forward mode and second derivatives for every differentiable method, so a
 * method called from differentiable code also needs a {@link Tangent}, and its pullback needs a
 * {@code @Tangent} of its own (the derivative of the pullback, for Hessians). A method missing
 * one of them is a compile error at the call, saying which.
 *
 * <p>The registered method must not write into its array parameters and must return a new array
 * (not one of its arguments). Registrations are found in the class declaring {@code f}, in the
 * classes that class or the calling class lists with {@link UsesDerivatives}; both may be in jars.
 *
 * <pre>{@code
 * public static double dot(double[] a, double[] b) { ... }
 *
 * @Pullback(of = "dot")
 * public static void dotPullback(double[] a, double[] b, double seed, double[] aBar, double[] bBar) {
 *   for (int i = 0; i < a.length; i++) {
 *     aBar[i] += seed * b[i];
 *     bBar[i] += seed * a[i];
 *   }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Pullback {

  /**
   * The name of the method this is the pullback of.
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
