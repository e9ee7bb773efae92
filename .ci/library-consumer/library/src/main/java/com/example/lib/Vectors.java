package com.example.lib;

import dev.fluxion.Differentiable;

/** Vector functions with array arguments and an array result. */
public final class Vectors {
  private Vectors() {}

  /** The dot product a·b. */
  @Differentiable
  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** The squared Euclidean norm. */
  @Differentiable
  public static double squaredNorm(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v * v;
    }
    return s;
  }

  /** tanh of every element, a new array. */
  @Differentiable
  public static double[] tanhAll(double[] a) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = Math.tanh(a[i]);
    }
    return r;
  }
}
