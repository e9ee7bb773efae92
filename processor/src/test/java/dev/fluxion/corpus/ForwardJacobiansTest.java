package dev.fluxion.corpus;

import static dev.fluxion.corpus.SecondOrderChecks.EXACT;
import static dev.fluxion.corpus.SecondOrderChecks.FD;
import static dev.fluxion.corpus.SecondOrderChecks.MODES;
import static dev.fluxion.corpus.SecondOrderChecks.assertAllClose;
import static dev.fluxion.corpus.SecondOrderChecks.jacobianFd;
import static dev.fluxion.corpus.SecondOrderChecks.times;
import static dev.fluxion.corpus.SecondOrderChecks.unit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.corpus.second.Seed002Directional;
import dev.fluxion.corpus.second.Seed002DirectionalDerivatives;
import dev.fluxion.corpus.second.VectorFunctions;
import dev.fluxion.corpus.second.VectorFunctionsDerivatives;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jacobians of {@code double[]}-valued methods: by forward mode, by reverse mode and by the
 * chooser, against each other, finite differences, closed forms and the forward tangent.
 */
class ForwardJacobiansTest {

  /** A vector function over its flat inputs: primal, the three Jacobians and the tangent. */
  record VecFn(
      Function<double[], double[]> primal,
      Function<double[], double[][]> forward,
      Function<double[], double[][]> reverse,
      Function<double[], double[][]> chosen,
      Function<double[][], double[]> tangent) {}

  private static double[] tail(double[] x) {
    return Arrays.copyOfRange(x, 1, x.length);
  }

  private static final VecFn POLAR = new VecFn(
      x -> VectorFunctions.polar(x[0], x[1]),
      x -> VectorFunctionsDerivatives.polarJacobianForward(x[0], x[1]),
      x -> VectorFunctionsDerivatives.polarJacobianReverse(x[0], x[1]),
      x -> VectorFunctionsDerivatives.polarJacobian(x[0], x[1]),
      xv -> VectorFunctionsDerivatives.polarTangent(xv[0][0], xv[0][1], xv[1][0], xv[1][1])
          .tangent());

  private static final VecFn SOFTMAX = new VecFn(
      VectorFunctions::softmax,
      VectorFunctionsDerivatives::softmaxJacobianForward,
      VectorFunctionsDerivatives::softmaxJacobianReverse,
      VectorFunctionsDerivatives::softmaxJacobian,
      xv -> VectorFunctionsDerivatives.softmaxTangent(xv[0], xv[1]).tangent());

  /** w, then the inputs x: flat (w, x_0, …). */
  private static final VecFn RECURRENCE = new VecFn(
      x -> VectorFunctions.recurrence(x[0], tail(x)),
      x -> VectorFunctionsDerivatives.recurrenceJacobianForward(x[0], tail(x)),
      x -> VectorFunctionsDerivatives.recurrenceJacobianReverse(x[0], tail(x)),
      x -> VectorFunctionsDerivatives.recurrenceJacobian(x[0], tail(x)),
      xv -> VectorFunctionsDerivatives.recurrenceTangent(xv[0][0], tail(xv[0]), xv[1][0],
          tail(xv[1])).tangent());

  private static final VecFn CUMULATIVE = new VecFn(
      VectorFunctions::cumulative,
      VectorFunctionsDerivatives::cumulativeJacobianForward,
      VectorFunctionsDerivatives::cumulativeJacobianReverse,
      VectorFunctionsDerivatives::cumulativeJacobian,
      xv -> VectorFunctionsDerivatives.cumulativeTangent(xv[0], xv[1]).tangent());

  private static final VecFn ROW_TIMES_MATRIX = new VecFn(
      Seed002Directional::rowTimesMatrix,
      Seed002DirectionalDerivatives::rowTimesMatrixJacobianForward,
      Seed002DirectionalDerivatives::rowTimesMatrixJacobianReverse,
      Seed002DirectionalDerivatives::rowTimesMatrixJacobian,
      xv -> Seed002DirectionalDerivatives.rowTimesMatrixTangent(xv[0], xv[1]).tangent());

  static Stream<Arguments> points() {
    return Stream.of(
        Arguments.of(Named.of("polar", POLAR), new double[] {2, 0.7}),
        Arguments.of(Named.of("softmax", SOFTMAX), new double[] {0.3, -1.2, 2.0, 0.5}),
        Arguments.of(Named.of("recurrence (w, x)", RECURRENCE),
            new double[] {0.8, 0.5, -0.3, 1.1, 0.2}),
        Arguments.of(Named.of("cumulative (5 inputs, 3 outputs)", CUMULATIVE),
            new double[] {1.1, -0.7, 0.9, 1.3, 0.6}),
        Arguments.of(Named.of("cumulative (2 inputs)", CUMULATIVE), new double[] {1.1, -0.7}),
        Arguments.of(Named.of("rowTimesMatrix", ROW_TIMES_MATRIX), new double[] {0.8, 1.7}));
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("points")
  void forwardEqualsReverseEqualsFiniteDifferences(VecFn f, double[] x) {
    double[][] forward = f.forward().apply(x.clone());
    double[][] reverse = f.reverse().apply(x.clone());
    assertEquals(f.primal().apply(x.clone()).length, forward.length, "one row per output");
    assertEquals(x.length, forward[0].length, "one column per input");
    assertAllClose("forward vs reverse", forward, reverse, MODES);
    assertAllClose("chosen vs forward", forward, f.chosen().apply(x.clone()), MODES);
    assertAllClose("forward vs finite differences", jacobianFd(f.primal(), x), forward, FD);
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("points")
  void tangentIsJacobianTimesDirection(VecFn f, double[] x) {
    double[][] j = f.forward().apply(x.clone());
    double[] v = new double[x.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = 0.25 * (i + 1) * (i % 2 == 0 ? 1 : -1.5);
    }
    assertAllClose("J v", times(j, v), f.tangent().apply(new double[][] {x.clone(), v}), MODES);
    for (int k = 0; k < x.length; k++) {
      double[] column = new double[j.length];
      for (int i = 0; i < j.length; i++) {
        column[i] = j[i][k];
      }
      assertAllClose("column " + k, column,
          f.tangent().apply(new double[][] {x.clone(), unit(x.length, k)}), MODES);
    }
  }

  @Test
  void polarJacobianInClosedForm() {
    double r = 2;
    double theta = 0.7;
    double[][] exact = {
      {Math.cos(theta), -r * Math.sin(theta)}, {Math.sin(theta), r * Math.cos(theta)}
    };
    assertAllClose("polar", exact, VectorFunctionsDerivatives.polarJacobian(r, theta), EXACT);
  }

  @Test
  void softmaxJacobianIsDiagPMinusPPTransposed() {
    double[] a = {0.3, -1.2, 2.0, 0.5};
    double[] p = VectorFunctions.softmax(a);
    double[][] exact = new double[4][4];
    for (int i = 0; i < 4; i++) {
      for (int k = 0; k < 4; k++) {
        exact[i][k] = (i == k ? p[i] : 0) - p[i] * p[k];
      }
    }
    assertAllClose("softmax forward", exact, VectorFunctionsDerivatives.softmaxJacobianForward(a),
        EXACT);
    assertAllClose("softmax reverse", exact, VectorFunctionsDerivatives.softmaxJacobianReverse(a),
        EXACT);
  }

  /**
   * The recurrence by hand: h_t = tanh(w h_{t−1} + x_t), so ∂h_t/∂w = (1 − h_t²)(h_{t−1} + w
   * ∂h_{t−1}/∂w) and ∂h_t/∂x_s = (1 − h_t²)(w ∂h_{t−1}/∂x_s + [s = t]).
   */
  @Test
  void recurrenceJacobianByTheChainRuleThroughTime() {
    double w = 0.8;
    double[] x = {0.5, -0.3, 1.1, 0.2};
    int n = x.length;
    double[][] exact = new double[n][n + 1];
    double h = 0;
    double[] dPrev = new double[n + 1];
    for (int t = 0; t < n; t++) {
      double next = Math.tanh(w * h + x[t]);
      double slope = 1 - next * next;
      double[] d = new double[n + 1];
      d[0] = slope * (h + w * dPrev[0]);
      for (int s = 0; s < n; s++) {
        d[1 + s] = slope * (w * dPrev[1 + s] + (s == t ? 1 : 0));
      }
      exact[t] = d;
      dPrev = d;
      h = next;
    }
    assertAllClose("recurrence forward", exact,
        VectorFunctionsDerivatives.recurrenceJacobianForward(w, x), EXACT);
    assertAllClose("recurrence reverse", exact,
        VectorFunctionsDerivatives.recurrenceJacobianReverse(w, x), EXACT);
  }

  @Test
  void jacobiansLeaveTheArgumentsAlone() {
    double[] x = {1.1, -0.7, 0.9, 1.3, 0.6};
    double[] copy = x.clone();
    VectorFunctionsDerivatives.cumulativeJacobianForward(x);
    VectorFunctionsDerivatives.cumulativeJacobianReverse(x);
    VectorFunctionsDerivatives.cumulativeJacobian(x);
    assertArrayEquals(copy, x, 0);
  }
}
