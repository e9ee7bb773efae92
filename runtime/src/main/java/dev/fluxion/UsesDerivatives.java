package dev.fluxion;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names classes whose {@link Partial} registrations the annotated class's differentiable methods
 * use, for methods of other classes (a library compiled elsewhere).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface UsesDerivatives {

  /**
   * The classes holding {@link Partial} methods.
   *
   * @return the classes
   */
  Class<?>[] value();
}
