package dev.fluxion.bench.small;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fluxion.bench.Cases;
import dev.fluxion.bench.Tool;
import dev.fluxion.bench.Verifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every tool of every small case against the reference values and the hand-written gradient. */
class SmallCasesTest {

  @ParameterizedTest
  @ValueSource(strings = {"seed-004", "rosenbrock-10", "rosenbrock-100", "rosenbrock-1000",
      "mlp-10-20-5"})
  void everyToolAgrees(String name) {
    var c = Cases.create(name);
    assertEquals(java.util.EnumSet.allOf(Tool.class), c.tools());
    Verifier.verify(c);
  }
}
