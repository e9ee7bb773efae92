package dev.fluxion.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * {@link FiniteDifferences} for methods with {@code double[]} and {@code double[][]} arguments.
 *
 * <p>A point is an argument list whose elements are {@code Double}, {@code double[]} or {@code
 * double[][]} ({@link Args}); inactive arguments ({@code int}, {@code int[]}, constants) are fixed
 * inside the lambdas, exactly as in {@link FiniteDifferences.Case}. The differentiated arguments
 * are flattened, row by row, into one vector, and every component is checked against Ridders'
 * central differences ({@link FiniteDifferences#partial}) with the same tolerances as the scalar
 * corpus, and against an exact gradient where one is given.
 *
 * <p>Every check also asserts the array semantics of the gradient API: the generated call gets
 * its own deep copy of the point and must leave it exactly as it was (a gradient call never
 * changes its inputs), and every partial must be shaped like its argument.
 */
public final class ArrayFiniteDifferences {

  private ArrayFiniteDifferences() {}

  /**
   * An argument list of {@code Double}, {@code double[]} and {@code double[][]} values. Accessors
   * hand out the stored arrays themselves; {@link #copy()} makes a deep copy.
   */
  public static final class Args {
    private final Object[] values;

    private Args(Object[] values) {
      this.values = values;
    }

    /**
     * Wraps values (not copied).
     *
     * @param values each a {@code Double}, {@code double[]} or {@code double[][]}
     * @return the argument list
     */
    public static Args of(Object... values) {
      for (Object v : values) {
        if (!(v instanceof Double || v instanceof double[] || v instanceof double[][])) {
          throw new IllegalArgumentException("not a double, double[] or double[][]: " + v);
        }
      }
      return new Args(values);
    }

    /** The i-th argument as a {@code double}. */
    public double d(int i) {
      return (Double) values[i];
    }

    /** The i-th argument as a {@code double[]} (not copied). */
    public double[] v(int i) {
      return (double[]) values[i];
    }

    /** The i-th argument as a {@code double[][]} (not copied). */
    public double[][] m(int i) {
      return (double[][]) values[i];
    }

    /** The number of arguments. */
    public int size() {
      return values.length;
    }

    /** The i-th argument, as stored. */
    public Object get(int i) {
      return values[i];
    }

    /** A deep copy. */
    public Args copy() {
      Object[] c = new Object[values.length];
      for (int i = 0; i < c.length; i++) {
        c[i] = deepCopy(values[i]);
      }
      return new Args(c);
    }

    /** Bitwise equality of every element (NaN equals NaN, 0.0 differs from -0.0). */
    public boolean sameAs(Args other) {
      return Arrays.deepEquals(values, other.values);
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < values.length; i++) {
        s.append(i == 0 ? "" : ", ").append(show(values[i]));
      }
      return s.toString();
    }
  }

  /**
   * A deep copy of a {@code Double}, {@code double[]} or {@code double[][]}.
   *
   * @param value the value
   * @return its copy ({@code Double} is immutable and returned as is)
   */
  public static Object deepCopy(Object value) {
    if (value instanceof double[] a) {
      return a.clone();
    }
    if (value instanceof double[][] m) {
      double[][] c = new double[m.length][];
      for (int i = 0; i < m.length; i++) {
        c[i] = m[i].clone();
      }
      return c;
    }
    return value;
  }

  /**
   * A deep copy of a matrix.
   *
   * @param m the matrix
   * @return its copy
   */
  public static double[][] copy(double[][] m) {
    return (double[][]) deepCopy(m);
  }

  /**
   * Shorthand for a result list {@code {value, partial_0, partial_1, ...}} or a list of partials.
   *
   * @param parts doubles, {@code double[]} and {@code double[][]}
   * @return the same values as an array
   */
  public static Object[] out(Object... parts) {
    return parts;
  }

  /**
   * Shorthand for a matrix literal.
   *
   * @param rows the rows
   * @return the same rows as a matrix
   */
  public static double[][] mat(double[]... rows) {
    return rows;
  }

  /**
   * Flattens doubles, {@code double[]} and {@code double[][]}, row by row, into one vector.
   *
   * @param parts the parts
   * @return the components in order
   */
  public static double[] flatten(Object... parts) {
    int n = 0;
    for (Object p : parts) {
      n += count(p);
    }
    double[] flat = new double[n];
    int k = 0;
    for (Object p : parts) {
      if (p instanceof Double d) {
        flat[k++] = d;
      } else if (p instanceof double[] a) {
        System.arraycopy(a, 0, flat, k, a.length);
        k += a.length;
      } else {
        for (double[] row : (double[][]) p) {
          System.arraycopy(row, 0, flat, k, row.length);
          k += row.length;
        }
      }
    }
    return flat;
  }

  /**
   * The dot product of two vectors.
   *
   * @param a a vector
   * @param b a vector of the same length
   * @return the sum of {@code a[i] * b[i]}
   */
  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /**
   * The Frobenius inner product of two matrices.
   *
   * @param a a matrix
   * @param b a matrix of the same shape
   * @return the sum of {@code a[i][j] * b[i][j]}
   */
  public static double dot(double[][] a, double[][] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += dot(a[i], b[i]);
    }
    return s;
  }

  private static int count(Object p) {
    if (p instanceof Double) {
      return 1;
    }
    if (p instanceof double[] a) {
      return a.length;
    }
    if (p instanceof double[][] m) {
      int n = 0;
      for (double[] row : m) {
        n += row.length;
      }
      return n;
    }
    throw new IllegalArgumentException("not a double, double[] or double[][]: " + p);
  }

  /** Writes the flat components back into a (copied) argument, shaped like {@code like}. */
  private static Object unflatten(Object like, double[] flat, int[] offset) {
    if (like instanceof Double) {
      return flat[offset[0]++];
    }
    if (like instanceof double[] a) {
      double[] c = Arrays.copyOfRange(flat, offset[0], offset[0] + a.length);
      offset[0] += a.length;
      return c;
    }
    double[][] m = (double[][]) like;
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = Arrays.copyOfRange(flat, offset[0], offset[0] + m[i].length);
      offset[0] += m[i].length;
    }
    return c;
  }

  private static String shape(Object p) {
    if (p == null) {
      return "null";
    }
    if (p instanceof Double) {
      return "double";
    }
    if (p instanceof double[] a) {
      return "double[" + a.length + "]";
    }
    if (p instanceof double[][] m) {
      StringBuilder s = new StringBuilder("double[" + m.length + "][");
      for (int i = 0; i < m.length; i++) {
        s.append(i == 0 ? "" : ",").append(m[i] == null ? "null" : String.valueOf(m[i].length));
      }
      return s.append("]").toString();
    }
    return p.getClass().getSimpleName();
  }

  private static boolean sameShape(Object a, Object b) {
    if (a instanceof Double || a instanceof Number) {
      return b instanceof Double;
    }
    if (a instanceof double[] x) {
      return b instanceof double[] y && x.length == y.length;
    }
    if (a instanceof double[][] x && b instanceof double[][] y && x.length == y.length) {
      for (int i = 0; i < x.length; i++) {
        if (y[i] == null || x[i].length != y[i].length) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static String show(Object v) {
    if (v instanceof double[] a) {
      return Arrays.toString(a);
    }
    if (v instanceof double[][] m) {
      return Arrays.deepToString(m);
    }
    return String.valueOf(v);
  }

  /** Component names: {@code x}, {@code x[2]}, {@code A[1][0]}. */
  private static String[] componentNames(String[] names, Object[] likes) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < names.length; k++) {
      Object p = likes[k];
      if (p instanceof Double) {
        out.add(names[k]);
      } else if (p instanceof double[] a) {
        for (int i = 0; i < a.length; i++) {
          out.add(names[k] + "[" + i + "]");
        }
      } else {
        double[][] m = (double[][]) p;
        for (int i = 0; i < m.length; i++) {
          for (int j = 0; j < m[i].length; j++) {
            out.add(names[k] + "[" + i + "][" + j + "]");
          }
        }
      }
    }
    return out.toArray(new String[0]);
  }

  /**
   * One corpus method with array arguments as a test case: its primal, an adapter that calls the
   * generated gradient, an optional exact gradient, and the points to check it at.
   */
  public static final class ArrayCase {
    private final String method;
    private final String[] names;
    private int[] wrt;
    private ToDoubleFunction<Args> primal;
    private Function<Args, Object[]> generated;
    private Function<Args, Object[]> exact;
    private double fdRtol = FiniteDifferences.FD_RTOL;
    private double fdAtol = FiniteDifferences.FD_ATOL;
    private double exactRtol = FiniteDifferences.EXACT_RTOL;
    private double exactAtol = FiniteDifferences.EXACT_ATOL;
    private final List<Args> points = new ArrayList<>();

    private ArrayCase(String method, String[] names) {
      this.method = method;
      this.names = names;
      this.wrt = new int[names.length];
      for (int i = 0; i < names.length; i++) {
        wrt[i] = i;
      }
    }

    /**
     * Starts a case.
     *
     * @param method the method's name (and fixed inactive arguments) for messages
     * @param names the names of the arguments of a point, in order
     * @return the case
     */
    public static ArrayCase of(String method, String... names) {
      return new ArrayCase(method, names);
    }

    /**
     * Limits the differentiated arguments (default: all of them), in the order the adapters
     * return their partials.
     *
     * @param wrtNames names among those given to {@link #of}
     * @return this case
     */
    public ArrayCase wrt(String... wrtNames) {
      int[] w = new int[wrtNames.length];
      for (int k = 0; k < wrtNames.length; k++) {
        w[k] = Arrays.asList(names).indexOf(wrtNames[k]);
        if (w[k] < 0) {
          throw new IllegalArgumentException(method + ": no argument named " + wrtNames[k]);
        }
      }
      this.wrt = w;
      return this;
    }

    /**
     * Sets the method itself.
     *
     * @param f the primal, called with a deep copy of a point
     * @return this case
     */
    public ArrayCase primal(ToDoubleFunction<Args> f) {
      this.primal = f;
      return this;
    }

    /**
     * Sets the generated gradient.
     *
     * @param g returns {@code {value, partial_0, ...}} (one partial per differentiated argument,
     *     each shaped like it) from the generated companion; called with a deep copy of a point,
     *     which must be unchanged afterwards
     * @return this case
     */
    public ArrayCase generated(Function<Args, Object[]> g) {
      this.generated = g;
      return this;
    }

    /**
     * Sets the exact gradient.
     *
     * @param d returns {@code {partial_0, ...}}, written by hand; a {@code null} entry means no
     *     exact value for that argument
     * @return this case
     */
    public ArrayCase exact(Function<Args, Object[]> d) {
      this.exact = d;
      return this;
    }

    /**
     * Loosens the finite-difference tolerances (long recurrences, large values).
     *
     * @param rtol relative tolerance
     * @param atol absolute tolerance
     * @return this case
     */
    public ArrayCase fdTolerance(double rtol, double atol) {
      this.fdRtol = rtol;
      this.fdAtol = atol;
      return this;
    }

    /**
     * Loosens the tolerances against the exact gradient (a closed form that sums in another
     * order, for example).
     *
     * @param rtol relative tolerance
     * @param atol absolute tolerance
     * @return this case
     */
    public ArrayCase exactTolerance(double rtol, double atol) {
      this.exactRtol = rtol;
      this.exactAtol = atol;
      return this;
    }

    /**
     * Adds a point.
     *
     * @param args one value per name given to {@link #of}: {@code Double}, {@code double[]} or
     *     {@code double[][]}
     * @return this case
     */
    public ArrayCase at(Object... args) {
      if (args.length != names.length) {
        throw new IllegalArgumentException(
            method + ": " + args.length + " arguments for " + names.length + " names");
      }
      Object[] boxed = new Object[args.length];
      for (int i = 0; i < args.length; i++) {
        boxed[i] = args[i] instanceof Number n && !(args[i] instanceof Double)
            ? (Object) n.doubleValue() : args[i];
      }
      points.add(Args.of(boxed));
      return this;
    }

    /**
     * The generated value and partials at a point, after checking that the call left its
     * arguments unchanged and that every partial has the shape of its argument.
     *
     * @param point the point
     * @return {@code {value, partial_0, ...}}
     */
    public Object[] generatedAt(Args point) {
      Args arguments = point.copy();
      Object[] out = generated.apply(arguments);
      if (!arguments.sameAs(point)) {
        fail(method + ": the gradient call changed its arguments: before (" + point + "), after ("
            + arguments + ")");
      }
      if (out.length != wrt.length + 1) {
        fail(method + ": the adapter returned " + out.length + " values, expected value + "
            + wrt.length + " partials");
      }
      for (int k = 0; k < wrt.length; k++) {
        Object like = point.get(wrt[k]);
        if (!sameShape(like, out[k + 1])) {
          fail(method + ": the partial for " + names[wrt[k]] + " has shape " + shape(out[k + 1])
              + ", the argument " + shape(like));
        }
      }
      return out;
    }

    /**
     * Checks value, finite differences, exact gradient and array semantics at one point.
     *
     * @param point the point
     */
    public void check(Args point) {
      Objects.requireNonNull(primal, "primal");
      Objects.requireNonNull(generated, "generated");
      Object[] out = generatedAt(point);
      double value = ((Number) out[0]).doubleValue();
      FiniteDifferences.assertClose(
          method + " value at " + point, primal.applyAsDouble(point.copy()), value);

      String[] wrtNames = new String[wrt.length];
      Object[] likes = new Object[wrt.length];
      for (int k = 0; k < wrt.length; k++) {
        wrtNames[k] = names[wrt[k]];
        likes[k] = point.get(wrt[k]);
      }
      double[] actual = flatten(Arrays.copyOfRange(out, 1, out.length));
      double[] x = flatten(likes);
      String[] components = componentNames(wrtNames, likes);
      ToDoubleFunction<double[]> flat = z -> {
        Args a = point.copy();
        int[] offset = {0};
        for (int k = 0; k < wrt.length; k++) {
          a.values[wrt[k]] = unflatten(likes[k], z, offset);
        }
        return primal.applyAsDouble(a);
      };
      double[] fd = FiniteDifferences.gradient(flat, x);
      compare(point, components, fd, actual, fdRtol, fdAtol, "central finite differences");

      if (exact != null) {
        Object[] ex = exact.apply(point.copy());
        if (ex.length != wrt.length) {
          fail(method + ": the exact gradient has " + ex.length + " parts, expected "
              + wrt.length);
        }
        // Compare only the parts that have an exact value.
        List<String> n = new ArrayList<>();
        List<Double> e = new ArrayList<>();
        List<Double> g = new ArrayList<>();
        for (int k = 0; k < wrt.length; k++) {
          if (ex[k] == null) {
            continue;
          }
          if (!sameShape(likes[k], ex[k])) {
            fail(method + ": exact partial for " + wrtNames[k] + " has shape " + shape(ex[k]));
          }
          String[] cn = componentNames(new String[] {wrtNames[k]}, new Object[] {likes[k]});
          double[] ef = flatten(ex[k]);
          double[] gf = flatten(out[k + 1]);
          for (int i = 0; i < ef.length; i++) {
            n.add(cn[i]);
            e.add(ef[i]);
            g.add(gf[i]);
          }
        }
        compare(point, n.toArray(new String[0]),
            e.stream().mapToDouble(Double::doubleValue).toArray(),
            g.stream().mapToDouble(Double::doubleValue).toArray(),
            exactRtol, exactAtol, "exact derivative");
      }
    }

    private void compare(Args point, String[] components, double[] expected, double[] actual,
        double rtol, double atol, String against) {
      StringBuilder problems = new StringBuilder();
      int shown = 0;
      int bad = 0;
      for (int i = 0; i < expected.length; i++) {
        if (!close(expected[i], actual[i], rtol, atol)) {
          bad++;
          if (shown++ < 12) {
            problems.append(String.format(
                "%n  d/d%s: generated %s, %s %s (difference %.3g, allowed %.3g)",
                components[i], actual[i], against, expected[i],
                Math.abs(expected[i] - actual[i]),
                atol + rtol * Math.max(Math.abs(expected[i]), Math.abs(actual[i]))));
          }
        }
      }
      if (bad > 0) {
        fail(method + " at (" + point + "): " + bad + " of " + expected.length
            + " components differ" + problems);
      }
    }

    /**
     * A label naming the method and the point (shortened).
     *
     * @param point the point
     * @return the label
     */
    public String label(Args point) {
      String p = point.toString();
      return method + "(" + (p.length() > 90 ? p.substring(0, 87) + "..." : p) + ")";
    }

    private Stream<Arguments> arguments() {
      if (points.isEmpty()) {
        throw new IllegalStateException(method + ": no points");
      }
      return points.stream().map(p -> Arguments.of(Named.of(label(p), this), p));
    }
  }

  static boolean close(double a, double b, double rtol, double atol) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return false;
    }
    if (a == b) {
      return true;
    }
    return Math.abs(a - b) <= atol + rtol * Math.max(Math.abs(a), Math.abs(b));
  }

  /**
   * Every case at every one of its points, as arguments {@code (ArrayCase, Args point)} for a
   * {@code @ParameterizedTest(name = "{0}")} that calls {@link ArrayCase#check}.
   *
   * @param cases the cases
   * @return the arguments
   */
  public static Stream<Arguments> arguments(ArrayCase... cases) {
    return Arrays.stream(cases).flatMap(ArrayCase::arguments);
  }
}
