package dev.fluxion.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fluxion.testing.FiniteDifferences.assertMatchesFiniteDifferences;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.fluxion.testing.FiniteDifferences;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated code stays linear in the source when statements after a branch that jumps are
 * reached from more than one path: a loop of k blocks, each an {@code if} whose one branch goes
 * on and whose other may {@code break} or {@code continue}, once doubled its companion with each
 * block (k = 7 was "code too large" for javac; the fuzzer's CodeTooLarge regression).
 */
class CodeSizeTest {

  /**
   * {@code L.f(x, y)}: four iterations of k blocks. Block j updates {@code s} in most iterations;
   * otherwise it breaks out of the loop (odd j) or goes to the next iteration (even j) when x, or
   * y, is above a threshold that falls with the iteration.
   */
  private static JavaFileObject loop(int k) {
    List<String> lines = new ArrayList<>(List.of(
        "package p;",
        "import dev.fluxion.Differentiable;",
        "public final class L {",
        "  @Differentiable public static double f(double x, double y) {",
        "    double s = x;",
        "    for (int i = 0; i < 4; i++) {"));
    for (int j = 1; j <= k; j++) {
      String jump = j % 2 == 1
          ? "if (x > 1.1 - 0.2 * i + 0.01 * " + j + ") { break; }"
          : "if (y > 0.9 - 0.3 * i - 0.01 * " + j + ") { continue; }";
      lines.add("      if ((i * 7 + " + j + ") % 5 != 0) { s = 0.9 * s * y + 0.3 * Math.sin(x + s); }"
          + " else " + jump);
    }
    lines.addAll(List.of(
        "      s += 0.1 * x * y;",
        "    }",
        "    return s;",
        "  }",
        "}"));
    return Compiler.source("p.L", lines.toArray(String[]::new));
  }

  private static int companionLines(int k) {
    Compilation compilation = Compiler.compile(loop(k));
    assertThat(compilation).succeededWithoutWarnings();
    return (int) Compiler.generatedSource(compilation, "p.LDerivatives").lines().count();
  }

  @Test
  void eachBlockAddsTheSameAmountOfCode() {
    int at5 = companionLines(5);
    int at10 = companionLines(10);
    int at20 = companionLines(20);
    double perBlockFrom5 = (at10 - at5) / 5.0;
    double perBlockFrom10 = (at20 - at10) / 10.0;
    assertTrue(perBlockFrom10 <= 1.1 * perBlockFrom5,
        "companion lines for 5, 10, 20 blocks: " + at5 + ", " + at10 + ", " + at20);
  }

  @Test
  void twentyBlocksHaveTheRightDerivatives() throws Exception {
    ClassLoader loader = Compiler.load(loop(20));
    Method primal = loader.loadClass("p.L").getMethod("f", double.class, double.class);
    Class<?> companion = loader.loadClass("p.LDerivatives");
    Method gradient = companion.getMethod("fGradient", double.class, double.class);
    Method tangent = companion.getMethod("fTangent", double.class, double.class, double.class,
        double.class);
    Method hessian = companion.getMethod("fHessian", double.class, double.class);
    // Between them, these points leave the loop by break in the first and in the third
    // iteration, continue in some iterations, and run all four to the end; every threshold is at
    // least 0.02 away.
    double[][] points = {{0.33, 0.63}, {0.77, 0.45}, {1.23, -0.77}, {-0.4, -0.77}, {0.77, -0.77}};
    for (double[] p : points) {
      String where = "f with 20 blocks";
      double[] g = gradientOf(gradient, p);
      assertMatchesFiniteDifferences(where, v -> call(primal, v), p, g, "x", "y");
      Object t = tangent.invoke(null, p[0], p[1], 0.6, -0.8);
      FiniteDifferences.assertClose(where + " tangent along (0.6, -0.8)", 0.6 * g[0] - 0.8 * g[1],
          (Double) t.getClass().getMethod("tangent").invoke(t));
      Object h = hessian.invoke(null, p[0], p[1]);
      double[][] rows = (double[][]) h.getClass().getMethod("hessian").invoke(h);
      for (int r = 0; r < 2; r++) {
        int row = r;
        assertMatchesFiniteDifferences(where + " Hessian row " + r,
            v -> gradientOf(gradient, v)[row], p, rows[r], "x", "y");
      }
    }
  }

  private static double[] gradientOf(Method gradient, double[] p) {
    try {
      Object g = gradient.invoke(null, p[0], p[1]);
      return new double[] {(Double) g.getClass().getMethod("x").invoke(g),
          (Double) g.getClass().getMethod("y").invoke(g)};
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static double call(Method primal, double[] p) {
    try {
      return (Double) primal.invoke(null, p[0], p[1]);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new AssertionError(e);
    }
  }
}
