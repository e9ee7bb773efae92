package dev.fluxion.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.fluxion.processor.diag.Diagnostic;
import dev.fluxion.processor.diag.LeftToJavac;
import dev.fluxion.processor.diag.Problem;
import dev.fluxion.processor.diag.Rejection;
import dev.fluxion.processor.diag.Reporter;
import dev.fluxion.processor.emit.CompanionWriter;
import dev.fluxion.processor.model.MethodDescriber;
import dev.fluxion.processor.model.OwnerClass;
import dev.fluxion.processor.model.CustomRegistry;
import dev.fluxion.processor.model.PartialRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Fluxion's annotation processor: for every class with {@code @Differentiable} methods, runs the
 * {@link Pipeline} on each method and writes one companion class.
 *
 * <p>Errors are reported on the exact expression and never stop the other methods; no exception
 * ever escapes into javac (an unexpected one becomes an error asking for a report).
 *
 * <p>Build tools: the processor is registered for Gradle's incremental annotation processing as
 * <em>aggregating</em> ({@code META-INF/gradle/incremental.annotation.processors}). It cannot be
 * isolating: a companion class depends not only on its own class but on the signatures of the
 * differentiable methods it calls and on {@code @Partial} registrations in other classes, so a
 * change there must regenerate it. When a build tool wraps the processing environment (Gradle,
 * IntelliJ), the processor finds javac's own environment behind the wrapper for the compiler tree
 * API and keeps using the wrapper for everything else (its filer tracks what was generated).
 */
@AutoService(Processor.class)
// Every Fluxion annotation is listed, and Generated so that the companions' own @Generated, seen in
// the next round, is claimed too: users compiling with -Xlint:all -Werror get no "no processor
// claimed" warning, even for a class that only lists registrations.
@SupportedAnnotationTypes({MethodDescriber.ANNOTATION, PartialRegistry.PARTIAL,
    CustomRegistry.PULLBACK, CustomRegistry.TANGENT, "dev.fluxion.UsesDerivatives",
    "dev.fluxion.NoDerivative", "javax.annotation.processing.Generated"})
@javax.annotation.processing.SupportedOptions(FluxionProcessor.OPTION_TBR)
public final class FluxionProcessor extends AbstractProcessor {
  /**
   * The processor option that switches the to-be-recorded analysis off ({@code
   * -Afluxion.tbr=false}): every value a loop overwrites is then recorded. The derivatives are
   * the same; the option exists to check exactly that.
   */
  public static final String OPTION_TBR = "fluxion.tbr";

  private Trees trees;
  private Reporter reporter;
  private Differentiator pipeline;
  private MethodDescriber describer;
  private final Differentiator override;

  /** Differentiates one method: the {@link Pipeline}, or a stand-in in tests. */
  @FunctionalInterface
  interface Differentiator {
    CompanionWriter.Derived differentiate(ExecutableElement method);
  }

  /** Creates the processor; javac finds it through {@code META-INF/services}. */
  public FluxionProcessor() {
    this(null);
  }

  /** Creates a processor whose pipeline is replaced, to test how failures are reported. */
  FluxionProcessor(Differentiator override) {
    this.override = override;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    trees = EnvironmentUnwrapper.trees(env);
    reporter = new Reporter(env.getMessager(), trees);
    describer = new MethodDescriber(env.getElementUtils(), trees);
    if (trees != null) {
      Pipeline real = new Pipeline(env, trees, reporter);
      pipeline = override != null ? override : real::differentiate;
    }
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      processRound(annotations, round);
    } catch (RuntimeException | StackOverflowError e) {
      processingEnv.getMessager().printMessage(Diagnostic.INTERNAL_ERROR.kind(),
          Diagnostic.INTERNAL_ERROR.format("this round", e));
    }
    // Fluxion owns @Differentiable: claiming it keeps -Xlint:processing quiet.
    return true;
  }

  private void processRound(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      String name = annotation.getQualifiedName().toString();
      if (name.equals(PartialRegistry.PARTIAL)) {
        checkPartials(methods(round.getElementsAnnotatedWith(annotation)));
      } else if (name.equals(CustomRegistry.PULLBACK) || name.equals(CustomRegistry.TANGENT)) {
        checkCustoms(methods(round.getElementsAnnotatedWith(annotation)), name);
      }
    }
    for (TypeElement annotation : annotations) {
      if (!annotation.getQualifiedName().contentEquals(MethodDescriber.ANNOTATION)) {
        continue;
      }
      Map<TypeElement, List<ExecutableElement>> byClass = new LinkedHashMap<>();
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        if (e.getKind() == ElementKind.METHOD) {
          byClass.computeIfAbsent((TypeElement) e.getEnclosingElement(), k -> new ArrayList<>())
              .add((ExecutableElement) e);
        }
      }
      if (byClass.isEmpty()) {
        continue;
      }
      if (trees == null) {
        Element first = byClass.values().iterator().next().get(0);
        reporter.report(Diagnostic.NO_TREE_API, first, null);
        return;
      }
      byClass.forEach(this::processClass);
    }
  }

  private void processClass(TypeElement owner, List<ExecutableElement> methods) {
    List<CompanionWriter.Derived> derived = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ExecutableElement method : methods) {
      var annotation = MethodDescriber.annotation(method).orElse(null);
      if (!seen.add(method.getSimpleName().toString())) {
        reporter.report(Diagnostic.OVERLOADED, method, annotation, owner.getSimpleName() + "."
            + method.getSimpleName());
        continue;
      }
      if (isPrivateNested(owner)) {
        reporter.report(Diagnostic.NESTED_IN_PRIVATE, method, annotation, owner.getSimpleName());
        continue;
      }
      try {
        derived.add(pipeline.differentiate(method));
      } catch (MethodDescriber.InvalidDeclaration e) {
        reporter.report(e.problem().diagnostic(), method, annotation,
            e.problem().arguments().toArray());
      } catch (LeftToJavac e) {
        // Nothing to add to javac's own error.
      } catch (Rejection e) {
        TreePath path = trees.getPath(method);
        for (Problem p : e.problems()) {
          reporter.report(p, path == null ? null : path.getCompilationUnit(), method);
        }
      } catch (RuntimeException | StackOverflowError e) {
        reporter.report(Diagnostic.INTERNAL_ERROR, method, annotation,
            owner.getSimpleName() + "." + method.getSimpleName(), e);
      }
    }
    if (derived.isEmpty()) {
      return;
    }
    OwnerClass ownerClass = describer.owner(owner);
    try {
      CompanionWriter.write(ownerClass, derived, FluxionProcessor.class.getName(), owner)
          .writeTo(processingEnv.getFiler());
    } catch (IOException | RuntimeException e) {
      reporter.report(Diagnostic.INTERNAL_ERROR, owner, null,
          ownerClass.companionName(), "could not write it: " + e);
    }
  }

  /** Reports misdeclared {@code @Partial} registrations on their annotations. */
  private void checkPartials(List<ExecutableElement> methods) {
    PartialRegistry registry = new PartialRegistry(processingEnv.getTypeUtils(), describer);
    for (ExecutableElement m : methods) {
      try {
        registry.validate(m, methods).ifPresent(invalid -> reporter.report(invalid.diagnostic(), m,
            annotationOf(m, PartialRegistry.PARTIAL), invalid.arguments().toArray()));
      } catch (RuntimeException e) {
        reporter.report(Diagnostic.INTERNAL_ERROR, m, null, m.getSimpleName(), e);
      }
    }
  }

  /** Reports misdeclared {@code @Pullback} or {@code @Tangent} registrations. */
  private void checkCustoms(List<ExecutableElement> methods, String annotation) {
    CustomRegistry registry = new CustomRegistry(processingEnv.getTypeUtils());
    for (ExecutableElement m : methods) {
      try {
        registry.validate(m, annotation, methods).ifPresent(invalid -> reporter.report(
            invalid.diagnostic(), m, annotationOf(m, annotation), invalid.arguments().toArray()));
      } catch (RuntimeException e) {
        reporter.report(Diagnostic.INTERNAL_ERROR, m, null, m.getSimpleName(), e);
      }
    }
  }

  private static List<ExecutableElement> methods(Set<? extends Element> annotated) {
    List<ExecutableElement> methods = new ArrayList<>();
    for (Element e : annotated) {
      if (e instanceof ExecutableElement m) {
        methods.add(m);
      }
    }
    return methods;
  }

  private static javax.lang.model.element.AnnotationMirror annotationOf(Element e, String name) {
    for (var mirror : e.getAnnotationMirrors()) {
      if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(name)) {
        return mirror;
      }
    }
    return null;
  }

  private static boolean isPrivateNested(TypeElement owner) {
    for (Element e = owner; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }
}
