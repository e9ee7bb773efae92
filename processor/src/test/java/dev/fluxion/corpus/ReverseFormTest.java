package dev.fluxion.corpus;

import static dev.fluxion.testing.FiniteDifferences.assertClose;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fluxion.Tape;
import dev.fluxion.corpus.loops.LongLoopsDerivatives;
import dev.fluxion.corpus.loops.LoopsDerivatives;
import dev.fluxion.corpus.loops.Seed000RegressionDerivatives;
import org.junit.jupiter.api.Test;

/**
 * The reverse building block of methods with loops and only scalar differentiated parameters, on
 * a caller's tape: it pushes exactly one partial per differentiated parameter, in parameter order,
 * and leaves nothing else behind, however many iterations it taped.
 */
class ReverseFormTest {

  @Test
  void reverseFormLeavesOnlyThePartialsOnTheTape() {
    Tape tape = new Tape();
    double[] x = {1, 2, 3, 4};
    double[] y = {2.1, 3.9, 6.2, 7.8};
    double value = Seed000RegressionDerivatives.lossReverse(0.5, 1.5, x, y, 2.0, tape);
    double dw2 = tape.popDouble();
    double dw1 = tape.popDouble();
    assertTrue(tape.isEmpty(), "only the two partials were left on the tape");
    var g = Seed000RegressionDerivatives.lossGradient(0.5, 1.5, x, y);
    assertClose("value", g.value(), value);
    assertClose("seed·∂/∂w1", 2 * g.w1(), dw1);
    assertClose("seed·∂/∂w2", 2 * g.w2(), dw2);
  }

  @Test
  void reverseFormOfLoopsWithActiveExits() {
    Tape tape = new Tape();
    tape.pushDouble(42); // something of the caller's underneath
    tape.pushInt(7);
    double root = LoopsDerivatives.newtonSqrtReverse(2, 1.0, tape);
    assertClose("√2", Math.sqrt(2), root);
    assertClose("d√a/da", 0.5 / Math.sqrt(2), tape.popDouble());
    double grown = LoopsDerivatives.growPastReverse(1, 50, 1.0, tape);
    assertClose("growPast value", LoopsDerivatives.growPastGradient(1, 50).value(), grown);
    assertClose("∂/∂limit", 0, tape.popDouble());
    assertClose("∂/∂x = 1.5^8", Math.pow(1.5, 8), tape.popDouble());
    LongLoopsDerivatives.decayReverse(1.0, 100_000, 1.0, tape);
    tape.popDouble();
    assertClose("the caller's int is still there", 7, tape.popInt());
    assertClose("the caller's double is still there", 42, tape.popDouble());
    assertTrue(tape.isEmpty(), "nothing else");
  }
}
