/**
 * Fluxion's benchmarks: JMH timings of Fluxion's gradients against hand-written ones, Hipparchus
 * and finite differences, on ADBench's inputs and small cases. {@code benchmarks/run} runs them;
 * {@code benchmarks/README.md} explains the table.
 *
 * <h2>Layout</h2>
 *
 * Shared classes live here: {@link dev.fluxion.bench.BenchmarkCase} (what a case provides),
 * {@link dev.fluxion.bench.Tool}, {@link dev.fluxion.bench.Cases} (the registry), {@link
 * dev.fluxion.bench.Verifier}, {@link dev.fluxion.bench.FiniteDifferences}, {@link
 * dev.fluxion.bench.AdbenchData} (the ADBench folder and a number reader), and the harness
 * ({@link dev.fluxion.bench.CaseBenchmark}, {@link dev.fluxion.bench.BenchmarkRun}, {@link
 * dev.fluxion.bench.ResultsTable}). Each case has its own package, {@code dev.fluxion.bench.gmm},
 * {@code .ba}, {@code .lstm}, {@code .small}.
 *
 * <h2>Adding a case</h2>
 *
 * A case package provides:
 *
 * <ol>
 *   <li>the objective, written once as a user would write it in Fluxion's differentiable subset —
 *       natural code, no tricks for the processor — in a class with {@code @Differentiable}
 *       methods (Fluxion generates its {@code …Derivatives} companion);
 *   <li>a hand-written Java gradient or Jacobian of the same objective;
 *   <li>a loader for its input (ADBench files through {@link dev.fluxion.bench.AdbenchData#read});
 *   <li>a class implementing {@link dev.fluxion.bench.BenchmarkCase}: it owns the inputs and
 *       every buffer and holder, so that the timed calls allocate nothing the tool itself does not
 *       allocate; {@code fluxionGradient()} calls the generated into-form ({@code
 *       fGradient(args…, holder)}) on a holder created once; {@code tools()} lists only the tools
 *       that finish in a few seconds per call on its input; {@code checkReference} checks the
 *       published reference values (ADBench's README) and throws an {@link AssertionError};
 *   <li>one line in {@link dev.fluxion.bench.Cases} registering each input (name, whether the
 *       quick run includes it, a factory);
 *   <li>JUnit tests, fast enough for {@code mvn verify} (small inputs), that check every tool
 *       through {@link dev.fluxion.bench.Verifier#verify(BenchmarkCase)} and the reference values.
 * </ol>
 *
 * The harness then times every listed tool as {@code case/tool} with no further wiring.
 */
package dev.fluxion.bench;
