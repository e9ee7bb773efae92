package dev.fluxion.processor.model;

import dev.fluxion.processor.diag.Diagnostic;
import dev.fluxion.processor.ir.Callee;
import dev.fluxion.processor.ir.Reference;
import dev.fluxion.processor.model.Registrations.Declared;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * User-registered pullbacks and tangents ({@code @Pullback}, {@code @Tangent}): the signature each
 * must have, finding the ones for a called method, and checking each registration's declaration.
 *
 * <p>For {@code R f(P1 … Pn)}: the pullback takes {@code P1 … Pn}, the seed {@code R}, then one
 * adjoint per {@code double[]}/{@code double[][]} parameter, and returns {@code double} when
 * {@code f} has one {@code double} parameter ({@code void} when none); the tangent takes each
 * parameter followed, for differentiable ones, by its tangent, and returns {@code R}.
 */
public final class CustomRegistry {
  /** The pullback annotation's qualified name. */
  public static final String PULLBACK = Registrations.PULLBACK;
  /** The tangent annotation's qualified name. */
  public static final String TANGENT = Registrations.TANGENT;

  private final Types types;

  /**
   * Creates a registry.
   *
   * @param types javac's type utilities
   */
  public CustomRegistry(Types types) {
    this.types = types;
  }

  /** A problem with a registration, reported on its annotation. */
  public record Invalid(Diagnostic diagnostic, List<Object> arguments) {}

  /**
   * The registered pullback and tangent of a method, either possibly missing.
   *
   * @param target the called method
   * @param caller the class whose code calls it
   * @return the callee, or empty when the method has neither registration
   */
  public Optional<Callee.Custom> lookup(ExecutableElement target, TypeElement caller) {
    ExecutableElement pullback = find(PULLBACK, target, caller);
    ExecutableElement tangent = find(TANGENT, target, caller);
    if (pullback == null && tangent == null) {
      return Optional.empty();
    }
    Callee.Custom pullbackCallee = null;
    if (pullback != null) {
      ExecutableElement pullbackTangent = find(TANGENT, pullback, caller);
      pullbackCallee = new Callee.Custom(owner(pullback), pullback.getSimpleName().toString(),
          null, pullbackTangent == null ? null : plain(pullbackTangent),
          (int) target.getParameters().stream().filter(p -> isArray(p.asType())).count());
    }
    return Optional.of(new Callee.Custom(owner(target), target.getSimpleName().toString(),
        pullbackCallee, tangent == null ? null : plain(tangent), 0));
  }

  /**
   * Checks a method annotated {@code @Pullback} or {@code @Tangent}.
   *
   * @param method the annotated method
   * @param annotation which of the two ({@link #PULLBACK} or {@link #TANGENT})
   * @param others the methods with the same annotation seen in this round, to find duplicates
   * @return the problem, if any
   */
  public Optional<Invalid> validate(ExecutableElement method, String annotation,
      List<ExecutableElement> others) {
    Declared d = Registrations.declared(method, annotation).orElseThrow();
    Optional<Invalid> invalid = check(d, annotation);
    if (invalid.isPresent()) {
      return invalid;
    }
    ExecutableElement target = target(d, annotation).orElseThrow();
    for (ExecutableElement other : others) {
      if (other.equals(method)) {
        break;
      }
      Declared o = Registrations.declared(other, annotation).orElse(null);
      if (o != null && o.in().equals(d.in()) && o.of().equals(d.of())
          && target(o, annotation).filter(target::equals).isPresent()) {
        return Optional.of(new Invalid(Diagnostic.REGISTRATION_DUPLICATE,
            List.of(d.display(), d.kind(), other.getSimpleName())));
      }
    }
    return Optional.empty();
  }

  /** The registration of one kind for a method, among the places it may be. */
  private ExecutableElement find(String annotation, ExecutableElement target, TypeElement caller) {
    for (TypeElement place : Registrations.places(target, caller)) {
      for (ExecutableElement m : ElementFilter.methodsIn(place.getEnclosedElements())) {
        Declared d = Registrations.declared(m, annotation).orElse(null);
        if (d != null && d.in().equals(target.getEnclosingElement())
            && d.of().contentEquals(target.getSimpleName()) && check(d, annotation).isEmpty()
            && target(d, annotation).filter(target::equals).isPresent()) {
          return m;
        }
      }
    }
    return null;
  }

  private Optional<Invalid> check(Declared d, String annotation) {
    ExecutableElement method = d.method();
    if (!method.getModifiers().contains(Modifier.STATIC)
        || method.getModifiers().contains(Modifier.PRIVATE)) {
      return Optional.of(new Invalid(Diagnostic.REGISTRATION_NOT_STATIC,
          List.of(d.kind(), method.getSimpleName())));
    }
    List<ExecutableElement> candidates = candidates(d);
    if (candidates.isEmpty()) {
      return Optional.of(new Invalid(Diagnostic.REGISTRATION_TARGET_MISSING,
          List.of(d.kind(), d.display(), d.in().getSimpleName())));
    }
    if (candidates.stream().anyMatch(c -> MethodDescriber.annotation(c).isPresent())) {
      return Optional.of(new Invalid(Diagnostic.REGISTRATION_NEVER_USED,
          List.of(d.display(), "@" + d.kind())));
    }
    Optional<ExecutableElement> fitted = target(d, annotation);
    ExecutableElement closest = fitted.orElse(candidates.get(0));
    if (annotation.equals(PULLBACK)) {
      long scalars = closest.getParameters().stream()
          .filter(p -> p.asType().getKind() == TypeKind.DOUBLE).count();
      if (scalars > 1) {
        return Optional.of(new Invalid(Diagnostic.PULLBACK_SCALARS,
            List.of(d.display(), (int) scalars)));
      }
    }
    if (fitted.isPresent()) {
      return Optional.empty();
    }
    Signature expected = expected(closest, annotation);
    String mismatch = candidates.size() > 1 ? "it fits none of the overloads"
        : expected == null ? "only methods returning double, double[] or double[][] have one"
        : mismatch(method, expected);
    Signature shown = expected != null ? expected : new Signature(List.of(),
        closest.getReturnType());
    return Optional.of(new Invalid(Diagnostic.REGISTRATION_BAD_SIGNATURE, List.of(d.kind(),
        method.getSimpleName(), d.display(), mismatch, shown.result(),
        method.getSimpleName(), String.join(", ", shown.parameterTexts()))));
  }

  /** The static methods the registration may be for: its class's methods of that name. */
  private static List<ExecutableElement> candidates(Declared d) {
    return ElementFilter.methodsIn(d.in().getEnclosedElements()).stream()
        .filter(m -> m.getSimpleName().contentEquals(d.of()))
        .filter(m -> m.getModifiers().contains(Modifier.STATIC))
        .toList();
  }

  /** The method a registration is for: the candidate whose expected signature it has. */
  private Optional<ExecutableElement> target(Declared d, String annotation) {
    return candidates(d).stream()
        .filter(c -> {
          Signature expected = expected(c, annotation);
          return expected != null && mismatch(d.method(), expected).isEmpty();
        })
        .findFirst();
  }

  /** A signature a registration must have. */
  private record Signature(List<TypeMirror> parameters, TypeMirror result) {
    List<String> parameterTexts() {
      return parameters.stream().map(TypeMirror::toString).toList();
    }
  }

  /** The signature of a target's pullback or tangent, or {@code null} when it can have none. */
  private Signature expected(ExecutableElement target, String annotation) {
    TypeMirror result = target.getReturnType();
    List<TypeMirror> parameters = new ArrayList<>();
    if (annotation.equals(TANGENT)) {
      for (VariableElement p : target.getParameters()) {
        parameters.add(p.asType());
        if (isDifferentiable(p.asType())) {
          parameters.add(p.asType());
        }
      }
      boolean resultOk = result.getKind() == TypeKind.VOID || isDifferentiable(result);
      return resultOk ? new Signature(parameters, result) : null;
    }
    if (!isDifferentiable(result)) {
      return null;
    }
    target.getParameters().forEach(p -> parameters.add(p.asType()));
    parameters.add(result);
    target.getParameters().stream().map(VariableElement::asType).filter(CustomRegistry::isArray)
        .forEach(parameters::add);
    boolean scalar = target.getParameters().stream()
        .anyMatch(p -> p.asType().getKind() == TypeKind.DOUBLE);
    return new Signature(parameters, scalar
        ? types.getPrimitiveType(TypeKind.DOUBLE) : types.getNoType(TypeKind.VOID));
  }

  /** How a method differs from the expected signature, or {@code ""} when it has it. */
  private String mismatch(ExecutableElement method, Signature expected) {
    List<? extends VariableElement> actual = method.getParameters();
    if (actual.size() != expected.parameters().size()) {
      return "it takes " + actual.size() + " parameters where " + expected.parameters().size()
          + " are expected";
    }
    for (int i = 0; i < actual.size(); i++) {
      TypeMirror a = types.erasure(actual.get(i).asType());
      TypeMirror e = types.erasure(expected.parameters().get(i));
      if (!types.isSameType(a, e)) {
        return "parameter " + (i + 1) + " ('" + actual.get(i).getSimpleName() + "') is " + a
            + " where " + e + " is expected";
      }
    }
    TypeMirror result = method.getReturnType();
    boolean sameResult = result.getKind() == TypeKind.VOID
        ? expected.result().getKind() == TypeKind.VOID
        : expected.result().getKind() != TypeKind.VOID
            && types.isSameType(result, expected.result());
    return sameResult ? "" : "it returns " + result + " where " + expected.result()
        + " is expected";
  }

  private static boolean isDifferentiable(TypeMirror type) {
    return type.getKind() == TypeKind.DOUBLE || isArray(type);
  }

  /** {@code double[]} or {@code double[][]}. */
  private static boolean isArray(TypeMirror type) {
    if (!(type instanceof ArrayType array)) {
      return false;
    }
    TypeMirror component = array.getComponentType();
    return component.getKind() == TypeKind.DOUBLE
        || component instanceof ArrayType row && row.getComponentType().getKind() == TypeKind.DOUBLE;
  }

  private Reference owner(ExecutableElement method) {
    return new Reference(types.erasure(method.getEnclosingElement().asType()));
  }

  private Callee.Plain plain(ExecutableElement method) {
    return new Callee.Plain(owner(method), method.getSimpleName().toString(), true);
  }
}
