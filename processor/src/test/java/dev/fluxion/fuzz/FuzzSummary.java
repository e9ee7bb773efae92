package dev.fluxion.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last step of the {@code fuzz} Maven profile: prints the line the fuzz test left,
 * {@code fuzz: N programs, M mismatches, K crashes}, as the build's last output, and ends the
 * build with status 1 when M or K is not 0, or the generator made invalid programs (said on the
 * line before), or the test left no line. It calls {@link System#exit} because it runs inside
 * Maven (exec:java): a failure reported to Maven would print Maven's error lines after the fuzz
 * line.
 */
public final class FuzzSummary {
  private FuzzSummary() {}

  private static final Pattern LINE =
      Pattern.compile("fuzz: (\\d+) programs, (\\d+) mismatches, (\\d+) crashes");

  /**
   * Prints the summary and sets the exit status.
   *
   * @param args the summary file the fuzz test wrote
   * @throws IOException if the file exists but cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    if (!Files.exists(file)) {
      System.out.println("fuzz: no result: the fuzz test did not finish (see its output above)");
      System.exit(1);
    }
    List<String> lines = Files.readAllLines(file);
    Matcher m = LINE.matcher(lines.isEmpty() ? "" : lines.get(0));
    if (!m.matches()) {
      System.out.println("fuzz: no result: " + file + " holds no summary line");
      System.exit(1);
    }
    boolean invalid = lines.size() > 1;
    if (invalid) {
      System.out.println("fuzz: the generator made programs that are not valid ("
          + lines.get(1) + "; see the output above)");
    }
    System.out.println(m.group());
    System.out.flush();
    if (invalid || !m.group(2).equals("0") || !m.group(3).equals("0")) {
      System.exit(1);
    }
  }
}
