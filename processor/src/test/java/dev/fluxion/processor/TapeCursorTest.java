package dev.fluxion.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.fluxion.Tape;
import dev.fluxion.testing.FiniteDifferences;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * Reverse sweeps keep the top of their tape in local variables ({@code emit/TapeCursor}): the
 * generated code pushes into the tape's storage directly, hands the count back before a call that
 * takes the tape and before it returns, and leaves the tape exactly as it found it, also when the
 * storage has to grow in the middle of a call and when a callee pushes on the same tape.
 */
class TapeCursorTest {

  private static final String[] SOURCE = {
    "package p;",
    "import dev.fluxion.Differentiable;",
    "public final class C {",
    "  @Differentiable public static double inner(double[] v) {",
    "    double p = 1;",
    "    for (int i = 0; i < v.length; i++) {",
    "      p = p * Math.sin(v[i]) + 0.5;",
    "    }",
    "    return p;",
    "  }",
    "  @Differentiable public static double outer(double[] v, int rounds) {",
    "    double s = 0;",
    "    for (int r = 0; r < rounds; r++) {",
    "      double q = s * Math.cos(v[r % v.length]);",
    "      s = q + inner(v) * s + 0.1;",
    "    }",
    "    return s;",
    "  }",
    "}",
  };

  @Test
  void pushesGoToLocalStorageAndCountsGoBackAroundCalls() {
    Compilation compilation = Compiler.compile(Compiler.source("p.C", SOURCE));
    assertThat(compilation).succeededWithoutWarnings();
    String code = Compiler.generatedSource(compilation, "p.CDerivatives");
    String outer = code.substring(code.indexOf("public static double outerReverse("));
    outer = outer.substring(0, outer.indexOf("\n    }\n"));
    assertTrue(outer.contains("double[] tapeDoubles = tape.doubles();"), outer);
    assertTrue(outer.contains("tapeDoubles = tape.room(tapeDoubles, tapeDoublesCount);"), outer);
    assertTrue(outer.contains("tapeDoubles[tapeDoublesCount++] = "), outer);
    assertTrue(outer.contains("= tapeDoubles[--tapeDoublesCount];"), outer);
    assertFalse(outer.contains("tape.pushDouble("), outer);
    // The callee's reverse sweep uses the tape: the count is handed back before, read after.
    int call = outer.indexOf("CDerivatives.innerReverse(");
    assertTrue(call > 0, outer);
    assertTrue(outer.lastIndexOf("tape.doubleCount(tapeDoublesCount);", call) > 0, outer);
    assertTrue(outer.indexOf("tapeDoubles = tape.doubles();", call) > call, outer);
  }

  @Test
  void theTapeIsLeftAsFoundWhileItsStorageGrows() throws Exception {
    ClassLoader loader = Compiler.load(Compiler.source("p.C", SOURCE));
    Class<?> derivatives = loader.loadClass("p.CDerivatives");
    Method reverse = derivatives.getMethod("outerReverse", double[].class, double[].class,
        int.class, double.class, Tape.class);
    double[] v = {0.3, -0.8, 1.1};
    Tape tape = new Tape();
    tape.pushDouble(42.0); // below what the call pushes: must still be there after it
    tape.pushInt(7);
    for (int rounds : new int[] {0, 1, 5, 300}) { // 300 rounds grow the storage several times
      double[] vBar = new double[v.length];
      double value = (double) reverse.invoke(null, v, vBar, rounds, 1.0, tape);
      assertEquals(call(loader, "outer", v, rounds), value, 0, "rounds " + rounds);
      assertEquals(1, tape.doubleCount(), "rounds " + rounds);
      assertEquals(1, tape.intCount(), "rounds " + rounds);
      // Against the same sweep on a fresh tape, whose storage starts empty.
      double[] fresh = new double[v.length];
      reverse.invoke(null, v, fresh, rounds, 1.0, new Tape());
      for (int i = 0; i < v.length; i++) {
        assertEquals(fresh[i], vBar[i], 0, "rounds " + rounds + ", v" + i);
      }
      if (rounds <= 5) { // beyond, s is huge and the differences meaningless
        int r = rounds;
        FiniteDifferences.assertMatchesFiniteDifferences("outer, rounds " + r, x -> {
          try {
            return call(loader, "outer", x, r);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        }, v, vBar, "v0", "v1", "v2");
      }
    }
    assertEquals(7, tape.popInt());
    assertEquals(42.0, tape.popDouble(), 0);
    assertTrue(tape.isEmpty());
  }

  @Test
  void branchDecisionsGoOnTheIntStorageAsOneAndZero() throws Exception {
    String[] source = {
      "package p;",
      "import dev.fluxion.Differentiable;",
      "public final class B {",
      "  @Differentiable public static double f(double[] v) {",
      "    double s = 0;",
      "    for (int i = 0; i < v.length; i++) {",
      "      if (s > v[i]) {",
      "        s = s * v[i];",
      "      } else {",
      "        s = s + Math.sin(v[i]);",
      "      }",
      "    }",
      "    return s;",
      "  }",
      "}",
    };
    Compilation compilation = Compiler.compile(Compiler.source("p.B", source));
    assertThat(compilation).succeededWithoutWarnings();
    String code = Compiler.generatedSource(compilation, "p.BDerivatives");
    assertTrue(code.contains("tapeInts[tapeIntsCount++] = ") && code.contains(" ? 1 : 0;"), code);
    assertTrue(code.contains("tapeInts[--tapeIntsCount] != 0"), code);
    assertFalse(code.contains("tape.pushBoolean("), code);

    ClassLoader loader = Compiler.loader(compilation, getClass().getClassLoader());
    Method reverse = loader.loadClass("p.BDerivatives")
        .getMethod("fReverse", double[].class, double[].class, double.class, Tape.class);
    Method primal = loader.loadClass("p.B").getMethod("f", double[].class);
    double[] v = {0.4, 0.1, 0.9, 0.2, 0.7, 0.3}; // both branches taken
    double[] vBar = new double[v.length];
    Tape tape = new Tape();
    reverse.invoke(null, v, vBar, 1.0, tape);
    assertTrue(tape.isEmpty());
    FiniteDifferences.assertMatchesFiniteDifferences("B.f", x -> {
      try {
        return (double) primal.invoke(null, (Object) x);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }, v, vBar, "v0", "v1", "v2", "v3", "v4", "v5");
  }

  private static double call(ClassLoader loader, String name, double[] v, int rounds)
      throws Exception {
    return (double) loader.loadClass("p.C").getMethod(name, double[].class, int.class)
        .invoke(null, v, rounds);
  }
}
