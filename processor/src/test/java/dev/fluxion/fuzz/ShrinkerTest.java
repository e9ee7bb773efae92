package dev.fluxion.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.fluxion.fuzz.ProgramGenerator.Program;
import dev.fluxion.processor.Compiler;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The shrinker, with an artificial failure ("the program compiles and calls Math.sin") in place
 * of the fuzzer's checks, so that what it must find is known and the test is deterministic.
 */
class ShrinkerTest {

  /** Compiles with plain javac, no annotation processing: the candidate is valid Java. */
  private static boolean compiles(String source) {
    Compilation c = com.google.testing.compile.Compiler.javac()
        .withOptions("-proc:none")
        .withClasspath(List.of(Compiler.runtimeLocation()))
        .compile(JavaFileObjects.forSourceString(
            Fuzzer.fromSource(source, 0).qualifiedName(), source));
    return c.status() == Compilation.Status.SUCCESS;
  }

  /** The first generated program with at least two methods, loops and a call of Math.sin. */
  private static Program large() {
    for (long seed = 1; ; seed++) {
      Program p = ProgramGenerator.generate(seed);
      if (p.methods().size() >= 2 && Shrinker.size(p.source()) >= 40
          && p.source().contains("Math.sin(") && p.source().contains("for (")) {
        return p;
      }
    }
  }

  @Test
  void shrinksToOneMethodReturningTheCall() {
    Program program = large();
    Predicate<String> fails = s -> s.contains("Math.sin(") && compiles(s);
    assertTrue(fails.test(program.source()));
    String shrunk = Shrinker.shrink(program.source(), fails, 5000, Duration.ofMinutes(5));
    assertTrue(fails.test(shrunk), shrunk);
    // package, import, class, @Differentiable, the method, its one statement, two braces
    assertEquals(8, Shrinker.size(shrunk), shrunk);
    assertTrue(shrunk.matches("(?s).*\n    return [^;\n]*Math\\.sin\\([^;\n]*\\);\n.*"), shrunk);
  }

  @Test
  void keepsWhatTheFailureNeedsAndLowersLoopBounds() {
    Program program = large();
    // Fails when a for loop around a Math.sin call remains.
    Predicate<String> fails = s -> s.matches("(?s).*for \\([^\n]*\\{\n[^}]*Math\\.sin\\(.*")
        && compiles(s);
    String shrunk = Shrinker.shrink(program.source(), fails, 5000, Duration.ofMinutes(5));
    assertTrue(fails.test(shrunk), shrunk);
    assertTrue(Shrinker.size(shrunk) <= 12, shrunk);
    assertTrue(!shrunk.matches("(?s).*\\b[2-9]\\b.*"), "constants lowered to 1:\n" + shrunk);
  }

  @Test
  void keepsCallsWithoutTheVariablesAndConditionsAroundThem() {
    String source = String.join("\n",
        "package fuzz;",
        "import dev.fluxion.Differentiable;",
        "public final class P0 {",
        "  @Differentiable",
        "  static double m0(double[] p, double x0) {",
        "    p[1]++;",
        "    return x0;",
        "  }",
        "  @Differentiable",
        "  static double m1(double x0, double[] p) {",
        "    double[] a2 = new double[3];",
        "    if (m0(a2, x0) > 0.7) {",
        "    }",
        "    double d7 = m0(p, x0);",
        "    return x0;",
        "  }",
        "}");
    // Fails while m1 calls m0 twice, first with a2.
    Predicate<String> fails = s -> s.matches("(?s).*m0\\(a2, .*m0\\(p, .*") && compiles(s);
    String shrunk = Shrinker.shrink(source, fails, 500, Duration.ofMinutes(1));
    assertTrue(shrunk.contains("\n    m0(a2, x0);\n    m0(p, x0);\n"), shrunk);
  }

  @Test
  void simplerLinesReplaceSubexpressionsByOperandsVariablesAndConstants() {
    List<String> simpler = Shrinker.simpler("d3 = (Math.sin(x1 * p[2]) + d2);", "x0");
    assertTrue(simpler.contains("d3 = x0;"), simpler.toString());
    assertTrue(simpler.contains("d3 = d2;"), simpler.toString());
    assertTrue(simpler.contains("d3 = (Math.sin(x1 * p[2]));") || simpler.contains(
        "d3 = Math.sin(x1 * p[2]);"), simpler.toString());
    assertTrue(simpler.contains("d3 = (Math.sin(p[2]) + d2);"), simpler.toString());
    assertTrue(simpler.contains("d3 = (Math.sin(x0 * p[2]) + d2);"), simpler.toString());
    for (String s : simpler) {
      assertTrue(s.length() <= "d3 = (Math.sin(x1 * p[2]) + d2);".length(), s);
    }
    // Loop heads, counters and assignment targets keep their names: no candidate loops forever.
    assertEquals(List.of(), Shrinker.simpler("for (int i0 = 0; i0 < 4; i0++) {", "x0"));
    assertEquals(List.of(), Shrinker.simpler("w1++;", "x0"));
    assertEquals(List.of("d2 = x0;"), Shrinker.simpler("d2 = k1;", "x0"));
    // The condition of an if is left to the statement passes; only names are replaced in it.
    assertEquals(List.of("if (x0 > 1) {"), Shrinker.simpler("if (k2 > 1) {", "x0"));
  }
}
