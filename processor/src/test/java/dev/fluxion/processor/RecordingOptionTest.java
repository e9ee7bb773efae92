package dev.fluxion.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The behaviour corpus compiled with the to-be-recorded analysis switched off
 * ({@code -Afluxion.tbr=false}) gives bit for bit the same values and gradients as the corpus the
 * build compiled with it on: recording less never changes a derivative.
 */
class RecordingOptionTest {
  @Test
  void everyCorpusGradientIsTheSameWithTheAnalysisSwitchedOff() throws Exception {
    List<JavaFileObject> sources = new ArrayList<>();
    List<String> classNames = new ArrayList<>();
    for (Path file : Corpus.compilableFiles()) {
      sources.add(JavaFileObjects.forResource(file.toUri().toURL()));
    }
    for (Path file : Corpus.sourceFiles()) {
      classNames.add(Corpus.className(file));
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
            || m.getParameterCount() == 0 || !Corpus.supported(m.getParameterTypes())) {
          continue;
        }
        Object[] args = Corpus.arguments(m.getParameterTypes(), new Random(m.toString().hashCode()));
        Method twin = without.getMethod(m.getName(), m.getParameterTypes());
        assertEquals(outcome(m, Corpus.copy(args)), outcome(twin, Corpus.copy(args)),
            name + "." + m.getName());
        compared++;
      }
    }
    assertTrue(compared >= 100, "gradients compared: " + compared);
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
