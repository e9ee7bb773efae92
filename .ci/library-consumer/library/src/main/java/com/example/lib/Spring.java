package com.example.lib;

import dev.fluxion.Differentiable;

/** An instance method: the receiver's field is a constant. */
public final class Spring {
  final double stiffness;

  public Spring(double stiffness) {
    this.stiffness = stiffness;
  }

  /** The energy ½·k·x² of an extension x. */
  @Differentiable
  public double energy(double x) {
    return 0.5 * stiffness * x * x;
  }
}
