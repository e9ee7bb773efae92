package dev.fluxion.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Adam and AdamW against sheet 004, task 2: the first step is −α·sign(g) per component (up to ε),
 * and the second is w² = w¹ − α (βg¹ + g²)√(1 + γ) / ((1 + β)√(γ(g¹)² + (g²)²)), with β = β1 and
 * γ = β2 in the sheet's names.
 */
class AdamTest {

  private static final double ALPHA = 0.01;

  private static final double[] W0 = {0.5, -1.5, 2.0, 0.0};

  /** Gradients of very different sizes and both signs: Adam's first step ignores the size. */
  private static final double[] G1 = {3.0, -0.002, 250.0, -1e-3};

  private static final double[] G2 = {-1.0, 0.004, 120.0, 2e-3};

  private static double[] firstStepClosedForm(double[] w0, double[] g1) {
    double[] w1 = new double[w0.length];
    for (int i = 0; i < w0.length; i++) {
      w1[i] = w0[i] - ALPHA * Math.signum(g1[i]);
    }
    return w1;
  }

  /** The sheet's closed form of the second step (ε = 0). */
  private static double[] secondStepClosedForm(
      double[] w1, double[] g1, double[] g2, double beta, double gamma) {
    double[] w2 = new double[w1.length];
    for (int i = 0; i < w1.length; i++) {
      w2[i] = w1[i] - ALPHA * (beta * g1[i] + g2[i]) * Math.sqrt(1 + gamma)
          / ((1 + beta) * Math.sqrt(gamma * g1[i] * g1[i] + g2[i] * g2[i]));
    }
    return w2;
  }

  @Test
  void theFirstStepIsMinusAlphaTimesTheSignOfTheGradientUpToEpsilon() {
    var adam = new Adam(ALPHA);
    double[] w = W0.clone();
    adam.step(w, G1);
    double[] expected = firstStepClosedForm(W0, G1);
    for (int i = 0; i < w.length; i++) {
      // g/(|g| + ε) differs from sign g by ε/(|g| + ε) < ε/|g|.
      double bound = ALPHA * Adam.DEFAULT_EPSILON / Math.abs(G1[i]) + 1e-16;
      assertEquals(expected[i], w[i], bound, "component " + i);
    }
  }

  @Test
  void withoutEpsilonTheFirstStepIsExactlyMinusAlphaTimesTheSign() {
    var adam = new Adam(LearningRate.constant(ALPHA), 0.9, 0.999, 0);
    double[] w = W0.clone();
    adam.step(w, G1);
    assertArrayEquals(firstStepClosedForm(W0, G1), w, 1e-16);
  }

  @Test
  void theSecondStepMatchesTheSheetsClosedForm() {
    for (double[] betas : new double[][] {{0.9, 0.999}, {0.5, 0.75}, {0.0, 0.3}}) {
      var adam = new Adam(LearningRate.constant(ALPHA), betas[0], betas[1], 0);
      double[] w = W0.clone();
      adam.step(w, G1);
      double[] w1 = w.clone();
      adam.step(w, G2);
      assertArrayEquals(secondStepClosedForm(w1, G1, G2, betas[0], betas[1]), w, 1e-15,
          "beta1 = " + betas[0] + ", beta2 = " + betas[1]);
    }
  }

  @Test
  void theSecondStepWithTheDefaultEpsilonIsCloseToTheClosedForm() {
    var adam = new Adam(ALPHA);
    double[] w = W0.clone();
    adam.step(w, G1);
    double[] w1 = w.clone();
    adam.step(w, G2);
    assertArrayEquals(secondStepClosedForm(w1, G1, G2, 0.9, 0.999), w, 1e-7);
  }

  @Test
  void theThirdStepFollowsTheRecurrences() {
    double beta1 = 0.8;
    double beta2 = 0.9;
    double eps = 1e-3;
    double[] g = {2.0, -0.5, 0.25};
    double[][] gradients = {g, {1.0, 0.5, -0.25}, {-3.0, 0.1, 0.5}};
    var adam = new Adam(LearningRate.constant(ALPHA), beta1, beta2, eps);
    double[] w = {1, 1, 1};
    for (double[] gt : gradients) {
      adam.step(w, gt);
    }
    for (int i = 0; i < 3; i++) {
      // m3 and v3 written out from m0 = v0 = 0.
      double g1 = gradients[0][i];
      double g2 = gradients[1][i];
      double g3 = gradients[2][i];
      double expected = 1;
      double m = 0;
      double v = 0;
      double[] steps = {g1, g2, g3};
      for (int t = 1; t <= 3; t++) {
        m = beta1 * m + (1 - beta1) * steps[t - 1];
        v = beta2 * v + (1 - beta2) * steps[t - 1] * steps[t - 1];
        double mHat = m / (1 - Math.pow(beta1, t));
        double vHat = v / (1 - Math.pow(beta2, t));
        expected -= ALPHA * mHat / (Math.sqrt(vHat) + eps);
      }
      assertEquals(expected, w[i], 1e-15, "component " + i);
    }
  }

  @Test
  void adamWDecaysTheWeightsOutsideTheRescaling() {
    double lambda = 0.1;
    var adamW = new AdamW(LearningRate.constant(ALPHA), 0.9, 0.999, 0, lambda);
    double[] w = W0.clone();
    adamW.step(w, G1);
    double[] w1 = firstStepClosedForm(W0, G1);
    for (int i = 0; i < w1.length; i++) {
      w1[i] -= ALPHA * lambda * W0[i];
    }
    assertArrayEquals(w1, w, 1e-15);
    double[] before = w.clone();
    adamW.step(w, G2);
    double[] w2 = secondStepClosedForm(before, G1, G2, 0.9, 0.999);
    for (int i = 0; i < w2.length; i++) {
      w2[i] -= ALPHA * lambda * before[i];
    }
    assertArrayEquals(w2, w, 1e-15);
    assertEquals(lambda, adamW.weightDecay());
  }

  @Test
  void adamWWithoutDecayIsAdam() {
    var adam = new Adam(0.05);
    var adamW = new AdamW(0.05, 0);
    double[] a = W0.clone();
    double[] b = W0.clone();
    for (double[] g : new double[][] {G1, G2, G1, G2}) {
      adam.step(a, g);
      adamW.step(b, g);
    }
    assertArrayEquals(a, b, 0);
  }

  @Test
  void anL2PenaltyInTheGradientIsNotWeightDecay() {
    // Adam on g + λw rescales the penalty by 1/√v̂; AdamW does not. Where λw does not flip the
    // sign of g, Adam's first step is −α sign(g) and AdamW's is −α sign(g) − αλw.
    double lambda = 0.1;
    var adam = new Adam(ALPHA);
    var adamW = new AdamW(ALPHA, lambda);
    double[] a = W0.clone();
    double[] b = W0.clone();
    double[] penalised = new double[W0.length];
    for (int i = 0; i < W0.length; i++) {
      penalised[i] = G1[i] + lambda * a[i];
    }
    adam.step(a, penalised);
    adamW.step(b, G1);
    double largest = 0;
    for (int i = 0; i < a.length; i++) {
      largest = Math.max(largest, Math.abs(a[i] - b[i]));
    }
    assertEquals(ALPHA * lambda * 2.0, largest, 1e-9); // αλ|w| at the largest weight, 2.0
  }

  @Test
  void matrixStepsShareTheStepCountAcrossRows() {
    var matrix = new Adam(0.1);
    var flat = new Adam(0.1);
    double[][] w = {{1, 2}, {3}};
    double[] v = {1, 2, 3};
    for (int t = 1; t <= 4; t++) {
      matrix.step(w, new double[][] {{t, -t}, {1.0 / t}});
      flat.step(v, new double[] {t, -t, 1.0 / t});
    }
    assertArrayEquals(new double[] {v[0], v[1]}, w[0], 0);
    assertArrayEquals(new double[] {v[2]}, w[1], 0);
    assertEquals(4, matrix.steps());
  }

  @Test
  void rejectsSettingsOutsideTheirRanges() {
    var rate = LearningRate.constant(0.1);
    assertThrows(IllegalArgumentException.class, () -> new Adam(rate, 1, 0.999, 1e-8));
    assertThrows(IllegalArgumentException.class, () -> new Adam(rate, 0.9, -0.1, 1e-8));
    assertThrows(IllegalArgumentException.class, () -> new Adam(rate, 0.9, 0.999, -1));
    assertThrows(IllegalArgumentException.class, () -> new AdamW(0.1, -0.01));
  }

  @Test
  void exposesItsSettings() {
    var adam = new Adam(0.1);
    assertEquals(0.9, adam.beta1());
    assertEquals(0.999, adam.beta2());
    assertEquals(1e-8, adam.epsilon());
    var adamW = new AdamW(LearningRate.constant(0.1), 0.8, 0.99, 1e-6, 0.05);
    assertEquals(0.8, adamW.beta1());
    assertEquals(0.99, adamW.beta2());
    assertEquals(1e-6, adamW.epsilon());
    assertEquals(0.1, adamW.nextRate());
  }
}
