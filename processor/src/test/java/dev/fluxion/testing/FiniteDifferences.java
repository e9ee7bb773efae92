package dev.fluxion.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Central finite differences and the assertions that compare generated gradients with them and
 * with exact derivatives.
 *
 * <p>Partials are estimated with Ridders' method: central differences for a decreasing sequence
 * of steps (starting at {@code 1e-3 * max(1, |x_i|)}, divided by 1.4 each time), extrapolated to
 * step zero in a Neville tableau that keeps the estimate with the smallest error. For smooth
 * functions this is good to about 1e-10 relative, far tighter than a single central difference
 * (about 1e-7 at best). Points must lie further than the initial step from any kink, branch
 * boundary or edge of the domain.
 *
 * <p>Tolerances are mixed: two numbers {@code a} and {@code b} agree when {@code |a - b| <= atol +
 * rtol * max(|a|, |b|)}.
 */
public final class FiniteDifferences {

  /** Relative tolerance against finite differences. */
  public static final double FD_RTOL = 1e-7;

  /** Absolute tolerance against finite differences. */
  public static final double FD_ATOL = 1e-8;

  /**
   * Relative tolerance against exact derivatives: generated code and a hand-written formula round
   * differently, nothing more.
   */
  public static final double EXACT_RTOL = 1e-11;

  /** Absolute tolerance against exact derivatives. */
  public static final double EXACT_ATOL = 1e-12;

  private static final double INITIAL_STEP = 1e-3;
  private static final double SHRINK = 1.4;
  private static final int TABLEAU = 10;

  private FiniteDifferences() {}

  /**
   * A plain central difference {@code (f(x + h e_i) - f(x - h e_i)) / 2h}.
   *
   * @param f the function
   * @param x the point (not modified)
   * @param i the component
   * @param h the step
   * @return the estimate of the i-th partial
   */
  public static double centralDifference(
      ToDoubleFunction<double[]> f, double[] x, int i, double h) {
    return (shifted(f, x, i, h) - shifted(f, x, i, -h)) / (2 * h);
  }

  /**
   * The i-th partial of {@code f} at {@code x}, by Ridders' extrapolation of central differences.
   *
   * @param f the function
   * @param x the point (not modified)
   * @param i the component
   * @return the estimate of the i-th partial
   */
  public static double partial(ToDoubleFunction<double[]> f, double[] x, int i) {
    double h = INITIAL_STEP * Math.max(1.0, Math.abs(x[i]));
    double first = centralDifference(f, x, i, h);
    // Too close to the edge of the domain for the first step: shrink until the values are finite.
    for (int tries = 0; !Double.isFinite(first) && tries < 40; tries++) {
      h /= 2;
      first = centralDifference(f, x, i, h);
    }
    double[][] a = new double[TABLEAU][TABLEAU];
    a[0][0] = first;
    double best = first;
    double error = Double.MAX_VALUE;
    for (int k = 1; k < TABLEAU; k++) {
      h /= SHRINK;
      a[0][k] = centralDifference(f, x, i, h);
      double factor = SHRINK * SHRINK;
      for (int j = 1; j <= k; j++) {
        a[j][k] = (a[j - 1][k] * factor - a[j - 1][k - 1]) / (factor - 1);
        factor *= SHRINK * SHRINK;
        double e =
            Math.max(Math.abs(a[j][k] - a[j - 1][k]), Math.abs(a[j][k] - a[j - 1][k - 1]));
        if (e <= error) {
          error = e;
          best = a[j][k];
        }
      }
      if (Math.abs(a[k][k] - a[k - 1][k - 1]) >= 2 * error) {
        break; // higher orders only amplify rounding from here on
      }
    }
    return best;
  }

  /**
   * Every partial of {@code f} at {@code x}.
   *
   * @param f the function
   * @param x the point (not modified)
   * @return the finite-difference gradient
   */
  public static double[] gradient(ToDoubleFunction<double[]> f, double... x) {
    double[] g = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      g[i] = partial(f, x, i);
    }
    return g;
  }

  /**
   * Asserts that {@code actual} is the gradient of {@code f} at {@code x}, component by component,
   * within {@link #FD_RTOL} and {@link #FD_ATOL}.
   *
   * @param what the method under test, for messages
   * @param f the function
   * @param x the point
   * @param actual the gradient to check
   * @param names the parameter names, one per component
   */
  public static void assertMatchesFiniteDifferences(
      String what, ToDoubleFunction<double[]> f, double[] x, double[] actual, String... names) {
    double[] expected = gradient(f, x);
    assertComponents(
        what, x, names, expected, actual, FD_RTOL, FD_ATOL, "central finite differences");
  }

  /**
   * Asserts that {@code actual} equals the exact gradient {@code expected} up to rounding ({@link
   * #EXACT_RTOL}, {@link #EXACT_ATOL}).
   *
   * @param what the method under test, for messages
   * @param x the point, for messages
   * @param expected the exact gradient
   * @param actual the gradient to check
   * @param names the parameter names, one per component
   */
  public static void assertExactGradient(
      String what, double[] x, double[] expected, double[] actual, String... names) {
    assertComponents(what, x, names, expected, actual, EXACT_RTOL, EXACT_ATOL, "exact derivative");
  }

  /**
   * Asserts that two numbers agree up to rounding ({@link #EXACT_RTOL}, {@link #EXACT_ATOL}).
   *
   * @param what a description for the message
   * @param expected the expected value
   * @param actual the actual value
   */
  public static void assertClose(String what, double expected, double actual) {
    if (!close(expected, actual, EXACT_RTOL, EXACT_ATOL)) {
      fail(String.format("%s: expected %s but was %s (difference %.3g)",
          what, expected, actual, Math.abs(expected - actual)));
    }
  }

  /**
   * Asserts exact equality (a convention at a kink, a value that must be reproduced bit for bit;
   * {@code 0.0} and {@code -0.0} count as equal).
   *
   * @param what a description for the message
   * @param expected the expected value
   * @param actual the actual value
   */
  public static void assertExactly(String what, double expected, double actual) {
    assertEquals(expected, actual, 0.0, what);
  }

  /**
   * Shorthand for an array literal.
   *
   * @param values the values
   * @return the same values as an array
   */
  public static double[] vec(double... values) {
    return values;
  }

  private static void assertComponents(
      String what,
      double[] x,
      String[] names,
      double[] expected,
      double[] actual,
      double rtol,
      double atol,
      String against) {
    if (names.length != x.length || expected.length != x.length || actual.length != x.length) {
      fail(String.format(
          "%s: %d names, %d point components, %d expected and %d actual partials",
          what, names.length, x.length, expected.length, actual.length));
    }
    StringBuilder problems = new StringBuilder();
    for (int i = 0; i < x.length; i++) {
      if (!close(expected[i], actual[i], rtol, atol)) {
        problems.append(String.format(
            "%n  d/d%s: generated %s, %s %s (difference %.3g, allowed %.3g)",
            names[i], actual[i], against, expected[i], Math.abs(expected[i] - actual[i]),
            atol + rtol * Math.max(Math.abs(expected[i]), Math.abs(actual[i]))));
      }
    }
    if (problems.length() > 0) {
      fail(what + " at " + point(names, x) + ":" + problems);
    }
  }

  private static boolean close(double a, double b, double rtol, double atol) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return false;
    }
    if (a == b) {
      return true; // also equal infinities
    }
    return Math.abs(a - b) <= atol + rtol * Math.max(Math.abs(a), Math.abs(b));
  }

  private static double shifted(ToDoubleFunction<double[]> f, double[] x, int i, double h) {
    double[] y = x.clone();
    y[i] += h;
    return f.applyAsDouble(y);
  }

  private static String point(String[] names, double[] x) {
    StringBuilder s = new StringBuilder("(");
    for (int i = 0; i < x.length; i++) {
      String name = i < names.length ? names[i] : "?";
      s.append(i == 0 ? "" : ", ").append(name).append('=').append(x[i]);
    }
    return s.append(')').toString();
  }

  /**
   * One corpus method as a test case: its primal, an adapter that calls the generated gradient,
   * an optional exact gradient, and the points to check it at. Only the differentiated parameters
   * are components of a point; inactive arguments ({@code int}, {@code boolean}, receivers) are
   * fixed inside the lambdas.
   */
  public static final class Case {
    private final String method;
    private final String[] params;
    private ToDoubleFunction<double[]> primal;
    private Function<double[], double[]> generated;
    private Function<double[], double[]> exact;
    private final List<double[]> points = new ArrayList<>();

    private Case(String method, String[] params) {
      this.method = method;
      this.params = params;
    }

    /**
     * Starts a case.
     *
     * @param method the method's name (and fixed inactive arguments, if any) for messages
     * @param params the differentiated parameters, in the order of a point's components
     * @return the case
     */
    public static Case of(String method, String... params) {
      return new Case(method, params);
    }

    /**
     * Sets the method itself.
     *
     * @param f the primal, called with a point
     * @return this case
     */
    public Case primal(ToDoubleFunction<double[]> f) {
      this.primal = f;
      return this;
    }

    /**
     * Sets the generated gradient.
     *
     * @param g returns {@code {value, partial_0, partial_1, ...}} from the generated companion
     * @return this case
     */
    public Case generated(Function<double[], double[]> g) {
      this.generated = g;
      return this;
    }

    /**
     * Sets the exact gradient.
     *
     * @param d returns {@code {partial_0, partial_1, ...}}, written by hand
     * @return this case
     */
    public Case exact(Function<double[], double[]> d) {
      this.exact = d;
      return this;
    }

    /**
     * Adds a point to check at.
     *
     * @param point the values of the differentiated parameters
     * @return this case
     */
    public Case at(double... point) {
      points.add(point);
      return this;
    }

    /**
     * Checks the generated value against the primal, and the generated gradient against finite
     * differences and (when given) the exact gradient.
     *
     * @param point the point
     */
    public void check(double[] point) {
      Objects.requireNonNull(primal, "primal");
      Objects.requireNonNull(generated, "generated");
      double[] out = generated.apply(point.clone());
      if (out.length != params.length + 1) {
        fail(method + ": the adapter returned " + out.length + " numbers, expected value + "
            + params.length + " partials");
      }
      double[] grad = Arrays.copyOfRange(out, 1, out.length);
      assertClose(method + " value at " + point(params, point),
          primal.applyAsDouble(point.clone()), out[0]);
      assertMatchesFiniteDifferences(method, primal, point, grad, params);
      if (exact != null) {
        assertExactGradient(method, point, exact.apply(point.clone()), grad, params);
      }
    }

    /**
     * A label naming the method and the point.
     *
     * @param point the point
     * @return e.g. {@code f6(x=3.0, c=5.0)}
     */
    public String label(double[] point) {
      return method + point(params, point);
    }

    private Stream<Arguments> arguments() {
      if (points.isEmpty()) {
        throw new IllegalStateException(method + ": no points");
      }
      return points.stream().map(p -> Arguments.of(Named.of(label(p), this), p));
    }
  }

  /**
   * Every case at every one of its points, as arguments {@code (Case, double[] point)} for a
   * {@code @ParameterizedTest(name = "{0}")} that calls {@link Case#check}.
   *
   * @param cases the cases
   * @return the arguments
   */
  public static Stream<Arguments> arguments(Case... cases) {
    return Arrays.stream(cases).flatMap(Case::arguments);
  }
}
