package dev.fluxion.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.fluxion.processor.ir.ArrayType;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.model.DifferentiableMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * The differentiated parameters of a method laid end to end as one vector, for Jacobians and
 * Hessians: in declaration order, a {@code double} takes one slot and a {@code double[]} one slot
 * per element. Methods that differentiate a {@code double[][]} have no flat layout (their
 * Jacobians and Hessians are not generated).
 */
final class FlatLayout {
  private final List<DifferentiableMethod.Parameter> parameters;

  private FlatLayout(List<DifferentiableMethod.Parameter> parameters) {
    this.parameters = parameters;
  }

  /** The layout, or {@code null} when a differentiated parameter is a matrix. */
  static FlatLayout of(DifferentiableMethod method) {
    List<DifferentiableMethod.Parameter> differentiated = method.differentiated();
    for (DifferentiableMethod.Parameter p : differentiated) {
      if (p.type() != Primitive.DOUBLE && p.type() != ArrayType.VECTOR) {
        return null;
      }
    }
    return differentiated.isEmpty() ? null : new FlatLayout(differentiated);
  }

  List<DifferentiableMethod.Parameter> parameters() {
    return parameters;
  }

  static boolean isArray(DifferentiableMethod.Parameter p) {
    return p.type() instanceof ArrayType;
  }

  /** The vector's length, as an expression of the arguments: {@code x.length + 1}. */
  CodeBlock size() {
    return offset(parameters.size());
  }

  /** Where parameter {@code index} starts, as an expression: the sizes of those before it. */
  CodeBlock offset(int index) {
    List<CodeBlock> terms = new ArrayList<>();
    int scalars = 0;
    for (int i = 0; i < index; i++) {
      DifferentiableMethod.Parameter p = parameters.get(i);
      if (isArray(p)) {
        terms.add(CodeBlock.of("$N.length", p.name()));
      } else {
        scalars++;
      }
    }
    if (scalars > 0 || terms.isEmpty()) {
      terms.add(CodeBlock.of("$L", scalars));
    }
    return CodeBlock.join(terms, " + ");
  }
}
