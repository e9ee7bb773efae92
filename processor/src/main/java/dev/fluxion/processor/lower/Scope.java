package dev.fluxion.processor.lower;

import dev.fluxion.processor.ir.IrType;
import dev.fluxion.processor.ir.Var;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which IR variable holds each source variable's current value. Lowering gives every assignment a
 * new variable (a version), so that straight-line code never overwrites a value the reverse sweep
 * still needs; a scope maps each source name to its latest version.
 */
final class Scope {

  /**
   * A source variable.
   *
   * @param declaredType its declared type
   * @param current the version holding its value now, or {@code null} while unassigned
   */
  record Binding(IrType declaredType, Var current) {}

  private final Map<String, Binding> bindings;

  Scope() {
    this.bindings = new LinkedHashMap<>();
  }

  private Scope(Map<String, Binding> bindings) {
    this.bindings = new LinkedHashMap<>(bindings);
  }

  /** A copy to lower one branch in; the original is untouched. */
  Scope copy() {
    return new Scope(bindings);
  }

  void declare(String name, IrType type, Var initial) {
    bindings.put(name, new Binding(type, initial));
  }

  void assign(String name, Var version) {
    Binding b = bindings.get(name);
    bindings.put(name, new Binding(b.declaredType(), version));
  }

  /** Ends a variable's scope: the name is unknown from now on. */
  void forget(String name) {
    bindings.remove(name);
  }

  Optional<Binding> lookup(String name) {
    return Optional.ofNullable(bindings.get(name));
  }

  /** The names visible in this scope, in declaration order (a copy: the scope may change). */
  java.util.List<String> names() {
    return java.util.List.copyOf(bindings.keySet());
  }
}
