package dev.fluxion.fuzz;

import dev.fluxion.fuzz.Fuzzer.Result;
import dev.fluxion.fuzz.ProgramGenerator.Program;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fuzzer's regression programs: shrunk failures saved as source files under
 * {@value #DIRECTORY}, each with a header that records the seed its points are drawn from and
 * how it failed. {@link FuzzRegressionsTest} replays every one in each build.
 */
final class Regressions {
  private Regressions() {}

  /** Where regressions are saved, relative to the processor module. */
  static final String DIRECTORY = "src/test/resources/dev/fluxion/fuzz/regressions";

  private static final Pattern SEED = Pattern.compile("(?m)^// Seed (-?\\d+)");
  private static final Pattern CLASS_SEED = Pattern.compile("class P(m?)(\\d+)\\b");

  /**
   * Reads a saved program. Its seed is the one its header records, else the one in its class
   * name ({@code P123}, {@code Pm5} for -5), else 1.
   *
   * @param file the source file
   * @return the program
   * @throws IOException if it cannot be read
   */
  static Program read(Path file) throws IOException {
    String source = Files.readString(file);
    long seed = 1;
    Matcher header = SEED.matcher(source);
    Matcher name = CLASS_SEED.matcher(source);
    if (header.find()) {
      seed = Long.parseLong(header.group(1));
    } else if (name.find()) {
      seed = Long.parseLong(name.group(2)) * (name.group(1).isEmpty() ? 1 : -1);
    }
    return Fuzzer.fromSource(source, seed);
  }

  private static final Pattern KNOWN = Pattern.compile("(?m)^// Known failure\\b");
  private static final Pattern HEADLINE =
      Pattern.compile("(?m)^// Seed -?\\d+ \\(the points are drawn from it\\): (.*)$");

  /**
   * For a regression marked {@code // Known failure} (reported, not fixed yet), how it fails: the
   * headline its header records; else null.
   *
   * @param program a saved program
   * @return the expected {@link Fuzzer.Result#headline()}, or null
   */
  static String knownFailure(Program program) {
    Matcher headline = HEADLINE.matcher(program.source());
    return KNOWN.matcher(program.source()).find() && headline.find() ? headline.group(1) : null;
  }

  /**
   * Saves a shrunk failure as a regression, named after its class.
   *
   * @param small the shrunk program
   * @param original the program the fuzzer generated
   * @param result how the shrunk program fails
   * @return the file written
   * @throws IOException if it cannot be written
   */
  static Path save(Program small, Program original, Result result) throws IOException {
    Path directory = moduleDirectory().resolve(DIRECTORY);
    Files.createDirectories(directory);
    Path file = directory.resolve(small.className() + ".java");
    String firstLine = result.message().lines().findFirst().orElse("");
    if (firstLine.length() > 300) {
      firstLine = firstLine.substring(0, 300) + " …";
    }
    String header = "// A failure the differential fuzzer found (issue 8), shrunk from "
        + Shrinker.size(original.source()) + " to " + Shrinker.size(small.source()) + " lines.\n"
        + "// Seed " + original.seed() + " (the points are drawn from it): " + result.headline()
        + "\n// " + firstLine + "\n"
        + "// Rerun: mvn -B -q -pl processor -Pfuzz verify -Dfuzz.file=processor/" + DIRECTORY + "/"
        + file.getFileName() + "\n";
    Files.writeString(file, header + small.source());
    return file;
  }

  /**
   * The saved regressions on the test class path, in name order.
   *
   * @return their files
   * @throws IOException if the directory cannot be listed
   */
  static List<Path> all() throws IOException {
    URL url = Regressions.class.getResource("regressions");
    if (url == null) {
      return List.of();
    }
    Path directory;
    try {
      directory = Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  /**
   * A file named on the command line ({@code -Dfuzz.file}): relative to the processor module, or
   * else to the repository's root.
   *
   * @param name the path as given
   * @return the file
   */
  static Path locate(String name) {
    Path inModule = moduleDirectory().resolve(name);
    Path inRoot = moduleDirectory().resolveSibling(name);
    return Files.exists(inModule) || !Files.exists(inRoot) ? inModule : inRoot;
  }

  /** The processor module: surefire's basedir, else the working directory. */
  private static Path moduleDirectory() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
  }
}
