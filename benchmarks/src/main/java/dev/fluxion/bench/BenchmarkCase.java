package dev.fluxion.bench;

import java.util.Set;

/**
 * One benchmark case: an objective on fixed inputs and the tools that differentiate it. The
 * harness ({@link CaseBenchmark}) times {@link #objective()} and each tool of {@link #tools()}
 * in the same run, after {@link Verifier} has checked every tool's result.
 *
 * <p>An instance owns its inputs and every buffer its tools write; it is used by one thread. The
 * derivative methods return the derivative flattened into one array — a gradient in the order of
 * the objective's parameters and their elements (row by row for matrices), a sparse Jacobian as
 * its non-zero values in an order fixed by the case — which may be a buffer the case owns and
 * overwrites on the next call. The same order for every tool: the verifier compares them element
 * by element.
 *
 * <p>Only the tool methods of the tools listed in {@link #tools()} are called; the others keep their
 * default, which throws.
 */
public interface BenchmarkCase {

  /** The case's name, the TSV's {@code case} column, e.g. {@code gmm-1k-d10-K25}. */
  String name();

  /** The tools this case runs, {@link Tool#OBJECTIVE} included. */
  Set<Tool> tools();

  /**
   * The tools the quick run ({@code benchmarks/run --quick}) times: by default all of {@link
   * #tools()}; a case leaves out those that take seconds per call.
   */
  default Set<Tool> quickTools() {
    return tools();
  }

  /**
   * Runs the objective once. A vector objective (BA's residuals) writes its buffer and returns a
   * value depending on it, so that the work cannot be optimised away.
   */
  double objective();

  /** Fluxion's reverse mode through its allocation-free into-form. */
  double[] fluxionGradient();

  /** Fluxion's forward mode (a tangent sweep per input direction). */
  default double[] fluxionForward() {
    throw new UnsupportedOperationException(name() + " has no Fluxion forward-mode tool");
  }

  /** The hand-written gradient or Jacobian. */
  double[] handGradient();

  /** Central finite differences on the objective (see {@link FiniteDifferences}). */
  default double[] finiteDifferences() {
    throw new UnsupportedOperationException(name() + " has no finite-differences tool");
  }

  /** Hipparchus' forward mode by operator overloading. */
  default double[] hipparchus() {
    throw new UnsupportedOperationException(name() + " has no Hipparchus tool");
  }

  /**
   * Checks the objective's value and a derivative (from any tool) against the case's reference
   * values — the published ones where there are any, values known in closed form otherwise.
   *
   * @param objective what {@link #objective()} returned
   * @param derivative a tool's result
   * @param tolerance the relative tolerance fit for the tool that computed it
   * @throws AssertionError naming the entry that is off
   */
  void checkReference(double objective, double[] derivative, double tolerance);

  /**
   * The relative tolerance of a tool's derivative, measured against the largest entry: tight for
   * exact tools, looser for finite differences.
   */
  default double tolerance(Tool tool) {
    return tool == Tool.FINITE_DIFFERENCES ? 1e-5 : 1e-9;
  }

  /** Runs the tool once: the objective's value as a one-element array, or the derivative. */
  default double[] run(Tool tool) {
    return switch (tool) {
      case OBJECTIVE -> new double[] {objective()};
      case FLUXION_REVERSE -> fluxionGradient();
      case FLUXION_FORWARD -> fluxionForward();
      case HAND -> handGradient();
      case FINITE_DIFFERENCES -> finiteDifferences();
      case HIPPARCHUS -> hipparchus();
    };
  }
}
