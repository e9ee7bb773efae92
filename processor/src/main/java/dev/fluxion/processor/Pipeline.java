package dev.fluxion.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.fluxion.processor.analysis.Activity;
import dev.fluxion.processor.analysis.CallChecker;
import dev.fluxion.processor.diag.Diagnostic;
import dev.fluxion.processor.diag.Problem;
import dev.fluxion.processor.diag.Rejection;
import dev.fluxion.processor.diag.Reporter;
import dev.fluxion.processor.emit.CompanionWriter;
import dev.fluxion.processor.ir.IrMethod;
import dev.fluxion.processor.ir.Reference;
import dev.fluxion.processor.ir.Stmt;
import dev.fluxion.processor.lower.LoweredMethod;
import dev.fluxion.processor.lower.Lowerer;
import dev.fluxion.processor.lower.SymbolResolver;
import dev.fluxion.processor.lower.Validator;
import dev.fluxion.processor.model.DifferentiableMethod;
import dev.fluxion.processor.model.MethodDescriber;
import dev.fluxion.processor.transform.ForwardTransform;
import dev.fluxion.processor.transform.ReverseTransform;
import dev.fluxion.processor.transform.ScratchArrays;
import dev.fluxion.processor.transform.Signatures;
import dev.fluxion.processor.analysis.LoopState;
import dev.fluxion.processor.analysis.Variation;
import dev.fluxion.processor.ir.Var;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Fluxion's pipeline for one method, written out in order: validate, lower, analyse, check,
 * transform. Each phase is one class with its own contract; this class only connects them.
 */
final class Pipeline {
  private static final String TAPE = "dev.fluxion.Tape";
  private static final String CHECKPOINTS = "dev.fluxion.Checkpoints";

  private final Elements elements;
  private final Types types;
  private final Trees trees;
  private final Reporter reporter;
  private final MethodDescriber describer;
  private final boolean recordOnlyWhatIsRead;

  Pipeline(ProcessingEnvironment env, Trees trees, Reporter reporter) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.trees = trees;
    this.reporter = reporter;
    this.describer = new MethodDescriber(elements, trees);
    this.recordOnlyWhatIsRead =
        !"false".equalsIgnoreCase(env.getOptions().get(FluxionProcessor.OPTION_TBR));
  }

  /**
   * Differentiates one method.
   *
   * @param element the annotated method
   * @return its descriptor and reverse building block
   * @throws MethodDescriber.InvalidDeclaration if the annotation is misused
   * @throws Rejection if the body leaves the subset
   * @throws dev.fluxion.processor.diag.LeftToJavac if the body has an error javac reports itself
   */
  CompanionWriter.Derived differentiate(ExecutableElement element) {
    DifferentiableMethod descriptor = describer.describe(element);
    TreePath path = trees.getPath(element);
    CompilationUnitTree unit = path.getCompilationUnit();
    MethodTree tree = (MethodTree) path.getLeaf();

    List<Problem> problems = new Validator().validate(tree);
    if (!problems.isEmpty()) {
      throw new Rejection(problems);
    }

    var owner = (TypeElement) element.getEnclosingElement();
    var resolver = new SymbolResolver(elements, types, owner, unit, describer);
    LoweredMethod lowered = new Lowerer(resolver, unit, trees.getSourcePositions())
        .lower(tree, descriptor);

    Activity activity = Activity.analyse(lowered.ir(), lowered.independents());
    problems = new java.util.ArrayList<>(CallChecker.check(lowered, activity));
    problems.addAll(LoopState.problems(lowered, activity.families()));
    if (!problems.isEmpty()) {
      throw new Rejection(problems);
    }
    warnIfConstant(lowered, activity, unit, element);

    TypeElement tape = elements.getTypeElement(TAPE);
    if (tape == null) {
      throw new IllegalStateException(TAPE + " is not on the class path: add fluxion-runtime");
    }
    Reference tapeType = new Reference(tape.asType());
    Reference scheduleType = new Reference(elements.getTypeElement(CHECKPOINTS).asType());
    var forwardNames = lowered.names().copy();
    IrMethod reverse =
        new ReverseTransform(lowered, activity, tapeType, scheduleType, recordOnlyWhatIsRead).transform();
    Var forwardTape = new Var(forwardNames.fresh("tape"), tapeType, Var.Kind.DERIVED);
    IrMethod lentPrimal = ScratchArrays.of(lowered.ir(), activity)
        .lentInForwardMode(lowered.ir(), forwardTape, forwardNames);
    IrMethod forward = new ForwardTransform(lentPrimal, lowered.independents(),
        activity::isActive, forwardNames, true)
        .transform(descriptor.forwardName(), forwardTape);
    IrMethod reverseForward = secondOrder(descriptor, reverse, lowered.names());
    return new CompanionWriter.Derived(descriptor, reverse, forward, reverseForward);
  }

  /** Forward mode over the reverse block: the second-order building block. */
  private static IrMethod secondOrder(
      DifferentiableMethod descriptor, IrMethod reverse, dev.fluxion.processor.lower.NameAllocator names) {
    List<Boolean> flags = Signatures.reverseTangents(descriptor);
    List<Var> inputs = new java.util.ArrayList<>();
    for (int i = 0; i < flags.size(); i++) {
      if (flags.get(i)) {
        inputs.add(reverse.parameters().get(i));
      }
    }
    Variation variation = Variation.of(reverse, inputs);
    Var tape = reverse.parameters().get(reverse.parameters().size() - 1);
    return new ForwardTransform(reverse, inputs, variation::isVaried, names, false)
        .transform(descriptor.reverseForwardName(), tape);
  }

  private void warnIfConstant(LoweredMethod lowered, Activity activity,
      CompilationUnitTree unit, ExecutableElement element) {
    List<Stmt> body = lowered.ir().body().statements();
    Stmt.Return ret = (Stmt.Return) body.get(body.size() - 1);
    if (!activity.isVaried(ret.value())) {
      List<String> wrt = lowered.independents().stream().map(v -> v.name()).toList();
      reporter.report(new Problem(Diagnostic.NO_DEPENDENCE, trees.getTree(element),
          lowered.descriptor().display(), wrt.isEmpty() ? "no parameters" : String.join(", ", wrt)),
          unit, element);
    }
  }
}
