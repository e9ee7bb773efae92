package dev.fluxion.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A differentiable method compiled earlier (as if shipped in a jar) is called from differentiable
 * code compiled later: the caller finds it by its class-retained annotation and calls its
 * generated reverse building block.
 */
class SeparateCompilationTest {

  @Test
  void callerCompiledLaterUsesTheLibrarysDerivatives(@TempDir Path libraryClasses) throws Exception {
    JavaFileObject library = Compiler.source("lib.Shapes",
        "package lib;",
        "import dev.fluxion.Differentiable;",
        "public final class Shapes {",
        "  @Differentiable public static double bump(double x, double width) {",
        "    return Math.exp(-x * x / width);",
        "  }",
        "}");
    Compilation first = Compiler.compile(library);
    assertThat(first).succeededWithoutWarnings();
    Compiler.writeClasses(first, libraryClasses);

    JavaFileObject consumer = Compiler.source("app.Model",
        "package app;",
        "import dev.fluxion.Differentiable;",
        "import lib.Shapes;",
        "public final class Model {",
        "  @Differentiable public static double energy(double a, double w) {",
        "    return a * Shapes.bump(a, w) + w;",
        "  }",
        "  public static double[] gradient(double a, double w) {",
        "    var g = ModelDerivatives.energyGradient(a, w);",
        "    return new double[] {g.value(), g.a(), g.w()};",
        "  }",
        "}");
    Compilation second = Compiler.compile(List.of(libraryClasses.toFile()), consumer);
    assertThat(second).succeededWithoutWarnings();

    ClassLoader libraryLoader = new URLClassLoader(
        new URL[] {libraryClasses.toUri().toURL()}, getClass().getClassLoader());
    Class<?> model = Compiler.loader(second, libraryLoader).loadClass("app.Model");
    Method gradient = model.getMethod("gradient", double.class, double.class);
    double a = 0.7;
    double w = 1.3;
    double[] g = (double[]) gradient.invoke(null, a, w);
    double bump = Math.exp(-a * a / w);
    assertEquals(a * bump + w, g[0], 1e-15);
    // d/da [a·e^(−a²/w)] = e^(−a²/w)·(1 − 2a²/w); d/dw = a·e^(−a²/w)·a²/w² + 1.
    assertEquals(bump * (1 - 2 * a * a / w), g[1], 1e-14);
    assertEquals(a * bump * a * a / (w * w) + 1, g[2], 1e-14);
  }

  @Test
  void generatedSourceIsDeterministic() {
    String[] lines = {
        "package p;",
        "import dev.fluxion.Differentiable;",
        "public final class D {",
        "  @Differentiable static double f(double x, double y) {",
        "    double s = Math.sin(x) * y;",
        "    if (s > 0) { return s * s; }",
        "    return Math.hypot(x, y) + g(s);",
        "  }",
        "  @Differentiable static double g(double z) { return z > 1 ? Math.log(z) : z; }",
        "}"};
    String once = Compiler.generatedSource(Compiler.compile(Compiler.source("p.D", lines)), "p.DDerivatives");
    String twice = Compiler.generatedSource(Compiler.compile(Compiler.source("p.D", lines)), "p.DDerivatives");
    assertEquals(once, twice);
  }

}
