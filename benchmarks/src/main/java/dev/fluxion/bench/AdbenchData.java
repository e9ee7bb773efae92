package dev.fluxion.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Access to the ADBench input files, which are not copied into this repository.
 *
 * <p>The folder is, in this order: the system property {@value #PROPERTY}, the environment
 * variable {@value #ENVIRONMENT}, or {@code ../shared/adbench} beside the repository's root. The
 * root is found by walking up from the working directory to the first folder whose {@code pom.xml}
 * is next to a {@code benchmarks} folder, so the default holds whether Maven runs from the root or
 * from {@code benchmarks/}.
 */
public final class AdbenchData {
  /** System property naming the ADBench folder. */
  public static final String PROPERTY = "fluxion.adbench";

  /** Environment variable naming the ADBench folder, read when the property is not set. */
  public static final String ENVIRONMENT = "FLUXION_ADBENCH";

  private AdbenchData() {}

  /** The ADBench folder (which may not exist: {@link #file} says so with the paths it tried). */
  public static Path folder() {
    String configured = System.getProperty(PROPERTY);
    if (configured == null || configured.isBlank()) {
      configured = System.getenv(ENVIRONMENT);
    }
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    return repositoryRoot().resolve("../shared/adbench").normalize();
  }

  /** The repository root: the nearest folder up from the working directory holding benchmarks/. */
  public static Path repositoryRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("benchmarks"))) {
        return p;
      }
    }
    return start;
  }

  /**
   * The ADBench file of that name (e.g. {@code gmm-1k-gmm_d10_K25.txt}).
   *
   * @throws UncheckedIOException if it does not exist, naming the folder and how to change it
   */
  public static Path file(String name) {
    Path file = folder().resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new UncheckedIOException(
          new IOException(
              "ADBench file not found: "
                  + file
                  + " (set -D"
                  + PROPERTY
                  + "=FOLDER or the environment variable "
                  + ENVIRONMENT
                  + ")"));
    }
    return file;
  }

  /** Whether the ADBench file of that name exists in {@link #folder()}. */
  public static boolean exists(String name) {
    return Files.isRegularFile(folder().resolve(name));
  }

  /** Reads the ADBench file of that name as whitespace-separated numbers. */
  public static Numbers read(String name) {
    try {
      return new Numbers(Files.readString(file(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A cursor over whitespace-separated numbers (blank lines and line ends are whitespace like any
   * other). Each read consumes the next token.
   */
  public static final class Numbers {
    private final String text;
    private int position;

    /** A cursor at the start of {@code text}. */
    public Numbers(String text) {
      this.text = text;
    }

    /** The next token as a {@code double}. */
    public double nextDouble() {
      return Double.parseDouble(nextToken());
    }

    /** The next token as an {@code int}. */
    public int nextInt() {
      return Integer.parseInt(nextToken());
    }

    /** The next {@code n} tokens as doubles. */
    public double[] nextDoubles(int n) {
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = nextDouble();
      }
      return values;
    }

    /** The next {@code rows × columns} tokens as a matrix, row by row. */
    public double[][] nextMatrix(int rows, int columns) {
      double[][] values = new double[rows][];
      for (int i = 0; i < rows; i++) {
        values[i] = nextDoubles(columns);
      }
      return values;
    }

    /** Whether any token is left. */
    public boolean hasNext() {
      skipWhitespace();
      return position < text.length();
    }

    private String nextToken() {
      skipWhitespace();
      int start = position;
      while (position < text.length() && !Character.isWhitespace(text.charAt(position))) {
        position++;
      }
      if (start == position) {
        throw new IllegalStateException("no number left at offset " + start);
      }
      return text.substring(start, position);
    }

    private void skipWhitespace() {
      while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
        position++;
      }
    }
  }
}
