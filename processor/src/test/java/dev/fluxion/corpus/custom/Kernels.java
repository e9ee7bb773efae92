package dev.fluxion.corpus.custom;

import dev.fluxion.Pullback;
import dev.fluxion.Tangent;

/**
 * Functions over arrays that Fluxion does not look inside, with a pullback, a tangent and the
 * pullback's tangent registered beside them: the way a user plugs in a hand-written derivative.
 */
public final class Kernels {
  private Kernels() {}

  /** Σ wᵢ·xᵢ². */
  public static double weightedSquares(double[] w, double[] x) {
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += w[i] * x[i] * x[i];
    }
    return s;
  }

  /** w̄ᵢ += s·xᵢ², x̄ᵢ += 2s·wᵢxᵢ. */
  @Pullback(of = "weightedSquares")
  public static void weightedSquaresPullback(double[] w, double[] x, double seed, double[] wBar,
      double[] xBar) {
    for (int i = 0; i < w.length; i++) {
      wBar[i] += seed * x[i] * x[i];
      xBar[i] += 2 * seed * w[i] * x[i];
    }
  }

  /** Σ ẇᵢxᵢ² + 2wᵢxᵢẋᵢ. */
  @Tangent(of = "weightedSquares")
  public static double weightedSquaresTangent(double[] w, double[] wDot, double[] x,
      double[] xDot) {
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += wDot[i] * x[i] * x[i] + 2 * w[i] * x[i] * xDot[i];
    }
    return s;
  }

  /** The pullback's directional derivative, in its inputs w, x and the seed. */
  @Tangent(of = "weightedSquaresPullback")
  public static void weightedSquaresPullbackTangent(double[] w, double[] wDot, double[] x,
      double[] xDot, double seed, double seedDot, double[] wBar, double[] wBarDot, double[] xBar,
      double[] xBarDot) {
    for (int i = 0; i < w.length; i++) {
      wBarDot[i] += seedDot * x[i] * x[i] + 2 * seed * x[i] * xDot[i];
      xBarDot[i] += 2 * (seedDot * w[i] * x[i] + seed * wDot[i] * x[i] + seed * w[i] * xDot[i]);
    }
  }

  /** yᵢ = c·xᵢ + sin(xᵢ): a scalar and an array in, an array out. */
  public static double[] shift(double c, double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = c * x[i] + Math.sin(x[i]);
    }
    return y;
  }

  /** x̄ᵢ += ȳᵢ·(c + cos xᵢ); returns c̄ = Σ ȳᵢxᵢ. */
  @Pullback(of = "shift")
  public static double shiftPullback(double c, double[] x, double[] seed, double[] xBar) {
    double cBar = 0;
    for (int i = 0; i < x.length; i++) {
      xBar[i] += seed[i] * (c + Math.cos(x[i]));
      cBar += seed[i] * x[i];
    }
    return cBar;
  }

  /** ẏᵢ = ċ·xᵢ + (c + cos xᵢ)·ẋᵢ. */
  @Tangent(of = "shift")
  public static double[] shiftTangent(double c, double cDot, double[] x, double[] xDot) {
    double[] yDot = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      yDot[i] = cDot * x[i] + (c + Math.cos(x[i])) * xDot[i];
    }
    return yDot;
  }

  /** The pullback's directional derivative, in c, x and the seed. */
  @Tangent(of = "shiftPullback")
  public static double shiftPullbackTangent(double c, double cDot, double[] x, double[] xDot,
      double[] seed, double[] seedDot, double[] xBar, double[] xBarDot) {
    double cBarDot = 0;
    for (int i = 0; i < x.length; i++) {
      xBarDot[i] += seedDot[i] * (c + Math.cos(x[i])) + seed[i] * (cDot - Math.sin(x[i]) * xDot[i]);
      cBarDot += seedDot[i] * x[i] + seed[i] * xDot[i];
    }
    return cBarDot;
  }
}
