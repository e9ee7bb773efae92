package dev.fluxion.corpus.scalar;

import dev.fluxion.Differentiable;

/**
 * {@code static final} constants and {@code final} instance fields, read as constants by static
 * and instance methods.
 */
public final class Constants {

  static final double SCALE = 2.5;
  static final double OFFSET = -0.75;
  static final int POWER = 3;
  static final long BIG = 10_000_000_000L;
  public static final double TWO_PI = 2 * Math.PI;

  final double weight;
  final double bias;
  final int degree;

  /**
   * A model whose fields are constants to every differentiable method.
   *
   * @param weight the weight
   * @param bias the bias
   * @param degree the degree
   */
  public Constants(double weight, double bias, int degree) {
    this.weight = weight;
    this.bias = bias;
    this.degree = degree;
  }

  /**
   * The weight (an ordinary method, not differentiable).
   *
   * @return the weight
   */
  public double weight() {
    return weight;
  }

  /**
   * The bias.
   *
   * @return the bias
   */
  public double bias() {
    return bias;
  }

  /**
   * The degree.
   *
   * @return the degree
   */
  public int degree() {
    return degree;
  }

  /** {@code SCALE x + OFFSET}; derivative 2.5. */
  @Differentiable
  public static double scaled(double x) {
    return SCALE * x + OFFSET;
  }

  /** {@code π x² + e x}: constants of another class; derivative {@code 2πx + e}. */
  @Differentiable
  public static double mathConstants(double x) {
    return Math.PI * x * x + Math.E * x;
  }

  /** {@code sin(2π x) + x^POWER / BIG}, constants qualified by their class. */
  @Differentiable
  public static double qualifiedConstants(double x) {
    return Math.sin(Constants.TWO_PI * x) + Math.pow(x, Constants.POWER) / BIG;
  }

  /** {@code weight x + bias}; derivative {@code weight}. */
  @Differentiable
  public double affine(double x) {
    return weight * x + bias;
  }

  /** {@code weight xy + bias y²} with fields read through {@code this}. */
  @Differentiable
  public double weighted(double x, double y) {
    return this.weight * x * y + this.bias * y * y;
  }

  /** {@code x^degree} when degree > 2, else {@code weight x}: an int field steering control. */
  @Differentiable
  public double fieldInBranch(double x) {
    if (degree > 2) {
      return Math.pow(x, degree);
    }
    return weight * x;
  }

  /** A local that shadows a field: {@code 2x · this.weight}; derivative {@code 2 weight}. */
  @Differentiable
  public double shadowedField(double x) {
    double weight = 2 * x;
    return weight * this.weight;
  }

  /** Fields mixed with static constants: {@code (weight x + SCALE)² + bias POWER}. */
  @Differentiable
  public double fieldsAndConstants(double x) {
    double u = weight * x + SCALE;
    return u * u + bias * POWER;
  }
}
