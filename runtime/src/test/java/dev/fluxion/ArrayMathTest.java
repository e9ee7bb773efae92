package dev.fluxion;

import static dev.fluxion.Flat.absDot;
import static dev.fluxion.Flat.assertClose;
import static dev.fluxion.Flat.copy;
import static dev.fluxion.Flat.dot;
import static dev.fluxion.Flat.flatten;
import static dev.fluxion.Flat.unflatten;
import static dev.fluxion.Flat.zerosLike;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Random;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ArrayMath's values and its registered derivatives. Each primitive is checked the same way, on
 * random arguments: values against naive formulas, the tangent against finite differences, the
 * pullback against the tangent (adjoint identity) and against finite differences, the tangent of
 * the pullback against finite differences of the pullback, and the conventions (pullbacks add,
 * arguments stay as they were, results are new arrays). Edge cases follow.
 */
class ArrayMathTest {
  /** Agreement expected where only rounding differs. */
  private static final double ROUNDING = 1e-12;
  /** Agreement expected with a central finite difference. */
  private static final double DIFFERENCES = 1e-7;

  /** A primitive, how to draw arguments for it, and a naive formula for its value. */
  record Case(String name, Function<Random, Object[]> arguments, Function<Object[], Object> naive) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> primitives() {
    return Stream.of(
        new Case("dot", r -> args(vector(r, 5), vector(r, 5)),
            in -> dot(vector(in, 0), vector(in, 1))),
        new Case("matVec", r -> args(matrix(r, 3, 4), vector(r, 4)),
            in -> naiveMatVec(matrix(in, 0), vector(in, 1))),
        new Case("matMul", r -> args(matrix(r, 3, 4), matrix(r, 4, 2)),
            in -> naiveMatMul(matrix(in, 0), matrix(in, 1))),
        new Case("sum", r -> args(vector(r, 6)), in -> naiveSum(vector(in, 0))),
        new Case("squaredNorm", r -> args(vector(r, 6)),
            in -> dot(vector(in, 0), vector(in, 0))),
        new Case("logSumExp", r -> args(vector(r, 6)),
            in -> Math.log(naiveSum(map(vector(in, 0), Math::exp)))),
        new Case("softmax", r -> args(vector(r, 6)), in -> naiveSoftmax(vector(in, 0))),
        new Case("sigmoid", r -> args(vector(r, 6)),
            in -> map(vector(in, 0), x -> 1 / (1 + Math.exp(-x)))),
        new Case("relu", r -> args(vector(r, 6)), in -> map(vector(in, 0), x -> x > 0 ? x : 0)),
        new Case("tanh", r -> args(vector(r, 6)),
            in -> map(vector(in, 0), x -> (Math.exp(2 * x) - 1) / (Math.exp(2 * x) + 1))));
  }

  @Test
  void everyPrimitiveIsCheckedAndHasItsThreeDerivatives() {
    Set<String> names = publicStaticMethods(ArrayMath.class);
    assertEquals(primitives().map(Case::name).collect(Collectors.toSet()), names);
    assertEquals(
        names.stream()
            .flatMap(n -> Stream.of(n + "Pullback", n + "Tangent", n + "PullbackTangent"))
            .collect(Collectors.toSet()),
        publicStaticMethods(ArrayMathDerivatives.class));
  }

  @ParameterizedTest
  @MethodSource("primitives")
  void valueMatchesNaiveFormula(Case c) {
    Point at = new Point(c);
    assertClose(flatten(c.naive().apply(at.in)), flatten(at.f.value(at.in)), ROUNDING, "value");
  }

  @ParameterizedTest
  @MethodSource("primitives")
  void tangentMatchesFiniteDifferences(Case c) {
    Point at = new Point(c);
    assertClose(FiniteDifferences.directional(at::valueAt, flatten(at.in), flatten(at.inDot)),
        flatten(at.f.tangent(at.in, at.inDot)), DIFFERENCES, "tangent");
  }

  @ParameterizedTest
  @MethodSource("primitives")
  void pullbackIsTheAdjointOfTheTangent(Case c) {
    Point at = new Point(c);
    double[] tangent = flatten(at.f.tangent(at.in, at.inDot));
    double[] gradient = at.pullbackFromZero();
    assertEquals(dot(flatten(at.seed), tangent), dot(gradient, flatten(at.inDot)),
        ROUNDING * (absDot(flatten(at.seed), tangent) + absDot(gradient, flatten(at.inDot))),
        "⟨seed, tangent(inDot)⟩ = ⟨pullback(seed), inDot⟩");
  }

  @ParameterizedTest
  @MethodSource("primitives")
  void pullbackMatchesFiniteDifferences(Case c) {
    Point at = new Point(c);
    double[] expected =
        FiniteDifferences.gradient(u -> dot(flatten(at.seed), at.valueAt(u)), flatten(at.in));
    assertClose(expected, at.pullbackFromZero(), DIFFERENCES, "pullback");
  }

  @ParameterizedTest
  @MethodSource("primitives")
  void pullbackTangentMatchesFiniteDifferencesOfThePullback(Case c) {
    Point at = new Point(c);
    double[] expected = FiniteDifferences.directional(
        at::pullbackAt, flatten(new Object[] {at.in, at.seed}),
        flatten(new Object[] {at.inDot, at.seedDot}));
    assertClose(expected, at.pullbackTangentFromZero(), DIFFERENCES, "tangent of the pullback");
  }

  @ParameterizedTest
  @MethodSource("primitives")
  void pullbacksAddIntoTheirArrays(Case c) {
    Point at = new Point(c);
    Object[] bars = at.randomLike(at.in);
    double[] barsBefore = flatten(bars);
    at.f.pullback(at.in, at.seed, bars);
    assertClose(plus(barsBefore, at.pullbackFromZero()), flatten(bars), ROUNDING,
        "pullback adds");

    Object[] barDots = at.randomLike(at.in);
    double[] barDotsBefore = flatten(barDots);
    at.f.pullbackTangent(at.in, at.inDot, at.seed, at.seedDot, bars, barDots);
    assertClose(plus(barDotsBefore, at.pullbackTangentFromZero()), flatten(barDots), ROUNDING,
        "tangent of the pullback adds");
  }

  @ParameterizedTest
  @MethodSource("primitives")
  void leavesArgumentsAloneAndReturnsNewArrays(Case c) {
    Point at = new Point(c);
    Object[] bars = at.randomLike(at.in);
    Object[] readOnly = {at.in, at.inDot, at.seed, at.seedDot, bars};
    Object[] before = (Object[]) copy(readOnly);

    Object value = at.f.value(at.in);
    Object tangent = at.f.tangent(at.in, at.inDot);
    at.f.pullback(at.in, at.seed, at.randomLike(at.in));
    at.f.pullbackTangent(at.in, at.inDot, at.seed, at.seedDot, bars, at.randomLike(at.in));

    assertTrue(Arrays.deepEquals(before, readOnly), "arguments changed");
    Set<Object> argumentArrays = arraysIn(readOnly);
    for (Object result : new Object[] {value, tangent, at.f.value(at.in)}) {
      Set<Object> resultArrays = arraysIn(result);
      resultArrays.retainAll(argumentArrays);
      assertEquals(Set.of(), resultArrays, "a result shares arrays with the arguments");
    }
    Set<Object> twice = arraysIn(value);
    twice.retainAll(arraysIn(at.f.value(at.in)));
    assertEquals(Set.of(), twice, "two calls share result arrays");
  }

  @Test
  void shapesThatDoNotFitThrow() {
    double[] two = {1, 2};
    double[] three = {1, 2, 3};
    double[][] twoByThree = {three, three};
    double[][] ragged = {three, two};
    assertShapeError(() -> ArrayMath.dot(two, three), "dot: a has 2 entries but b has 3");
    assertShapeError(() -> ArrayMath.matVec(twoByThree, two),
        "matVec: row 0 of m has 3 entries, not 2 (the length of x)");
    assertShapeError(() -> ArrayMath.matVec(ragged, three),
        "matVec: row 1 of m has 2 entries, not 3 (the length of x)");
    assertShapeError(() -> ArrayMath.matMul(twoByThree, twoByThree),
        "matMul: row 0 of a has 3 entries, not 2 (the number of rows of b)");
    assertShapeError(() -> ArrayMath.matMul(ragged, new double[3][2]),
        "matMul: row 1 of a has 2 entries, not 3 (the number of rows of b)");
    assertShapeError(() -> ArrayMath.matMul(new double[1][2], ragged),
        "matMul: row 1 of b has 2 entries, not 3 (the length of row 0 of b)");
  }

  @Test
  void emptyShapes() {
    double[] none = {};
    assertEquals(0, ArrayMath.dot(none, none));
    assertEquals(0, ArrayMath.sum(none));
    assertEquals(Double.NEGATIVE_INFINITY, ArrayMath.logSumExp(none));
    assertArrayEquals(none, ArrayMath.softmax(none));
    assertArrayEquals(none, ArrayMath.matVec(new double[0][], new double[] {1, 2}));
    assertArrayEquals(new double[] {0, 0}, ArrayMath.matVec(new double[2][0], none));
    assertArrayEquals(new double[2][0], ArrayMath.matMul(new double[2][0], new double[0][]));
  }

  @Test
  void logSumExpAndSoftmaxDoNotOverflowOrUnderflow() {
    double[] large = {1000, 999, 998};
    double[] shifted = {2, 1, 0};
    assertEquals(998 + ArrayMath.logSumExp(shifted), ArrayMath.logSumExp(large), 1e-12);
    assertEquals(-1000 + ArrayMath.logSumExp(shifted), ArrayMath.logSumExp(negate(large)), 1e-12);
    assertClose(ArrayMath.softmax(shifted), ArrayMath.softmax(large), ROUNDING, "softmax");
    assertClose(naiveSoftmax(shifted), ArrayMath.softmax(shifted), ROUNDING, "softmax");
    assertEquals(1, naiveSum(ArrayMath.softmax(negate(large))), 1e-15);

    double inf = Double.POSITIVE_INFINITY;
    assertEquals(inf, ArrayMath.logSumExp(new double[] {1, inf}));
    assertEquals(-inf, ArrayMath.logSumExp(new double[] {-inf, -inf}));
    assertArrayEquals(new double[] {1, 0}, ArrayMath.softmax(new double[] {0, -inf}));
  }

  @Test
  void sigmoidIsFiniteForLargeEntries() {
    double[] y = ArrayMath.sigmoid(new double[] {-1000, -40, 40, 1000});
    assertEquals(0, y[0]);
    assertEquals(Math.exp(-40), y[1], 1e-15 * Math.exp(-40));
    assertEquals(1, y[2]);
    assertEquals(1, y[3]);
  }

  @Test
  void slopesStayAccurateWhereTheValueSaturates() {
    double[] x = {-30, 40};
    double[] ones = {1, 1};
    // tanh'(x) = 4 / (e^x + e^−x)², not the 1 − tanh² = 0 of a saturated tanh
    double[] tanhSlope = ArrayMathDerivatives.tanhTangent(x, ones);
    assertClose(map(x, t -> 4 / Math.pow(Math.exp(t) + Math.exp(-t), 2)), tanhSlope, ROUNDING,
        "tanh'");
    // σ'(x) = e^−|x| / (1 + e^−|x|)², not the σ(1 − σ) = 0 of a saturated σ
    double[] sigmoidSlope = ArrayMathDerivatives.sigmoidTangent(x, ones);
    assertClose(map(x, t -> Math.exp(-Math.abs(t)) / Math.pow(1 + Math.exp(-Math.abs(t)), 2)),
        sigmoidSlope, ROUNDING, "σ'");
  }

  @Test
  void reluSlopeIsZeroAtTheKink() {
    double[] x = {0.0, -0.0, 1e-300, -1e-300};
    double[] ones = {1, 1, 1, 1};
    double[] expected = {0, 0, 1, 0};
    assertArrayEquals(new double[] {0, 0, 1e-300, 0}, ArrayMath.relu(x));
    assertArrayEquals(expected, ArrayMathDerivatives.reluTangent(x, ones));
    double[] xBar = new double[4];
    ArrayMathDerivatives.reluPullback(x, ones, xBar);
    assertArrayEquals(expected, xBar);
  }

  @Test
  void oneAdjointArrayMayStandForTwo() {
    double[] x = {1, -2, 3};
    double[] xBar = {10, 10, 10};
    ArrayMathDerivatives.dotPullback(x, x, 0.5, xBar, xBar);
    assertArrayEquals(new double[] {11, 8, 13}, xBar);

    double[][] a = {{1, 2}, {3, 4}};
    double[][] seed = {{1, 0}, {0, 1}};
    double[][] aBar = new double[2][2];
    ArrayMathDerivatives.matMulPullback(a, a, seed, aBar, aBar);
    // d tr(a·a) = 2 aᵀ
    assertArrayEquals(new double[][] {{2, 6}, {4, 8}}, aBar);
  }

  /** One primitive at random arguments, with its registered derivatives. */
  private static final class Point {
    final Random random;
    final Registered f;
    /** The arguments. */
    final Object[] in;
    /** A direction for them (their tangents). */
    final Object[] inDot;
    /** A seed, shaped like f's result. */
    final Object seed;
    /** A direction for the seed. */
    final Object seedDot;

    Point(Case c) {
      random = new Random(c.name().hashCode());
      in = c.arguments().apply(random);
      f = new Registered(c.name(), in);
      inDot = randomLike(in);
      seed = randomLike(f.value(in));
      seedDot = randomLike(seed);
    }

    /** Random entries in [−1, 1), shaped like a value. */
    @SuppressWarnings("unchecked")
    <T> T randomLike(T like) {
      return (T) Flat.randomLike(like, random);
    }

    /** f at the arguments whose entries are u. */
    double[] valueAt(double[] u) {
      return flatten(f.value((Object[]) unflatten(u, in)));
    }

    /** The pullback of the seed at the arguments, added into zero adjoints. */
    double[] pullbackFromZero() {
      return pullbackFromZero(in, seed);
    }

    /** The same at the arguments and seed whose entries are w. */
    double[] pullbackAt(double[] w) {
      Object[] point = (Object[]) unflatten(w, new Object[] {in, f.value(in)});
      return pullbackFromZero((Object[]) point[0], point[1]);
    }

    /** The tangent of the pullback (of the seed, in the directions), added into zero arrays. */
    double[] pullbackTangentFromZero() {
      Object[] barDots = (Object[]) zerosLike(in);
      f.pullbackTangent(in, inDot, seed, seedDot, (Object[]) zerosLike(in), barDots);
      return flatten(barDots);
    }

    private double[] pullbackFromZero(Object[] arguments, Object seed) {
      Object[] bars = (Object[]) zerosLike(arguments);
      f.pullback(arguments, seed, bars);
      return flatten(bars);
    }
  }

  private static void assertShapeError(Executable call, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  // the double[] and double[][] objects in a value (by identity)
  private static Set<Object> arraysIn(Object value) {
    Set<Object> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
    if (value instanceof double[]) {
      arrays.add(value);
    } else if (value instanceof Object[] parts) {
      if (value instanceof double[][]) {
        arrays.add(value);
      }
      for (Object part : parts) {
        arrays.addAll(arraysIn(part));
      }
    }
    return arrays;
  }

  private static Set<String> publicStaticMethods(Class<?> owner) {
    return Arrays.stream(owner.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
        .map(Method::getName)
        .collect(Collectors.toSet());
  }

  private static Object[] args(Object... arguments) {
    return arguments;
  }

  // entries of unit size and alternating signs (so relu sees both sides), away from relu's kink
  private static double[] vector(Random random, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = (i % 2 == 0 ? 1 : -1) * (0.25 + 1.75 * random.nextDouble());
    }
    return v;
  }

  private static double[][] matrix(Random random, int rows, int cols) {
    double[][] m = new double[rows][];
    for (int i = 0; i < rows; i++) {
      m[i] = vector(random, cols);
    }
    return m;
  }

  private static double[] vector(Object[] arguments, int i) {
    return (double[]) arguments[i];
  }

  private static double[][] matrix(Object[] arguments, int i) {
    return (double[][]) arguments[i];
  }

  private static double naiveSum(double[] x) {
    return DoubleStream.of(x).sum();
  }

  private static double[] naiveMatVec(double[][] m, double[] x) {
    double[] y = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      y[i] = dot(m[i], x);
    }
    return y;
  }

  private static double[][] naiveMatMul(double[][] a, double[][] b) {
    double[][] c = new double[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int l = 0; l < b[0].length; l++) {
        for (int j = 0; j < b.length; j++) {
          c[i][l] += a[i][j] * b[j][l];
        }
      }
    }
    return c;
  }

  private static double[] naiveSoftmax(double[] x) {
    double[] e = map(x, Math::exp);
    double total = naiveSum(e);
    return map(e, ei -> ei / total);
  }

  private static double[] map(double[] x, DoubleUnaryOperator f) {
    return Arrays.stream(x).map(f).toArray();
  }

  private static double[] negate(double[] x) {
    return map(x, xi -> -xi);
  }

  private static double[] plus(double[] a, double[] b) {
    double[] sum = a.clone();
    for (int i = 0; i < sum.length; i++) {
      sum[i] += b[i];
    }
    return sum;
  }
}
