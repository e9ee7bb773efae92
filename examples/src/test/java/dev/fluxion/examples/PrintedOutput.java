package dev.fluxion.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/** What a tour stop printed, and the numbers in it, for tests that pin the printed values. */
final class PrintedOutput {
  private static final Pattern NUMBER = Pattern.compile("-?[0-9][0-9.]*(?:[eE][-+]?[0-9]+)?");

  private final String text;

  private PrintedOutput(String text) {
    this.text = text;
  }

  /** Runs an example and keeps what it printed. */
  static PrintedOutput of(Example example) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      example.run(out);
    }
    return new PrintedOutput(bytes.toString(StandardCharsets.UTF_8));
  }

  String text() {
    return text;
  }

  /** The one line that starts with {@code prefix}. */
  String line(String prefix) {
    List<String> hits = new ArrayList<>();
    for (String line : text.split("\\R")) {
      if (line.startsWith(prefix)) {
        hits.add(line);
      }
    }
    assertEquals(1, hits.size(), () -> "lines starting with '" + prefix + "' in:\n" + text);
    return hits.get(0);
  }

  /** The number printed after {@code label}, on the one line that starts with {@code prefix}. */
  double number(String prefix, String label) {
    String line = line(prefix);
    Matcher m = Pattern.compile(Pattern.quote(label) + "\\s*=?\\s*(-?[0-9][0-9.eE+-]*)")
        .matcher(line);
    assertTrue(m.find(), () -> "no '" + label + "' number in line: " + line);
    return Double.parseDouble(m.group(1));
  }

  /**
   * The numbers in the first bracketed group after {@code label} (nested brackets included),
   * flattened; {@code opening} lists the brackets that may open it, such as {@code "["} or
   * {@code "[("}.
   */
  double[] group(String prefix, String label, String opening) {
    String line = line(prefix);
    int at = line.indexOf(label);
    assertTrue(at >= 0, () -> "no '" + label + "' in line: " + line);
    int open = at + label.length();
    while (opening.indexOf(line.charAt(open)) < 0) {
      open++;
    }
    int depth = 0;
    int close = open;
    do {
      char c = line.charAt(close++);
      depth += c == '[' || c == '(' ? 1 : c == ']' || c == ')' ? -1 : 0;
    } while (depth > 0);
    return numbers(line.substring(open, close));
  }

  /**
   * The plot named at the end of the one line that starts with {@code prefix} (after its last
   * ": "), checked to be a PNG file that decodes to a chart-sized image.
   */
  BufferedImage plot(String prefix) {
    String line = line(prefix);
    Path file = Path.of(line.substring(line.lastIndexOf(": ") + 2));
    assertTrue(file.getFileName().toString().endsWith(".png"), line);
    assertTrue(Files.isRegularFile(file), () -> "no plot at " + file.toAbsolutePath());
    try {
      byte[] bytes = Files.readAllBytes(file);
      assertTrue(bytes.length > 1000, () -> file + " has only " + bytes.length + " bytes");
      byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
      assertArrayEquals(signature, Arrays.copyOf(bytes, signature.length), file + " is no PNG");
      BufferedImage image = ImageIO.read(file.toFile());
      assertNotNull(image, () -> file + " does not decode");
      assertTrue(image.getWidth() >= 600 && image.getHeight() >= 400,
          () -> file + " is " + image.getWidth() + "x" + image.getHeight());
      int drawn = 0;
      for (int x = 0; x < image.getWidth(); x++) {
        for (int y = 0; y < image.getHeight(); y++) {
          drawn += (image.getRGB(x, y) & 0xffffff) == 0xffffff ? 0 : 1;
        }
      }
      int pixels = image.getWidth() * image.getHeight();
      assertTrue(drawn > pixels / 100, () -> file + " is nearly blank");
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every number in a piece of text. */
  static double[] numbers(String text) {
    List<Double> values = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      values.add(Double.parseDouble(m.group()));
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
