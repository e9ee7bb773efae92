package dev.fluxion.processor.lower;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import dev.fluxion.processor.diag.Diagnostic;
import dev.fluxion.processor.diag.Rejection;
import dev.fluxion.processor.ir.IrType;
import dev.fluxion.processor.ir.Primitive;
import dev.fluxion.processor.ir.Reference;
import dev.fluxion.processor.model.MethodDescriber;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Resolves the names a method body uses (fields, methods, types) with {@code javax.lang.model},
 * since javac has not attributed the body yet while processors run. Resolution follows the JLS
 * closely enough for the subset: the enclosing class and its supertypes, then imports, the
 * package, and {@code java.lang}.
 */
public final class SymbolResolver {
  private final Elements elements;
  private final Types types;
  private final TypeElement owner;
  private final CompilationUnitTree unit;
  private final MethodDescriber describer;
  private final dev.fluxion.processor.model.PartialRegistry registry;
  private final dev.fluxion.processor.model.CustomRegistry customs;

  /**
   * Creates a resolver for one method.
   *
   * @param elements javac's element utilities
   * @param types javac's type utilities
   * @param owner the class declaring the method
   * @param unit the compilation unit holding it, for its imports
   * @param describer reads the differentiable methods the body calls
   */
  public SymbolResolver(Elements elements, Types types, TypeElement owner, CompilationUnitTree unit,
      MethodDescriber describer) {
    this.elements = elements;
    this.types = types;
    this.owner = owner;
    this.unit = unit;
    this.describer = describer;
    this.registry = new dev.fluxion.processor.model.PartialRegistry(types, describer);
    this.customs = new dev.fluxion.processor.model.CustomRegistry(types);
  }

  /**
   * The user-registered pullbacks and tangents.
   *
   * @return the registry
   */
  public dev.fluxion.processor.model.CustomRegistry customs() {
    return customs;
  }

  /**
   * The user-registered partial derivatives.
   *
   * @return the registry
   */
  public dev.fluxion.processor.model.PartialRegistry registry() {
    return registry;
  }

  /**
   * Reads the {@code @Differentiable} methods that the body calls.
   *
   * @return the describer
   */
  public MethodDescriber describer() {
    return describer;
  }

  /**
   * The erasure of a type, for naming a class in generated code.
   *
   * @param type a type
   * @return its erasure
   */
  public TypeMirror erasure(TypeMirror type) {
    return types.erasure(type);
  }

  /**
   * The class declaring the method being lowered.
   *
   * @return the owner
   */
  public TypeElement owner() {
    return owner;
  }

  /**
   * A field of a class or its supertypes.
   *
   * @param type the class
   * @param name the field's name
   * @return the field, if the owner or a supertype declares it
   */
  public Optional<VariableElement> field(TypeElement type, String name) {
    for (VariableElement field : ElementFilter.fieldsIn(elements.getAllMembers(type))) {
      if (field.getSimpleName().contentEquals(name)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  /**
   * Resolves an expression used as a type name, such as {@code Math} or {@code java.lang.Math}.
   *
   * @param tree an identifier or member select
   * @return the type, if the expression names one
   */
  public Optional<TypeElement> type(ExpressionTree tree) {
    if (tree instanceof IdentifierTree id) {
      return simpleType(id.getName().toString());
    }
    if (tree instanceof MemberSelectTree select) {
      TypeElement qualified = elements.getTypeElement(select.toString());
      if (qualified != null) {
        return Optional.of(qualified);
      }
      return type(select.getExpression()).flatMap(outer -> memberType(outer, select.getIdentifier().toString()));
    }
    return Optional.empty();
  }

  private Optional<TypeElement> simpleType(String name) {
    for (TypeElement t = owner; t != null; t = enclosingType(t)) {
      if (t.getSimpleName().contentEquals(name)) {
        return Optional.of(t);
      }
      Optional<TypeElement> member = memberType(t, name);
      if (member.isPresent()) {
        return member;
      }
    }
    for (ImportTree imp : unit.getImports()) {
      if (!imp.isStatic() && imp.getQualifiedIdentifier() instanceof MemberSelectTree select
          && select.getIdentifier().contentEquals(name)) {
        return Optional.ofNullable(elements.getTypeElement(select.toString()));
      }
    }
    String pkg = elements.getPackageOf(owner).getQualifiedName().toString();
    List<String> candidates = new ArrayList<>();
    candidates.add(pkg.isEmpty() ? name : pkg + "." + name);
    for (ImportTree imp : unit.getImports()) {
      if (!imp.isStatic() && imp.getQualifiedIdentifier() instanceof MemberSelectTree select
          && select.getIdentifier().contentEquals("*")) {
        candidates.add(select.getExpression() + "." + name);
      }
    }
    candidates.add("java.lang." + name);
    for (String candidate : candidates) {
      TypeElement found = elements.getTypeElement(candidate);
      if (found != null) {
        return Optional.of(found);
      }
    }
    return Optional.empty();
  }

  private Optional<TypeElement> memberType(TypeElement outer, String name) {
    return ElementFilter.typesIn(elements.getAllMembers(outer)).stream()
        .filter(t -> t.getSimpleName().contentEquals(name))
        .findFirst();
  }

  private static TypeElement enclosingType(TypeElement type) {
    Element e = type.getEnclosingElement();
    return e instanceof TypeElement t ? t : null;
  }

  /**
   * The type that declares an unqualified method name: the owner (or an enclosing class) when it
   * has a method of that name, otherwise a static import.
   *
   * @param name the method name
   * @return the type to look the method up in
   */
  public Optional<TypeElement> typeDeclaringMethod(String name) {
    for (TypeElement t = owner; t != null; t = enclosingType(t)) {
      if (!methodsNamed(t, name).isEmpty()) {
        return Optional.of(t);
      }
    }
    for (ImportTree imp : unit.getImports()) {
      if (imp.isStatic() && imp.getQualifiedIdentifier() instanceof MemberSelectTree select) {
        String member = select.getIdentifier().toString();
        if (member.equals(name) || member.equals("*")) {
          TypeElement t = elements.getTypeElement(select.getExpression().toString());
          if (t != null && !methodsNamed(t, name).isEmpty()) {
            return Optional.of(t);
          }
        }
      }
    }
    return Optional.empty();
  }

  private List<ExecutableElement> methodsNamed(TypeElement type, String name) {
    return ElementFilter.methodsIn(elements.getAllMembers(type)).stream()
        .filter(m -> m.getSimpleName().contentEquals(name))
        .toList();
  }

  /**
   * Chooses the method a call invokes, by arity and by the most specific applicable signature
   * without boxing (JLS 15.12.2, phase 1), which is all the subset's types need.
   *
   * @param type the type to look in
   * @param name the method name
   * @param argumentTypes the IR types of the arguments
   * @param site the call, for the error
   * @return the method
   * @throws Rejection if no method applies
   */
  public ExecutableElement method(
      TypeElement type, String name, List<IrType> argumentTypes, Tree site) {
    List<TypeMirror> args = argumentTypes.stream().map(this::mirror).toList();
    List<ExecutableElement> applicable = new ArrayList<>();
    for (ExecutableElement m : methodsNamed(type, name)) {
      if (m.getParameters().size() == args.size() && !m.isVarArgs() && accepts(m, args)) {
        applicable.add(m);
      }
    }
    ExecutableElement best = null;
    for (ExecutableElement candidate : applicable) {
      if (best == null || moreSpecific(candidate, best)) {
        best = candidate;
      }
    }
    if (best == null) {
      throw new Rejection(Diagnostic.UNRESOLVED, site,
          "the method " + type.getSimpleName() + "." + name + " for arguments " + argumentTypes,
          "differentiable code can call methods whose parameters take its values without boxing");
    }
    return best;
  }

  private boolean accepts(ExecutableElement method, List<TypeMirror> args) {
    for (int i = 0; i < args.size(); i++) {
      if (!types.isSubtype(args.get(i), method.getParameters().get(i).asType())) {
        return false;
      }
    }
    return true;
  }

  private boolean moreSpecific(ExecutableElement a, ExecutableElement b) {
    List<TypeMirror> bTypes = b.getParameters().stream().map(Element::asType).toList();
    return accepts(a, bTypes) || !accepts(b, a.getParameters().stream().map(Element::asType).toList());
  }

  /**
   * The javac type of an IR type.
   *
   * @param type the IR type
   * @return the mirror
   */
  public TypeMirror mirror(IrType type) {
    if (type instanceof Reference r) {
      return r.mirror();
    }
    if (type instanceof dev.fluxion.processor.ir.ArrayType a) {
      return types.getArrayType(mirror(a.component()));
    }
    return types.getPrimitiveType(switch ((Primitive) type) {
      case BOOLEAN -> TypeKind.BOOLEAN;
      case INT -> TypeKind.INT;
      case LONG -> TypeKind.LONG;
      case DOUBLE -> TypeKind.DOUBLE;
    });
  }

  /**
   * The class a reference type names.
   *
   * @param type a reference type
   * @return its class
   */
  public Optional<TypeElement> classOf(IrType type) {
    if (type instanceof Reference r && r.mirror() instanceof DeclaredType declared) {
      return Optional.of((TypeElement) declared.asElement());
    }
    return Optional.empty();
  }

  /**
   * Tells whether generated code in the owner's package can reach a member.
   *
   * @param member a field or method
   * @return {@code false} when the member is private
   */
  public static boolean reachable(Element member) {
    return !member.getModifiers().contains(Modifier.PRIVATE)
        && (member.getEnclosingElement().getKind() == ElementKind.PACKAGE
            || reachable(member.getEnclosingElement()));
  }
}
