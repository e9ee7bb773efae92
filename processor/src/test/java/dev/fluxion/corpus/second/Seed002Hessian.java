package dev.fluxion.corpus.second;

import dev.fluxion.Differentiable;

/** Seed 002, task 6: a second derivative, of f(x) = xᵀ B x ‖x‖². */
public final class Seed002Hessian {

  private Seed002Hessian() {}

  /** f(x) = xᵀ B x · ‖x‖², differentiated in x; B is data. */
  @Differentiable(wrt = {"x"})
  public static double quarticForm(double[] x, double[][] B) {
    double form = 0;
    double squares = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        form += x[i] * B[i][j] * x[j];
      }
      squares += x[i] * x[i];
    }
    return form * squares;
  }
}
