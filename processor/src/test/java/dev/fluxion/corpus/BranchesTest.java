package dev.fluxion.corpus;

import static dev.fluxion.testing.FiniteDifferences.vec;

import dev.fluxion.corpus.scalar.Branches;
import dev.fluxion.corpus.scalar.BranchesDerivatives;
import dev.fluxion.testing.FiniteDifferences;
import dev.fluxion.testing.FiniteDifferences.Case;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every branch of every method is taken at least once, at points away from the boundaries. */
class BranchesTest {

  static Stream<Arguments> cases() {
    return FiniteDifferences.arguments(
        Case.of("piecewise", "x")
            .primal(v -> Branches.piecewise(v[0]))
            .generated(v -> {
              var g = BranchesDerivatives.piecewiseGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(v[0] < 0 ? -2 * v[0] : v[0] < 1 ? 1 : 2))
            .at(-1.5).at(0.5).at(3),
        Case.of("earlyReturn", "x", "y")
            .primal(v -> Branches.earlyReturn(v[0], v[1]))
            .generated(v -> {
              var g = BranchesDerivatives.earlyReturnGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> {
              double x = v[0], y = v[1];
              if (x > y) {
                return vec(y, x);
              }
              double d = y - x;
              return d > 1 ? vec(-2 * d, 2 * d) : vec(1, 1);
            })
            .at(3, 2).at(1, 4).at(1, 1.5),
        Case.of("ternary", "x", "y")
            .primal(v -> Branches.ternary(v[0], v[1]))
            .generated(v -> {
              var g = BranchesDerivatives.ternaryGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> v[0] > v[1]
                ? vec(2 * v[0], 0)
                : vec(v[1] * Math.exp(v[0]), Math.exp(v[0])))
            .at(2, 1).at(0.5, 3),
        Case.of("nestedTernary", "x")
            .primal(v -> Branches.nestedTernary(v[0]))
            .generated(v -> {
              var g = BranchesDerivatives.nestedTernaryGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(v[0] < -1 ? -1 : v[0] > 1 ? 2 * v[0] : v[0]))
            .at(-2).at(0.3).at(1.5),
        booleanLogic(false).at(0.5, 0.5).at(0.25, 0.75).at(2, 0.5).at(-1, -2).at(-0.5, 0.5),
        booleanLogic(true).at(0.5, 0.75).at(-0.5, 0.25).at(-1, 3).at(-0.5, -0.25),
        intCondition(4).at(1.5).at(-2),
        intCondition(3).at(1.5),
        intCondition(5).at(1.5),
        intCondition(1).at(-0.5),
        intExponentBranch(7).at(1.25).at(-1.5),
        intExponentBranch(1).at(1.25),
        Case.of("branchAssignsLocal", "x")
            .primal(v -> Branches.branchAssignsLocal(v[0]))
            .generated(v -> {
              var g = BranchesDerivatives.branchAssignsLocalGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(v[0] > 0 ? 1.5 / Math.sqrt(v[0]) : -3))
            .at(2.25).at(-1),
        Case.of("ifWithoutElse", "x", "y")
            .primal(v -> Branches.ifWithoutElse(v[0], v[1]))
            .generated(v -> {
              var g = BranchesDerivatives.ifWithoutElseGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> {
              double x = v[0], y = v[1], r = x * y;
              return r > 2 ? vec(2 * r * y + 1, 2 * r * x) : vec(y + 1, x);
            })
            .at(2, 3).at(0.5, 1),
        longControl(9L).at(1.5),
        longControl(3L).at(1.5),
        Case.of("conditionOnActive", "x")
            .primal(v -> Branches.conditionOnActive(v[0]))
            .generated(v -> {
              var g = BranchesDerivatives.conditionOnActiveGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(v[0] * v[0] > 4 ? 2 / v[0] : v[0] / 2))
            .at(3).at(-2.5).at(1).at(-0.5),
        Case.of("nestedIfs", "x", "y")
            .primal(v -> Branches.nestedIfs(v[0], v[1]))
            .generated(v -> {
              var g = BranchesDerivatives.nestedIfsGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> {
              double x = v[0], y = v[1];
              if (x > 0) {
                return y > 0 ? vec(2 * y, 2 * x) : vec(4 * (2 * x + y), 2 * (2 * x + y));
              }
              return vec(0, 1);
            })
            .at(1.5, 2).at(1.5, -0.5).at(-1, 3),
        Case.of("comparisons", "x", "y")
            .primal(v -> Branches.comparisons(v[0], v[1]))
            .generated(v -> {
              var g = BranchesDerivatives.comparisonsGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> {
              double k = v[0] < v[1] ? 5 : 6;
              return vec(k * v[1], k * v[0]);
            })
            .at(1, 2).at(2, 1),
        Case.of("noBraces", "x")
            .primal(v -> Branches.noBraces(v[0]))
            .generated(v -> {
              var g = BranchesDerivatives.noBracesGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(v[0] > 1 ? 2 * v[0] : v[0] > 0 ? 1 : -3))
            .at(2).at(0.5).at(-1),
        Case.of("constantReturn", "x")
            .primal(v -> Branches.constantReturn(v[0]))
            .generated(v -> {
              var g = BranchesDerivatives.constantReturnGradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(v[0] > 5 ? 0 : 2 * v[0]))
            .at(6).at(2),
        Case.of("mixedTernary[n=1]", "x")
            .primal(v -> Branches.mixedTernary(v[0], 1))
            .generated(v -> {
              var g = BranchesDerivatives.mixedTernaryGradient(v[0], 1);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(1))
            .at(1.3),
        Case.of("mixedTernary[n=0]", "x")
            .primal(v -> Branches.mixedTernary(v[0], 0))
            .generated(v -> {
              var g = BranchesDerivatives.mixedTernaryGradient(v[0], 0);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(0))
            .at(1.3),
        Case.of("ternaryAsArgument", "x", "y")
            .primal(v -> Branches.ternaryAsArgument(v[0], v[1]))
            .generated(v -> {
              var g = BranchesDerivatives.ternaryAsArgumentGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.y());
            })
            .exact(v -> {
              double x = v[0], y = v[1], s = x < 0 ? -1 : 1, e = Math.exp(Math.abs(x - y));
              return x > y ? vec(s * e, -s * e) : vec(-s * e, s * e);
            })
            .at(-0.5, 0.25).at(1.5, 0.25).at(-0.5, -1.5),
        Case.of("booleanParameter[neg=true]", "x")
            .primal(v -> Branches.booleanParameter(v[0], true))
            .generated(v -> {
              var g = BranchesDerivatives.booleanParameterGradient(v[0], true);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(-1))
            .at(1.3),
        Case.of("booleanParameter[neg=false]", "x")
            .primal(v -> Branches.booleanParameter(v[0], false))
            .generated(v -> {
              var g = BranchesDerivatives.booleanParameterGradient(v[0], false);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(1))
            .at(1.3),
        Case.of("compareLongWithDouble[n=5]", "x")
            .primal(v -> Branches.compareLongWithDouble(v[0], 5L))
            .generated(v -> {
              var g = BranchesDerivatives.compareLongWithDoubleGradient(v[0], 5L);
              return vec(g.value(), g.x());
            })
            .exact(v -> vec(5 > v[0] ? 5 : 1))
            .at(1.3).at(7.5));
  }

  private static Case booleanLogic(boolean flip) {
    return Case.of("booleanLogic[flip=" + flip + "]", "x", "y")
        .primal(v -> Branches.booleanLogic(v[0], v[1], flip))
        .generated(v -> {
          var g = BranchesDerivatives.booleanLogicGradient(v[0], v[1], flip);
          return vec(g.value(), g.x(), g.y());
        })
        .exact(v -> {
          double x = v[0], y = v[1];
          boolean both = (x > 0 && y > 0) != flip;
          boolean either = x > 1 || y > 1;
          if (both && !either) {
            return vec(y, x);
          }
          return either || x == y ? vec(1, 2) : vec(1, -1);
        });
  }

  private static Case intCondition(int n) {
    return Case.of("intCondition[n=" + n + "]", "x")
        .primal(v -> Branches.intCondition(v[0], n))
        .generated(v -> {
          var g = BranchesDerivatives.intConditionGradient(v[0], n);
          return vec(g.value(), g.x());
        })
        .exact(v -> vec(n % 2 == 0 ? 2 * v[0] : n >= 3 && n != 5 ? 3 * v[0] * v[0] : -1));
  }

  private static Case intExponentBranch(int n) {
    return Case.of("intExponentBranch[n=" + n + "]", "x")
        .primal(v -> Branches.intExponentBranch(v[0], n))
        .generated(v -> {
          var g = BranchesDerivatives.intExponentBranchGradient(v[0], n);
          return vec(g.value(), g.x());
        })
        .exact(v -> vec(n > 2 ? 3 * v[0] * v[0] : 2 * v[0]));
  }

  private static Case longControl(long steps) {
    return Case.of("longControl[steps=" + steps + "]", "x")
        .primal(v -> Branches.longControl(v[0], steps))
        .generated(v -> {
          var g = BranchesDerivatives.longControlGradient(v[0], steps);
          return vec(g.value(), g.x());
        })
        .exact(v -> vec(steps / 2 > 1 ? steps / 2 : 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesAndExact(Case c, double[] point) {
    c.check(point);
  }

  /** On the diagonal the branch is chosen by {@code x == y}; finite differences cannot go there. */
  @Test
  void equalityBranchesAreExact() {
    var tie = BranchesDerivatives.booleanLogicGradient(-0.5, -0.5, false);
    FiniteDifferences.assertExactGradient(
        "booleanLogic (x == y branch)", vec(-0.5, -0.5), vec(1, 2), vec(tie.x(), tie.y()),
        "x", "y");
    var equal = BranchesDerivatives.comparisonsGradient(2, 2);
    FiniteDifferences.assertExactly("comparisons value at x == y", 3 * 2 * 2, equal.value());
    FiniteDifferences.assertExactGradient(
        "comparisons (x == y)", vec(2, 2), vec(3 * 2, 3 * 2), vec(equal.x(), equal.y()), "x", "y");
  }
}
