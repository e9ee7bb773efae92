package dev.fluxion.processor.transform;

import dev.fluxion.processor.ir.ArrayType;
import dev.fluxion.processor.model.DifferentiableMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameter lists of generated building blocks, worked out from a method's descriptor alone,
 * so that a method's own generated code and every caller (compiled now or later) agree.
 */
public final class Signatures {
  private Signatures() {}

  /**
   * For each parameter of the reverse block ({@code [self], p₁, [p̄₁], …, seed, tape}), whether
   * the reverse-forward block gives it a tangent: differentiated parameters, adjoint arrays and
   * the seed do; data, the receiver and the tape do not.
   *
   * @param method the method
   * @return one flag per reverse-block parameter
   */
  public static List<Boolean> reverseTangents(DifferentiableMethod method) {
    List<Boolean> flags = new ArrayList<>();
    if (!method.isStatic()) {
      flags.add(false);
    }
    for (DifferentiableMethod.Parameter p : method.parameters()) {
      flags.add(p.differentiated());
      if (p.differentiated() && p.type() instanceof ArrayType) {
        flags.add(true);
      }
    }
    flags.add(true);
    flags.add(false);
    return flags;
  }
}
