package dev.fluxion.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.fuzz.Fuzzer.Result;
import dev.fluxion.fuzz.Fuzzer.Stats;
import dev.fluxion.fuzz.ProgramGenerator.Program;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Differential fuzzing (issue 8): random programs from {@link ProgramGenerator} go through the
 * {@link Fuzzer}'s checks (reverse mode, forward mode, Hessian-vector products and finite
 * differences agree); a failing program is shrunk by the {@link Shrinker} and printed, and can be
 * saved as a regression that {@link FuzzRegressionsTest} replays in every build.
 *
 * <p>Properties:
 *
 * <ul>
 *   <li>{@code -Dfuzz.programs=N}: how many programs (default 200, what {@code mvn verify} runs);
 *   <li>{@code -Dfuzz.seed=S}: the seed of the first program (default 1); program i has seed
 *       S + i, so {@code -Dfuzz.seed=S -Dfuzz.programs=1} reruns one program;
 *   <li>{@code -Dfuzz.file=Path.java}: check one saved program instead (relative to the processor
 *       module or to the repository);
 *   <li>{@code -Dfuzz.save=true}: write each shrunk failure into {@link Regressions#DIRECTORY}, as
 *       a regression test;
 *   <li>{@code -Dfuzz.shrink=false}: report failures without shrinking them;
 *       {@code -Dfuzz.shrinkSeconds=T} (default 180) and {@code -Dfuzz.shrinkMax=K} (default 10
 *       programs per run) bound the time shrinking takes;
 *   <li>{@code -Dfuzz.verbose=true}: print every program;
 *   <li>{@code -Dfuzz.summary=path}: write the last line to this file instead of printing it (the
 *       {@code fuzz} Maven profile prints it after the build with {@link FuzzSummary}).
 * </ul>
 *
 * <p>The last line is {@code fuzz: N programs, M mismatches, K crashes}, with M and K counting
 * programs. Programs the processor rejects with another diagnostic are logged (the generator is
 * meant to stay inside the subset); programs that are not valid Java, or whose method throws, are
 * generator bugs and fail the test.
 */
class DifferentialFuzzTest {

  private static final long PROGRAM_TIMEOUT_SECONDS = 60;
  private static final long SHRINK_TIMEOUT_SECONDS = 10;
  private static final int SHRINK_MAX_TESTS = 2000;

  @Test
  void generatedProgramsAreDifferentiatedConsistently() throws Exception {
    int programs = Integer.getInteger("fuzz.programs", 200);
    long first = Long.getLong("fuzz.seed", 1L);
    String file = System.getProperty("fuzz.file");
    boolean verbose = Boolean.getBoolean("fuzz.verbose");
    boolean save = Boolean.getBoolean("fuzz.save");
    boolean shrink = !"false".equals(System.getProperty("fuzz.shrink"));
    int shrinkMax = Integer.getInteger("fuzz.shrinkMax", 10);
    Duration shrinkBudget = Duration.ofSeconds(Long.getLong("fuzz.shrinkSeconds", 180L));
    String summaryFile = System.getProperty("fuzz.summary");
    if (summaryFile != null) {
      Files.deleteIfExists(Path.of(summaryFile));
    }
    if (file != null) {
      programs = 1;
    }
    int mismatches = 0;
    int crashes = 0;
    int rejected = 0;
    int invalid = 0;
    int methods = 0;
    int shrunk = 0;
    Stats stats;
    try (Fuzzer fuzzer = new Fuzzer(PROGRAM_TIMEOUT_SECONDS)) {
      stats = fuzzer.stats();
      for (int k = 0; k < programs; k++) {
        if (k > 0 && k % 1000 == 0) {
          System.out.println("fuzz: " + k + " of " + programs + " programs so far, " + mismatches
              + " mismatches, " + crashes + " crashes");
        }
        long seed = first + k;
        Program program = file != null ? Regressions.read(Regressions.locate(file))
            : ProgramGenerator.generate(seed);
        if (verbose) {
          System.out.println("---- seed " + program.seed() + "\n" + program.source());
        }
        Result result = fuzzer.run(program);
        switch (result.status()) {
          case PASSED -> methods += program.methods().size();
          case REJECTED -> {
            rejected++;
            System.out.println("fuzz: seed " + program.seed()
                + " rejected (generator left the subset): " + result.message());
          }
          case INVALID -> {
            invalid++;
            report("INVALID PROGRAM (generator bug)", program, result.message());
          }
          case MISMATCH, CRASH -> {
            methods += program.methods().size();
            if (result.status() == Fuzzer.Status.MISMATCH) {
              mismatches++;
            } else {
              crashes++;
            }
            report(result.headline(), program, result.message());
            if (shrink && shrunk < shrinkMax && !result.signature().equals("timeout")) {
              shrunk++;
              Shrunk small;
              try {
                small = shrink(program, result, shrinkBudget);
              } catch (RuntimeException e) {
                // A bug in the shrinker must not hide the fuzzer's findings.
                System.out.println("fuzz: shrinking seed " + program.seed() + " failed: " + e);
                continue;
              }
              System.out.println("==== fuzz " + result.headline() + ", shrunk from "
                  + Shrinker.size(program.source()) + " to "
                  + Shrinker.size(small.program().source()) + " lines:\n" + small.result().message() + "\n---- program:\n"
                  + small.program().source() + "====");
              if (save) {
                Path saved = Regressions.save(small.program(), program, small.result());
                System.out.println("fuzz: saved as " + saved);
              }
            }
          }
        }
      }
    }
    System.out.println(String.format(Locale.ROOT,
        "fuzz: %d methods, %d checked at %d points (%d methods without a usable point); "
            + "%d points skipped near kinks, %d non-finite or huge; %d programs rejected, %d invalid",
        methods, stats.methodsChecked, stats.points, stats.methodsUnchecked, stats.kinks,
        stats.nonFinite, rejected, invalid));
    String line = "fuzz: " + programs + " programs, " + mismatches + " mismatches, " + crashes
        + " crashes";
    if (summaryFile != null) {
      Files.writeString(Path.of(summaryFile), line + (invalid > 0 ? "\ninvalid: " + invalid : "")
          + "\n");
    } else {
      System.out.println(line);
    }
    assertEquals(0, mismatches, "mismatches (see the output for seeds and programs)");
    assertEquals(0, crashes, "crashes (see the output for seeds and programs)");
    assertEquals(0, invalid, "programs the generator got wrong (see the output)");
  }

  /** A shrunk program and how it fails. */
  record Shrunk(Program program, Result result) {}

  /** The smallest program the shrinker finds that fails as {@code result} says. */
  static Shrunk shrink(Program program, Result result, Duration budget) {
    try (Fuzzer fuzzer = new Fuzzer(SHRINK_TIMEOUT_SECONDS)) {
      String source = Shrinker.shrink(program.source(), candidate ->
          // A candidate that hangs leaves its thread running: stop trying after one.
          fuzzer.hung() == 0
              && fuzzer.run(Fuzzer.fromSource(candidate, program.seed())).sameFailure(result),
          SHRINK_MAX_TESTS, budget);
      Program small = Fuzzer.fromSource(source, program.seed());
      Result again = fuzzer.hung() == 0 ? fuzzer.run(small) : result;
      return again.sameFailure(result) ? new Shrunk(small, again) : new Shrunk(program, result);
    }
  }

  private static void report(String what, Program program, String message) {
    System.out.println("==== fuzz " + what + ": seed " + program.seed()
        + " (rerun: -Dfuzz.seed=" + program.seed() + " -Dfuzz.programs=1)\n" + message
        + "\n---- program:\n" + program.source() + "====");
  }
}
