package dev.fluxion.corpus;

import static dev.fluxion.testing.FiniteDifferences.vec;

import dev.fluxion.corpus.scalar.Assignments;
import dev.fluxion.corpus.scalar.AssignmentsDerivatives;
import dev.fluxion.testing.FiniteDifferences;
import dev.fluxion.testing.FiniteDifferences.Case;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AssignmentsTest {

  static Stream<Arguments> cases() {
    return FiniteDifferences.arguments(
        Case.of("compound", "x", "y")
            .primal(v -> Assignments.compound(v[0], v[1]))
            .generated(v -> {
              var g = AssignmentsDerivatives.compoundGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> vec(2 * v[0] / v[1] + 1, -v[0] * v[0] / (v[1] * v[1])))
            .at(2, 3).at(-1.5, 0.5).at(0.25, -2),
        Case.of("incrementDecrement", "x")
            .primal(v -> Assignments.incrementDecrement(v[0]))
            .generated(v -> {
              var g = AssignmentsDerivatives.incrementDecrementGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(2 * v[0] + 5))
            .at(0.5).at(-3),
        Case.of("intCounter", "x")
            .primal(v -> Assignments.intCounter(v[0]))
            .generated(v -> {
              var g = AssignmentsDerivatives.intCounterGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(8))
            .at(1.75),
        Case.of("reassignLocal", "x")
            .primal(v -> Assignments.reassignLocal(v[0]))
            .generated(v -> {
              var g = AssignmentsDerivatives.reassignLocalGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> {
              double x = v[0];
              return vec(Math.cos(x * x) * 2 * x * x + Math.sin(x * x));
            })
            .at(0.7).at(-1.3).at(2),
        Case.of("reassignParameters", "x", "y")
            .primal(v -> Assignments.reassignParameters(v[0], v[1]))
            .generated(v -> {
              var g = AssignmentsDerivatives.reassignParametersGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> {
              double x = v[0], y = v[1];
              return vec(
                  y * (2 * x * y + y - 1),
                  x * (x * y + y) + (x * y - 1) * (x + 1));
            })
            .at(1.5, 2).at(-0.5, 3).at(2, -1),
        Case.of("compoundWithInactive[n=4]", "x")
            .primal(v -> Assignments.compoundWithInactive(v[0], 4))
            .generated(v -> {
              var g = AssignmentsDerivatives.compoundWithInactiveGradient(v[0], 4);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(4 + 2 * v[0]))
            .at(1.5).at(-2),
        Case.of("compoundSelf", "x")
            .primal(v -> Assignments.compoundSelf(v[0]))
            .generated(v -> {
              var g = AssignmentsDerivatives.compoundSelfGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(4 * v[0]))
            .at(1.5).at(-0.75),
        Case.of("swap", "x", "y")
            .primal(v -> Assignments.swap(v[0], v[1]))
            .generated(v -> {
              var g = AssignmentsDerivatives.swapGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> vec(v[1] * v[1], 2 * v[0] * v[1]))
            .at(2, 3).at(-1, 0.5),
        Case.of("varLocals", "x")
            .primal(v -> Assignments.varLocals(v[0]))
            .generated(v -> {
              var g = AssignmentsDerivatives.varLocalsGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(24 * v[0] + 4))
            .at(0.5).at(-2),
        Case.of("compoundOnParameter", "x", "y")
            .primal(v -> Assignments.compoundOnParameter(v[0], v[1]))
            .generated(v -> {
              var g = AssignmentsDerivatives.compoundOnParameterGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> {
              double s = v[0] + v[1];
              return vec(s * s + 2 * v[0] * s, 2 * v[0] * s);
            })
            .at(1, 2).at(-1.5, 0.5),
        Case.of("siblingBlocks", "x")
            .primal(v -> Assignments.siblingBlocks(v[0]))
            .generated(v -> {
              var g = AssignmentsDerivatives.siblingBlocksGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec((v[0] > 0 ? 3 : 5) * (2 + 2 * v[0])))
            .at(1.3).at(-1.3),
        Case.of("intCompoundFromActive", "x")
            .primal(v -> Assignments.intCompoundFromActive(v[0]))
            .generated(v -> {
              var g = AssignmentsDerivatives.intCompoundFromActiveGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec((int) (1 + v[0])))
            .at(2.3).at(-1.6),
        Case.of("chainedAssignment", "x")
            .primal(v -> Assignments.chainedAssignment(v[0]))
            .generated(v -> {
              var g = AssignmentsDerivatives.chainedAssignmentGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(8 * v[0]))
            .at(1.3).at(-0.5),
        Case.of("assignmentInExpression", "x")
            .primal(v -> Assignments.assignmentInExpression(v[0]))
            .generated(v -> {
              var g = AssignmentsDerivatives.assignmentInExpressionGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(2 * (v[0] + 1)))
            .at(1.3).at(-2.5),
        Case.of("incrementParameterInReturn", "x")
            .primal(v -> Assignments.incrementParameterInReturn(v[0]))
            .generated(v -> {
              var g = AssignmentsDerivatives.incrementParameterInReturnGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(2 * v[0]))
            .at(1.3).at(-0.75));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesAndExact(Case c, double[] point) {
    c.check(point);
  }
}
