package dev.fluxion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A method of {@link ArrayMath} and its three derivatives in {@link ArrayMathDerivatives}, found
 * by the names and parameter lists that {@link Pullback} and {@link Tangent} prescribe (so that
 * finding them checks those conventions), and called with arguments as {@link Flat} sees them.
 * All of ArrayMath's parameters are arrays, so every parameter has a tangent and an adjoint.
 */
final class Registered {
  private final Method f;
  private final Method tangent;
  private final Method pullback;
  private final Method pullbackTangent;

  /** The method {@code name} taking arguments like {@code inputs}, and its derivatives. */
  Registered(String name, Object[] inputs) {
    Class<?>[] types = Arrays.stream(inputs).map(Object::getClass).toArray(Class<?>[]::new);
    f = find(ArrayMath.class, name, types);
    Class<?>[] pullbackTypes = concat(types, f.getReturnType(), types);
    tangent = find(ArrayMathDerivatives.class, name + "Tangent", interleave(types, types));
    pullback = find(ArrayMathDerivatives.class, name + "Pullback", pullbackTypes);
    pullbackTangent = find(ArrayMathDerivatives.class, name + "PullbackTangent",
        interleave(pullbackTypes, pullbackTypes));
    assertEquals(f.getReturnType(), tangent.getReturnType(), tangent.getName());
    assertEquals(void.class, pullback.getReturnType(), pullback.getName());
    assertEquals(void.class, pullbackTangent.getReturnType(), pullbackTangent.getName());
  }

  /** f(in). */
  Object value(Object[] in) {
    return call(f, in);
  }

  /** The tangent of f at {@code in} in the direction {@code inDot}. */
  Object tangent(Object[] in, Object[] inDot) {
    return call(tangent, interleave(in, inDot));
  }

  /** Adds seedᵀ · ∂f/∂in into {@code bars}. */
  void pullback(Object[] in, Object seed, Object[] bars) {
    call(pullback, concat(in, seed, bars));
  }

  /** Adds the tangent of the pullback's additions into {@code barDots}. */
  void pullbackTangent(
      Object[] in, Object[] inDot, Object seed, Object seedDot, Object[] bars, Object[] barDots) {
    call(pullbackTangent, interleave(concat(in, seed, bars), concat(inDot, seedDot, barDots)));
  }

  private static Method find(Class<?> owner, String name, Class<?>[] types) {
    try {
      return owner.getMethod(name, types);
    } catch (NoSuchMethodException e) {
      throw new AssertionError("no " + name + Arrays.toString(types) + " in " + owner, e);
    }
  }

  private static Object call(Method method, Object[] arguments) {
    try {
      return method.invoke(null, arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new AssertionError(e.getCause());
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  // a, then b, then c's elements
  private static <T> T[] concat(T[] a, T b, T[] c) {
    List<T> all = new ArrayList<>(Arrays.asList(a));
    all.add(b);
    all.addAll(Arrays.asList(c));
    return all.toArray(Arrays.copyOf(a, 0));
  }

  // a_0, b_0, a_1, b_1, …
  private static <T> T[] interleave(T[] a, T[] b) {
    T[] out = Arrays.copyOf(a, 2 * a.length);
    for (int i = 0; i < a.length; i++) {
      out[2 * i] = a[i];
      out[2 * i + 1] = b[i];
    }
    return out;
  }
}
