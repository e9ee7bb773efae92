package dev.fluxion.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The behaviour corpus compiled with the to-be-recorded analysis switched off
 * ({@code -Afluxion.tbr=false}) gives bit for bit the same values and gradients as the corpus the
 * build compiled with it on: recording less never changes a derivative.
 */
class RecordingOptionTest {
  private static final Path CORPUS = Path.of("src/test/java/dev/fluxion/corpus");

  @Test
  void everyCorpusGradientIsTheSameWithTheAnalysisSwitchedOff() throws Exception {
    List<JavaFileObject> sources = new ArrayList<>();
    List<String> classNames = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CORPUS)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String text = Files.readString(file);
        if (text.contains("@Differentiable")) {
          sources.add(JavaFileObjects.forResource(file.toUri().toURL()));
          classNames.add(className(file));
        }
      }
    }
    assertTrue(classNames.size() >= 10, "corpus classes found: " + classNames);
    Compilation compilation = com.google.testing.compile.Compiler.javac()
        .withProcessors(new FluxionProcessor())
        .withOptions("-A" + FluxionProcessor.OPTION_TBR + "=false")
        .compile(sources);
    assertThat(compilation).succeeded();
    URL runtime = dev.fluxion.Differentiable.class.getProtectionDomain().getCodeSource().getLocation();
    ClassLoader isolated = Compiler.loader(compilation,
        new URLClassLoader(new URL[] {runtime}, ClassLoader.getPlatformClassLoader()));

    int compared = 0;
    for (String name : classNames) {
      Class<?> withAnalysis = Class.forName(name + "Derivatives");
      Class<?> without = isolated.loadClass(name + "Derivatives");
      for (Method m : withAnalysis.getMethods()) {
        if (!Modifier.isStatic(m.getModifiers()) || !m.getName().endsWith("Gradient")
            || m.getParameterCount() == 0 || !supported(m)) {
          continue;
        }
        Object[] args = arguments(m.getParameterTypes(), new Random(m.toString().hashCode()));
        Method twin = without.getMethod(m.getName(), m.getParameterTypes());
        assertEquals(outcome(m, copy(args)), outcome(twin, copy(args)), name + "." + m.getName());
        compared++;
      }
    }
    assertTrue(compared >= 100, "gradients compared: " + compared);
  }

  private static String className(Path file) throws IOException {
    String text = Files.readString(file);
    String pkg = text.replaceAll("(?s)^.*?package\\s+([\\w.]+);.*$", "$1");
    String simple = file.getFileName().toString().replace(".java", "");
    return pkg + "." + simple;
  }

  /** Gradient forms whose arguments this test can make up: numbers and arrays of them. */
  private static boolean supported(Method m) {
    for (Class<?> t : m.getParameterTypes()) {
      if (!(t == double.class || t == int.class || t == long.class || t == boolean.class
          || t == double[].class || t == double[][].class || t == int[].class)) {
        return false;
      }
    }
    return true;
  }

  private static Object[] arguments(Class<?>[] types, Random random) {
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

  private static double[] vector(int n, Random random) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 0.5 + random.nextDouble();
    }
    return v;
  }

  private static Object[] copy(Object[] args) {
    Object[] copy = args.clone();
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] instanceof double[] a) {
        copy[i] = a.clone();
      } else if (copy[i] instanceof double[][] a) {
        double[][] rows = new double[a.length][];
        for (int r = 0; r < a.length; r++) {
          rows[r] = a[r].clone();
        }
        copy[i] = rows;
      } else if (copy[i] instanceof int[] a) {
        copy[i] = a.clone();
      }
    }
    return copy;
  }

  /** The holder's text (every value, exactly), or the exception's class. */
  private static String outcome(Method m, Object[] args) throws IllegalAccessException {
    try {
      return String.valueOf(m.invoke(null, args));
    } catch (InvocationTargetException e) {
      return "threw " + e.getCause().getClass().getName();
    }
  }
}
