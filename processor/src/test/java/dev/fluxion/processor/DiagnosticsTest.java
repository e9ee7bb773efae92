package dev.fluxion.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One test per diagnostic ID: the ID, and the line the caret lands on. */
class DiagnosticsTest {

  /** A class {@code p.C} whose body lines start at line 4. */
  private static JavaFileObject source(String... body) {
    String[] lines = new String[body.length + 4];
    lines[0] = "package p;";
    lines[1] = "import dev.fluxion.Differentiable;";
    lines[2] = "class C {";
    System.arraycopy(body, 0, lines, 3, body.length);
    lines[lines.length - 1] = "}";
    return Compiler.source("p.C", lines);
  }

  private static Compilation assertError(String id, int line, JavaFileObject source) {
    Compilation compilation = Compiler.compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[" + id + "]").inFile(source).onLine(line);
    return compilation;
  }

  @Test
  void flx001UnexpectedFailureBecomesAnErrorOnTheMethod() {
    JavaFileObject source = source("  @Differentiable static double f(double x) { return x; }");
    Compilation compilation = com.google.testing.compile.Compiler.javac()
        .withProcessors(new FluxionProcessor(method -> {
          throw new IllegalStateException("simulated bug");
        }))
        .compile(source);
    assertThat(compilation).hadErrorContaining("[FLX001]").inFile(source).onLine(4);
    assertThat(compilation).hadErrorContaining("simulated bug");
  }

  @Test
  void flx002CompilerWithoutTreeApi() {
    JavaFileObject source = source("  @Differentiable static double f(double x) { return x; }");
    var wrapped = new AbstractProcessor() {
      private final FluxionProcessor fluxion = new FluxionProcessor();

      @Override
      public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        // A processing environment that is not javac's and hides the one it forwards to, as
        // under another compiler.
        Object[] hidden = {env};
        fluxion.init((ProcessingEnvironment) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {ProcessingEnvironment.class},
            (proxy, method, args) -> method.invoke(hidden[0], args)));
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
    };
    Compilation compilation = com.google.testing.compile.Compiler.javac()
        .withProcessors(wrapped).compile(source);
    assertThat(compilation).hadErrorContaining("[FLX002]").inFile(source).onLine(4);
  }

  @Test
  void flx101NoBody() {
    JavaFileObject source = Compiler.source("p.C",
        "package p;",
        "import dev.fluxion.Differentiable;",
        "abstract class C {",
        "  @Differentiable abstract double f(double x);",
        "}");
    assertError("FLX101", 4, source);
  }

  @Test
  void flx102ResultNotDouble() {
    assertError("FLX102", 4, source("  @Differentiable static int f(double x) { return 1; }"));
  }

  @Test
  void flx103WrtNamesMissingParameter() {
    assertError("FLX103", 4,
        source("  @Differentiable(wrt = \"y\") static double f(double x) { return x; }"));
  }

  @Test
  void flx104WrtNamesNonDoubleParameter() {
    assertError("FLX104", 4,
        source("  @Differentiable(wrt = \"n\") static double f(double x, int n) { return x; }"));
  }

  @Test
  void flx105Overloaded() {
    assertError("FLX105", 5, source(
        "  @Differentiable static double f(double x) { return x; }",
        "  @Differentiable static double f(double x, double y) { return x * y; }"));
  }

  @Test
  void flx106UnsupportedParameterType() {
    assertError("FLX106", 4,
        source("  @Differentiable static double f(double x, float y) { return x; }"));
  }

  @Test
  void flx107ResultDoesNotDependOnParameters() {
    JavaFileObject source = source(
        "  @Differentiable static double f(double x) {",
        "    return Math.floor(x) + 1;",
        "  }");
    Compilation compilation = Compiler.compile(source);
    assertThat(compilation).hadWarningContaining("[FLX107]").inFile(source).onLine(4);
  }

  @Test
  void flx108ClassIsPrivate() {
    assertError("FLX108", 5, source(
        "  private static final class Hidden {",
        "    @Differentiable static double f(double x) { return x; }",
        "  }"));
  }

  @Test
  void flx109WrtAndNoDerivativeOnOneParameter() {
    assertError("FLX109", 4, source("  @Differentiable(wrt = \"x\") static double f("
        + "@dev.fluxion.NoDerivative double x) { return x; }"));
  }

  @Test
  void flx110PartialOfAMissingMethod() {
    assertError("FLX110", 4, source(
        "  @Differentiable @dev.fluxion.Partial(of = \"nowhere\", wrt = \"x\")",
        "  static double d(double x) { return 1; }"));
  }

  @Test
  void flx111PartialWithOtherParameters() {
    assertError("FLX111", 5, source(
        "  static double f(double x, double y) { return x * y; }",
        "  @Differentiable @dev.fluxion.Partial(of = \"f\", wrt = \"x\")",
        "  static double fx(double x) { return 1; }"));
  }

  @Test
  void flx112PartialWithRespectToANonDoubleParameter() {
    assertError("FLX112", 5, source(
        "  static double f(double x, int n) { return x * n; }",
        "  @Differentiable @dev.fluxion.Partial(of = \"f\", wrt = \"n\")",
        "  static double fn(double x, int n) { return x; }"));
  }

  @Test
  void flx113TwoPartialsForOneParameter() {
    assertError("FLX113", 7, source(
        "  static double f(double x) { return x * x; }",
        "  @Differentiable @dev.fluxion.Partial(of = \"f\", wrt = \"x\")",
        "  static double fx(double x) { return 2 * x; }",
        "  @Differentiable @dev.fluxion.Partial(of = \"f\", wrt = \"x\")",
        "  static double fxAgain(double x) { return x + x; }"));
  }

  @Test
  void flx114PartialThatIsNotDifferentiable() {
    assertError("FLX114", 5, source(
        "  static double f(double x) { return x * x; }",
        "  @dev.fluxion.Partial(of = \"f\", wrt = \"x\")",
        "  static double fx(double x) { return 2 * x; }"));
  }

  @Test
  void flx115PartialOfADifferentiableMethod() {
    assertError("FLX115", 5, source(
        "  @Differentiable static double f(double x) { return x * x; }",
        "  @Differentiable @dev.fluxion.Partial(of = \"f\", wrt = \"x\")",
        "  static double fx(double x) { return 2 * x; }"));
  }

  /** A function over arrays, {@code Σ aᵢ}, that the registration tests register derivatives for. */
  private static final String SUM = "  static double sum(double[] a) { double s = 0;"
      + " for (double v : a) { s += v; } return s; }";

  private static void assertErrorContaining(String id, int line, String text,
      JavaFileObject source) {
    assertThat(assertError(id, line, source)).hadErrorContaining(text);
  }

  @Test
  void flx115PullbackOfADifferentiableMethod() {
    assertError("FLX115", 5, source(
        "  @Differentiable static double g(double[] a) { return a[0]; }",
        "  @dev.fluxion.Pullback(of = \"g\")",
        "  static void gPullback(double[] a, double s, double[] aBar) { aBar[0] += s; }"));
  }

  @Test
  void flx117RegistrationOfAMissingMethod() {
    assertErrorContaining("FLX117", 4, "has no static method of that name", source(
        "  @dev.fluxion.Pullback(of = \"g\")",
        "  static void gPullback(double[] a, double s, double[] aBar) { aBar[0] += s; }"));
  }

  @Test
  void flx118PullbackWithTooFewParameters() {
    assertErrorContaining("FLX118", 5, "it takes 2 parameters where 3 are expected", source(SUM,
        "  @dev.fluxion.Pullback(of = \"sum\")",
        "  static void sumPullback(double[] a, double s) { }"));
  }

  @Test
  void flx118PullbackWithAWrongParameterType() {
    assertErrorContaining("FLX118", 5, "parameter 2 ('s') is int where double is expected",
        source(SUM,
            "  @dev.fluxion.Pullback(of = \"sum\")",
            "  static void sumPullback(double[] a, int s, double[] aBar) { }"));
  }

  @Test
  void flx118TangentWithAWrongResult() {
    assertErrorContaining("FLX118", 5, "it returns void where double is expected", source(SUM,
        "  @dev.fluxion.Tangent(of = \"sum\")",
        "  static void sumTangent(double[] a, double[] aDot) { }"));
  }

  @Test
  void flx119TwoPullbacksForOneMethod() {
    assertError("FLX119", 7, source(SUM,
        "  @dev.fluxion.Pullback(of = \"sum\")",
        "  static void sumPullback(double[] a, double s, double[] aBar) { }",
        "  @dev.fluxion.Pullback(of = \"sum\")",
        "  static void sumPullbackAgain(double[] a, double s, double[] aBar) { }"));
  }

  @Test
  void flx120RegistrationThatIsNotStatic() {
    assertError("FLX120", 5, source(SUM,
        "  @dev.fluxion.Tangent(of = \"sum\")",
        "  double sumTangent(double[] a, double[] aDot) { return 0; }"));
  }

  @Test
  void flx121PullbackOfAMethodWithTwoDoubles() {
    assertError("FLX121", 5, source(
        "  static double scaled(double c, double d, double[] a) { return c * d * a[0]; }",
        "  @dev.fluxion.Pullback(of = \"scaled\")",
        "  static double scaledPullback(double c, double d, double[] a, double s, double[] aBar) {",
        "    return 0; }"));
  }

  @Test
  void flx213CheckpointMarkerNotRightBeforeALoop() {
    assertErrorContaining("FLX213", 6, "must stand at the top level of the method body", source(
        "  @Differentiable static double f(double x, int n) {",
        "    double y = x;",
        "    dev.fluxion.Checkpoints.binomial(4);",
        "    y = y * 2;",
        "    for (int i = 0; i < n; i++) { y = Math.sin(y); }",
        "    return y; }"));
  }

  @Test
  void flx213CheckpointMarkerInsideALoop() {
    assertErrorContaining("FLX213", 7, "must stand at the top level", source(
        "  @Differentiable static double f(double x, int n) {",
        "    double y = x;",
        "    for (int i = 0; i < n; i++) {",
        "      dev.fluxion.Checkpoints.binomial(4);",
        "      for (int j = 0; j < n; j++) { y = Math.sin(y); }",
        "    }",
        "    return y; }"));
  }

  @Test
  void flx213CheckpointMarkerAfterAnIfThatReturns() {
    assertErrorContaining("FLX213", 7, "not inside a block or after an 'if' that returns", source(
        "  @Differentiable static double f(double x, int n) {",
        "    double y = x;",
        "    if (n < 0) { return 0; }",
        "    dev.fluxion.Checkpoints.binomial(4);",
        "    for (int i = 0; i < n; i++) { y = Math.sin(y); }",
        "    return y; }"));
  }

  @Test
  void flx213CheckpointedLoopThatReturns() {
    assertErrorContaining("FLX213", 6, "contains 'return'", source(
        "  @Differentiable static double f(double x, int n) {",
        "    double y = x;",
        "    dev.fluxion.Checkpoints.binomial(4);",
        "    for (int i = 0; i < n; i++) { y = Math.sin(y); if (y > 1) { return y; } }",
        "    return y; }"));
  }

  @Test
  void flx213NoSnapshots() {
    assertErrorContaining("FLX213", 6, "needs at least 1 snapshot, got 0", source(
        "  @Differentiable static double f(double x, int n) {",
        "    double y = x;",
        "    dev.fluxion.Checkpoints.binomial(0);",
        "    for (int i = 0; i < n; i++) { y = Math.sin(y); }",
        "    return y; }"));
  }

  @Test
  void flx213MatrixWhoseRowsAreReplaced() {
    assertErrorContaining("FLX213", 7, "replaces rows of the matrix 'm'", source(
        "  @Differentiable static double f(double x, int n) {",
        "    double[][] m = new double[n][2];",
        "    double y = x;",
        "    dev.fluxion.Checkpoints.binomial(4);",
        "    for (int i = 0; i < n; i++) { double[] r = {y, y}; m[i] = r; y = Math.sin(y); }",
        "    return y + m[0][1]; }"));
  }

  @Test
  void flx212CallOfAMethodWithoutATangent() {
    assertErrorContaining("FLX212", 8, "C.sum has no registered @Tangent", source(SUM,
        "  @dev.fluxion.Pullback(of = \"sum\")",
        "  static void sumPullback(double[] a, double s, double[] aBar) { }",
        "  @Differentiable static double f(double[] x) {",
        "    return 2 * sum(x); }"));
  }

  @Test
  void flx212CallOfAMethodWithoutAPullback() {
    assertErrorContaining("FLX212", 8, "@Pullback(of = \"sum\")", source(SUM,
        "  @dev.fluxion.Tangent(of = \"sum\")",
        "  static double sumTangent(double[] a, double[] aDot) { return 0; }",
        "  @Differentiable static double f(double[] x) {",
        "    return 2 * sum(x); }"));
  }

  @Test
  void flx212CallThroughAPullbackWithoutATangent() {
    assertErrorContaining("FLX212", 10, "the pullback C.sumPullback of C.sum", source(SUM,
        "  @dev.fluxion.Pullback(of = \"sum\")",
        "  static void sumPullback(double[] a, double s, double[] aBar) { }",
        "  @dev.fluxion.Tangent(of = \"sum\")",
        "  static double sumTangent(double[] a, double[] aDot) { return 0; }",
        "  @Differentiable static double f(double[] x) {",
        "    return 2 * sum(x); }"));
  }

  @Test
  void flx116LibraryCompiledWithoutParameterNames(@org.junit.jupiter.api.io.TempDir java.nio.file.Path lib)
      throws java.io.IOException {
    JavaFileObject library = Compiler.source("lib.Smooth",
        "package lib;",
        "import dev.fluxion.Differentiable;",
        "import dev.fluxion.Partial;",
        "public final class Smooth {",
        "  public static double softplus(double x) { return Math.log1p(Math.exp(x)); }",
        "  @Differentiable @Partial(of = \"softplus\", wrt = \"x\")",
        "  public static double softplusDx(double x) { return 1 / (1 + Math.exp(-x)); }",
        "}");
    Compilation first = Compiler.compile(library);
    assertThat(first).succeeded();
    Compiler.writeClasses(first, lib);
    JavaFileObject consumer = source(
        "  @Differentiable static double f(double w) {",
        "    return lib.Smooth.softplus(w);",
        "  }");
    Compilation second = Compiler.compile(java.util.List.of(lib.toFile()), consumer);
    assertThat(second).hadErrorContaining("[FLX116]").inFile(consumer).onLine(5);
  }

  @Test
  void flx201StatementOutsideSubset() {
    assertError("FLX201", 6, source(
        "  @Differentiable static double f(double x) {",
        "    double s = 0;",
        "    try {",
        "      s += x;",
        "    } finally {",
        "      s += 1;",
        "    }",
        "    return s;",
        "  }"));
  }

  @Test
  void flx202ExpressionOutsideSubset() {
    assertError("FLX202", 5, source(
        "  @Differentiable static double f(double x) {",
        "    Object o = new Object();",
        "    return x;",
        "  }"));
  }

  @Test
  void flx203UnsupportedType() {
    assertError("FLX203", 5, source(
        "  @Differentiable static double f(double x) {",
        "    float y = 1;",
        "    return x * y;",
        "  }"));
  }

  @Test
  void flx204NoDerivativeRule() {
    // Math.clamp (JDK 21) is a double function without a rule; JDK 17 has none such.
    assumeTrue(Runtime.version().feature() >= 21, "needs a JDK whose Math has clamp");
    assertError("FLX204", 5, source(
        "  @Differentiable static double f(double x) {",
        "    return Math.clamp(x, 0.0, 1.0);",
        "  }"));
  }

  @Test
  void flx205CallWithoutDerivative() {
    assertError("FLX205", 5, source(
        "  @Differentiable static double f(double x) {",
        "    return helper(x) * 2;",
        "  }",
        "  static double helper(double x) { return x * x; }"));
  }

  @Test
  void flx205PlainMethodGivenADifferentiatedArray() {
    assertError("FLX205", 6, source(
        "  @Differentiable static double f(double[] x) {",
        "    double[] y = new double[x.length];",
        "    System.arraycopy(x, 0, y, 0, x.length);",
        "    return y[0];",
        "  }"));
  }

  @Test
  void flx206FieldAssignment() {
    assertError("FLX206", 6, source(
        "  double last;",
        "  @Differentiable double f(double x) {",
        "    last = x;",
        "    return x;",
        "  }"));
  }

  @Test
  void flx207ArgumentForParameterNotDifferentiated() {
    assertError("FLX207", 5, source(
        "  @Differentiable static double f(double x) {",
        "    return g(1.0, x);",
        "  }",
        "  @Differentiable(wrt = \"a\") static double g(double a, double b) { return a * b; }"));
  }

  @Test
  void flx208PrivateMember() {
    assertError("FLX208", 6, source(
        "  private static double scale = 2;",
        "  @Differentiable static double f(double x) {",
        "    return scale * x;",
        "  }"));
  }

  @Test
  void flx209Unresolved() {
    assertError("FLX209", 5, source(
        "  @Differentiable static double f(double x) {",
        "    int h = java.util.Objects.hashCode(x);",
        "    return x * h;",
        "  }"));
  }

  @Test
  void flx210SameArrayForAParameterTheCalleeWrites() {
    assertError("FLX210", 6, source(
        "  @Differentiable static double f(double[] x) {",
        "    double[] y = x;",
        "    return scale(x, y);",
        "  }",
        "  @Differentiable static double scale(double[] a, double[] b) {",
        "    a[0] = a[0] * b[0];",
        "    return a[0];",
        "  }"));
  }

  @Test
  void flx211VaryingArgumentWithoutARegisteredPartial() {
    assertErrorContaining("FLX211", 5, "registered for its parameter 'b';", source(
        "  @Differentiable static double g(double x, double y) {",
        "    return f(x, y);",
        "  }",
        "  static double f(double a, double b) { return a * b; }",
        "  @Differentiable @dev.fluxion.Partial(of = \"f\", wrt = \"a\")",
        "  static double fa(double a, double b) { return b; }"));
  }

  @Test
  void everyErrorInABodyIsReportedNotJustTheFirst() {
    JavaFileObject source = source(
        "  @Differentiable static double f(double x) {",
        "    synchronized (C.class) { x = x / 2; }",
        "    String s = \"no\";",
        "    return x;",
        "  }");
    Compilation compilation = Compiler.compile(source);
    assertThat(compilation).hadErrorContaining("[FLX201]").inFile(source).onLine(5);
    assertThat(compilation).hadErrorContaining("[FLX202]").inFile(source).onLine(6);
  }

  @Test
  void oneRejectedMethodDoesNotStopTheOthers() {
    JavaFileObject source = source(
        "  @Differentiable static double bad(double x) { assert x > 0; return x; }",
        "  @Differentiable static double good(double x) { return x * x; }",
        "  static double use() { return CDerivatives.goodGradient(3).x(); }");
    Compilation compilation = Compiler.compile(source);
    // Only bad's error: good's companion was written, so use() compiles.
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[FLX201]").inFile(source).onLine(4);
  }

  @Test
  void aMissingReturnIsLeftToJavac() {
    // Processors run before javac checks that every path returns: Fluxion writes nothing for such
    // a method and adds no error of its own, in a loop or not.
    JavaFileObject source = source(
        "  @Differentiable static double branch(double x) {",
        "    if (x > 0) { return x; }",
        "  }",
        "  @Differentiable static double loop(double x) {",
        "    for (int i = 0; i < 3; i++) { if (x > i) { return x * i; } }",
        "  }",
        "  @Differentiable static double good(double x) { return x * x; }",
        "  static double use() { return CDerivatives.goodGradient(3).x(); }");
    Compilation compilation = Compiler.compile(source);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("missing return statement").inFile(source)
        .onLine(6);
    assertThat(compilation).hadErrorContaining("missing return statement").inFile(source)
        .onLine(9);
  }
}
