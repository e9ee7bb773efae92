package dev.fluxion;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers the annotated method as a partial derivative of another method, so that
 * differentiable code can call that method although Fluxion does not (or cannot) look inside it:
 * a library routine, or a function with a better closed-form derivative.
 *
 * <p>The annotated method takes exactly the parameters of the method it differentiates and
 * returns {@code ∂f/∂wrt} at those arguments. It must itself be {@code @Differentiable}, so that
 * second derivatives through it are right too. Register one partial per {@code double}
 * parameter that differentiable callers pass a varying value for; calling with a varying
 * argument where no partial is registered is a compile error.
 *
 * <p>Registrations are found in the class that declares the differentiated method, and in the
 * classes a calling class lists with {@link UsesDerivatives}; both may come from jars.
 *
 * <pre>{@code
 * static double softplus(double x) { return Math.log1p(Math.exp(x)); }   // not @Differentiable
 *
 * @Differentiable @Partial(of = "softplus", wrt = "x")
 * static double softplusDx(double x) { return 1 / (1 + Math.exp(-x)); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Partial {

  /**
   * The name of the method this is a partial derivative of.
   *
   * @return a static method's name
   */
  String of();

  /**
   * The parameter of that method this is the partial derivative with respect to.
   *
   * @return a {@code double} parameter's name
   */
  String wrt();

  /**
   * The class declaring the method, when it is not the class of the annotated method.
   *
   * @return that class, or {@code void.class} for this class
   */
  Class<?> in() default void.class;
}
