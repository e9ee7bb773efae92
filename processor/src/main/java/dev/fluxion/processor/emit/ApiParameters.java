package dev.fluxion.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import dev.fluxion.processor.lower.NameAllocator;
import dev.fluxion.processor.model.DifferentiableMethod;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parameters public API methods repeat from the user's method, and names for the generated
 * ones that cannot collide with them.
 */
final class ApiParameters {
  private final DifferentiableMethod method;
  private final NameAllocator names;
  private final String self;

  ApiParameters(DifferentiableMethod method) {
    this.method = method;
    Set<String> userNames = new HashSet<>();
    method.parameters().forEach(p -> userNames.add(p.name()));
    this.names = new NameAllocator(userNames);
    this.self = names.fresh("self");
  }

  /** A name no parameter has. */
  String fresh(String base) {
    return names.fresh(base);
  }

  /** The receiver (for instance methods) and the user's parameters. */
  List<ParameterSpec> primal() {
    List<ParameterSpec> params = new ArrayList<>();
    if (!method.isStatic()) {
      params.add(ParameterSpec.builder(TypeName.get(method.owner().type().mirror()), self).build());
    }
    for (DifferentiableMethod.Parameter p : method.parameters()) {
      params.add(ParameterSpec.builder(CodeWriter.type(p.type()), p.name()).build());
    }
    return params;
  }

  /** The receiver's name, for instance methods. */
  String self() {
    return self;
  }

  /**
   * Arguments for a building block: the receiver, then each parameter followed by what {@code
   * after} gives for it (nothing when it returns {@code null}), then {@code extra}.
   */
  CodeBlock arguments(java.util.function.Function<DifferentiableMethod.Parameter, List<CodeBlock>> after,
      CodeBlock... extra) {
    List<CodeBlock> args = new ArrayList<>();
    if (!method.isStatic()) {
      args.add(CodeBlock.of("$N", self));
    }
    for (DifferentiableMethod.Parameter p : method.parameters()) {
      args.add(CodeBlock.of("$N", p.name()));
      args.addAll(after.apply(p));
    }
    args.addAll(List.of(extra));
    return CodeBlock.join(args, ", ");
  }
}
