package dev.fluxion.processor.model;

import dev.fluxion.processor.diag.Diagnostic;
import dev.fluxion.processor.ir.IrType;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Reference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads a method's {@code @Differentiable} annotation and signature into a {@link
 * DifferentiableMethod}, checking the annotation's use.
 */
public final class MethodDescriber {

  /** The annotation's qualified name; the processor reads it by name, with no runtime dependency. */
  public static final String ANNOTATION = "dev.fluxion.Differentiable";

  /** The parameter annotation that makes a parameter data. */
  public static final String NO_DERIVATIVE = "dev.fluxion.NoDerivative";

  private final Elements elements;
  private final com.sun.source.util.Trees trees;

  /**
   * Creates a describer.
   *
   * @param elements javac's element utilities
   * @param trees javac's trees, to read which arrays a method in this compilation writes; or
   *     {@code null}
   */
  public MethodDescriber(Elements elements, com.sun.source.util.Trees trees) {
    this.elements = elements;
    this.trees = trees;
  }

  /**
   * A problem with an annotated method's declaration, reported on the annotation.
   *
   * @param diagnostic the catalogue entry
   * @param arguments the message arguments
   */
  public record DeclarationProblem(Diagnostic diagnostic, List<Object> arguments) {}

  /** Thrown when a declaration cannot be differentiated. */
  public static final class InvalidDeclaration extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient DeclarationProblem problem;

    InvalidDeclaration(Diagnostic diagnostic, Object... arguments) {
      super(diagnostic.format(arguments), null, false, false);
      this.problem = new DeclarationProblem(diagnostic, List.of(arguments));
    }

    /**
     * The problem found.
     *
     * @return the problem
     */
    public DeclarationProblem problem() {
      return problem;
    }
  }

  /**
   * The {@code @Differentiable} annotation on a method, if any.
   *
   * @param method the method
   * @return the annotation mirror
   */
  public static Optional<AnnotationMirror> annotation(Element method) {
    return annotation(method, ANNOTATION);
  }

  private static Optional<AnnotationMirror> annotation(Element element, String name) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      var type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(name)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  private static boolean hasAnnotation(Element element, String name) {
    return annotation(element, name).isPresent();
  }

  /**
   * Describes an annotated method.
   *
   * @param method a method carrying {@code @Differentiable}
   * @return its descriptor
   * @throws InvalidDeclaration if the annotation is misused
   */
  public DifferentiableMethod describe(ExecutableElement method) {
    String display = method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
    if (method.getModifiers().contains(Modifier.ABSTRACT)
        || method.getModifiers().contains(Modifier.NATIVE)) {
      throw new InvalidDeclaration(Diagnostic.NO_BODY, display);
    }
    IrType result = IrTypes.of(method.getReturnType());
    if (result == null || !result.isDifferentiable()) {
      throw new InvalidDeclaration(Diagnostic.RESULT_NOT_DOUBLE, display, method.getReturnType());
    }
    Set<String> wrt = wrtNames(method);
    List<String> names = new ArrayList<>();
    for (VariableElement p : method.getParameters()) {
      names.add(p.getSimpleName().toString());
    }
    for (String w : wrt) {
      int index = names.indexOf(w);
      if (index < 0 && names.equals(java.util.stream.IntStream.range(0, names.size())
          .mapToObj(i -> "arg" + i).toList())) {
        throw new InvalidDeclaration(Diagnostic.PARAMETER_NAMES_MISSING, display, w);
      }
      if (index < 0) {
        throw new InvalidDeclaration(Diagnostic.WRT_UNKNOWN, w, display, names);
      }
      TypeMirror type = method.getParameters().get(index).asType();
      IrType irType = IrTypes.of(type);
      if (irType == null || !irType.isDifferentiable()) {
        throw new InvalidDeclaration(Diagnostic.WRT_NOT_DOUBLE, w, type);
      }
    }
    List<DifferentiableMethod.Parameter> parameters = new ArrayList<>();
    for (VariableElement p : method.getParameters()) {
      IrType type = IrTypes.of(p.asType());
      String name = p.getSimpleName().toString();
      if (type == null) {
        throw new InvalidDeclaration(Diagnostic.UNSUPPORTED_PARAMETER_TYPE, name, p.asType());
      }
      boolean constant = hasAnnotation(p, NO_DERIVATIVE);
      if (constant && wrt.contains(name)) {
        throw new InvalidDeclaration(Diagnostic.WRT_AND_NO_DERIVATIVE, name);
      }
      boolean differentiated =
          type.isDifferentiable() && !constant && (wrt.isEmpty() || wrt.contains(name));
      parameters.add(new DifferentiableMethod.Parameter(name, type, differentiated));
    }
    return new DifferentiableMethod(
        owner((TypeElement) method.getEnclosingElement()),
        method.getSimpleName().toString(),
        method.getModifiers().contains(Modifier.STATIC),
        parameters,
        result,
        ParameterWrites.of(method, trees));
  }

  /**
   * Describes the class that declares differentiable methods.
   *
   * @param type the class
   * @return its descriptor
   */
  public OwnerClass owner(TypeElement type) {
    String packageName = elements.getPackageOf(type).getQualifiedName().toString();
    List<String> names = new ArrayList<>();
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      names.add(0, t.getSimpleName().toString());
    }
    return new OwnerClass(
        new Reference(type.asType()),
        packageName,
        String.join("_", names),
        type.getModifiers().contains(Modifier.PUBLIC));
  }

  private static Set<String> wrtNames(ExecutableElement method) {
    Set<String> names = new LinkedHashSet<>();
    annotation(method).ifPresent(mirror -> mirror.getElementValues().forEach((key, value) -> {
      if (key.getSimpleName().contentEquals("wrt") && value.getValue() instanceof List<?> list) {
        for (Object item : list) {
          names.add(String.valueOf(((AnnotationValue) item).getValue()));
        }
      }
    }));
    return names;
  }
}
