package dev.fluxion.processor.model;

import dev.fluxion.processor.diag.Diagnostic;
import dev.fluxion.processor.model.Registrations.Declared;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * User-registered partial derivatives ({@code @Partial}): finding the ones for a called method,
 * and checking each registration's declaration.
 */
public final class PartialRegistry {
  /** The registration annotation's qualified name. */
  public static final String PARTIAL = Registrations.PARTIAL;

  private final Types types;
  private final MethodDescriber describer;

  /**
   * Creates a registry.
   *
   * @param types javac's type utilities
   * @param describer reads the partial methods, which are {@code @Differentiable}
   */
  public PartialRegistry(Types types, MethodDescriber describer) {
    this.types = types;
    this.describer = describer;
  }

  /** A problem with a registration, reported on its annotation. */
  public record Invalid(Diagnostic diagnostic, List<Object> arguments) {}

  /**
   * The partial derivatives registered for a method, one slot per parameter.
   *
   * @param target the called method
   * @param caller the class whose code calls it
   * @return the partials ({@code null} where none), or empty when nothing is registered
   */
  public Optional<List<DifferentiableMethod>> partialsOf(ExecutableElement target, TypeElement caller) {
    List<DifferentiableMethod> partials = new ArrayList<>();
    target.getParameters().forEach(p -> partials.add(null));
    boolean any = false;
    for (TypeElement place : Registrations.places(target, caller)) {
      for (ExecutableElement m : ElementFilter.methodsIn(place.getEnclosedElements())) {
        Declared d = declared(m).orElse(null);
        if (d == null || !d.in().equals(target.getEnclosingElement())
            || !d.of().equals(target.getSimpleName().toString()) || !sameParameters(m, target)) {
          continue;
        }
        int index = parameterIndex(target, d.wrt());
        if (index < 0 && namesMissing(target)) {
          throw new MissingParameterNames(target, d.wrt());
        }
        if (check(d).isPresent()) {
          continue;
        }
        if (index >= 0 && partials.get(index) == null) {
          partials.set(index, describer.describe(m));
          any = true;
        }
      }
    }
    return any ? Optional.of(partials) : Optional.empty();
  }

  /**
   * Checks a method annotated {@code @Partial}.
   *
   * @param method the annotated method
   * @param others the other registrations seen in this round, to find duplicates
   * @return the problem, if any
   */
  public Optional<Invalid> validate(ExecutableElement method, List<ExecutableElement> others) {
    Declared d = declared(method).orElseThrow();
    Optional<Invalid> invalid = check(d);
    if (invalid.isPresent()) {
      return invalid;
    }
    for (ExecutableElement other : others) {
      if (other.equals(method)) {
        break;
      }
      Declared o = declared(other).orElse(null);
      if (o != null && o.in().equals(d.in()) && o.of().equals(d.of()) && o.wrt().equals(d.wrt())
          && sameParameters(other, method)) {
        return Optional.of(new Invalid(Diagnostic.PARTIAL_DUPLICATE,
            List.of(d.in().getSimpleName() + "." + d.of(), d.wrt(), other.getSimpleName())));
      }
    }
    return Optional.empty();
  }

  private Optional<Invalid> check(Declared d) {
    ExecutableElement partial = d.method();
    String display = d.display();
    List<ExecutableElement> candidates = ElementFilter.methodsIn(d.in().getEnclosedElements())
        .stream()
        .filter(m -> m.getSimpleName().contentEquals(d.of()))
        .filter(m -> m.getModifiers().contains(Modifier.STATIC))
        .toList();
    ExecutableElement target = candidates.stream()
        .filter(m -> sameParameters(m, partial)).findFirst().orElse(null);
    if (target == null) {
      if (candidates.size() == 1) {
        return Optional.of(new Invalid(Diagnostic.PARTIAL_BAD_SIGNATURE, List.of(
            partial.getSimpleName(), display, parameterTypes(candidates.get(0)))));
      }
      return Optional.of(new Invalid(Diagnostic.PARTIAL_TARGET_MISSING,
          List.of(display, d.in().getSimpleName(), parameterTypes(partial))));
    }
    if (partial.getReturnType().getKind() != TypeKind.DOUBLE) {
      return Optional.of(new Invalid(Diagnostic.PARTIAL_BAD_SIGNATURE,
          List.of(partial.getSimpleName(), display, parameterTypes(target))));
    }
    int index = parameterIndex(target, d.wrt());
    if (index < 0 || target.getParameters().get(index).asType().getKind() != TypeKind.DOUBLE) {
      return Optional.of(new Invalid(Diagnostic.PARTIAL_BAD_WRT, List.of(d.wrt(), display)));
    }
    if (MethodDescriber.annotation(target).isPresent()) {
      return Optional.of(new Invalid(Diagnostic.REGISTRATION_NEVER_USED, List.of(display, "@Partial")));
    }
    if (MethodDescriber.annotation(partial).isEmpty()
        || !partial.getModifiers().contains(Modifier.STATIC)) {
      return Optional.of(new Invalid(Diagnostic.PARTIAL_NOT_DIFFERENTIABLE,
          List.of(partial.getSimpleName())));
    }
    return Optional.empty();
  }

  private static Optional<Declared> declared(ExecutableElement method) {
    return Registrations.declared(method, PARTIAL);
  }

  private boolean sameParameters(ExecutableElement a, ExecutableElement b) {
    List<? extends VariableElement> pa = a.getParameters();
    List<? extends VariableElement> pb = b.getParameters();
    if (pa.size() != pb.size()) {
      return false;
    }
    for (int i = 0; i < pa.size(); i++) {
      if (!types.isSameType(types.erasure(pa.get(i).asType()), types.erasure(pb.get(i).asType()))) {
        return false;
      }
    }
    return true;
  }

  /** Thrown when a class file's parameter names are not there to match a registration. */
  public static final class MissingParameterNames extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ExecutableElement method;
    private final String wrt;

    MissingParameterNames(ExecutableElement method, String wrt) {
      super(null, null, false, false);
      this.method = method;
      this.wrt = wrt;
    }

    /**
     * The method whose parameter names are missing.
     *
     * @return the method
     */
    public ExecutableElement method() {
      return method;
    }

    /**
     * The parameter name that could not be found.
     *
     * @return the name
     */
    public String wrt() {
      return wrt;
    }
  }

  /** Whether javac made up the parameter names ({@code arg0}, …): a class file without them. */
  private static boolean namesMissing(ExecutableElement method) {
    List<? extends VariableElement> params = method.getParameters();
    for (int i = 0; i < params.size(); i++) {
      if (!params.get(i).getSimpleName().contentEquals("arg" + i)) {
        return false;
      }
    }
    return !params.isEmpty();
  }

  private static int parameterIndex(ExecutableElement method, String name) {
    List<? extends VariableElement> params = method.getParameters();
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).getSimpleName().contentEquals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static String parameterTypes(ExecutableElement method) {
    List<String> names = new ArrayList<>();
    for (VariableElement p : method.getParameters()) {
      TypeMirror t = p.asType();
      names.add(t.toString());
    }
    return String.join(", ", names);
  }
}
