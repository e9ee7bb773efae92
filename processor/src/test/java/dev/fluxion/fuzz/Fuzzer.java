package dev.fluxion.fuzz;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.fluxion.fuzz.ProgramGenerator.Kind;
import dev.fluxion.fuzz.ProgramGenerator.MethodSpec;
import dev.fluxion.fuzz.ProgramGenerator.Param;
import dev.fluxion.fuzz.ProgramGenerator.Program;
import dev.fluxion.processor.Compiler;
import dev.fluxion.processor.FluxionProcessor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Runs one program through the differential check (issue 8): compiles it with Fluxion's processor
 * in-process, and for every method, at random points, checks the reverse-mode gradient, the
 * forward-mode directional derivative and the Hessian-vector product against each other and
 * against central finite differences.
 *
 * <p>Per method and point (doubles and array elements uniform in [-1.5, 1.5], the int in
 * [0, {@value ProgramGenerator#MAX_INT_ARGUMENT}]), with a random direction v over the inputs laid
 * end to end:
 *
 * <ul>
 *   <li>the values of the method, of its gradient holder, tangent holder and Hessian holder agree;
 *   <li>forward mode's tangent equals the reverse gradient dotted with v (1e-8 relative: the two
 *       modes add the same terms in other orders, and where large terms cancel, as in
 *       {@code x - x} of a large x, the roundings differ; the fuzzer's seed 7499 differed by
 *       1.3e-10);
 *   <li>the Hessian holder's gradient equals the reverse gradient (1e-8 relative);
 *   <li>the tangent equals the central difference of the value along v, and H·v equals the
 *       central difference of the reverse gradient along v (1e-5, relative to the larger of 1 and
 *       the numbers compared, plus the rounding error of the difference);
 *   <li>every generated call leaves the caller's arrays as it found them.
 * </ul>
 *
 * <p>Differences are taken with two steps; where they disagree with each other the point is near a
 * kink or jump (a branch boundary, {@code abs}, {@code floor}, a value-dependent trip count) and
 * is skipped. Before a disagreement with AD counts, the differences are taken with a third,
 * smaller step: where that changes them, they have not converged (an ill-conditioned method, such
 * as one dividing by a number near 0, whose intermediates swing faster than the steps can follow;
 * the fuzzer's seed 3396 was one) and the point is skipped. A disagreement with differences counts
 * only if it persists at a nearby point.
 * Points where the value, the gradient or the tangent is not finite, or huge (above 1e6), are
 * skipped. The points
 * are a function of the program's seed and the method's name, so a program is checked the same
 * way every time.
 *
 * <p>A program is a {@link Status#CRASH} when the processor fails (an {@code FLX001} diagnostic,
 * an exception out of javac, or a compile error in the generated companion), and a
 * {@link Status#MISMATCH} when any of its methods fails a check (or generated code throws or hangs
 * where the method itself runs). Each failure has a {@linkplain Result#signature() signature}, the
 * kind of check that failed or the exception thrown, which the {@link Shrinker} keeps while it
 * makes the program smaller.
 */
final class Fuzzer implements AutoCloseable {

  private static final int POINTS = 3;
  private static final int ATTEMPTS = 24;
  private static final double MODES_TOL = 1e-8;
  private static final double FD_TOL = 1e-5;
  private static final double HUGE = 1e6;

  /** What became of a program. */
  enum Status {
    /** Compiled, and every check passed (or no point was usable). */
    PASSED,
    /** Rejected by Fluxion with a diagnostic: the generator left the subset. */
    REJECTED,
    /** Not a valid program (javac errors, or the method itself throws): a generator bug. */
    INVALID,
    /** Differentiated wrongly. */
    MISMATCH,
    /** The processor failed. */
    CRASH
  }

  /**
   * The result of one program.
   *
   * @param status what became of it
   * @param signature for a failure, what failed: the check or the exception; else empty
   * @param message the details, or empty
   */
  record Result(Status status, String signature, String message) {
    static final Result PASS = new Result(Status.PASSED, "", "");

    /** A mismatch or a crash. */
    boolean failed() {
      return status == Status.MISMATCH || status == Status.CRASH;
    }

    /** Whether another result is a failure of the same kind: what a shrunk program must keep. */
    boolean sameFailure(Result other) {
      return failed() && status == other.status && signature.equals(other.signature);
    }

    /** One line: the status and the signature. */
    String headline() {
      return status + (signature.isEmpty() ? "" : " (" + signature + ")");
    }
  }

  /** Counters over the programs checked, updated by the checking thread. */
  static final class Stats {
    volatile int methodsChecked;
    volatile int methodsUnchecked;
    volatile int points;
    volatile int kinks;
    volatile int nonFinite;
  }

  private final long timeoutSeconds;
  private final Stats stats = new Stats();
  private ExecutorService executor = newExecutor();
  private int hung;

  /**
   * A fuzzer that gives each program's checks {@code timeoutSeconds} to finish.
   *
   * @param timeoutSeconds the time limit of one program's checks
   */
  Fuzzer(long timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  /** The counters over every program run so far. */
  Stats stats() {
    return stats;
  }

  /** How many programs' checks timed out (their threads may still be running). */
  int hung() {
    return hung;
  }

  /** Compiles and checks one program. */
  Result run(Program program) {
    Compiled compiled = compile(program);
    if (compiled.result != null) {
      return compiled.result;
    }
    Future<Result> future = executor.submit(() -> check(program, compiled.loader, stats));
    try {
      return future.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      executor.shutdownNow();
      executor = newExecutor();
      hung++;
      return new Result(Status.MISMATCH, "timeout", "timed out after " + timeoutSeconds + " s");
    } catch (ExecutionException e) {
      return new Result(Status.MISMATCH, "checker threw " + e.getCause().getClass().getName(),
          "checker threw " + stackTrace(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  /**
   * A program from its source (a saved or shrunk one): class {@code fuzz.Name}, its
   * {@code @Differentiable static double} methods with {@code double}, {@code double[]} (of length
   * {@value ProgramGenerator#ARRAY_LENGTH}) and {@code int} parameters.
   *
   * @param source the source
   * @param seed the seed its points are drawn from
   * @return the program
   */
  static Program fromSource(String source, long seed) {
    Matcher name = Pattern.compile("class\\s+(\\w+)").matcher(source);
    if (!name.find()) {
      throw new IllegalArgumentException("no class in the source");
    }
    List<MethodSpec> methods = new ArrayList<>();
    Matcher m = Pattern.compile("@Differentiable\\s+static\\s+double\\s+(\\w+)\\s*\\(([^)]*)\\)")
        .matcher(source);
    while (m.find()) {
      List<Param> params = new ArrayList<>();
      for (String p : m.group(2).split(",")) {
        String[] typeAndName = p.trim().split("\\s+");
        if (typeAndName.length != 2) {
          continue;
        }
        Kind kind = switch (typeAndName[0]) {
          case "double" -> Kind.DOUBLE;
          case "double[]" -> Kind.ARRAY;
          case "int" -> Kind.INT;
          default -> throw new IllegalArgumentException("parameter type " + typeAndName[0]);
        };
        params.add(new Param(typeAndName[1], kind));
      }
      methods.add(new MethodSpec(m.group(1), List.copyOf(params)));
    }
    return new Program(seed, name.group(1), source, List.copyOf(methods));
  }

  private static ExecutorService newExecutor() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-check");
      t.setDaemon(true);
      return t;
    });
  }

  // ---- compiling ----

  private static final class Compiled {
    Result result;
    ClassLoader loader;
  }

  private static final Pattern THROWABLE =
      Pattern.compile("([\\w$]+\\.)*[\\w$]*(Exception|Error)\\b");

  /** Whether plain javac, without annotation processing, accepts the program. */
  private static boolean isJava(Program program) {
    return com.google.testing.compile.Compiler.javac()
        .withOptions("-proc:none")
        .withClasspath(List.of(Compiler.runtimeLocation()))
        .compile(JavaFileObjects.forSourceString(program.qualifiedName(), program.source()))
        .status() == Compilation.Status.SUCCESS;
  }

  private static Compiled compile(Program program) {
    Compiled result = new Compiled();
    Compilation compilation;
    try {
      compilation = com.google.testing.compile.Compiler.javac()
          .withProcessors(new FluxionProcessor())
          .withOptions("-parameters")
          .withClasspath(List.of(Compiler.runtimeLocation()))
          .compile(JavaFileObjects.forSourceString(program.qualifiedName(), program.source()));
    } catch (RuntimeException | Error e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      result.result = new Result(Status.CRASH, "javac threw " + cause.getClass().getName(),
          "javac or the processor threw " + stackTrace(e));
      return result;
    }
    List<String> errors = new ArrayList<>();
    String crash = null;
    boolean rejected = false;
    for (Diagnostic<? extends JavaFileObject> d : compilation.errors()) {
      String message = d.getMessage(Locale.ROOT);
      String source = d.getSource() == null ? "?" : d.getSource().getName();
      errors.add(source + ":" + d.getLineNumber() + ": " + message);
      if (crash == null && message.contains("FLX001")) {
        Matcher thrown = THROWABLE.matcher(message);
        crash = "FLX001 " + (thrown.find() ? thrown.group() : "");
      } else if (crash == null && source.endsWith("Derivatives.java")) {
        crash = "the companion does not compile";
      } else if (message.matches("(?s).*\\[FLX\\d+\\].*")) {
        rejected = true;
      }
    }
    if (compilation.status() != Compilation.Status.SUCCESS || !errors.isEmpty()) {
      String message = String.join("\n", errors);
      if (crash != null && isJava(program)) {
        result.result = new Result(Status.CRASH, crash.strip(), message);
      } else {
        // Not valid Java (javac stops after the processor's errors, so it may not have said so).
        result.result = new Result(rejected && crash == null ? Status.REJECTED : Status.INVALID,
            "", message);
      }
      return result;
    }
    result.loader = Compiler.loader(compilation, Fuzzer.class.getClassLoader());
    return result;
  }

  // ---- checking ----

  /** The generated forms of one method. */
  private static final class Forms {
    MethodSpec spec;
    Method primal;
    Method gradient;
    // The into form, with a holder that every check of the method reuses: its tape lends the
    // reverse blocks the arrays it lent the call before.
    Method gradientInto;
    Object reused;
    Method tangent;
    Method hvp;
    int inputs;
  }

  /** A thrown exception from a method call, distinguishing the method itself from generated code. */
  private static final class Thrown extends Exception {
    final boolean primal;

    Thrown(boolean primal, Throwable cause) {
      super(cause);
      this.primal = primal;
    }
  }

  private static final String INVALID = "invalid";

  private enum Verdict {
    OK, SKIP_KINK, SKIP_NONFINITE, FD_FAIL, FAIL
  }

  /** A point's verdict; for a failure, {@code kind} names the check (the failure's signature). */
  private record Outcome(Verdict verdict, String kind, String message) {
    static final Outcome GOOD = new Outcome(Verdict.OK, "", "");
    static final Outcome KINK = new Outcome(Verdict.SKIP_KINK, "", "");
    static final Outcome NON_FINITE = new Outcome(Verdict.SKIP_NONFINITE, "", "");

    static Outcome fail(String kind, String message) {
      return new Outcome(Verdict.FAIL, kind, message);
    }

    /** The same outcome, its message followed by where. */
    Outcome at(String where) {
      return new Outcome(verdict, kind, message + " " + where);
    }
  }

  private static Result check(Program program, ClassLoader loader, Stats stats) throws Exception {
    Class<?> type = loader.loadClass(program.qualifiedName());
    Class<?> companion = loader.loadClass(program.qualifiedName() + "Derivatives");
    StringBuilder failures = new StringBuilder();
    String signature = null;
    for (MethodSpec spec : program.methods()) {
      Forms forms;
      try {
        forms = forms(spec, type, companion);
      } catch (NoSuchMethodException e) {
        return new Result(Status.MISMATCH, "a generated form is missing",
            spec.name() + ": a generated form is missing: " + e.getMessage());
      }
      Random random = new Random(program.seed() * 31 + spec.name().hashCode());
      int good = 0;
      boolean failed = false;
      for (int attempt = 0; attempt < ATTEMPTS && good < POINTS; attempt++) {
        Object[] args = point(spec, random);
        Outcome outcome = checkPoint(forms, args, random);
        if (outcome.verdict() == Verdict.FD_FAIL) {
          // Confirm near by: a wrong derivative persists, a kink between the steps does not.
          Outcome confirmed = null;
          for (int near = 0; near < 4; near++) {
            Outcome o = checkPoint(forms, nudge(spec, args, random), random);
            if (o.verdict() == Verdict.OK) {
              confirmed = o;
              break;
            }
            if (o.verdict() == Verdict.FD_FAIL || o.verdict() == Verdict.FAIL) {
              confirmed = Outcome.fail(outcome.kind(), outcome.message() + "\n  and near by: "
                  + o.message());
              break;
            }
          }
          outcome = confirmed == null ? Outcome.KINK : confirmed;
        }
        switch (outcome.verdict()) {
          case OK -> {
            good++;
            stats.points++;
          }
          case SKIP_KINK -> stats.kinks++;
          case SKIP_NONFINITE -> stats.nonFinite++;
          case FAIL -> {
            if (outcome.kind().equals(INVALID)) {
              return new Result(Status.INVALID, "", spec.name() + ": " + outcome.message());
            }
            if (signature == null) {
              signature = outcome.kind();
            }
            failures.append(spec.name()).append(": ").append(outcome.message()).append('\n');
            failed = true;
            attempt = ATTEMPTS;
          }
          default -> throw new AssertionError();
        }
      }
      if (good > 0) {
        stats.methodsChecked++;
      } else if (!failed) {
        stats.methodsUnchecked++;
      }
    }
    return signature == null ? Result.PASS
        : new Result(Status.MISMATCH, signature, failures.toString().strip());
  }

  private static Forms forms(MethodSpec spec, Class<?> type, Class<?> companion)
      throws NoSuchMethodException {
    Forms f = new Forms();
    f.spec = spec;
    List<Class<?>> primalTypes = new ArrayList<>();
    List<Class<?>> tangentTypes = new ArrayList<>();
    for (Param p : spec.params()) {
      Class<?> t = switch (p.kind()) {
        case DOUBLE -> double.class;
        case ARRAY -> double[].class;
        case INT -> int.class;
      };
      primalTypes.add(t);
      if (p.kind() != Kind.INT) {
        tangentTypes.add(t);
        f.inputs += p.kind() == Kind.ARRAY ? ProgramGenerator.ARRAY_LENGTH : 1;
      }
    }
    Class<?>[] primal = primalTypes.toArray(Class<?>[]::new);
    f.primal = type.getDeclaredMethod(spec.name(), primal);
    f.primal.setAccessible(true);
    f.gradient = companion.getMethod(spec.name() + "Gradient", primal);
    List<Class<?>> withHolder = new ArrayList<>(primalTypes);
    withHolder.add(f.gradient.getReturnType());
    f.gradientInto = companion.getMethod(spec.name() + "Gradient",
        withHolder.toArray(Class<?>[]::new));
    try {
      f.reused = f.gradient.getReturnType().getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    List<Class<?>> withTangents = new ArrayList<>(primalTypes);
    withTangents.addAll(tangentTypes);
    f.tangent = companion.getMethod(spec.name() + "Tangent", withTangents.toArray(Class<?>[]::new));
    List<Class<?>> withDirection = new ArrayList<>(primalTypes);
    withDirection.add(double[].class);
    f.hvp = companion.getMethod(spec.name() + "HessianVectorProduct",
        withDirection.toArray(Class<?>[]::new));
    return f;
  }

  private static Object[] point(MethodSpec spec, Random random) {
    Object[] args = new Object[spec.params().size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = switch (spec.params().get(i).kind()) {
        case DOUBLE -> uniform(random);
        case ARRAY -> {
          double[] a = new double[ProgramGenerator.ARRAY_LENGTH];
          for (int j = 0; j < a.length; j++) {
            a[j] = uniform(random);
          }
          yield a;
        }
        case INT -> random.nextInt(ProgramGenerator.MAX_INT_ARGUMENT + 1);
      };
    }
    return args;
  }

  private static double uniform(Random random) {
    return -1.5 + 3 * random.nextDouble();
  }

  /** The same point moved by about 1e-3 in every input (the int stays). */
  private static Object[] nudge(MethodSpec spec, Object[] args, Random random) {
    double[] x = flatten(spec, args);
    double[] d = new double[x.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = 2e-3 * (random.nextDouble() - 0.5);
    }
    return shifted(spec, args, d, 1);
  }

  private static Outcome checkPoint(Forms f, Object[] args, Random random) {
    MethodSpec spec = f.spec;
    String at = "at " + describe(spec, args);
    try {
      double value = value(f, args);
      if (!Double.isFinite(value)) {
        return Outcome.NON_FINITE;
      }
      // Reverse mode.
      Object[] gradientArgs = copy(args);
      Object holder = generated(f.gradient, gradientArgs);
      Outcome gradientForm = asCalled("the gradient form", spec, args, gradientArgs, holder, value);
      if (gradientForm != null) {
        return gradientForm.at(at);
      }
      double[] g = gradient(spec, holder);
      if (!allFinite(g)) {
        return Outcome.NON_FINITE;
      }
      double[] reused = gradientAt(f, args);
      if (!Arrays.equals(g, reused)) {
        return Outcome.fail("the into form on a reused holder differs from a fresh holder",
            "reused " + Arrays.toString(reused) + " but fresh " + Arrays.toString(g)).at(at);
      }
      // Huge values mean huge intermediates (a cube iterated in a loop), and then a term like
      // sin(1e36) oscillates faster than any difference step can follow: AD is right, finite
      // differences are not. Such points are skipped.
      if (Math.abs(value) > HUGE || maxAbs(g) > HUGE) {
        return Outcome.NON_FINITE;
      }

      // Forward mode along a random direction.
      double[] v = new double[f.inputs];
      for (int i = 0; i < v.length; i++) {
        v[i] = 2 * random.nextDouble() - 1;
      }
      Object[] tangentArgs = withTangents(spec, copy(args), v);
      Object tangentHolder = generated(f.tangent, tangentArgs);
      Outcome tangentForm = asCalled("the tangent form", spec, args, tangentArgs, tangentHolder,
          value);
      if (tangentForm != null) {
        return tangentForm.at(at);
      }
      double tangent = (Double) accessor(tangentHolder, "tangent");
      // Where intermediates overflow or grow huge, the modes round differently: 0·∞ is NaN in
      // one and a product that stays 0 in the other; huge terms that cancel leave 0 in one sum
      // and not in another (the fuzzer's seeds 8446 and 7499). Such points are skipped like
      // huge values.
      if (!Double.isFinite(tangent) || Math.abs(tangent) > HUGE) {
        return Outcome.NON_FINITE;
      }
      double dot = 0;
      double dotScale = 0;
      for (int i = 0; i < v.length; i++) {
        dot += g[i] * v[i];
        dotScale += Math.abs(g[i] * v[i]);
      }
      // Relative to the terms of the dot product, and absolute at rounding level of the value
      // (a derivative that is zero in exact arithmetic comes out as rounding noise, differently).
      double modesSlack = 1e-14 * Math.max(1, Math.abs(value));
      if (!(Math.abs(tangent - dot)
          <= MODES_TOL * Math.max(dotScale, Math.abs(tangent)) + modesSlack)) {
        return Outcome.fail("forward mode differs from reverse mode", "forward mode " + tangent
            + " but reverse gradient " + Arrays.toString(g) + " · v = " + dot + ", v = "
            + Arrays.toString(v) + " " + at);
      }

      // Second order.
      Object[] hvpArgs = copy(args);
      Object[] withDirection = Arrays.copyOf(hvpArgs, hvpArgs.length + 1);
      withDirection[hvpArgs.length] = v.clone();
      Object hvpHolder = generated(f.hvp, withDirection);
      Outcome hvpForm = asCalled("the Hessian-vector form", spec, args, withDirection, hvpHolder,
          value);
      if (hvpForm != null) {
        return hvpForm.at(at);
      }
      double[] hvpGradient = (double[]) accessor(hvpHolder, "gradient");
      double[] hv = (double[]) accessor(hvpHolder, "hessianVectorProduct");
      for (int i = 0; i < g.length; i++) {
        if (!(Math.abs(hvpGradient[i] - g[i]) <= MODES_TOL * Math.abs(g[i]) + modesSlack)) {
          return Outcome.fail("the Hessian-vector form's gradient differs from reverse mode",
              "the Hessian-vector form's gradient "
              + Arrays.toString(hvpGradient) + " but the reverse gradient " + Arrays.toString(g)
              + " " + at);
        }
      }

      // Finite differences of the value along v, with two steps; a third, smaller one before
      // calling a disagreement a failure: where the differences have not converged (an
      // ill-conditioned method whose intermediates swing wildly, near a kink), they are skipped.
      Difference fd = valueDifference(f, args, v, 1e-6);
      Difference fdLarge = valueDifference(f, args, v, 1e-5);
      if (fd == null || fdLarge == null) {
        return Outcome.NON_FINITE;
      }
      double scale = Math.max(1, Math.max(Math.abs(tangent), Math.abs(fd.at(0))));
      if (!fd.agrees(fdLarge, 0, 1e-6 * scale)) {
        return Outcome.KINK;
      }
      if (!(Math.abs(fd.at(0) - tangent) <= FD_TOL * scale + fd.noise())) {
        Difference fdSmall = valueDifference(f, args, v, 1e-7);
        if (fdSmall == null || !fd.agrees(fdSmall, 0, 1e-6 * scale)) {
          return Outcome.KINK;
        }
        return new Outcome(Verdict.FD_FAIL, "the derivative differs from finite differences",
            "directional derivative " + tangent + " (forward and reverse agree) but finite"
            + " differences " + fd.at(0) + " (step 1e-6), " + fdLarge.at(0) + " (step 1e-5), "
            + fdSmall.at(0) + " (step 1e-7); v = " + Arrays.toString(v) + " " + at);
      }

      // Finite differences of the gradient along v, likewise.
      Difference fdh = gradientDifference(f, args, v, 1e-5);
      Difference fdhLarge = gradientDifference(f, args, v, 1e-4);
      if (fdh == null || fdhLarge == null || !allFinite(hv)) {
        return Outcome.NON_FINITE;
      }
      double hScale = 1;
      for (int i = 0; i < g.length; i++) {
        hScale = Math.max(hScale, Math.max(Math.abs(hv[i]), Math.abs(fdh.at(i))));
      }
      for (int i = 0; i < g.length; i++) {
        if (!fdh.agrees(fdhLarge, i, 1e-6 * hScale)) {
          return Outcome.KINK;
        }
      }
      for (int i = 0; i < g.length; i++) {
        if (!(Math.abs(fdh.at(i) - hv[i]) <= FD_TOL * hScale + fdh.noise())) {
          Difference fdhSmall = gradientDifference(f, args, v, 1e-6);
          for (int k = 0; k < g.length; k++) {
            if (fdhSmall == null || !fdh.agrees(fdhSmall, k, 1e-6 * hScale)) {
              return Outcome.KINK;
            }
          }
          return new Outcome(Verdict.FD_FAIL,
              "the Hessian-vector product differs from finite differences of the gradient",
              "Hessian-vector product " + Arrays.toString(hv)
              + " but differences of the gradient " + Arrays.toString(fdh.values())
              + " (step 1e-5), " + Arrays.toString(fdhLarge.values()) + " (step 1e-4), "
              + Arrays.toString(fdhSmall.values()) + " (step 1e-6); gradient "
              + Arrays.toString(g) + ", v = " + Arrays.toString(v) + " " + at);
        }
      }
      return Outcome.GOOD;
    } catch (Thrown t) {
      if (t.primal) {
        return Outcome.fail(INVALID, "the method itself threw "
            + stackTrace(t.getCause()) + " " + at);
      }
      return Outcome.fail("generated code threw " + t.getCause().getClass().getName(),
          "generated code threw where the method does not: "
          + stackTrace(t.getCause()) + " " + at);
    }
  }

  /**
   * The checks every generated form gets: it left the caller's arrays as they were, and its
   * holder has the method's value. Null if both hold.
   */
  private static Outcome asCalled(String form, MethodSpec spec, Object[] args, Object[] passed,
      Object holder, double value) {
    String changed = unchanged(spec, args, passed, form);
    if (changed != null) {
      return Outcome.fail("a generated form changed an argument array", changed);
    }
    double formValue = (Double) accessor(holder, "value");
    if (!same(value, formValue)) {
      return Outcome.fail(form + "'s value", "value " + value + " but " + form + "'s value "
          + formValue);
    }
    return null;
  }

  /**
   * Central differences along a direction with one step, and their rounding error.
   *
   * @param values one difference per output
   * @param noise the rounding error of the differences
   */
  private record Difference(double[] values, double noise) {
    double at(int i) {
      return values[i];
    }

    /** Whether the two differences of output i agree within {@code tolerance} plus rounding. */
    boolean agrees(Difference other, int i, double tolerance) {
      return Math.abs(values[i] - other.values[i])
          <= tolerance + Math.max(noise, other.noise);
    }

    static Difference of(double[] up, double[] down, double step) {
      double[] d = new double[up.length];
      double noise = 0;
      for (int i = 0; i < d.length; i++) {
        if (!Double.isFinite(up[i]) || !Double.isFinite(down[i])) {
          return null;
        }
        d[i] = (up[i] - down[i]) / (2 * step);
        noise = Math.max(noise, 64 * Math.ulp(Math.max(Math.abs(up[i]), Math.abs(down[i]))) / step);
      }
      return new Difference(d, noise);
    }
  }

  /** The difference of the method's value along v, or null where it is not finite. */
  private static Difference valueDifference(Forms f, Object[] args, double[] v, double step)
      throws Thrown {
    double up = value(f, shifted(f.spec, args, v, step));
    double down = value(f, shifted(f.spec, args, v, -step));
    return Difference.of(new double[] {up}, new double[] {down}, step);
  }

  /** The difference of the reverse gradient along v, or null where it is not finite. */
  private static Difference gradientDifference(Forms f, Object[] args, double[] v, double step)
      throws Thrown {
    double[] up = gradientAt(f, shifted(f.spec, args, v, step));
    double[] down = gradientAt(f, shifted(f.spec, args, v, -step));
    return up == null || down == null ? null : Difference.of(up, down, step);
  }

  private static boolean same(double a, double b) {
    return a == b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b))
        || (Double.isNaN(a) && Double.isNaN(b));
  }

  private static double value(Forms f, Object[] args) throws Thrown {
    try {
      return (Double) f.primal.invoke(null, copy(args));
    } catch (InvocationTargetException e) {
      throw new Thrown(true, e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object generated(Method m, Object[] args) throws Thrown {
    try {
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw new Thrown(false, e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The gradient by the into form, on the method's reused holder. */
  private static double[] gradientAt(Forms f, Object[] args) throws Thrown {
    value(f, args); // the method itself must run here too
    Object[] into = Arrays.copyOf(copy(args), args.length + 1);
    into[args.length] = f.reused;
    return gradient(f.spec, generated(f.gradientInto, into));
  }

  private static Object accessor(Object holder, String name) {
    try {
      return holder.getClass().getMethod(name).invoke(holder);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("holder " + holder.getClass().getName() + " has no " + name
          + "()", e);
    }
  }

  /** The gradient holder's partials, laid end to end in parameter order. */
  private static double[] gradient(MethodSpec spec, Object holder) {
    List<Double> result = new ArrayList<>();
    for (Param p : spec.params()) {
      if (p.kind() == Kind.DOUBLE) {
        result.add((Double) accessor(holder, p.name()));
      } else if (p.kind() == Kind.ARRAY) {
        for (double d : (double[]) accessor(holder, p.name())) {
          result.add(d);
        }
      }
    }
    return result.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double[] flatten(MethodSpec spec, Object[] args) {
    List<Double> result = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      Kind kind = spec.params().get(i).kind();
      if (kind == Kind.DOUBLE) {
        result.add((Double) args[i]);
      } else if (kind == Kind.ARRAY) {
        for (double d : (double[]) args[i]) {
          result.add(d);
        }
      }
    }
    return result.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The arguments moved by h·v, v over the inputs laid end to end. */
  private static Object[] shifted(MethodSpec spec, Object[] args, double[] v, double h) {
    Object[] result = copy(args);
    int k = 0;
    for (int i = 0; i < args.length; i++) {
      Kind kind = spec.params().get(i).kind();
      if (kind == Kind.DOUBLE) {
        result[i] = (Double) args[i] + h * v[k++];
      } else if (kind == Kind.ARRAY) {
        double[] a = (double[]) result[i];
        for (int j = 0; j < a.length; j++) {
          a[j] += h * v[k++];
        }
      }
    }
    return result;
  }

  /** The arguments followed by one tangent per differentiated parameter, cut from v. */
  private static Object[] withTangents(MethodSpec spec, Object[] args, double[] v) {
    List<Object> result = new ArrayList<>(Arrays.asList(args));
    int k = 0;
    for (Param p : spec.params()) {
      if (p.kind() == Kind.DOUBLE) {
        result.add(v[k++]);
      } else if (p.kind() == Kind.ARRAY) {
        result.add(Arrays.copyOfRange(v, k, k + ProgramGenerator.ARRAY_LENGTH));
        k += ProgramGenerator.ARRAY_LENGTH;
      }
    }
    return result.toArray();
  }

  /** Null if every array argument of the call still holds what the caller passed. */
  private static String unchanged(MethodSpec spec, Object[] original, Object[] passed, String form) {
    for (int i = 0; i < spec.params().size(); i++) {
      if (spec.params().get(i).kind() == Kind.ARRAY
          && !Arrays.equals((double[]) original[i], (double[]) passed[i])) {
        return form + " changed the array argument " + spec.params().get(i).name() + " from "
            + Arrays.toString((double[]) original[i]) + " to "
            + Arrays.toString((double[]) passed[i]);
      }
    }
    return null;
  }

  private static Object[] copy(Object[] args) {
    Object[] result = args.clone();
    for (int i = 0; i < result.length; i++) {
      if (result[i] instanceof double[] a) {
        result[i] = a.clone();
      }
    }
    return result;
  }

  private static double maxAbs(double[] a) {
    double m = 0;
    for (double d : a) {
      m = Math.max(m, Math.abs(d));
    }
    return m;
  }

  private static boolean allFinite(double[] a) {
    for (double d : a) {
      if (!Double.isFinite(d)) {
        return false;
      }
    }
    return true;
  }

  private static String describe(MethodSpec spec, Object[] args) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      parts.add(spec.params().get(i).name() + " = "
          + (a instanceof double[] d ? Arrays.toString(d) : String.valueOf(a)));
    }
    return spec.name() + "(" + String.join(", ", parts) + ")";
  }

  private static String stackTrace(Throwable t) {
    StringBuilder s = new StringBuilder(String.valueOf(t));
    StackTraceElement[] trace = t.getStackTrace();
    for (int i = 0; i < Math.min(6, trace.length); i++) {
      s.append("\n    at ").append(trace[i]);
    }
    return s.toString();
  }
}
