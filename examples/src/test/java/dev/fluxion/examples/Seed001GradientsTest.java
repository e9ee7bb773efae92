package dev.fluxion.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the numbers the seed-001 example prints: the gradient of l = f(g(h(x))) against the chain
 * rule written out here and finite differences, the gradient norms of Σ(W^k x) against (W^k)ᵀ·1,
 * and the second-order steps against the test function's Hessian in closed form.
 */
class Seed001GradientsTest {

  private static final double TIGHT = 1e-12;

  private static final double[][] W1 = {
    {0.5, -0.3, 0.8}, {-0.6, 0.2, 0.4}, {0.1, 0.9, -0.5}, {0.7, 0.3, 0.2}
  };

  private static final double[][] W2 = {{0.4, -0.7, 0.2, 0.5}, {-0.3, 0.6, 0.8, -0.1}};

  private static final double[] X = {0.3, -1.2, 0.7};

  private static final double[] START = {1, -0.5, 0.8, 0.3};

  private static final double C = 0.1;

  private static PrintedOutput printed;

  private static String output;

  @BeforeAll
  static void runExample() {
    printed = PrintedOutput.of(new Seed001Gradients());
    output = printed.text();
  }

  private static String line(String prefix) {
    return printed.line(prefix);
  }

  private static double number(String prefix, String label) {
    return printed.number(prefix, label);
  }

  private static double[] vector(String prefix, String label) {
    return printed.group(prefix, label, "[");
  }

  /** Every number after {@code label} up to the end of the line or a double space. */
  private static double[] numbersAfter(String prefix, String label) {
    String line = line(prefix);
    int at = line.indexOf(label);
    assertTrue(at >= 0, () -> "no '" + label + "' in line: " + line);
    String rest = line.substring(at + label.length()).strip();
    int end = rest.indexOf("  ");
    return numbers(end < 0 ? rest : rest.substring(0, end));
  }

  private static double[] numbers(String text) {
    return PrintedOutput.numbers(text);
  }

  @Test
  void printsHeadingThenLinesThatBeginWithTheSeedName() {
    String[] lines = output.split("\\R");
    assertTrue(lines[0].startsWith("== seed-001"), lines[0]);
    for (int i = 1; i < lines.length; i++) {
      assertTrue(lines[i].startsWith("seed-001 "), "line " + i + ": " + lines[i]);
    }
  }

  /**
   * dl/dx_k = Σ_j softmax(v)_j cos(s_j) Σ_i W2_ji (1 − u_i²) W1_ik with u = tanh(W1 x), s = W2 u,
   * v = sin s: the chain rule, by hand.
   */
  private static double[] chainByHand(double[] x) {
    double[] u = new double[4];
    for (int i = 0; i < 4; i++) {
      double s = 0;
      for (int k = 0; k < 3; k++) {
        s += W1[i][k] * x[k];
      }
      u[i] = Math.tanh(s);
    }
    double[] s = new double[2];
    for (int j = 0; j < 2; j++) {
      for (int i = 0; i < 4; i++) {
        s[j] += W2[j][i] * u[i];
      }
    }
    double e0 = Math.exp(Math.sin(s[0]));
    double e1 = Math.exp(Math.sin(s[1]));
    double[] softmax = {e0 / (e0 + e1), e1 / (e0 + e1)};
    double[] d = new double[3];
    for (int k = 0; k < 3; k++) {
      for (int j = 0; j < 2; j++) {
        for (int i = 0; i < 4; i++) {
          d[k] += softmax[j] * Math.cos(s[j]) * W2[j][i] * (1 - u[i] * u[i]) * W1[i][k];
        }
      }
    }
    return d;
  }

  @Test
  void forwardAndReverseGradientsOfTheChainAgreeWithTheChainRuleAndFiniteDifferences() {
    double[] expected = chainByHand(X);
    double[] reverse = vector("seed-001 chain   reverse mode", "dl/dx = ");
    double[] forward = vector("seed-001 chain   forward mode", "dl/dx = ");
    assertArrayEquals(expected, reverse, TIGHT);
    assertArrayEquals(expected, forward, TIGHT);
    assertArrayEquals(expected, vector("seed-001 chain   (df/dg * dg/dh)", "= "), TIGHT);
    assertArrayEquals(expected, vector("seed-001 chain   df/dg * (dg/dh", "= "), TIGHT);
    double h = 1e-6;
    for (int k = 0; k < 3; k++) {
      double[] plus = X.clone();
      double[] minus = X.clone();
      plus[k] += h;
      minus[k] -= h;
      assertEquals((Seed001Gradients.l(plus) - Seed001Gradients.l(minus)) / (2 * h), reverse[k],
          1e-9);
    }
    assertEquals(Seed001Gradients.l(X), number("seed-001 chain   l(x) =", "l(x)"), TIGHT);
    assertTrue(number("seed-001 chain   max abs", "between the four =") < 1e-15);
  }

  @Test
  void theSheetsComposedMaps() {
    String affine = "seed-001 powers  f(x) = 3x + 4";
    assertEquals(27.0, number(affine, "d f^3/dx ="), 0);
    assertEquals(27.0, number(affine, "(forward),"), 0);
    assertTrue(line(affine).contains(": f^3(x) = 27.0x + 52.0, "), line(affine));
    String seven = "seed-001 powers  f(x) = 7x";
    assertEquals(343.0, number(seven, "d f^3/dx ="), 0);
    assertEquals(343.0, number(seven, "(forward),"), 0);
  }

  /** (W^k)ᵀ·1 by repeated multiplication in plain Java, W = Q diag(λ, ½) Q⁻¹. */
  private static double[] powerGradient(double lambda, int k) {
    double[][] w = {
      {2 * lambda * 1 + 0.5 * -1, 2 * lambda * -1 + 0.5 * 2},
      {lambda * 1 + 0.5 * -1, lambda * -1 + 0.5 * 2}
    };
    double[] g = {1, 1};
    for (int step = 0; step < k; step++) {
      g = new double[] {w[0][0] * g[0] + w[1][0] * g[1], w[0][1] * g[0] + w[1][1] * g[1]};
    }
    return g;
  }

  @Test
  void gradientNormsVanishStayOrExplodeLikeLambdaToTheK() {
    String[] kinds = {"vanishing", "steady", "exploding"};
    double[] lambdas = {0.9, 1.0, 1.1};
    int[] ks = {1, 10, 20, 30, 40, 50};
    for (int c = 0; c < 3; c++) {
      String prefix = "seed-001 powers  lambda = " + lambdas[c] + " (" + kinds[c] + ")";
      for (int k : ks) {
        double[] g = powerGradient(lambdas[c], k);
        double norm = Math.hypot(g[0], g[1]);
        assertEquals(norm, number(prefix, "k = " + k + ":"), 1e-5 * norm, prefix + ", k = " + k);
      }
      assertEquals(lambdas[c], number(prefix, "ratio at k = 50:"), 1e-4);
    }
    assertTrue(number("seed-001 powers  lambda = 0.9", "k = 50:") < 0.05);
    assertTrue(number("seed-001 powers  lambda = 1.1", "k = 50:") > 400);
    assertTrue(number("seed-001 powers  every gradient", "max relative difference") < 1e-13);
  }

  @Test
  void gradientNormsArePlottedOnALogScale() {
    String prefix = "seed-001 plot    gradient norms over k = 1 ... 50, log scale";
    assertTrue(line(prefix).endsWith("seed-001-gradient-norms.png"), line(prefix));
    printed.plot(prefix);
  }

  @Test
  void aLeftEigenvectorComesBackMultipliedByLambdaToTheK() {
    String prefix = "seed-001 powers  left eigenvector";
    double[] u = vector(prefix, "u = ");
    assertArrayEquals(new double[] {1, -1}, u, 0);
    double factor = Math.pow(1.1, 50);
    assertArrayEquals(new double[] {factor, -factor}, vector(prefix, "k = 50: "), 1e-12 * factor);
    assertEquals(factor, number(prefix, "(lambda^k ="), 1e-3);
  }

  /** The test function's gradient, e^x_i − 1 + 2c Σx, by hand. */
  private static double[] gradient(double[] x) {
    double sum = 0;
    for (double xi : x) {
      sum += xi;
    }
    double[] g = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      g[i] = Math.exp(x[i]) - 1 + 2 * C * sum;
    }
    return g;
  }

  /** Its Hessian times v: e^x_i v_i + 2c Σv. */
  private static double[] hessianTimes(double[] x, double[] v) {
    double sum = 0;
    for (double vi : v) {
      sum += vi;
    }
    double[] r = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      r[i] = Math.exp(x[i]) * v[i] + 2 * C * sum;
    }
    return r;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void epsilonStarFromOneHessianVectorProduct() {
    double[] g = gradient(START);
    double[] hg = hessianTimes(START, g);
    assertArrayEquals(g, vector("seed-001 second  f(x) =", "g = "), TIGHT);
    assertArrayEquals(hg, vector("seed-001 second  one Hessian-vector", "H g = "), TIGHT);
    String prefix = "seed-001 second  eps* = ";
    double eps = dot(g, g) / dot(g, hg);
    double[] printed = numbersAfter(prefix, "g^T H g = "); // gᵀg, gᵀHg, ε*
    assertEquals(dot(g, g), printed[0], TIGHT);
    assertEquals(dot(g, hg), printed[1], TIGHT);
    assertEquals(eps, printed[2], TIGHT);
    double[] stepped = START.clone();
    for (int i = 0; i < 4; i++) {
      stepped[i] -= eps * g[i];
    }
    double f0 = Seed001Gradients.testFunction(START, C);
    assertEquals(f0, number("seed-001 second  f(x) =", "f(x0) ="), TIGHT);
    double after = number("seed-001 second  eps* step", "f(x0 - eps* g) =");
    assertEquals(Seed001Gradients.testFunction(stepped, C), after, TIGHT);
    assertTrue(after < f0);
    double model = f0 - eps * dot(g, g) + 0.5 * eps * eps * dot(g, hg);
    assertEquals(model, number("seed-001 second  eps* step", "(quadratic model:"), TIGHT);
  }

  @Test
  void newtonStepSolvesHDeltaEqualsMinusG() {
    double[] delta = vector("seed-001 second  Newton step -H^-1 g", "products: ");
    double[] hDelta = hessianTimes(START, delta);
    double[] g = gradient(START);
    for (int i = 0; i < 4; i++) {
      assertEquals(-g[i], hDelta[i], TIGHT);
    }
    assertTrue(number("seed-001 second  Newton step from", "max abs difference") < 1e-14);
    double[] next = START.clone();
    for (int i = 0; i < 4; i++) {
      next[i] += delta[i];
    }
    assertEquals(Seed001Gradients.testFunction(next, C),
        number("seed-001 second  Newton step from", "f(x0 + delta) ="), TIGHT);
  }

  @Test
  void newtonConvergesQuadraticallyAndDescentLinearly() {
    double[] newton = numbersAfter("seed-001 second  |x_k - x*|, Newton:", "Newton:");
    double[] descent = numbersAfter("seed-001 second  |x_k - x*|, eps* descent:", "descent:");
    assertEquals(7, newton.length);
    assertEquals(7, descent.length);
    assertEquals(Math.sqrt(dot(START, START)), newton[0], 1e-3);
    for (int k = 0; k + 1 < newton.length && newton[k] > 1e-7; k++) {
      assertTrue(newton[k + 1] <= newton[k] * newton[k], "Newton errors squared: k = " + k);
    }
    assertTrue(newton[6] < 1e-15);
    for (int k = 1; k + 1 < descent.length; k++) {
      double ratio = descent[k + 1] / descent[k];
      assertTrue(ratio > 0.25 && ratio < 0.5, "descent ratio at k = " + k + ": " + ratio);
    }
    assertTrue(descent[6] > 1e-3);
    // The example's own error sequence, exactly as printed (3 significant digits).
    double[][] errors = Seed001Gradients.errors();
    for (int k = 0; k < 7; k++) {
      assertEquals(errors[0][k], newton[k], 1e-3 * errors[0][k]);
      assertEquals(errors[1][k], descent[k], 1e-3 * errors[1][k]);
    }
    double[] quadratic = numbersAfter("seed-001 second  e(k+1)/e(k)^2, Newton:", "Newton:");
    for (double q : quadratic) {
      assertTrue(q > 0.1 && q < 1, "e(k+1)/e(k)^2 = " + q);
    }
    double[] linear = numbersAfter("seed-001 second  e(k+1)/e(k),   eps* descent:", "descent:");
    assertEquals(6, linear.length);
  }
}
