package dev.fluxion.corpus;

import static dev.fluxion.testing.FiniteDifferences.assertClose;
import static dev.fluxion.testing.FiniteDifferences.assertExactly;
import static dev.fluxion.testing.FiniteDifferences.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.fluxion.corpus.scalar.Seed004Graph;
import dev.fluxion.corpus.scalar.Seed004GraphDerivatives;
import dev.fluxion.testing.FiniteDifferences;
import dev.fluxion.testing.FiniteDifferences.Case;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seed 004: f1 = x², f2 = ln x, f3 = f1/f2, f4 = f3 + c, f5 = f3 − c, f6 = f4 f5, at x = 3, c = 5.
 * The reference values come from the seed (PyTorch printed df6/dx in float32 as 48.756893157958984;
 * the double value is 48.75689335076091).
 */
class Seed004GraphTest {

  private static final double X = 3;
  private static final double C = 5;
  private static final double F1 = 9;
  private static final double F2 = Math.log(3);
  private static final double F3 = F1 / F2;
  private static final double F4 = F3 + C;
  private static final double F5 = F3 - C;

  private static final double F6 = 42.11137142490805;
  private static final double DF6_DX = 48.75689335076091;
  private static final double DF6_DF3 = 16.38430607928307;

  static Stream<Arguments> cases() {
    return FiniteDifferences.arguments(
        Case.of("f6", "x", "c")
            .primal(v -> Seed004Graph.f6(v[0], v[1]))
            .generated(v -> {
              var g = Seed004GraphDerivatives.f6Gradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.c());
            })
            .exact(Seed004GraphTest::exactF6)
            .at(X, C).at(1.5, -2).at(10, 0.5),
        Case.of("f3", "x")
            .primal(v -> Seed004Graph.f3(v[0]))
            .generated(v -> {
              var g = Seed004GraphDerivatives.f3Gradient(v[0]);
              return vec(g.value(), g.x());
            })
            .exact(v -> {
              double l = Math.log(v[0]);
              return vec((2 * v[0] * l - v[0]) / (l * l));
            })
            .at(X).at(0.5),
        Case.of("f6FromF1F2", "f1", "f2", "c")
            .primal(v -> Seed004Graph.f6FromF1F2(v[0], v[1], v[2]))
            .generated(v -> {
              var g = Seed004GraphDerivatives.f6FromF1F2Gradient(v[0], v[1], v[2]);
              return vec(g.value(), g.f1(), g.f2(), g.c());
            })
            .exact(v -> {
              double f3 = v[0] / v[1];
              return vec(2 * f3 / v[1], -2 * f3 * v[0] / (v[1] * v[1]), -2 * v[2]);
            })
            .at(F1, F2, C),
        Case.of("f6FromF3", "f3", "c")
            .primal(v -> Seed004Graph.f6FromF3(v[0], v[1]))
            .generated(v -> {
              var g = Seed004GraphDerivatives.f6FromF3Gradient(v[0], v[1]);
              return vec(g.value(), g.f3(), g.c());
            })
            .exact(v -> vec(2 * v[0], -2 * v[1]))
            .at(F3, C),
        Case.of("f6FromF4F5", "f4", "f5")
            .primal(v -> Seed004Graph.f6FromF4F5(v[0], v[1]))
            .generated(v -> {
              var g = Seed004GraphDerivatives.f6FromF4F5Gradient(v[0], v[1]);
              return vec(g.value(), g.f4(), g.f5());
            })
            .exact(v -> vec(v[1], v[0]))
            .at(F4, F5),
        Case.of("f6ByCalls", "x", "c")
            .primal(v -> Seed004Graph.f6ByCalls(v[0], v[1]))
            .generated(v -> {
              var g = Seed004GraphDerivatives.f6ByCallsGradient(v[0], v[1]);
              return vec(g.value(), g.x(), g.c());
            })
            .exact(Seed004GraphTest::exactF6)
            .at(X, C).at(1.5, -2));
  }

  /** df6/dx = 2 f3 f3', df6/dc = −2c. */
  private static double[] exactF6(double[] v) {
    double x = v[0], l = Math.log(x), f3 = x * x / l;
    return vec(2 * f3 * (2 * x * l - x) / (l * l), -2 * v[1]);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferencesAndExact(Case c, double[] point) {
    c.check(point);
  }

  @Test
  void seedValuesAtThreeAndFive() {
    var g = Seed004GraphDerivatives.f6Gradient(X, C);
    assertEquals(F6, g.value(), 1e-12, "f6(3, 5)");
    assertEquals(DF6_DX, g.x(), 1e-12, "df6/dx at (3, 5)");
    assertClose("df6/dc at (3, 5)", -10, g.c());

    var byCalls = Seed004GraphDerivatives.f6ByCallsGradient(X, C);
    assertEquals(F6, byCalls.value(), 1e-12, "f6ByCalls(3, 5)");
    assertEquals(DF6_DX, byCalls.x(), 1e-12, "df6/dx through calls at (3, 5)");
  }

  @Test
  void intermediateAdjoints() {
    var last = Seed004GraphDerivatives.f6FromF4F5Gradient(F4, F5);
    assertClose("df6/df4 = f5", F5, last.f4());
    assertClose("df6/df5 = f4", F4, last.f5());
    assertEquals(3.1921530396415356, last.f4(), 1e-12, "df6/df4 = f5");
    assertEquals(13.192153039641536, last.f5(), 1e-12, "df6/df5 = f4");

    var fromF3 = Seed004GraphDerivatives.f6FromF3Gradient(F3, C);
    assertEquals(DF6_DF3, fromF3.f3(), 1e-12, "df6/df3");
    assertEquals(F6, fromF3.value(), 1e-12, "f6 from f3");

    // df6/df1 = df6/df3 / f2 and df6/df2 = −df6/df3 · f1 / f2²; then df6/dx = df6/df1 · 2x +
    // df6/df2 · 1/x, the seed's last step.
    var fromF1F2 = Seed004GraphDerivatives.f6FromF1F2Gradient(F1, F2, C);
    assertClose("df6/df1", DF6_DF3 / F2, fromF1F2.f1());
    assertClose("df6/df2", -DF6_DF3 * F1 / (F2 * F2), fromF1F2.f2());
    assertEquals(DF6_DX, fromF1F2.f1() * 2 * X + fromF1F2.f2() / X, 1e-11, "df6/dx from f1, f2");
  }

  @Test
  void allThreeFormsAgree() {
    var convenience = Seed004GraphDerivatives.f6Gradient(X, C);

    var holder = new Seed004GraphDerivatives.F6Gradient();
    // Fill the holder at another point first: the into form must overwrite, not add.
    Seed004GraphDerivatives.f6Gradient(1.5, -2, holder);
    assertSame(holder, Seed004GraphDerivatives.f6Gradient(X, C, holder));
    assertExactly("into value", convenience.value(), holder.value());
    assertExactly("into x", convenience.x(), holder.x());
    assertExactly("into c", convenience.c(), holder.c());

    var pulled = new Seed004GraphDerivatives.F6Gradient();
    Seed004GraphDerivatives.f6Pullback(X, C, 1.0, pulled);
    assertExactly("pullback value", convenience.value(), pulled.value());
    assertClose("pullback x, seed 1", convenience.x(), pulled.x());
    Seed004GraphDerivatives.f6Pullback(X, C, 1.0, pulled);
    assertExactly("pullback value after two calls", convenience.value(), pulled.value());
    assertClose("pullback x after two calls", 2 * DF6_DX, pulled.x());
    assertClose("pullback c after two calls", 2 * -10, pulled.c());

    var seeded = new Seed004GraphDerivatives.F6Gradient();
    Seed004GraphDerivatives.f6Pullback(X, C, -0.25, seeded);
    Seed004GraphDerivatives.f6Pullback(X, C, -0.25, seeded);
    assertClose("pullback x, seed -0.25 twice", 2 * -0.25 * DF6_DX, seeded.x());
  }
}
