package dev.fluxion.bench;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The command line every benchmark run takes, and the JMH settings they share.
 *
 * @param quick {@code --quick}: one short fork per target, for a run under five minutes
 * @param list {@code --list}: print the targets and stop
 * @param only {@code --only REGEX}: only the targets {@code case/tool} it finds, or {@code null}
 * @param out {@code --out FOLDER}: where results are written (default {@code benchmarks/results})
 */
public record RunOptions(boolean quick, boolean list, Pattern only, Path out) {

  /**
   * Reads the arguments.
   *
   * @param args the command line
   * @return the options
   * @throws IllegalArgumentException for an argument it does not know
   */
  public static RunOptions parse(String[] args) {
    boolean quick = false;
    boolean list = false;
    Pattern only = null;
    Path out = AdbenchData.repositoryRoot().resolve("benchmarks/results");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--list" -> list = true;
        case "--only" -> only = Pattern.compile(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    return new RunOptions(quick, list, only, out);
  }

  /**
   * Whether a target is selected by {@code --only}.
   *
   * @param target {@code case/tool}
   * @return {@code true} when there is no {@code --only} or its pattern is found in the target
   */
  public boolean selects(String target) {
    return only == null || only.matcher(target).find();
  }

  /**
   * JMH's settings for a benchmark method: for a 2-core machine, one benchmark thread; the full
   * run has 2 forks of 5 warm-up and 5 measured one-second iterations, the quick run one fork of
   * 3 + 3 of half a second (enough for C2 to compile calls of a few milliseconds; an iteration is
   * at least one call, so slow calls take longer); the GC profiler for the bytes allocated.
   *
   * @param benchmark the class holding the {@code run} benchmark method
   * @return the builder, for parameters and result files to be added
   */
  public ChainedOptionsBuilder jmh(Class<?> benchmark) {
    return new OptionsBuilder()
        .include(Pattern.quote(benchmark.getName()) + "\\.run$")
        .threads(1)
        .forks(quick ? 1 : 2)
        .warmupIterations(quick ? 3 : 5)
        .warmupTime(quick ? TimeValue.milliseconds(500) : TimeValue.seconds(1))
        .measurementIterations(quick ? 3 : 5)
        .measurementTime(quick ? TimeValue.milliseconds(500) : TimeValue.seconds(1))
        .jvmArgsAppend("-Xms1g", "-Xmx4g")
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true);
  }
}
