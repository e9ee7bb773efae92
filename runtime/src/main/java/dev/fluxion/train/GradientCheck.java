package dev.fluxion.train;

import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Checks a gradient against central finite differences, component by component, and reports the
 * worst one. For a method of your own and its generated gradient:
 *
 * <pre>{@code
 * var report = GradientCheck.check(w -> Model.loss(w, x, y), w,
 *     ModelDerivatives.lossGradient(w, x, y).w());
 * if (!report.passed()) {
 *   throw new AssertionError(report);   // names the worst component and both values
 * }
 * }</pre>
 *
 * <p>Component i is differenced with the step {@code h = step * max(1, |x_i|)}: {@code (f(x + h
 * e_i) - f(x - h e_i)) / 2h}. Its error is {@code |analytic - numeric| / max(1, |analytic|,
 * |numeric|)}: relative for components larger than 1 in magnitude, absolute below, so that
 * components near 0 do not fail on rounding noise. The check passes when every component's error
 * is at most the tolerance.
 *
 * <p>The defaults, a step of {@value #DEFAULT_STEP} and a tolerance of {@value
 * #DEFAULT_TOLERANCE}, suit smooth functions of moderate size: a central difference then errs by
 * about 1e-11·|f| from rounding plus 2e-11·|f'''| from truncation, far inside the tolerance for
 * values of f up to 10⁴. A function with kinks (abs, max, branches) can fail where a kink lies
 * within a step of the point; move the point, or shrink the step.
 */
public final class GradientCheck {

  /** The default step, relative to the component's magnitude when that is above 1. */
  public static final double DEFAULT_STEP = 1e-5;

  /** The default tolerance on a component's error. */
  public static final double DEFAULT_TOLERANCE = 1e-6;

  private final double step;

  private final double tolerance;

  private GradientCheck(double step, double tolerance) {
    if (!(step > 0 && step < 1)) {
      throw new IllegalArgumentException("step must be in (0, 1), got " + step);
    }
    if (!(tolerance > 0 && tolerance < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("tolerance must be positive and finite, got " + tolerance);
    }
    this.step = step;
    this.tolerance = tolerance;
  }

  /**
   * A check with the default step and tolerance.
   *
   * @return the check
   */
  public static GradientCheck withDefaults() {
    return new GradientCheck(DEFAULT_STEP, DEFAULT_TOLERANCE);
  }

  /**
   * A check like this one with another step.
   *
   * @param step the difference step, relative to a component's magnitude above 1, in (0, 1)
   * @return the new check
   */
  public GradientCheck withStep(double step) {
    return new GradientCheck(step, tolerance);
  }

  /**
   * A check like this one with another tolerance.
   *
   * @param tolerance the largest error a component may have, positive
   * @return the new check
   */
  public GradientCheck withTolerance(double tolerance) {
    return new GradientCheck(step, tolerance);
  }

  /**
   * Checks a gradient with the default step and tolerance.
   *
   * @param f the function; it must not keep or change the array it is given
   * @param x the point, left unchanged
   * @param gradient the gradient of {@code f} at {@code x} to check, as long as {@code x}
   * @return the report on the worst component
   */
  public static Report check(ToDoubleFunction<double[]> f, double[] x, double[] gradient) {
    return withDefaults().compare(f, x, gradient);
  }

  /**
   * Checks a gradient against central differences of {@code f} at {@code x}.
   *
   * @param f the function; it must not keep or change the array it is given
   * @param x the point, left unchanged
   * @param gradient the gradient of {@code f} at {@code x} to check, as long as {@code x}
   * @return the report on the worst component
   */
  public Report compare(ToDoubleFunction<double[]> f, double[] x, double[] gradient) {
    if (gradient.length != x.length) {
      throw new IllegalArgumentException(
          "x has " + x.length + " components but gradient has " + gradient.length);
    }
    if (x.length == 0) {
      throw new IllegalArgumentException("x has no components");
    }
    double[] numeric = numericGradient(f, x);
    int worst = 0;
    double worstError = -1;
    for (int i = 0; i < x.length; i++) {
      double error = error(gradient[i], numeric[i]);
      if (Double.isNaN(error)) {
        return new Report(x.length, i, gradient[i], numeric[i], error, tolerance);
      }
      if (error > worstError) {
        worst = i;
        worstError = error;
      }
    }
    return new Report(x.length, worst, gradient[worst], numeric[worst], worstError, tolerance);
  }

  /**
   * The gradient of {@code f} at {@code x} by central differences, with this check's step.
   *
   * @param f the function; it must not keep or change the array it is given
   * @param x the point, left unchanged
   * @return the differences, one per component
   */
  public double[] numericGradient(ToDoubleFunction<double[]> f, double[] x) {
    Objects.requireNonNull(f, "f");
    double[] point = x.clone();
    double[] numeric = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double h = step * Math.max(1, Math.abs(x[i]));
      double above = x[i] + h;
      double below = x[i] - h;
      point[i] = above;
      double fAbove = f.applyAsDouble(point);
      point[i] = below;
      double fBelow = f.applyAsDouble(point);
      point[i] = x[i];
      // The distance between the two points as they are represented, not 2h.
      numeric[i] = (fAbove - fBelow) / (above - below);
    }
    return numeric;
  }

  /**
   * The error of one component: |analytic − numeric| / max(1, |analytic|, |numeric|).
   *
   * @param analytic the gradient's component
   * @param numeric the finite difference
   * @return the error, NaN if either is NaN
   */
  static double error(double analytic, double numeric) {
    double scale = Math.max(1, Math.max(Math.abs(analytic), Math.abs(numeric)));
    return Math.abs(analytic - numeric) / scale;
  }

  /**
   * The outcome of a check: the component whose error is largest (the first NaN, if any).
   *
   * @param components how many components were compared
   * @param worstIndex the index of the worst component
   * @param analytic the checked gradient there
   * @param numeric the central difference there
   * @param error its error, |analytic − numeric| / max(1, |analytic|, |numeric|)
   * @param tolerance the largest error that passes
   */
  public record Report(
      int components, int worstIndex, double analytic, double numeric, double error,
      double tolerance) {

    /**
     * Whether every component is within the tolerance.
     *
     * @return true if the worst error is at most the tolerance (false if it is NaN)
     */
    public boolean passed() {
      return error <= tolerance;
    }

    /**
     * One line for a log or an assertion message, for example {@code gradient check passed: 3
     * components, worst at index 1: analytic 2.0, numeric 2.0000000000287557, error 1.4e-11
     * (tolerance 1.0e-06)}.
     *
     * @return the report as a sentence
     */
    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "gradient check %s: %d component%s, worst at index %d: analytic %s, numeric %s,"
              + " error %.1e (tolerance %.1e)",
          passed() ? "passed" : "FAILED", components, components == 1 ? "" : "s", worstIndex,
          analytic, numeric, error, tolerance);
    }
  }
}
