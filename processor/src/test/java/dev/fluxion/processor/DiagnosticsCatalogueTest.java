package dev.fluxion.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import dev.fluxion.processor.diag.Diagnostic;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics catalogue is complete and documented (issue 8): every ID has a test in
 * {@link DiagnosticsTest} and a README entry with a minimal example and its message, the example
 * really gives that message, and the processor reports nothing that does not go through
 * {@link Diagnostic}.
 */
class DiagnosticsCatalogueTest {

  /** Entries whose example is not one compilation: their message is checked against a template. */
  private static final Set<String> NOT_COMPILED = Set.of(
      "FLX001", // a bug in Fluxion: no source shows it
      "FLX002", // needs another compiler (DiagnosticsTest and BuildToolsTest show it)
      "FLX116"); // needs a library jar compiled first (DiagnosticsTest shows it)

  private static Path module() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
  }

  private static List<String> ids() {
    return Arrays.stream(Diagnostic.values()).map(Diagnostic::id).sorted().toList();
  }

  @Test
  void everyIdHasATestInDiagnosticsTest() {
    Set<String> tested = new TreeSet<>();
    for (Method m : DiagnosticsTest.class.getDeclaredMethods()) {
      Matcher id = Pattern.compile("flx(\\d{3})").matcher(m.getName());
      if (m.isAnnotationPresent(Test.class) && id.lookingAt()) {
        tested.add("FLX" + id.group(1));
      }
    }
    assertEquals(new TreeSet<>(ids()), tested,
        "DiagnosticsTest needs one test named flxNNN… per diagnostic ID");
  }

  /** A README entry: the ID, the example (or null), and the message lines shown. */
  private record Entry(String id, String example, List<String> messages) {}

  private static final Pattern HEADING = Pattern.compile("(?m)^#### (FLX\\d{3})\\s*$");
  private static final Pattern BLOCK = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```\\s*$");

  private static Map<String, Entry> readmeEntries() throws IOException {
    String readme = Files.readString(module().resolveSibling("README.md"));
    Matcher h = HEADING.matcher(readme);
    List<Integer> starts = new ArrayList<>();
    List<String> found = new ArrayList<>();
    while (h.find()) {
      starts.add(h.start());
      found.add(h.group(1));
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (int i = 0; i < found.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1) : readme.indexOf("\n## ", starts.get(i));
      String section = readme.substring(starts.get(i), end < 0 ? readme.length() : end);
      String example = null;
      List<String> messages = new ArrayList<>();
      Matcher b = BLOCK.matcher(section);
      while (b.find()) {
        if (b.group(1).equals("java") && example == null) {
          example = b.group(2);
        } else if (b.group(1).isEmpty()) {
          b.group(2).lines().filter(l -> l.startsWith("error: ") || l.startsWith("warning: "))
              .forEach(messages::add);
        }
      }
      entries.put(found.get(i), new Entry(found.get(i), example, messages));
    }
    return entries;
  }

  @Test
  void everyIdHasAReadmeEntryWithAnExampleAndItsMessage() throws IOException {
    Map<String, Entry> entries = readmeEntries();
    assertEquals(ids(), List.copyOf(entries.keySet()),
        "the README's Diagnostics section needs one '#### FLXnnn' entry per ID, in order");
    List<String> problems = new ArrayList<>();
    for (Diagnostic d : Diagnostic.values()) {
      Entry e = entries.get(d.id());
      String kind = d.kind() == javax.tools.Diagnostic.Kind.ERROR ? "error" : "warning";
      if (e.messages().size() != 1) {
        problems.add(d.id() + ": the entry shows " + e.messages().size()
            + " message lines; it needs one, '" + kind + ": [" + d.id() + "] …'");
        continue;
      }
      String shown = e.messages().get(0);
      if (!shown.startsWith(kind + ": [" + d.id() + "] ")) {
        problems.add(d.id() + ": the message shown must start with '" + kind + ": [" + d.id()
            + "] ': " + shown);
        continue;
      }
      String text = shown.substring(kind.length() + 2);
      if (NOT_COMPILED.contains(d.id())) {
        if (!template(d).matcher(text).matches()) {
          problems.add(d.id() + ": the message shown does not fit the catalogue's: " + text);
        }
        continue;
      }
      if (e.example() == null) {
        problems.add(d.id() + ": the entry has no ```java example");
        continue;
      }
      if (d.id().equals("FLX204") && Runtime.version().feature() < 21) {
        continue; // Math.clamp is JDK 21+; DiagnosticsTest skips it likewise
      }
      List<String> actual = messagesOf(d, e.example());
      if (!actual.contains(text)) {
        problems.add(d.id() + ": the example gives " + actual + ", not the message shown: " + text);
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  /** The catalogue's template as a pattern: each %s stands for some text. */
  private static Pattern template(Diagnostic d) {
    String marker = "\u0000";
    String[] parts = d.format(Collections.nCopies(8, marker).toArray()).split(marker, -1);
    return Pattern.compile(Arrays.stream(parts).map(Pattern::quote)
        .collect(Collectors.joining(".+")));
  }

  /** The messages with the diagnostic's ID that compiling the example in a class p.C gives. */
  private static List<String> messagesOf(Diagnostic d, String example) {
    List<String> lines =
        new ArrayList<>(List.of("package p;", "import dev.fluxion.*;", "class C {"));
    example.lines().map(l -> "  " + l).forEach(lines::add);
    lines.add("}");
    JavaFileObject source = Compiler.source("p.C", lines.toArray(String[]::new));
    Compilation compilation = Compiler.compile(source);
    return compilation.diagnostics().stream()
        .map(x -> x.getMessage(Locale.ROOT))
        .filter(m -> m.startsWith("[" + d.id() + "]"))
        .toList();
  }

  // ---- no message outside the catalogue ----

  /**
   * Scans the processor's main sources: outside the {@code diag} package, nothing reports through
   * javac's {@code Messager} or {@code Trees.printMessage} except with a {@link Diagnostic}'s
   * kind and formatted message, nothing names a diagnostic kind, writes an ID by hand, or prints
   * to the console; and every ID is reported somewhere.
   */
  @Test
  void noMessageIsReportedOutsideTheCatalogue() throws IOException {
    Path main = module().resolve("src/main/java/dev/fluxion/processor");
    List<String> problems = new ArrayList<>();
    StringBuilder everything = new StringBuilder();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(main)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    assertTrue(files.size() > 10, "found the processor's sources under " + main);
    Pattern printMessage = Pattern.compile("\\.printMessage\\(");
    Pattern catalogued = Pattern.compile(
        "\\.printMessage\\(\\s*Diagnostic\\.(\\w+)\\.kind\\(\\),\\s*Diagnostic\\.\\1\\.format\\(");
    Pattern[] forbidden = {
      Pattern.compile("\\bKind\\.(ERROR|WARNING|MANDATORY_WARNING|NOTE|OTHER)\\b"),
      Pattern.compile("\\bMessager\\b"),
      Pattern.compile("\"[^\"]*\\[FLX"),
      Pattern.compile("\\bSystem\\.(out|err)\\b"),
      Pattern.compile("\\.printStackTrace\\("),
    };
    for (Path file : files) {
      String code = withoutComments(Files.readString(file));
      String name = main.relativize(file).toString();
      if (name.startsWith("diag/")) {
        everything.append(name.equals("diag/Diagnostic.java") ? "" : code);
        continue;
      }
      everything.append(code);
      Matcher m = printMessage.matcher(code);
      while (m.find()) {
        Matcher ok = catalogued.matcher(code).region(m.start(), code.length());
        if (!ok.lookingAt()) {
          problems.add(name + ":" + line(code, m.start())
              + ": printMessage without a Diagnostic's kind and format(…)");
        }
      }
      for (Pattern p : forbidden) {
        Matcher f = p.matcher(code);
        while (f.find()) {
          if (f.group().equals("Messager") && name.equals("FluxionProcessor.java")) {
            continue; // hands javac's Messager to the Reporter
          }
          problems.add(name + ":" + line(code, f.start()) + ": '" + f.group()
              + "' outside the diag package");
        }
      }
    }
    for (Diagnostic d : Diagnostic.values()) {
      if (!everything.toString().contains("Diagnostic." + d.name())) {
        problems.add(d.id() + " (" + d.name() + ") is never reported");
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  private static int line(String code, int offset) {
    return (int) code.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }

  /** The code with comments blanked out (lines kept), string literals left as they are. */
  private static String withoutComments(String code) {
    StringBuilder out = new StringBuilder(code.length());
    int i = 0;
    while (i < code.length()) {
      char c = code.charAt(i);
      if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < code.length() && code.charAt(j) != c) {
          j += code.charAt(j) == '\\' ? 2 : 1;
        }
        out.append(code, i, Math.min(j + 1, code.length()));
        i = j + 1;
      } else if (code.startsWith("//", i)) {
        while (i < code.length() && code.charAt(i) != '\n') {
          i++;
        }
      } else if (code.startsWith("/*", i)) {
        int end = code.indexOf("*/", i + 2);
        end = end < 0 ? code.length() : end + 2;
        code.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
