package dev.fluxion.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
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
 * The one JMH benchmark: times one tool of one case, named by the parameter {@code target} as
 * {@code case/tool} (e.g. {@code gmm-1k-d10-K25/fluxion-reverse}). {@link BenchmarkRun} lists the
 * targets; each runs in its own forks, so the call below is monomorphic and inlined in each.
 *
 * <p>Before timing, the setup verifies the tool ({@link Verifier}): a wrong derivative throws,
 * which fails the run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CaseBenchmark {

  /** {@code case/tool}; set by {@link BenchmarkRun}. */
  @Param({"none"})
  public String target;

  /** The objective's call, or null when a derivative is timed. */
  private DoubleSupplier objective;

  /** The derivative's call, or null when the objective is timed. */
  private Supplier<double[]> derivative;

  /** Builds the case, verifies the tool and binds the call to time. */
  @Setup
  public void setUp() {
    Target t = Target.parse(target);
    BenchmarkCase c = Cases.create(t.caseName());
    Verifier.verify(c, t.tool());
    if (t.tool() == Tool.OBJECTIVE) {
      objective = c::objective; // a double, not boxed: the objective's allocation is its own
    } else {
      derivative = bind(c, t.tool());
    }
  }

  /** The call of a derivative tool. */
  static Supplier<double[]> bind(BenchmarkCase c, Tool tool) {
    return switch (tool) {
      case OBJECTIVE -> throw new IllegalArgumentException("the objective is not a derivative");
      case FLUXION_REVERSE -> c::fluxionGradient;
      case FLUXION_FORWARD -> c::fluxionForward;
      case HAND -> c::handGradient;
      case FINITE_DIFFERENCES -> c::finiteDifferences;
      case HIPPARCHUS -> c::hipparchus;
    };
  }

  /** One call of the tool; JMH consumes the result. */
  @Benchmark
  public void run(Blackhole sink) {
    if (objective != null) {
      sink.consume(objective.getAsDouble());
    } else {
      sink.consume(derivative.get());
    }
  }

  /** A case and one of its tools. */
  public record Target(String caseName, Tool tool) {
    /** Parses {@code case/tool}. */
    public static Target parse(String text) {
      int slash = text.lastIndexOf('/');
      if (slash < 0) {
        throw new IllegalArgumentException("target " + text + " is not case/tool");
      }
      return new Target(text.substring(0, slash), Tool.of(text.substring(slash + 1)));
    }

    @Override
    public String toString() {
      return caseName + "/" + tool.label();
    }
  }
}
