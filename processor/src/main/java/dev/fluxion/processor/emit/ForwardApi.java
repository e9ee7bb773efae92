package dev.fluxion.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.fluxion.processor.ir.ArrayType;
import dev.fluxion.processor.model.DifferentiableMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes the forward-mode API of one method: the directional derivative (a Jacobian-vector
 * product) with its holder, and, for {@code double[]} results, Jacobians by forward mode (one
 * column per input direction), by reverse mode (one row per output) and by whichever is cheaper.
 */
final class ForwardApi {
  private final DifferentiableMethod method;
  private final ClassName holder;
  private final ApiParameters params;
  private final Map<String, String> tangentNames = new LinkedHashMap<>();
  private final String into;
  private final String tape;

  ForwardApi(DifferentiableMethod method, ClassName companion) {
    this.method = method;
    this.holder = companion.nestedClass(tangentHolderName(method));
    this.params = new ApiParameters(method);
    for (DifferentiableMethod.Parameter p : method.differentiated()) {
      tangentNames.put(p.name(), params.fresh(p.name() + "Dot"));
    }
    this.into = params.fresh("into");
    this.tape = params.fresh("tape");
  }

  static String tangentHolderName(DifferentiableMethod method) {
    return method.holderName().replaceFirst("Gradient$", "Tangent");
  }

  private TypeName resultType() {
    return CodeWriter.type(method.returnType());
  }

  /** The holder: the value and the directional derivative, shaped like the result. */
  TypeSpec holder() {
    return TypeSpec.classBuilder(holder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Value and directional derivative of {@code $L}. Reusable; not thread-safe.\n",
            method.display())
        .addField(FieldSpec.builder(resultType(), "value", Modifier.PRIVATE).build())
        .addField(FieldSpec.builder(resultType(), "tangent", Modifier.PRIVATE).build())
        .addField(FieldSpec.builder(CompanionWriter.TAPE, "tape", Modifier.PRIVATE, Modifier.FINAL)
            .initializer("new $T()", CompanionWriter.TAPE).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("Creates an empty holder.\n").build())
        .addMethod(MethodSpec.methodBuilder("value").addModifiers(Modifier.PUBLIC)
            .returns(resultType())
            .addJavadoc("The value of {@code $L}.\n\n@return the value\n", method.name())
            .addStatement("return value").build())
        .addMethod(MethodSpec.methodBuilder("tangent").addModifiers(Modifier.PUBLIC)
            .returns(resultType())
            .addJavadoc("The directional derivative: the Jacobian times the tangents passed in.\n\n"
                + "@return the directional derivative, shaped like the value\n")
            .addStatement("return tangent").build())
        .build();
  }

  /** {@code fTangent(args, tangents)}: value and directional derivative in a new holder. */
  MethodSpec tangent() {
    return MethodSpec.methodBuilder(method.name() + "Tangent")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(holder)
        .addParameters(params.primal())
        .addParameters(tangentParameters())
        .addJavadoc("Value and directional derivative of {@code $L} along the given tangents (one\n"
            + "per differentiated parameter, shaped like it), by forward mode.\n\n"
            + "@return a new holder\n", method.display())
        .addStatement("return $N($L)", method.name() + "Tangent",
            CodeBlock.join(List.of(primalAndTangentNames(), CodeBlock.of("new $T()", holder)), ", "))
        .build();
  }

  /** {@code fTangent(args, tangents, into)}: the same, overwriting a holder. */
  MethodSpec tangentInto() {
    return MethodSpec.methodBuilder(method.name() + "Tangent")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(holder)
        .addParameters(params.primal())
        .addParameters(tangentParameters())
        .addParameter(holder, into)
        .addJavadoc("Value and directional derivative of {@code $L}, <em>overwriting</em>\n"
            + "{@code $L}; allocates nothing beyond what the method itself allocates.\n\n"
            + "@param $L the holder to overwrite\n@return {@code $L}\n",
            method.display(), into, into, into)
        .addStatement("$T $N = $N.tape", CompanionWriter.TAPE, tape, into)
        .addStatement("$N.clear()", tape)
        .addStatement("$N.value = $N($L)", into, method.forwardName(),
            forwardArguments(CodeBlock.of("$N", tape)))
        .addStatement("$N.tangent = $N.$L()", into, tape, method.hasArrayResult() ? "popRef" : "popDouble")
        .addStatement("return $N", into)
        .build();
  }

  /**
   * The forward block's arguments: each parameter followed by its tangent, then {@code tape}. An
   * array the method writes is passed as a copy (and so is its tangent), so that forward-mode
   * calls, like every generated call, leave the caller's arrays as they were.
   */
  private CodeBlock forwardArguments(CodeBlock tapeArgument) {
    List<CodeBlock> args = new ArrayList<>();
    if (!method.isStatic()) {
      args.add(CodeBlock.of("$N", params.self()));
    }
    List<DifferentiableMethod.Parameter> ps = method.parameters();
    for (int i = 0; i < ps.size(); i++) {
      DifferentiableMethod.Parameter p = ps.get(i);
      args.add(copyIfWritten(i, p.name()));
      if (p.differentiated()) {
        args.add(copyIfWritten(i, tangentNames.get(p.name())));
      }
    }
    args.add(tapeArgument);
    return CodeBlock.join(args, ", ");
  }

  private CodeBlock copyIfWritten(int index, String name) {
    return method.writes(index)
        ? CodeBlock.of("$T.copyOf($N)", CompanionWriter.ADJOINTS, name)
        : CodeBlock.of("$N", name);
  }

  private List<ParameterSpec> tangentParameters() {
    List<ParameterSpec> specs = new ArrayList<>();
    for (DifferentiableMethod.Parameter p : method.differentiated()) {
      specs.add(ParameterSpec.builder(CodeWriter.type(p.type()), tangentNames.get(p.name())).build());
    }
    return specs;
  }

  private CodeBlock primalAndTangentNames() {
    List<CodeBlock> names = new ArrayList<>();
    if (!method.isStatic()) {
      names.add(CodeBlock.of("$N", params.self()));
    }
    method.parameters().forEach(p -> names.add(CodeBlock.of("$N", p.name())));
    tangentNames.values().forEach(n -> names.add(CodeBlock.of("$N", n)));
    return CodeBlock.join(names, ", ");
  }

  // ---- Jacobians ----

  /** Whether Jacobians are generated: a {@code double[]} result and a flat layout. */
  static boolean hasJacobian(DifferentiableMethod method) {
    return method.returnType() == ArrayType.VECTOR && FlatLayout.of(method) != null;
  }

  /** The three Jacobian methods. */
  List<MethodSpec> jacobians() {
    FlatLayout layout = FlatLayout.of(method);
    return List.of(jacobianForward(layout), jacobianReverse(layout), jacobianChoosing(layout));
  }

  private static final TypeName MATRIX = ArrayTypeName.of(ArrayTypeName.of(TypeName.DOUBLE));

  private MethodSpec jacobianForward(FlatLayout layout) {
    String k = params.fresh("k");
    String i = params.fresh("i");
    String n = params.fresh("n");
    String column = params.fresh("column");
    String jacobian = params.fresh("jacobian");
    MethodSpec.Builder spec = MethodSpec.methodBuilder(method.name() + "JacobianForward")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(MATRIX)
        .addParameters(params.primal())
        .addJavadoc("The Jacobian of {@code $L} by forward mode, one column per input: entry\n"
            + "{@code [i][k]} is ∂result[i]/∂input[k], the inputs being the differentiated\n"
            + "parameters laid end to end. Costs one forward sweep per input.\n\n"
            + "@return a new m × n matrix\n", method.display())
        .addStatement("$T $N = new $T()", CompanionWriter.TAPE, tape, CompanionWriter.TAPE)
        .addStatement("int $N = $L", n, layout.size());
    declareTangents(layout, spec);
    spec.addStatement("$T $N = null", MATRIX, jacobian)
        .beginControlFlow("for (int $N = 0; $N < $N; $N++)", k, k, n, k);
    setUnit(layout, spec, k, true);
    spec.addStatement("$N($L)", method.forwardName(), forwardArguments(CodeBlock.of("$N", tape)));
    spec.addStatement("double[] $N = $N.popRef()", column, tape)
        .beginControlFlow("if ($N == null)", jacobian)
        .addStatement("$N = new double[$N.length][$N]", jacobian, column, n)
        .endControlFlow()
        .beginControlFlow("for (int $N = 0; $N < $N.length; $N++)", i, i, column, i)
        .addStatement("$N[$N][$N] = $N[$N]", jacobian, i, k, column, i)
        .endControlFlow();
    setUnit(layout, spec, k, false);
    spec.endControlFlow();
    return spec.addStatement("return $N == null ? new double[0][0] : $N", jacobian, jacobian).build();
  }

  private MethodSpec jacobianReverse(FlatLayout layout) {
    String i = params.fresh("i");
    String j = params.fresh("j");
    String n = params.fresh("n");
    String seed = params.fresh("seed");
    String jacobian = params.fresh("jacobian");
    MethodSpec.Builder spec = MethodSpec.methodBuilder(method.name() + "JacobianReverse")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(MATRIX)
        .addParameters(params.primal())
        .addJavadoc("The Jacobian of {@code $L} by reverse mode, one row per output. Costs one\n"
            + "forward evaluation, then one reverse sweep per output.\n\n"
            + "@return a new m × n matrix, as {@link #$L}\n", method.display(),
            method.name() + "JacobianForward")
        .addStatement("$T $N = new $T()", CompanionWriter.TAPE, tape, CompanionWriter.TAPE)
        .addStatement("int $N = $L", n, layout.size());
    declareTangents(layout, spec);
    spec.addStatement("$N($L)", method.forwardName(), forwardArguments(CodeBlock.of("$N", tape)));
    spec.addStatement("double[] $N = new double[$N.<double[]>popRef().length]", seed, tape)
        .addStatement("double[][] $N = new double[$N.length][$N]", jacobian, seed, n);
    Map<String, String> adjoints = new LinkedHashMap<>();
    for (DifferentiableMethod.Parameter p : layout.parameters()) {
      if (FlatLayout.isArray(p)) {
        String bar = params.fresh(p.name() + "Bar");
        adjoints.put(p.name(), bar);
        spec.addStatement("double[] $N = new double[$N.length]", bar, p.name());
      }
    }
    spec.beginControlFlow("for (int $N = 0; $N < $N.length; $N++)", i, i, seed, i)
        .addStatement("$N[$N] = 1", seed, i);
    adjoints.values().forEach(bar -> spec.addStatement("$T.clear($N)", CompanionWriter.ADJOINTS, bar));
    spec.addStatement("$N($L)", method.reverseName(), params.arguments(p -> p.differentiated()
            && FlatLayout.isArray(p) ? List.of(CodeBlock.of("$N", adjoints.get(p.name()))) : List.of(),
        CodeBlock.of("$N", seed), CodeBlock.of("$N", tape)));
    List<DifferentiableMethod.Parameter> ps = layout.parameters();
    for (int q = ps.size() - 1; q >= 0; q--) {
      if (!FlatLayout.isArray(ps.get(q))) {
        spec.addStatement("$N[$N][$L] = $N.popDouble()", jacobian, i, layout.offset(q), tape);
      }
    }
    for (int q = 0; q < ps.size(); q++) {
      if (FlatLayout.isArray(ps.get(q))) {
        spec.addStatement("$T.arraycopy($N, 0, $N[$N], $L, $N.length)", System.class,
            adjoints.get(ps.get(q).name()), jacobian, i, layout.offset(q), ps.get(q).name());
      }
    }
    spec.addStatement("$N[$N] = 0", seed, i).endControlFlow();
    return spec.addStatement("return $N", jacobian).build();
  }

  private MethodSpec jacobianChoosing(FlatLayout layout) {
    String n = params.fresh("n");
    String m = params.fresh("m");
    MethodSpec.Builder spec = MethodSpec.methodBuilder(method.name() + "Jacobian")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(MATRIX)
        .addParameters(params.primal())
        .addJavadoc("The Jacobian of {@code $L}, by forward mode when there are no more inputs than\n"
            + "outputs and by reverse mode otherwise (the cheaper of {@link #$L} and {@link #$L}).\n\n"
            + "@return a new m × n matrix\n", method.display(), method.name() + "JacobianForward",
            method.name() + "JacobianReverse")
        .addStatement("int $N = $L", n, layout.size());
    declareTangents(layout, spec);
    spec.addStatement("int $N = $N($L).length", m, method.forwardName(),
        forwardArguments(CodeBlock.of("new $T()", CompanionWriter.TAPE)));
    CodeBlock args = params.arguments(p -> List.of());
    return spec.addStatement("return $N <= $N ? $N($L) : $N($L)", n, m,
        method.name() + "JacobianForward", args, method.name() + "JacobianReverse", args).build();
  }

  /** Zero tangents for every differentiated parameter: arrays shaped like their arguments. */
  private void declareTangents(FlatLayout layout, MethodSpec.Builder spec) {
    for (DifferentiableMethod.Parameter p : layout.parameters()) {
      if (FlatLayout.isArray(p)) {
        spec.addStatement("double[] $N = new double[$N.length]", tangentNames.get(p.name()), p.name());
      } else {
        spec.addStatement("double $N = 0", tangentNames.get(p.name()));
      }
    }
  }

  /** Sets (or clears) the tangent of flat input {@code k}. */
  private void setUnit(FlatLayout layout, MethodSpec.Builder spec, String k, boolean set) {
    List<DifferentiableMethod.Parameter> ps = layout.parameters();
    for (int q = 0; q < ps.size(); q++) {
      DifferentiableMethod.Parameter p = ps.get(q);
      CodeBlock offset = layout.offset(q);
      String dot = tangentNames.get(p.name());
      if (FlatLayout.isArray(p)) {
        spec.beginControlFlow("if ($N >= $L && $N < $L + $N.length)", k, offset, k, offset, p.name())
            .addStatement("$N[$N - ($L)] = $L", dot, k, offset, set ? 1 : 0)
            .endControlFlow();
      } else {
        spec.addStatement("$N = $N == $L ? $L : 0", dot, k, offset, set ? 1 : 0);
      }
    }
  }
}
