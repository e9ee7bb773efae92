package dev.fluxion.bench;

/** The ways a benchmark case computes its objective or its derivative; the TSV's tool column. */
public enum Tool {
  /** The objective alone: the reference time for every ratio. */
  OBJECTIVE("objective"),
  /** Fluxion's reverse mode, the allocation-free into-form ({@code fGradient(args…, into)}). */
  FLUXION_REVERSE("fluxion-reverse"),
  /** Fluxion's forward mode (one tangent sweep per input direction), on small inputs. */
  FLUXION_FORWARD("fluxion-forward"),
  /** A hand-written Java gradient (or Jacobian), written for this module. */
  HAND("hand"),
  /** Central finite differences on the objective, step scaled to each input. */
  FINITE_DIFFERENCES("finite-differences"),
  /** Hipparchus {@code Gradient} or {@code DerivativeStructure}: forward mode by overloading. */
  HIPPARCHUS("hipparchus");

  private final String label;

  Tool(String label) {
    this.label = label;
  }

  /** The name in the TSV and on the command line. */
  public String label() {
    return label;
  }

  /** The tool of that label. */
  public static Tool of(String label) {
    for (Tool t : values()) {
      if (t.label.equals(label)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no tool named " + label);
  }
}
