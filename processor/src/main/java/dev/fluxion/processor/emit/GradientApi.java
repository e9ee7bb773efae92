package dev.fluxion.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.fluxion.processor.ir.ArrayType;
import dev.fluxion.processor.ir.IrType;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.lower.NameAllocator;
import dev.fluxion.processor.model.DifferentiableMethod;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes the public reverse-mode API of one method: the gradient holder and the three ways to
 * fill it (a new holder, a reused holder, an accumulating pullback). All three call the reverse
 * building block, so they agree by construction.
 */
final class GradientApi {
  private final DifferentiableMethod method;
  private final ClassName companion;
  private final ClassName holder;
  private final ApiParameters params;
  private final String seed;
  private final String into;
  private final String tape;
  private final String valueField;
  private final String tapeField;

  GradientApi(DifferentiableMethod method, ClassName companion) {
    this.method = method;
    this.companion = companion;
    this.holder = companion.nestedClass(method.holderName());
    this.params = new ApiParameters(method);
    this.seed = params.fresh("seed");
    this.into = params.fresh("into");
    this.tape = params.fresh("tape");
    Set<String> userNames = new HashSet<>();
    method.parameters().forEach(p -> userNames.add(p.name()));
    NameAllocator fields = new NameAllocator(userNames);
    this.valueField = fields.fresh("value");
    this.tapeField = fields.fresh("tape");
  }

  /** The holder class: value, one partial per differentiated parameter, and a reusable tape. */
  TypeSpec holder() {
    TypeSpec.Builder type = TypeSpec.classBuilder(holder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Value and gradient of {@code $L}. A holder is reusable and not thread-safe:\n"
            + "give each thread its own.\n", method.display())
        .addField(FieldSpec.builder(valueType(), valueField, Modifier.PRIVATE).build())
        .addField(FieldSpec.builder(CompanionWriter.TAPE, tapeField, Modifier.PRIVATE, Modifier.FINAL)
            .initializer("new $T()", CompanionWriter.TAPE).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("Creates a holder with value and partials 0.\n").build())
        .addMethod(MethodSpec.methodBuilder(valueField).addModifiers(Modifier.PUBLIC)
            .returns(valueType())
            .addJavadoc("The value of {@code $L}.\n\n@return the value\n", method.name())
            .addStatement("return $N", valueField).build());
    List<CodeBlock> shown = new ArrayList<>();
    shown.add(CodeBlock.of("$S + $L", valueField + "=", show(valueField, method.returnType())));
    for (DifferentiableMethod.Parameter p : method.differentiated()) {
      TypeName partialType = CodeWriter.type(p.type());
      boolean array = p.type() instanceof ArrayType;
      type.addField(FieldSpec.builder(partialType, p.name(), Modifier.PRIVATE).build());
      type.addMethod(MethodSpec.methodBuilder(p.name()).addModifiers(Modifier.PUBLIC)
          .returns(partialType)
          .addJavadoc(array
              ? CodeBlock.of("The partial derivatives ∂$L/∂$L, shaped like {@code $L}: the holder's own\n"
                  + "array, reused by the next call.\n\n@return the partial derivatives\n",
                  method.name(), p.name(), p.name())
              : CodeBlock.of("The partial derivative ∂$L/∂$L.\n\n@return the partial derivative\n",
                  method.name(), p.name()))
          .addStatement("return $N", p.name()).build());
      shown.add(CodeBlock.of("$S + $L", ", " + p.name() + "=", show(p.name(), p.type())));
    }
    type.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(String.class)
        .addStatement("return $S + $L + $S", method.holderName() + "{", CodeBlock.join(shown, " + "), "}")
        .build());
    return type.build();
  }

  /** {@code fGradient(args)}: value and gradient in a new holder. */
  MethodSpec gradient() {
    return MethodSpec.methodBuilder(method.gradientName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(holder)
        .addParameters(params.primal())
        .addJavadoc("Value and gradient of {@code $L} in a new holder.\n\n"
            + "@return a new holder with the value and every partial derivative\n", method.display())
        .addStatement("return $N($L)", method.gradientName(), arguments(CodeBlock.of("new $T()", holder)))
        .build();
  }

  /** {@code fGradient(args, into)}: the same, overwriting a caller-owned holder. */
  MethodSpec gradientInto() {
    MethodSpec.Builder spec = MethodSpec.methodBuilder(method.gradientName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(holder)
        .addParameters(params.primal())
        .addParameter(holder, into)
        .addJavadoc("Value and gradient of {@code $L}, <em>overwriting</em> {@code $L}. Reusing one\n"
            + "holder across calls allocates nothing.\n\n"
            + "@param $L the holder to overwrite\n@return {@code $L}\n",
            method.display(), into, into, into);
    for (DifferentiableMethod.Parameter p : method.differentiated()) {
      if (p.type() instanceof ArrayType) {
        spec.addStatement("$N.$N = $T.shaped($N.$N, $N)", into, p.name(), CompanionWriter.ADJOINTS,
            into, p.name(), p.name());
        spec.addStatement("$T.clear($N.$N)", CompanionWriter.ADJOINTS, into, p.name());
      } else {
        spec.addStatement("$N.$N = 0", into, p.name());
      }
    }
    return spec
        .addStatement("$N($L)", method.pullbackName(),
            arguments(CodeBlock.of("1.0"), CodeBlock.of("$N", into)))
        .addStatement("return $N", into)
        .build();
  }

  /** {@code fPullback(args, seed, into)}: the vector-Jacobian product, accumulating. */
  MethodSpec pullback() {
    MethodSpec.Builder spec = MethodSpec.methodBuilder(method.pullbackName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameters(params.primal())
        .addParameter(CodeWriter.type(method.returnType()), seed)
        .addParameter(holder, into)
        .addJavadoc("Vector-Jacobian product of {@code $L}: <em>adds</em> the $L-weighted\n"
            + "partial derivatives to the partials in {@code $L}, and overwrites its value. Array\n"
            + "arguments are left as they were, even where the method writes into them.\n\n"
            + "@param $L the weight of the result$L\n"
            + "@param $L the holder to add to\n", method.display(), seed, into, seed,
            method.hasArrayResult() ? ", shaped like it" : "", into);
    List<String> arrays = new ArrayList<>();
    for (DifferentiableMethod.Parameter p : method.parameters()) {
      if (p.type() instanceof ArrayType) {
        arrays.add(p.name());
      }
    }
    for (int i = 0; i < method.parameters().size(); i++) {
      String written = method.parameters().get(i).name();
      if (method.writes(i)) {
        for (String other : arrays) {
          if (!other.equals(written)) {
            spec.addStatement("$T.requireDistinct($N, $S, $N, $S)", CompanionWriter.ADJOINTS,
                written, written, other, other);
          }
        }
      }
    }
    for (DifferentiableMethod.Parameter p : method.differentiated()) {
      if (p.type() instanceof ArrayType) {
        spec.addStatement("$N.$N = $T.shaped($N.$N, $N)", into, p.name(), CompanionWriter.ADJOINTS,
            into, p.name(), p.name());
      }
    }
    // An array the method writes is handed to the reverse sweep with a zero adjoint of its own:
    // the sweep consumes the adjoint of the array's final state, which here is nothing.
    java.util.Map<String, String> scratch = new java.util.LinkedHashMap<>();
    for (int i = 0; i < method.parameters().size(); i++) {
      DifferentiableMethod.Parameter p = method.parameters().get(i);
      if (p.differentiated() && p.type() instanceof ArrayType && method.writes(i)) {
        String local = params.fresh(p.name() + "Bar");
        scratch.put(p.name(), local);
        spec.addStatement("$T $N = $T.zerosLike($N)", CodeWriter.type(p.type()), local,
            CompanionWriter.ADJOINTS, p.name());
      }
    }
    spec.addStatement("$T $N = $N.$N", CompanionWriter.TAPE, tape, into, tapeField)
        .addStatement("$N.clear()", tape)
        .addStatement("$N.$N = $N($L)", into, valueField, method.reverseName(),
            reverseArguments(scratch, CodeBlock.of("$N", seed), CodeBlock.of("$N", tape)));
    scratch.forEach((param, local) -> spec.addStatement("$T.addTo($N.$N, $N)",
        CompanionWriter.ADJOINTS, into, param, local));
    List<DifferentiableMethod.Parameter> partials = method.differentiated();
    for (int i = partials.size() - 1; i >= 0; i--) {
      if (partials.get(i).type() == Primitive.DOUBLE) {
        spec.addStatement("$N.$N += $N.popDouble()", into, partials.get(i).name(), tape);
      }
    }
    return spec.build();
  }

  /** The reverse building block's arguments: the primal ones, each differentiated array followed
   * by the holder's adjoint array, then {@code extra}. */
  private CodeBlock reverseArguments(java.util.Map<String, String> scratch, CodeBlock... extra) {
    return params.arguments(p -> !p.differentiated() || !(p.type() instanceof ArrayType) ? List.of()
        : List.of(scratch.containsKey(p.name()) ? CodeBlock.of("$N", scratch.get(p.name()))
            : CodeBlock.of("$N.$N", into, p.name())), extra);
  }

  private TypeName valueType() {
    return CodeWriter.type(method.returnType());
  }

  private static CodeBlock show(String field, IrType type) {
    if (type instanceof ArrayType a) {
      return CodeBlock.of("$T.$L($N)", java.util.Arrays.class,
          a.rank() == 1 ? "toString" : "deepToString", field);
    }
    return CodeBlock.of("$N", field);
  }

  /** The primal arguments, passed on by name, followed by {@code extra}. */
  private CodeBlock arguments(CodeBlock... extra) {
    return params.arguments(p -> List.of(), extra);
  }
}
