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
 * {@link Regressions}): each must now compile and pass every check. A regression whose header
 * has a {@code // Known failure} line is reported and not fixed yet: it must still fail as its
 * header says, and once it passes, the test asks for that line to be deleted, so that the fix
 * stays covered.
 */
class FuzzRegressionsTest {

  @TestFactory
  List<DynamicTest> savedFailuresNowPass() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : Regressions.all()) {
      tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
        Program program = Regressions.read(file);
        Result result;
        try (Fuzzer fuzzer = new Fuzzer(60)) {
          result = fuzzer.run(program);
        }
        String known = Regressions.knownFailure(program);
        if (known != null) {
          assertEquals(known, result.headline(), () -> file.getFileName() + " is a known failure"
              + (result.failed() ? " but now fails otherwise:\n" + result.message()
                  : " that passes now: delete its '// Known failure' line, so that it stays fixed"));
        } else {
          assertEquals(Status.PASSED, result.status(),
              () -> result.headline() + "\n" + result.message() + "\n" + program.source());
        }
      }));
    }
    return tests;
  }
}
