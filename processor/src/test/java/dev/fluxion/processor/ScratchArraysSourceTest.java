package dev.fluxion.processor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which {@code new} arrays a reverse block takes from the tape instead, read in the generated
 * source: those outside loops that cannot outlive the call. The numbers are checked in
 * {@code dev.fluxion.corpus.ScratchArraysTest}; this pins down the rule and the lines it writes.
 */
class ScratchArraysSourceTest {
  private static String source;

  @BeforeAll
  static void compile() {
    source = Compiler.generatedSource(Compiler.compile(Compiler.source("p.S",
        "package p;",
        "import dev.fluxion.Differentiable;",
        "public final class S {",
        "  @Differentiable static double lent(double[] x) {",
        "    double[][] m = new double[2][x.length];",
        "    double[] v = new double[x.length];",
        "    double s = 0;",
        "    for (int i = 0; i < x.length; i++) {",
        "      m[1][i] = x[i];",
        "      v[i] = x[i] * x[i];",
        "      s += m[1][i] * v[i];",
        "    }",
        "    return s;",
        "  }",
        "  @Differentiable static double inLoop(double[] x) {",
        "    double s = 0;",
        "    for (int t = 0; t < 2; t++) {",
        "      double[] w = new double[x.length];",
        "      for (int i = 0; i < x.length; i++) {",
        "        w[i] = x[i] * t;",
        "        s += w[i] * x[i];",
        "      }",
        "    }",
        "    return s;",
        "  }",
        "  @Differentiable static double[] returned(double[] x) {",
        "    double[] out = new double[x.length];",
        "    for (int i = 0; i < x.length; i++) {",
        "      out[i] = 2 * x[i];",
        "    }",
        "    return out;",
        "  }",
        "  @Differentiable(wrt = \"x\") static double storedInParameter(double[] x, double[][] rows) {",
        "    double[] row = new double[x.length];",
        "    for (int i = 0; i < x.length; i++) {",
        "      row[i] = x[i] * x[i];",
        "    }",
        "    rows[0] = row;",
        "    return rows[0][0];",
        "  }",
        "  @Differentiable static double passedToPlain(double[] x) {",
        "    double[] copy = new double[x.length];",
        "    for (int i = 0; i < x.length; i++) {",
        "      copy[i] = i;",
        "    }",
        "    return x[0] * count(copy);",
        "  }",
        "  @Differentiable static double viaCall(double[] x) {",
        "    double[] y = returned(x);",
        "    return y[0] * x[0];",
        "  }",
        "  static int count(double[] a) {",
        "    return a.length;",
        "  }",
        "}")), "p.SDerivatives");
  }

  /** The reverse block of one method, from its signature to the next method's. */
  private static String reverseBlock(String method) {
    return block(method + "Reverse");
  }

  /** A generated method, from its signature to the next method's. */
  private static String block(String name) {
    java.util.regex.Matcher declaration = java.util.regex.Pattern
        .compile("public static [\\w\\[\\]]+ " + name + "\\(").matcher(source);
    assertTrue(declaration.find(), name + " is generated");
    int start = declaration.start();
    int end = source.indexOf("\n    public static", start + 1);
    return source.substring(start, end < 0 ? source.length() : end);
  }

  @Test
  void localArraysOutsideLoopsComeFromTheTapeInAFrame() {
    String block = reverseBlock("lent");
    assertTrue(block.contains("int frame = tape.openScratch();"), block);
    assertTrue(block.contains("double[][] m = tape.zeros(2, "), block);
    assertTrue(block.contains("double[][] mBar = tape.zeros(2, "), block);
    assertTrue(block.contains("double[] v = tape.zeros("), block);
    assertTrue(block.contains("double[] vBar = tape.zeros("), block);
    // Only the tape's counts, handed back from the method's locals (TapeCursor), come between.
    assertTrue(block.matches(
            "(?s).*tape\\.closeScratch\\(frame\\);(\\s+tape\\.\\w+Count\\(\\w+\\);)*\\s+return [^;]+;\\s+}.*"),
        "the frame closes just before the return:\n" + block);
    assertFalse(block.contains("new double"), block);
  }

  @Test
  void forwardAndSecondOrderBlocksTakeArraysAndTangentsFromTheTape() {
    String forward = block("lentForward");
    assertTrue(forward.contains("int frame = tape.openScratch();"), forward);
    assertTrue(forward.contains("double[][] m = tape.zeros(2, "), forward);
    assertTrue(forward.contains("double[][] mDot = tape.zeros(2, "), forward);
    assertTrue(forward.contains("tape.closeScratch(frame);"), forward);
    String second = block("lentReverseForward");
    assertTrue(second.contains("double[][] mBarDot = tape.zeros(2, "), second);
    String returned = block("returnedForward");
    assertTrue(returned.contains("double[] out = new double["), returned);
    assertFalse(returned.contains("tape.zeros"), "a returned array and its tangent stay new");
  }

  @Test
  void anArrayMadeInALoopStaysNew() {
    String block = reverseBlock("inLoop");
    assertTrue(block.contains("w = new double["), block);
    assertFalse(block.contains("tape.zeros"), block);
    assertFalse(block.contains("openScratch"), "no frame without scratch arrays:\n" + block);
  }

  @Test
  void aReturnedArrayStaysNewButItsAdjointArrayIsLent() {
    String block = reverseBlock("returned");
    assertTrue(block.contains("double[] out = new double["), block);
    assertTrue(block.contains("double[] outBar = tape.zeros("), block);
  }

  @Test
  void theAdjointArrayOfACallsResultIsLentShapedLikeIt() {
    String block = reverseBlock("viaCall");
    assertTrue(block.contains("double[] yBar = tape.zerosLike(y);"), block);
  }

  @Test
  void anArrayStoredIntoAParameterStaysNewAndSoDoesItsAdjointArray() {
    String block = reverseBlock("storedInParameter");
    assertTrue(block.contains("double[] row = new double["), block);
    assertFalse(block.contains("tape.zeros"), block);
  }

  @Test
  void anArrayPassedToAPlainMethodStaysNew() {
    String block = reverseBlock("passedToPlain");
    assertTrue(block.contains("double[] copy = new double["), block);
    assertFalse(block.contains("tape.zeros"), block);
  }
}
