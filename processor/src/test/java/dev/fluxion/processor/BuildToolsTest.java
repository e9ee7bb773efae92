package dev.fluxion.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor as build tools and other compilers run it. */
class BuildToolsTest {

  private static final JavaFileObject SOURCE = Compiler.source("p.W",
      "package p;",
      "import dev.fluxion.Differentiable;",
      "public final class W {",
      "  @Differentiable public static double f(double x) { return x * Math.exp(x); }",
      "  public static double dfdx(double x) { return WDerivatives.fGradient(x).x(); }",
      "}");

  /** A processing environment that forwards to another, as Gradle's incremental one does. */
  private static final class DelegatingEnvironment implements ProcessingEnvironment {
    private final ProcessingEnvironment delegate;

    DelegatingEnvironment(ProcessingEnvironment delegate) {
      this.delegate = delegate;
    }

    @Override public Map<String, String> getOptions() { return delegate.getOptions(); }
    @Override public Messager getMessager() { return delegate.getMessager(); }
    @Override public Filer getFiler() { return delegate.getFiler(); }
    @Override public Elements getElementUtils() { return delegate.getElementUtils(); }
    @Override public Types getTypeUtils() { return delegate.getTypeUtils(); }
    @Override public SourceVersion getSourceVersion() { return delegate.getSourceVersion(); }
    @Override public Locale getLocale() { return delegate.getLocale(); }
  }

  /** Runs Fluxion with the environment wrapped. */
  private static final class WrappingProcessor extends AbstractProcessor {
    private final FluxionProcessor fluxion = new FluxionProcessor();

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      fluxion.init(new DelegatingEnvironment(env));
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return fluxion.process(annotations, round);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return fluxion.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }
  }

  @Test
  void worksWhenTheEnvironmentIsWrappedAsGradleAndIntelliJDo() throws Exception {
    Compilation compilation = com.google.testing.compile.Compiler.javac()
        .withProcessors(new WrappingProcessor())
        .compile(SOURCE);
    assertThat(compilation).succeeded();
    Class<?> w = Compiler.loader(compilation, getClass().getClassLoader()).loadClass("p.W");
    double x = 0.4;
    assertEquals(Math.exp(x) * (1 + x), (Double) w.getMethod("dfdx", double.class).invoke(null, x),
        1e-15);
  }

  @Test
  void eclipseCompilerGetsOneClearError(@TempDir Path dir) throws Exception {
    Path source = dir.resolve("p/W.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, SOURCE.getCharContent(true));
    EclipseCompiler ecj = new EclipseCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = ecj.getStandardFileManager(diagnostics, null, null)) {
      String runtime = dev.fluxion.Differentiable.class.getProtectionDomain().getCodeSource()
          .getLocation().getPath();
      var task = ecj.getTask(null, files, diagnostics,
          List.of("-17", "-proc:only", "-classpath", runtime, "-d", dir.toString()), null,
          files.getJavaFileObjects(source.toFile()));
      task.setProcessors(List.of(new FluxionProcessor()));
      task.call();
    }
    List<String> errors = diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(Locale.ROOT))
        .toList();
    assertEquals(1, errors.size(), "errors: " + errors);
    assertTrue(errors.get(0).contains("[FLX002]"), errors.get(0));
  }
}
