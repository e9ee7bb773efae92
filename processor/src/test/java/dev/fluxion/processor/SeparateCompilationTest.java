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
  void registrationsShippedInAJarAreUsedByACallerCompiledLater(@TempDir Path libraryClasses)
      throws Exception {
    JavaFileObject library = Compiler.source("lib.Smooth",
        "package lib;",
        "import dev.fluxion.Differentiable;",
        "import dev.fluxion.Partial;",
        "public final class Smooth {",
        "  public static double softplus(double x) { return Math.log1p(Math.exp(x)); }",
        "  @Differentiable @Partial(of = \"softplus\", wrt = \"x\")",
        "  public static double softplusDx(double x) { return 1 / (1 + Math.exp(-x)); }",
        "}");
    compileLibrary(libraryClasses, library);

    JavaFileObject consumer = Compiler.source("app.Loss",
        "package app;",
        "import dev.fluxion.Differentiable;",
        "import lib.Smooth;",
        "public final class Loss {",
        "  @Differentiable public static double loss(double w) {",
        "    return Smooth.softplus(3 * w) * w;",
        "  }",
        "  public static double[] gradientAndCurvature(double w) {",
        "    var h = LossDerivatives.lossHessian(w);",
        "    return new double[] {h.gradient()[0], h.hessian()[0][0]};",
        "  }",
        "}");
    Compilation second = Compiler.compile(List.of(libraryClasses.toFile()), consumer);
    assertThat(second).succeededWithoutWarnings();
    ClassLoader libraryLoader = new URLClassLoader(
        new URL[] {libraryClasses.toUri().toURL()}, getClass().getClassLoader());
    Class<?> loss = Compiler.loader(second, libraryLoader).loadClass("app.Loss");
    double w = 0.4;
    double[] result = (double[]) loss.getMethod("gradientAndCurvature", double.class).invoke(null, w);
    double s = 1 / (1 + Math.exp(-3 * w));
    double softplus = Math.log1p(Math.exp(3 * w));
    assertEquals(3 * s * w + softplus, result[0], 1e-14);
    // d/dw (3σ(3w)w + softplus(3w)) = 9σ'(3w)w + 3σ(3w) + 3σ(3w)
    assertEquals(9 * s * (1 - s) * w + 6 * s, result[1], 1e-13);
  }

  @Test
  void pullbacksAndTangentsShippedApartFromTheLibrarysApiAreFound(@TempDir Path libraryClasses)
      throws Exception {
    JavaFileObject api = Compiler.source("lib.Stats",
        "package lib;",
        "@dev.fluxion.UsesDerivatives(StatsRules.class)",
        "public final class Stats {",
        "  public static double mean(double[] x) {",
        "    double s = 0; for (double v : x) { s += v; } return s / x.length; }",
        "}");
    JavaFileObject rules = Compiler.source("lib.StatsRules",
        "package lib;",
        "import dev.fluxion.Pullback;",
        "import dev.fluxion.Tangent;",
        "public final class StatsRules {",
        "  @Pullback(of = \"mean\", in = Stats.class)",
        "  public static void meanPullback(double[] x, double seed, double[] xBar) {",
        "    for (int i = 0; i < x.length; i++) { xBar[i] += seed / x.length; } }",
        "  @Tangent(of = \"mean\", in = Stats.class)",
        "  public static double meanTangent(double[] x, double[] xDot) { return Stats.mean(xDot); }",
        "  @Tangent(of = \"meanPullback\")",
        "  public static void meanPullbackTangent(double[] x, double[] xDot, double seed,",
        "      double seedDot, double[] xBar, double[] xBarDot) {",
        "    for (int i = 0; i < x.length; i++) { xBarDot[i] += seedDot / x.length; } }",
        "}");
    compileLibrary(libraryClasses, api, rules);

    JavaFileObject consumer = Compiler.source("app.Spread",
        "package app;",
        "import dev.fluxion.Differentiable;",
        "import lib.Stats;",
        "public final class Spread {",
        "  @Differentiable public static double squaredMean(double[] x) {",
        "    double m = Stats.mean(x);",
        "    return m * m;",
        "  }",
        "  public static double[][] hessian(double[] x) {",
        "    return SpreadDerivatives.squaredMeanHessian(x).hessian();",
        "  }",
        "}");
    Compilation second = Compiler.compile(List.of(libraryClasses.toFile()), consumer);
    assertThat(second).succeededWithoutWarnings();
    ClassLoader libraryLoader = new URLClassLoader(
        new URL[] {libraryClasses.toUri().toURL()}, getClass().getClassLoader());
    Class<?> spread = Compiler.loader(second, libraryLoader).loadClass("app.Spread");
    double[][] h = (double[][]) spread.getMethod("hessian", double[].class)
        .invoke(null, (Object) new double[] {0.5, 1.5, 4.0});
    // (Σx/n)² has the constant Hessian 2/n² everywhere.
    for (double[] row : h) {
      for (double entry : row) {
        assertEquals(2.0 / 9, entry, 1e-15);
      }
    }
  }

  /** Compiles a library as one that ships registrations must be: with its parameter names. */
  private static void compileLibrary(Path classes, JavaFileObject... sources) throws Exception {
    Compilation compilation = com.google.testing.compile.Compiler.javac()
        .withProcessors(new FluxionProcessor())
        .withOptions("-parameters", "-Xlint:all", "-Werror")
        .compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    Compiler.writeClasses(compilation, classes);
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
