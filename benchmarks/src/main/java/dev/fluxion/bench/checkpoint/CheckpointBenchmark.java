package dev.fluxion.bench.checkpoint;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Times one tool of the checkpointing case ({@link EulerCase}), named by the parameter {@code
 * tool} ({@link EulerTool}); {@link CheckpointRun} runs every tool in one JMH run, so their times
 * are comparable. The setup verifies the tool first: a wrong gradient fails the run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CheckpointBenchmark {

  /** The tool's label; set by {@link CheckpointRun}. */
  @Param({"fluxion-reverse"})
  public String tool;

  private EulerCase euler;
  private int snapshots;

  /** Builds the case and verifies the tool. */
  @Setup
  public void setUp() {
    EulerTool t = EulerTool.of(tool);
    euler = new EulerCase(EulerCase.STEPS);
    euler.verify(t);
    snapshots = t.snapshots();
  }

  /** One call: the objective, or one gradient through the into-form. */
  @Benchmark
  public void run(Blackhole sink) {
    if (snapshots == EulerTool.OBJECTIVE) {
      sink.consume(euler.objective());
    } else {
      sink.consume(euler.gradient(snapshots));
    }
  }
}
