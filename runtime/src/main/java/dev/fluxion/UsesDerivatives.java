package dev.fluxion;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names classes holding derivative registrations ({@link Partial}, {@link Pullback},
 * {@link Tangent}). On a class with differentiable methods: the registrations those methods use
 * for methods of other classes (a library compiled elsewhere). On a class whose methods are
 * registered: where their registrations live, so that every caller finds them.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface UsesDerivatives {

  /**
   * The classes holding the registrations.
   *
   * @return the classes
   */
  Class<?>[] value();
}
