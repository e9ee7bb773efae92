package dev.fluxion.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Compiles test sources in-process with Fluxion's processor, as javac does for a user, and loads
 * the resulting classes so that tests can run the generated derivatives. Public for the fuzzer's
 * package.
 */
public final class Compiler {
  private Compiler() {}

  /** A source file: its binary class name and its lines. */
  static JavaFileObject source(String className, String... lines) {
    return JavaFileObjects.forSourceLines(className, lines);
  }

  /** Compiles with the processor and the given extra class path entries. */
  static Compilation compile(List<File> classPath, JavaFileObject... sources) {
    List<File> path = new ArrayList<>(classPath);
    path.add(runtimeLocation());
    return com.google.testing.compile.Compiler.javac()
        .withProcessors(new FluxionProcessor())
        .withOptions("-Xlint:all", "-Werror")
        .withClasspath(path)
        .compile(sources);
  }

  /** Compiles with the processor. */
  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(), sources);
  }

  /** Compiles, requires success, and loads the classes. */
  static ClassLoader load(JavaFileObject... sources) {
    Compilation compilation = compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    return loader(compilation, Compiler.class.getClassLoader());
  }

  /**
   * A class loader over a compilation's class files.
   *
   * @param compilation a compilation
   * @param parent the loader of everything else
   * @return the loader
   */
  public static ClassLoader loader(Compilation compilation, ClassLoader parent) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        String name = file.toUri().getPath().replaceFirst("^.*?/CLASS_OUTPUT/", "")
            .replaceAll("\\.class$", "").replace('/', '.');
        classes.put(name, bytes(file));
      }
    }
    return new ClassLoader(parent) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.get(name);
        if (b == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
      }
    };
  }

  /** Writes a compilation's class files under a directory, as a jar's contents would be. */
  static Path writeClasses(Compilation compilation, Path directory) throws IOException {
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        String relative = file.toUri().getPath().replaceFirst("^.*?/CLASS_OUTPUT/", "");
        Path target = directory.resolve(relative);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes(file));
      }
    }
    return directory;
  }

  /** The generated source of a companion class. */
  static String generatedSource(Compilation compilation, String className) {
    JavaFileObject file = compilation.generatedSourceFile(className).orElseThrow();
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Where the runtime's classes are (its jar or class folder), for a compilation's class path.
   *
   * @return the location
   */
  public static File runtimeLocation() {
    try {
      return new File(dev.fluxion.Differentiable.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
