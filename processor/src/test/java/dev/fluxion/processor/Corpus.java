package dev.fluxion.processor;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The behaviour corpus seen from outside: its classes, and arguments made up for their generated
 * methods, for tests that check every corpus method the same way.
 */
final class Corpus {
  static final Path SOURCES = Path.of("src/test/java/dev/fluxion/corpus");

  private Corpus() {}

  /** The source files that declare @Differentiable methods. */
  static List<Path> sourceFiles() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      List<Path> result = new ArrayList<>();
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        if (Files.readString(file).contains("@Differentiable")) {
          result.add(file);
        }
      }
      return result;
    }
  }

  /** Every corpus source but the tests: the differentiable classes and what they call. */
  static List<Path> compilableFiles() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(p -> p.toString().endsWith(".java") && !p.toString().endsWith("Test.java"))
          .sorted().toList();
    }
  }

  /** The binary name of the class a corpus file declares. */
  static String className(Path file) throws IOException {
    String text = Files.readString(file);
    String pkg = text.replaceAll("(?s)^.*?package\\s+([\\w.]+);.*$", "$1");
    return pkg + "." + file.getFileName().toString().replace(".java", "");
  }

  /** The companion classes of the corpus, as the build compiled them. */
  static List<Class<?>> companions() throws IOException, ClassNotFoundException {
    List<Class<?>> result = new ArrayList<>();
    for (Path file : sourceFiles()) {
      result.add(Class.forName(className(file) + "Derivatives"));
    }
    return result;
  }

  /** Whether this test can make up arguments of these types: numbers and arrays of them. */
  static boolean supported(Class<?>... types) {
    for (Class<?> t : types) {
      if (!(t == double.class || t == int.class || t == long.class || t == boolean.class
          || t == double[].class || t == double[][].class || t == int[].class)) {
        return false;
      }
    }
    return true;
  }

  /** Arguments away from the usual kinks: doubles in [0.5, 1.5), small ints, short arrays. */
  static Object[] arguments(Class<?>[] types, Random random) {
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      Class<?> t = types[i];
      if (t == double.class) {
        args[i] = 0.5 + random.nextDouble();
      } else if (t == int.class) {
        args[i] = 3;
      } else if (t == long.class) {
        args[i] = 3L;
      } else if (t == boolean.class) {
        args[i] = true;
      } else if (t == double[].class) {
        args[i] = vector(4, random);
      } else if (t == double[][].class) {
        args[i] = new double[][] {vector(3, random), vector(3, random), vector(3, random)};
      } else {
        args[i] = new int[] {2, 0, 1, 3};
      }
    }
    return args;
  }

  /** A direction shaped like {@code like}: entries in [-1, 1). */
  static Object direction(Object like, Random random) {
    if (like instanceof double[] a) {
      double[] d = new double[a.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = 2 * random.nextDouble() - 1;
      }
      return d;
    }
    if (like instanceof double[][] a) {
      double[][] d = new double[a.length][];
      for (int i = 0; i < a.length; i++) {
        d[i] = (double[]) direction(a[i], random);
      }
      return d;
    }
    return 2 * random.nextDouble() - 1;
  }

  static double[] vector(int n, Random random) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 0.5 + random.nextDouble();
    }
    return v;
  }

  /** A deep copy, so that calls cannot see each other's arrays. */
  static Object[] copy(Object[] args) {
    Object[] copy = args.clone();
    for (int i = 0; i < copy.length; i++) {
      copy[i] = copy(copy[i]);
    }
    return copy;
  }

  static Object copy(Object value) {
    if (value instanceof double[] a) {
      return a.clone();
    }
    if (value instanceof double[][] a) {
      double[][] rows = new double[a.length][];
      for (int r = 0; r < a.length; r++) {
        rows[r] = a[r].clone();
      }
      return rows;
    }
    if (value instanceof int[] a) {
      return a.clone();
    }
    return value;
  }

  /** Σ aᵢ·bᵢ over matching shapes (numbers, vectors, matrices), and Σ |aᵢ·bᵢ| for a scale. */
  static double[] dot(Object a, Object b) {
    if (a instanceof double[] x) {
      double[] y = (double[]) b;
      double s = 0;
      double scale = 0;
      for (int i = 0; i < x.length; i++) {
        s += x[i] * y[i];
        scale += Math.abs(x[i] * y[i]);
      }
      return new double[] {s, scale};
    }
    if (a instanceof double[][] x) {
      double[][] y = (double[][]) b;
      double s = 0;
      double scale = 0;
      for (int i = 0; i < x.length; i++) {
        double[] d = dot(x[i], y[i]);
        s += d[0];
        scale += d[1];
      }
      return new double[] {s, scale};
    }
    double p = (Double) a * (Double) b;
    return new double[] {p, Math.abs(p)};
  }

  /** The names of a method's parameters (the test build compiles with -parameters). */
  static List<String> parameterNames(Method m) {
    List<String> names = new ArrayList<>();
    for (Parameter p : m.getParameters()) {
      names.add(p.getName());
    }
    return names;
  }
}
