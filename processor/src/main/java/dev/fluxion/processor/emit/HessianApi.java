package dev.fluxion.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.model.DifferentiableMethod;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the second-order API of a scalar method: Hessian-vector products by forward over
 * reverse, and the full Hessian from one product per input. Inputs are the differentiated
 * parameters laid end to end ({@link FlatLayout}). The holder keeps the tape and the scratch
 * arrays, so its into-forms allocate nothing once warm.
 */
final class HessianApi {
  private static final TypeName VECTOR = ArrayTypeName.of(TypeName.DOUBLE);
  private static final TypeName MATRIX = ArrayTypeName.of(VECTOR);

  private final DifferentiableMethod method;
  private final FlatLayout layout;
  private final ClassName holder;
  private final ApiParameters params;
  private final String direction;
  private final String into;

  HessianApi(DifferentiableMethod method, ClassName companion) {
    this.method = method;
    this.layout = FlatLayout.of(method);
    this.holder = companion.nestedClass(method.holderName().replaceFirst("Gradient$", "Hessian"));
    this.params = new ApiParameters(method);
    this.direction = params.fresh("direction");
    this.into = params.fresh("into");
  }

  /** Whether second-order methods are generated: a scalar result and a flat layout. */
  static boolean applies(DifferentiableMethod method) {
    return method.returnType() == Primitive.DOUBLE && FlatLayout.of(method) != null;
  }

  /** The holder: value, gradient, the last Hessian-vector product and the Hessian. */
  TypeSpec holder() {
    TypeSpec.Builder type = TypeSpec.classBuilder(holder)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Value, gradient and second derivatives of {@code $L}, over the differentiated\n"
            + "parameters laid end to end. Reusable; not thread-safe.\n", method.display())
        .addField(FieldSpec.builder(TypeName.DOUBLE, "value", Modifier.PRIVATE).build())
        .addField(FieldSpec.builder(VECTOR, "gradient", Modifier.PRIVATE).build())
        .addField(FieldSpec.builder(VECTOR, "hessianVectorProduct", Modifier.PRIVATE).build())
        .addField(FieldSpec.builder(MATRIX, "hessian", Modifier.PRIVATE).build())
        .addField(FieldSpec.builder(VECTOR, "unit", Modifier.PRIVATE).build())
        .addField(FieldSpec.builder(CompanionWriter.TAPE, "tape", Modifier.PRIVATE, Modifier.FINAL)
            .initializer("new $T()", CompanionWriter.TAPE).build());
    for (DifferentiableMethod.Parameter p : layout.parameters()) {
      if (FlatLayout.isArray(p)) {
        for (String suffix : List.of("Dot", "Bar", "BarDot")) {
          type.addField(FieldSpec.builder(VECTOR, p.name() + suffix, Modifier.PRIVATE).build());
        }
      }
    }
    return type
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("Creates an empty holder.\n").build())
        .addMethod(getter("value", TypeName.DOUBLE, "The value."))
        .addMethod(getter("gradient", VECTOR, "The gradient, over the inputs laid end to end."))
        .addMethod(getter("hessianVectorProduct", VECTOR,
            "The Hessian times the direction of the last product computed."))
        .addMethod(getter("hessian", MATRIX,
            "The Hessian, after a Hessian call: symmetric up to rounding."))
        .build();
  }

  private static MethodSpec getter(String name, TypeName type, String doc) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(type)
        .addJavadoc("$L\n\n@return the $L (the holder's own storage)\n", doc, name)
        .addStatement("return $N", name).build();
  }

  /** All public second-order methods and the private worker. */
  List<MethodSpec> methods() {
    String hvp = method.name() + "HessianVectorProduct";
    String hessian = method.name() + "Hessian";
    MethodSpec fresh = MethodSpec.methodBuilder(hvp)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(holder)
        .addParameters(params.primal()).addParameter(VECTOR, direction)
        .addJavadoc("The Hessian of {@code $L} times {@code $L} (forward over reverse: about the\n"
            + "cost of two gradients), with the value and gradient, in a new holder.\n\n"
            + "@param $L the direction, over the inputs laid end to end\n@return a new holder\n",
            method.display(), direction, direction)
        .addStatement("return $N($L)", hvp,
            params.arguments(p -> List.of(), CodeBlock.of("$N", direction), CodeBlock.of("new $T()", holder)))
        .build();
    MethodSpec reuse = MethodSpec.methodBuilder(hvp)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(holder)
        .addParameters(params.primal()).addParameter(VECTOR, direction).addParameter(holder, into)
        .addJavadoc("The same, <em>overwriting</em> {@code $L}.\n\n@param $L the direction\n"
            + "@param $L the holder to overwrite\n@return {@code $L}\n", into, direction, into, into)
        .addStatement("$N.hessianVectorProduct = $T.ofLength($N.hessianVectorProduct, $L)", into,
            CompanionWriter.ADJOINTS, into, layout.size())
        .addStatement("$N($L)", worker(), params.arguments(p -> List.of(),
            CodeBlock.of("$N", direction), CodeBlock.of("$N", into),
            CodeBlock.of("$N.hessianVectorProduct", into)))
        .addStatement("return $N", into).build();
    String k = params.fresh("k");
    String n = params.fresh("n");
    MethodSpec full = MethodSpec.methodBuilder(hessian)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(holder)
        .addParameters(params.primal())
        .addJavadoc("The Hessian of {@code $L}, one Hessian-vector product per input, with the\n"
            + "value and gradient, in a new holder.\n\n@return a new holder\n", method.display())
        .addStatement("return $N($L)", hessian,
            params.arguments(p -> List.of(), CodeBlock.of("new $T()", holder)))
        .build();
    MethodSpec fullReuse = MethodSpec.methodBuilder(hessian)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(holder)
        .addParameters(params.primal()).addParameter(holder, into)
        .addJavadoc("The same, <em>overwriting</em> {@code $L}.\n\n@param $L the holder to overwrite\n"
            + "@return {@code $L}\n", into, into, into)
        .addStatement("int $N = $L", n, layout.size())
        .beginControlFlow("if ($N.hessian == null || $N.hessian.length != $N)", into, into, n)
        .addStatement("$N.hessian = new double[$N][$N]", into, n, n)
        .endControlFlow()
        .addStatement("$N.unit = $T.ofLength($N.unit, $N)", into, CompanionWriter.ADJOINTS, into, n)
        .beginControlFlow("for (int $N = 0; $N < $N; $N++)", k, k, n, k)
        .addStatement("$N.unit[$N] = 1", into, k)
        .addStatement("$N($L)", worker(), params.arguments(p -> List.of(),
            CodeBlock.of("$N.unit", into), CodeBlock.of("$N", into), CodeBlock.of("$N.hessian[$N]", into, k)))
        .addStatement("$N.unit[$N] = 0", into, k)
        .endControlFlow()
        .addStatement("return $N", into).build();
    return List.of(fresh, reuse, full, fullReuse, workerMethod());
  }

  private String worker() {
    return method.name() + "SecondOrder";
  }

  /** One forward-over-reverse sweep: value and gradient into the holder, H·direction into out. */
  private MethodSpec workerMethod() {
    String out = params.fresh("out");
    String tape = params.fresh("tape");
    MethodSpec.Builder spec = MethodSpec.methodBuilder(worker())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameters(params.primal()).addParameter(VECTOR, direction).addParameter(holder, into)
        .addParameter(VECTOR, out)
        .addStatement("$N.gradient = $T.ofLength($N.gradient, $L)", into, CompanionWriter.ADJOINTS,
            into, layout.size());
    List<DifferentiableMethod.Parameter> ps = layout.parameters();
    for (int q = 0; q < ps.size(); q++) {
      DifferentiableMethod.Parameter p = ps.get(q);
      if (FlatLayout.isArray(p)) {
        for (String suffix : List.of("Dot", "Bar", "BarDot")) {
          spec.addStatement("$N.$N = $T.ofLength($N.$N, $N.length)", into, p.name() + suffix,
              CompanionWriter.ADJOINTS, into, p.name() + suffix, p.name());
        }
        spec.addStatement("$T.arraycopy($N, $L, $N.$N, 0, $N.length)", System.class, direction,
            layout.offset(q), into, p.name() + "Dot", p.name());
        spec.addStatement("$T.clear($N.$N)", CompanionWriter.ADJOINTS, into, p.name() + "Bar");
        spec.addStatement("$T.clear($N.$N)", CompanionWriter.ADJOINTS, into, p.name() + "BarDot");
      }
    }
    spec.addStatement("$T $N = $N.tape", CompanionWriter.TAPE, tape, into)
        .addStatement("$N.clear()", tape);
    List<CodeBlock> scalarDirection = new java.util.ArrayList<>();
    spec.addStatement("$N.value = $N($L)", into, method.reverseForwardName(), params.arguments(p -> {
      if (!p.differentiated()) {
        return List.of();
      }
      int q = ps.indexOf(p);
      if (FlatLayout.isArray(p)) {
        return List.of(CodeBlock.of("$N.$N", into, p.name() + "Dot"),
            CodeBlock.of("$N.$N", into, p.name() + "Bar"), CodeBlock.of("$N.$N", into, p.name() + "BarDot"));
      }
      return List.of(CodeBlock.of("$N[$L]", direction, layout.offset(q)));
    }, CodeBlock.of("1.0"), CodeBlock.of("0.0"), CodeBlock.of("$N", tape)));
    for (int q = ps.size() - 1; q >= 0; q--) {
      if (!FlatLayout.isArray(ps.get(q))) {
        spec.addStatement("$N[$L] = $N.popDouble()", out, layout.offset(q), tape);
        spec.addStatement("$N.gradient[$L] = $N.popDouble()", into, layout.offset(q), tape);
      }
    }
    for (int q = 0; q < ps.size(); q++) {
      DifferentiableMethod.Parameter p = ps.get(q);
      if (FlatLayout.isArray(p)) {
        spec.addStatement("$T.arraycopy($N.$N, 0, $N.gradient, $L, $N.length)", System.class, into,
            p.name() + "Bar", into, layout.offset(q), p.name());
        spec.addStatement("$T.arraycopy($N.$N, 0, $N, $L, $N.length)", System.class, into,
            p.name() + "BarDot", out, layout.offset(q), p.name());
      }
    }
    scalarDirection.clear();
    return spec.build();
  }

}
