package dev.fluxion.processor.lower;

import java.util.HashSet;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Hands out Java identifiers for one generated method so that no two variables share a name and
 * no generated name can capture or shadow a name the user wrote (hygiene).
 *
 * <p>A user's own variable keeps its name the first time it is declared; every other name, such as
 * the second version of a reassigned variable, an adjoint or a temporary, is a base with a number
 * appended ({@code x2}, {@code f6_2}, {@code t1}) that is neither taken nor one of the user's names.
 */
public final class NameAllocator {
  private final Set<String> userNames;
  private final Set<String> taken = new HashSet<>();

  /**
   * Creates an allocator.
   *
   * @param userNames every identifier that appears in the user's method
   */
  public NameAllocator(Set<String> userNames) {
    this.userNames = Set.copyOf(userNames);
  }

  /**
   * The name for the first declaration of a user's variable: its own name when still free.
   *
   * @param sourceName the name in the source
   * @return the identifier to use
   */
  public String user(String sourceName) {
    if (taken.add(sourceName)) {
      return sourceName;
    }
    return fresh(sourceName);
  }

  /**
   * A name that is free and not one of the user's: {@code base} itself if possible, otherwise
   * {@code base} with a number appended.
   *
   * @param base the preferred name
   * @return the identifier to use
   */
  public String fresh(String base) {
    if (isFree(base)) {
      taken.add(base);
      return base;
    }
    return numbered(base, 2);
  }

  /**
   * A numbered name, {@code base1}, {@code base2}, ..., for temporaries.
   *
   * @param base the prefix
   * @return the identifier to use
   */
  public String numbered(String base) {
    return numbered(base, 1);
  }

  private String numbered(String base, int from) {
    String separator = Character.isDigit(base.charAt(base.length() - 1)) ? "_" : "";
    for (int i = from; ; i++) {
      String candidate = base + separator + i;
      if (isFree(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
  }

  /**
   * An allocator that starts with the names this one has handed out, for a second method built
   * from the same source.
   *
   * @return an independent copy
   */
  public NameAllocator copy() {
    NameAllocator copy = new NameAllocator(userNames);
    copy.taken.addAll(taken);
    return copy;
  }

  /**
   * Runs a computation whose names are thrown away afterwards, so that lowering something twice
   * (once to learn its type) leaves no gaps in the numbering.
   *
   * @param computation the computation
   */
  public void speculate(Runnable computation) {
    Set<String> saved = new HashSet<>(taken);
    try {
      computation.run();
    } finally {
      taken.clear();
      taken.addAll(saved);
    }
  }

  private boolean isFree(String name) {
    return !taken.contains(name) && !userNames.contains(name) && !SourceVersion.isKeyword(name);
  }
}
