package dev.fluxion.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;

/**
 * What the three registration annotations ({@code @Partial}, {@code @Pullback},
 * {@code @Tangent}) share: how one reads as written, and where the registrations for a called
 * method are looked for.
 */
final class Registrations {
  static final String PARTIAL = "dev.fluxion.Partial";
  static final String PULLBACK = "dev.fluxion.Pullback";
  static final String TANGENT = "dev.fluxion.Tangent";
  private static final String USES = "dev.fluxion.UsesDerivatives";

  private Registrations() {}

  /**
   * One registration as written.
   *
   * @param method the annotated method
   * @param kind the annotation's simple name, for messages
   * @param of the registered method's name
   * @param wrt the parameter ({@code @Partial} only; empty otherwise)
   * @param in the class declaring the registered method
   */
  record Declared(ExecutableElement method, String kind, String of, String wrt, TypeElement in) {
    /** {@code Class.method}, for messages. */
    String display() {
      return in.getSimpleName() + "." + of;
    }
  }

  /**
   * Reads a registration annotation of a method.
   *
   * @param method the method
   * @param annotation the annotation's qualified name
   * @return what it declares, or empty when the method has no such annotation
   */
  static Optional<Declared> declared(ExecutableElement method, String annotation) {
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      var type = (TypeElement) mirror.getAnnotationType().asElement();
      if (!type.getQualifiedName().contentEquals(annotation)) {
        continue;
      }
      String of = "";
      String wrt = "";
      TypeElement in = (TypeElement) method.getEnclosingElement();
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
          : mirror.getElementValues().entrySet()) {
        String key = e.getKey().getSimpleName().toString();
        Object value = e.getValue().getValue();
        if (key.equals("of")) {
          of = String.valueOf(value);
        } else if (key.equals("wrt")) {
          wrt = String.valueOf(value);
        } else if (key.equals("in") && value instanceof DeclaredType declared
            && declared.asElement() instanceof TypeElement declaring) {
          in = declaring;
        }
      }
      return Optional.of(new Declared(method, type.getSimpleName().toString(), of, wrt, in));
    }
    return Optional.empty();
  }

  /**
   * The classes to search for a method's registrations: its own class, the classes that class
   * lists with {@code @UsesDerivatives} (a library shipping its registrations apart), and those
   * the calling class or a class enclosing it lists.
   *
   * @param target the called method
   * @param caller the class whose code calls it
   * @return the classes, in search order
   */
  static List<TypeElement> places(ExecutableElement target, TypeElement caller) {
    List<TypeElement> places = new ArrayList<>();
    TypeElement declaring = (TypeElement) target.getEnclosingElement();
    places.add(declaring);
    places.addAll(usedBy(declaring));
    for (TypeElement t : usedBy(caller)) {
      if (!places.contains(t)) {
        places.add(t);
      }
    }
    return places;
  }

  /** The classes listed with {@code @UsesDerivatives} on a class and the classes enclosing it. */
  private static List<TypeElement> usedBy(TypeElement type) {
    List<TypeElement> result = new ArrayList<>();
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      for (AnnotationMirror mirror : t.getAnnotationMirrors()) {
        var annotation = (TypeElement) mirror.getAnnotationType().asElement();
        if (!annotation.getQualifiedName().contentEquals(USES)) {
          continue;
        }
        mirror.getElementValues().forEach((key, value) -> {
          if (value.getValue() instanceof List<?> list) {
            for (Object item : list) {
              if (((AnnotationValue) item).getValue() instanceof DeclaredType declared
                  && declared.asElement() instanceof TypeElement listed) {
                result.add(listed);
              }
            }
          }
        });
      }
    }
    return result;
  }
}
