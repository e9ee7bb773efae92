package dev.fluxion;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import java.util.stream.DoubleStream;

/**
 * The values {@link ArrayMath} works with ({@code Double}, {@code double[]}, {@code double[][]},
 * and {@code Object[]} lists of them, nested as needed), seen as flat vectors: entries in order,
 * rows one after another.
 */
final class Flat {
  private Flat() {}

  /** The entries of a value, in order. */
  static double[] flatten(Object value) {
    DoubleStream.Builder entries = DoubleStream.builder();
    flattenInto(value, entries);
    return entries.build().toArray();
  }

  /** A new value shaped like {@code like}, holding the entries of {@code flat}. */
  static Object unflatten(double[] flat, Object like) {
    if (flatten(like).length != flat.length) {
      throw new IllegalArgumentException("wrong number of entries");
    }
    return shapedLike(like, k -> flat[k]);
  }

  /** A new value shaped like {@code like}, of zeros. */
  static Object zerosLike(Object like) {
    return shapedLike(like, k -> 0);
  }

  /** A new value shaped like {@code like}, of entries uniform in [−1, 1). */
  static Object randomLike(Object like, Random random) {
    return shapedLike(like, k -> 2 * random.nextDouble() - 1);
  }

  /** A deep copy of a value. */
  static Object copy(Object value) {
    return unflatten(flatten(value), value);
  }

  /** Σ a_i b_i. */
  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** Σ |a_i b_i|: the scale against which rounding in {@code dot(a, b)} is measured. */
  static double absDot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs(a[i] * b[i]);
    }
    return sum;
  }

  /** max_i |x_i|, or 0 for no entries. */
  static double maxAbs(double[] x) {
    double max = 0;
    for (double xi : x) {
      max = Math.max(max, Math.abs(xi));
    }
    return max;
  }

  /** Asserts that {@code max |expected − actual| ≤ tolerance · max(|expected|, |actual|)}. */
  static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
    assertTrue(expected.length == actual.length, what + ": lengths differ");
    double[] difference = new double[expected.length];
    for (int i = 0; i < expected.length; i++) {
      difference[i] = expected[i] - actual[i];
    }
    double error = maxAbs(difference);
    double scale = Math.max(maxAbs(expected), maxAbs(actual));
    assertTrue(error <= tolerance * scale,
        () -> what + ": error " + error + " exceeds " + tolerance + " × " + scale);
  }

  private static void flattenInto(Object value, DoubleStream.Builder entries) {
    if (value instanceof Double d) {
      entries.add(d);
    } else if (value instanceof double[] v) {
      DoubleStream.of(v).forEach(entries);
    } else {
      for (Object part : (Object[]) value) {
        flattenInto(part, entries);
      }
    }
  }

  private static Object shapedLike(Object like, IntToDoubleFunction entry) {
    return shapedLike(like, entry, new int[1]);
  }

  // next[0] is the flat index of the value's first entry; it is advanced past the value
  private static Object shapedLike(Object like, IntToDoubleFunction entry, int[] next) {
    if (like instanceof Double) {
      return entry.applyAsDouble(next[0]++);
    }
    if (like instanceof double[] v) {
      double[] out = new double[v.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = entry.applyAsDouble(next[0]++);
      }
      return out;
    }
    Object[] parts = (Object[]) like;
    Object[] out = (Object[]) Array.newInstance(
        parts.getClass().getComponentType(), parts.length);
    for (int i = 0; i < parts.length; i++) {
      out[i] = shapedLike(parts[i], entry, next);
    }
    return out;
  }
}
