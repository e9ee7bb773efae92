package dev.fluxion.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the numbers the seed-002 example prints, each against the sheet's formula written out again
 * here (with its own matrix code) and, for the vector and matrix derivatives, central differences.
 */
class Seed002ExercisesTest {

  private static final double TIGHT = 1e-12;

  private static PrintedOutput printed;

  private static String output;

  /** The values of the example, drawn again in the example's order. */
  private static double[] w;
  private static double[] x;
  private static double b;
  private static double[] hw;
  private static double[][] xdk;
  private static double[] a;
  private static double[][] hdk;
  private static double[] v;
  private static double[][] xdn;
  private static double[][] hdn;
  private static double[][] a3;
  private static double[][] b3;
  private static double[] z;
  private static double[][] c3;
  private static double[][] x3;
  private static double[][] h3;
  private static double[][] b4;

  @BeforeAll
  static void runExample() {
    printed = PrintedOutput.of(new Seed002Exercises());
    output = printed.text();
    Random r = new Random(2002);
    w = vector(r, 3);
    x = vector(r, 3);
    b = r.nextGaussian();
    hw = vector(r, 3);
    xdk = matrix(r, 3, 2);
    a = vector(r, 2);
    hdk = matrix(r, 3, 2);
    v = vector(r, 3);
    xdn = matrix(r, 3, 2);
    hdn = matrix(r, 3, 2);
    a3 = matrix(r, 3, 3);
    b3 = matrix(r, 3, 3);
    z = vector(r, 3);
    c3 = matrix(r, 3, 3);
    x3 = matrix(r, 3, 3);
    h3 = matrix(r, 3, 3);
    b4 = matrix(r, 4, 4);
  }

  private static double[] vector(Random r, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = r.nextGaussian();
    }
    return out;
  }

  private static double[][] matrix(Random r, int rows, int columns) {
    double[][] m = new double[rows][];
    for (int i = 0; i < rows; i++) {
      m[i] = vector(r, columns);
    }
    return m;
  }

  private static String line(String prefix) {
    return printed.line(prefix);
  }

  private static double number(String prefix, String label) {
    return printed.number(prefix, label);
  }

  private static double[] group(String prefix, String label) {
    return printed.group(prefix, label, "[(");
  }

  // ---- plain matrix code, independent of the example's ----

  private static double[][] mul(double[][] p, double[][] q) {
    double[][] r = new double[p.length][q[0].length];
    for (int i = 0; i < p.length; i++) {
      for (int j = 0; j < q[0].length; j++) {
        for (int k = 0; k < q.length; k++) {
          r[i][j] += p[i][k] * q[k][j];
        }
      }
    }
    return r;
  }

  private static double[][] mul(double[][]... factors) {
    double[][] r = factors[0];
    for (int i = 1; i < factors.length; i++) {
      r = mul(r, factors[i]);
    }
    return r;
  }

  private static double[][] tr(double[][] p) {
    double[][] t = new double[p[0].length][p.length];
    for (int i = 0; i < p.length; i++) {
      for (int j = 0; j < p[0].length; j++) {
        t[j][i] = p[i][j];
      }
    }
    return t;
  }

  private static double[][] sum(double[][]... terms) {
    double[][] r = new double[terms[0].length][terms[0][0].length];
    for (double[][] t : terms) {
      for (int i = 0; i < r.length; i++) {
        for (int j = 0; j < r[0].length; j++) {
          r[i][j] += t[i][j];
        }
      }
    }
    return r;
  }

  private static double[] flat(double[][] m) {
    return java.util.Arrays.stream(m).flatMapToDouble(java.util.Arrays::stream).toArray();
  }

  private static double dot(double[] p, double[] q) {
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      s += p[i] * q[i];
    }
    return s;
  }

  private static double[] matVec(double[][] m, double[] u) {
    double[] r = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      r[i] = dot(m[i], u);
    }
    return r;
  }

  private static double maxAbs(double[] values) {
    double m = 0;
    for (double value : values) {
      m = Math.max(m, Math.abs(value));
    }
    return m;
  }

  /** (f(X + hH) − f(X − hH)) / 2h for a matrix function, flattened. */
  private static double[] central(Function<double[][], double[][]> f, double[][] at,
      double[][] direction) {
    double h = 1e-6;
    double[] plus = flat(f.apply(sum(at, scaled(h, direction))));
    double[] minus = flat(f.apply(sum(at, scaled(-h, direction))));
    double[] d = new double[plus.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = (plus[i] - minus[i]) / (2 * h);
    }
    return d;
  }

  private static double[][] scaled(double s, double[][] m) {
    double[][] r = new double[m.length][m[0].length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[0].length; j++) {
        r[i][j] = s * m[i][j];
      }
    }
    return r;
  }

  // ---- the tests ----

  @Test
  void printsHeadingThenLinesThatBeginWithTheSeedName() {
    String[] lines = output.split("\\R");
    assertTrue(lines[0].startsWith("== seed-002"), lines[0]);
    for (int i = 1; i < lines.length; i++) {
      assertTrue(lines[i].startsWith("seed-002 "), "line " + i + ": " + lines[i]);
    }
  }

  @Test
  void scalarDerivativesOfTasks1And2() {
    double p = 1.5;
    assertEquals(3 * 2 * p * p + 2 * -3 * p + 0.5,
        number("seed-002 task 1  f(x) = 2x^3", "f' ="), TIGHT);
    double s = 0.8;
    double sine = Math.exp(-0.5 * s) * (2 * Math.cos(2 * s) - 0.5 * Math.sin(2 * s));
    assertEquals(sine, number("seed-002 task 1  f(x) = e^(-0.5x)", "f' ="), TIGHT);
    double q = 1.2;
    assertEquals(6 * 0.5 * Math.pow(q, 5) + 4 * -2 * Math.pow(q, 3) + 3 / q,
        number("seed-002 task 2  f(x) = 0.5x^6", "f' ="), TIGHT);
    assertEquals(-Math.exp(-s) * (Math.cos(2 * s) + 2 * Math.sin(2 * s)),
        number("seed-002 task 2  f(x) = e^(-x)", "f' ="), TIGHT);
  }

  @Test
  void directionalDerivativesOfTask1() {
    double zz = b + dot(w, x);
    double sigma = 1 / (1 + Math.exp(-zz));
    assertEquals(sigma * (1 - sigma) * dot(x, hw),
        number("seed-002 task 1  Df(w)[h]", "b) ="), TIGHT);
    double[] ha = matVec(hdk, a);
    assertArrayEquals(ha, group("seed-002 task 1  Df(X)[H] of X a", "X a = "), TIGHT);
    double[][] bilinear = sum(mul(a3, hdn, tr(xdn), b3), mul(a3, xdn, tr(hdn), b3));
    double[] printed = group("seed-002 task 1  Df(X)[H] of A X X^T B", "B = ");
    assertArrayEquals(flat(bilinear), printed, TIGHT);
    assertArrayEquals(central(m -> mul(a3, m, tr(m), b3), xdn, hdn), printed, 1e-7);
    assertTrue(number("seed-002 task 1  bilinear rule", "max abs difference") < 1e-14);
  }

  @Test
  void gradientsOfTask2() {
    double zz = b + dot(w, x);
    double sigma = 1 / (1 + Math.exp(-zz));
    double[] neuron = group("seed-002 task 2  grad_w", "b) = ");
    for (int i = 0; i < 3; i++) {
      assertEquals(sigma * (1 - sigma) * x[i], neuron[i], TIGHT);
    }
    double[] vxa = group("seed-002 task 2  grad_X v X a", "v X a = ");
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 2; j++) {
        assertEquals(v[i] * a[j], vxa[2 * i + j], TIGHT);
      }
    }
    // v A X X^T B z = p^T X X^T q: gradient (p q^T + q p^T) X.
    double[] p = matVec(tr(a3), v);
    double[] q = matVec(b3, z);
    double[][] sym = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        sym[i][j] = p[i] * q[j] + q[i] * p[j];
      }
    }
    double[] quartic = group("seed-002 task 2  grad_X v A X X^T B z", "B z = ");
    assertArrayEquals(flat(mul(sym, xdn)), quartic, TIGHT);
    // And by central differences of the scalar, entry by entry.
    double h = 1e-6;
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 2; j++) {
        double[][] unit = new double[3][2];
        unit[i][j] = 1;
        double diff = central(m -> new double[][] {{Seed002Exercises.vAXXtBz(v, a3, m, b3, z)}},
            xdn, unit)[0];
        assertEquals(diff, quartic[2 * i + j], 1e-7);
      }
    }
    assertTrue(number("seed-002 task 2  grad_X v A X", "max abs difference") < 1e-14);
  }

  @Test
  void task3DirectionalDerivativesAndJacobian() {
    double x1 = 0.8;
    double x2 = 1.7;
    assertArrayEquals(new double[] {1 + x2 * Math.sin(x2), x2 * x2 * x2 + x2 * x1},
        group("seed-002 task 3  f(X)", ": f(X) = "), TIGHT);
    double[][] hs = {{1, 0}, {0, 1}, {0.5, -2}};
    for (double[] h : hs) {
      String prefix = "seed-002 task 3  Df(X)[" + h[0] + ", " + h[1] + "]";
      double[] expected = {
        h[1] * (Math.sin(x2) + x2 * Math.cos(x2)), 3 * x2 * x2 * h[1] + x2 * h[0] + x1 * h[1]
      };
      assertArrayEquals(expected, group(prefix, "] = "), TIGHT);
      assertArrayEquals(expected, group(prefix, "h2) = "), TIGHT);
    }
    assertArrayEquals(new double[] {0, Math.sin(x2) + x2 * Math.cos(x2), x2, 3 * x2 * x2 + x1},
        group("seed-002 task 3  Jacobian", "Jacobian = "), TIGHT);
  }

  @Test
  void task4AgainstTheProductRuleAndFiniteDifferences() {
    double[][] xt = tr(x3);
    double[][] ht = tr(h3);
    double[][] first = sum(mul(c3, h3, b3, xt, a3, x3), mul(c3, x3, b3, ht, a3, x3),
        mul(c3, x3, b3, xt, a3, h3));
    double[] printed = group("seed-002 task 4  D(C X B X^T A X)[H]", "[H] = ");
    assertArrayEquals(flat(first), printed, 1e-12 * maxAbs(flat(first)));
    assertArrayEquals(central(m -> mul(c3, m, b3, tr(m), a3, m), x3, h3), printed, 1e-6);
    double[][] second = sum(mul(h3, x3, a3, x3, x3), mul(x3, h3, a3, x3, x3),
        mul(x3, x3, a3, h3, x3), mul(x3, x3, a3, x3, h3));
    double[] printed2 = group("seed-002 task 4  D(X X A X X)[H]", "[H] = ");
    assertArrayEquals(flat(second), printed2, 1e-12 * maxAbs(flat(second)));
    assertArrayEquals(central(m -> mul(m, m, a3, m, m), x3, h3), printed2, 1e-6);
    assertTrue(number("seed-002 task 4  product rule C H", "max abs difference") < 1e-13);
    assertTrue(number("seed-002 task 4  product rule H X", "max abs difference") < 1e-13);
  }

  @Test
  void task5LimitsAreNotLinearAndForwardModeDifferentiatesTheBranchTaken() {
    double[][] directions = {{1, 0}, {0, 1}, {2, 1}, {1, -3}};
    for (double[] d : directions) {
      double da = d[0];
      double db = d[1];
      String prefix = "seed-002 task 5  along (" + da + ", " + db + ")";
      double limit = db * db * db / (da * da + db * db);
      assertEquals(limit, number(prefix, "(f(t v) - f(0))/t ="), 1e-12);
      assertEquals(limit, number(prefix, "b^3/(a^2 + b^2) ="), 1e-15);
      assertEquals(db, number(prefix, "b*1.0 ="), 0); // the linear combination a*0 + b*1
      assertEquals(0.0, number(prefix, "forward mode:"), 0);
    }
    // Not linear: along (2, 1) the limit is 1/5, the combination of the axes' limits 1.
    assertEquals(0.2, number("seed-002 task 5  along (2.0, 1.0)", "(f(t v) - f(0))/t ="), 1e-12);
    assertTrue(line("seed-002 task 5  forward mode returns 0").contains(
        "AD differentiates the branch taken"));
    assertEquals(0.2, number("seed-002 task 5  one step off", "along (2.0, 1.0) ="), 1e-12);
  }

  @Test
  void task6HessianIsTheClosedFormAndFiniteDifferencesOfTheGradient() {
    double[] p = {1, -2, 0.5, 3};
    int n = 4;
    double[][] s = sum(b4, tr(b4));
    double q = dot(p, matVec(b4, p));
    double sq = dot(p, p);
    double[] sp = matVec(s, p);
    double[][] expected = new double[n][n];
    double[] gradient = new double[n];
    for (int i = 0; i < n; i++) {
      gradient[i] = sq * sp[i] + 2 * q * p[i];
      for (int j = 0; j < n; j++) {
        expected[i][j] = sq * s[i][j] + 2 * sp[i] * p[j] + 2 * p[i] * sp[j] + (i == j ? 2 * q : 0);
      }
    }
    assertEquals(q * sq, number("seed-002 task 6  f =", "f ="), 1e-12 * q * sq);
    assertArrayEquals(gradient, group("seed-002 task 6  f =", "gradient = "), 1e-12);
    double scale = maxAbs(flat(expected));
    double h = 1e-5;
    for (int i = 0; i < n; i++) {
      double[] row = group("seed-002 task 6  Hessian row " + (i + 1), "= ");
      assertArrayEquals(expected[i], row, 1e-13 * scale, "row " + (i + 1));
      // Central differences of the generated gradient.
      for (int j = 0; j < n; j++) {
        double[] plus = p.clone();
        double[] minus = p.clone();
        plus[j] += h;
        minus[j] -= h;
        double fd = (Seed002ExercisesDerivatives.quarticFormGradient(plus, b4).x()[i]
            - Seed002ExercisesDerivatives.quarticFormGradient(minus, b4).x()[i]) / (2 * h);
        assertEquals(fd, row[j], 1e-6 * scale);
      }
    }
    assertTrue(number("seed-002 task 6  closed form", "max abs difference") < 1e-12 * scale);
    assertTrue(number("seed-002 task 6  closed form", "|H - H^T| =") < 1e-13 * scale);
    double[] ones = {1, 1, 1, 1};
    assertArrayEquals(matVec(expected, ones), group("seed-002 task 6  one Hessian", "= "),
        1e-12 * scale);
  }
}
