package dev.fluxion.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.fuzz.Fuzzer.Result;
import dev.fluxion.fuzz.Fuzzer.Status;
import dev.fluxion.fuzz.ProgramGenerator.Program;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every failure the differential fuzzer found and saved ({@code -Dfuzz.save=true}, see
 * {@link Regressions}): each must now compile and pass every check.
 */
class FuzzRegressionsTest {

  @TestFactory
  List<DynamicTest> savedFailuresNowPass() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : Regressions.all()) {
      tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
        Program program = Regressions.read(file);
        try (Fuzzer fuzzer = new Fuzzer(60)) {
          Result result = fuzzer.run(program);
          assertEquals(Status.PASSED, result.status(),
              () -> result.headline() + "\n" + result.message() + "\n" + program.source());
        }
      }));
    }
    return tests;
  }
}
