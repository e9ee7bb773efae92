package dev.fluxion.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tour's command line: every example, one by name, --list, and unknown names. */
class TourTest {

  /** The result of one run: exit status, standard output, standard error. */
  private record Run(int status, String out, String err) {}

  private static Run tour(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = Tour.run(args, o, e);
    }
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void examplesHaveUniqueNamesWithoutSpacesAndOneLineDescriptions() {
    List<Example> examples = Tour.examples();
    assertEquals(List.of("seed-000", "seed-001", "seed-002", "seed-003", "seed-004"),
        examples.stream().map(Example::name).toList(), "the tour runs the seeds in order");
    Set<String> names = new HashSet<>();
    for (Example example : examples) {
      assertTrue(example.name().matches("[a-z0-9-]+"), example.name());
      assertTrue(names.add(example.name()), "duplicate " + example.name());
      assertTrue(!example.description().isBlank() && !example.description().contains("\n"));
    }
  }

  @Test
  void noArgumentRunsEveryExampleInOrder() {
    Run run = tour();
    assertEquals(0, run.status(), run.err());
    assertEquals("", run.err());
    int previous = -1;
    for (Example example : Tour.examples()) {
      int at = run.out().indexOf("== " + example.name());
      assertTrue(at > previous, "heading of " + example.name() + " missing or out of order");
      previous = at;
    }
    assertTrue(run.out().contains("seed-004 df6/dx = 48.7568933507609"), run.out());
    // Every plot the tour names exists.
    long plots = run.out().lines().filter(line -> line.matches("seed-00[0-9] plot .*\\.png"))
        .peek(line -> assertTrue(
            Files.isRegularFile(Path.of(line.substring(line.lastIndexOf(": ") + 2))), line))
        .count();
    assertEquals(6, plots, run.out());
  }

  @Test
  void aNameRunsThatExampleOnly() {
    Run run = tour("seed-004");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().startsWith("== seed-004"), run.out());
    assertTrue(run.out().contains("seed-004 df6/dx = "), run.out());
    for (Example example : Tour.examples()) {
      if (!example.name().equals("seed-004")) {
        assertTrue(!run.out().contains("== " + example.name()), example.name() + " ran too");
      }
    }
  }

  @Test
  void listPrintsEveryNameWithItsDescriptionAndRunsNothing() {
    Run run = tour("--list");
    assertEquals(0, run.status());
    String[] lines = run.out().split("\\R");
    assertEquals(Tour.examples().size(), lines.length, run.out());
    for (int i = 0; i < lines.length; i++) {
      Example example = Tour.examples().get(i);
      assertTrue(lines[i].startsWith(example.name() + " "), lines[i]);
      assertTrue(lines[i].endsWith(example.description()), lines[i]);
    }
    assertTrue(!run.out().contains("df6/dx"), "--list ran an example");
  }

  @Test
  void helpShowsUsage() {
    Run run = tour("--help");
    assertEquals(0, run.status());
    assertTrue(run.out().startsWith("Usage:"), run.out());
    assertTrue(run.out().contains("seed-004"), run.out());
  }

  @Test
  void unknownNameIsAUsageErrorNamingTheKnownExamples() {
    Run run = tour("seed-999");
    assertEquals(2, run.status());
    assertEquals("", run.out(), "nothing may run before the command line is checked");
    assertTrue(run.err().contains("no example named 'seed-999'"), run.err());
    assertTrue(run.err().contains("seed-004"), run.err());
  }

  @Test
  void unknownNameAfterAKnownOneRunsNothing() {
    Run run = tour("seed-004", "nope");
    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertTrue(run.err().contains("'nope'"), run.err());
  }

  @Test
  void unknownOptionIsAUsageError() {
    Run run = tour("--verbose");
    assertEquals(2, run.status());
    assertTrue(run.err().contains("unknown option '--verbose'"), run.err());
  }

  @Test
  void listWithOtherArgumentsIsAUsageError() {
    Run run = tour("--list", "seed-004");
    assertEquals(2, run.status());
    assertEquals("", run.out());
    assertTrue(run.err().contains("--list"), run.err());
  }
}
