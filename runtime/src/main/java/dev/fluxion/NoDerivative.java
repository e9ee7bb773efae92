package dev.fluxion;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a parameter of a {@code @Differentiable} method as data: it is never differentiated, even
 * when it is a {@code double}, and costs nothing. The same as leaving it out of {@link
 * Differentiable#wrt()}, written where the parameter is declared.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface NoDerivative {}
