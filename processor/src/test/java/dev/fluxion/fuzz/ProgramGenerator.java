package dev.fluxion.fuzz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * Generates random Java classes with one to three static {@code @Differentiable} methods in the
 * differentiable subset, for the differential fuzzer. The output is a function of the seed alone
 * ({@link Random} seeded once, no other source of randomness).
 *
 * <p>What a program contains: {@code double}, {@code int} and {@code boolean} locals;
 * {@code double[]} locals (new, initialised, aliases of other arrays) and a {@code double[]}
 * parameter of length {@value #ARRAY_LENGTH} that is read and updated in place; expressions over
 * {@code Math} and {@code StrictMath} functions with derivative rules, with arguments kept in
 * their domains ({@code log(1 + a*a)}, {@code asin(0.9*tanh(a))}, {@code pow} of a positive base,
 * division by {@code 2 + b*b}); a few functions with kinks or jumps ({@code abs}, {@code max},
 * {@code floor}, {@code %}, {@code atan2} across its cut), which the fuzzer steps away from;
 * {@code if}/{@code else} on ints and on doubles against constants; {@code ?:}; {@code for} (up,
 * down, by two), enhanced {@code for}, {@code while}, {@code do}/{@code while} and
 * value-dependent {@code while} loops with bounded trip counts (constants, the {@code int}
 * parameter, array lengths); {@code break}, {@code continue}, both also labelled, and
 * {@code return} inside loops and switches; {@code switch} on an int in colon form (with
 * fall-through) and arrow form; array reads and writes (compound, {@code ++}, swaps, repeated
 * overwrites of one element); calls of the earlier methods of the class, as expressions and as
 * statements (a callee may update the caller's array), and recursion on the {@code int}
 * parameter behind a guard.
 *
 * <p>Every int is non-negative and every index is a constant below the length or
 * {@code (int expression) % length}, so no program indexes out of bounds. Each loop's trip count
 * is bounded and the product of the trip counts of nested loops stays small.
 */
public final class ProgramGenerator {

  /** The package of every generated class. */
  public static final String PACKAGE = "fuzz";

  /** The length of every {@code double[]} parameter. */
  public static final int ARRAY_LENGTH = 3;

  /** The largest value the fuzzer passes for an {@code int} parameter (the smallest is 0). */
  public static final int MAX_INT_ARGUMENT = 4;

  /** The kind of a parameter. */
  public enum Kind {
    DOUBLE, ARRAY, INT
  }

  /** A parameter of a generated method. */
  public record Param(String name, Kind kind) {}

  /** A generated method: its name and parameters (it returns {@code double}). */
  public record MethodSpec(String name, List<Param> params) {}

  /** A generated program. */
  public record Program(long seed, String className, String source, List<MethodSpec> methods) {
    /** The binary name of the generated class. */
    public String qualifiedName() {
      return PACKAGE + "." + className;
    }
  }

  private enum VarKind {
    DOUBLE, INT, ARRAY, BOOLEAN
  }

  /** A variable in scope. Loop counters and enhanced-for variables are not assignable. */
  private record Var(String name, VarKind kind, int length, boolean assignable) {}

  private static final int MAX_NESTING = 3;
  private static final int MAX_ITERATIONS = 48;

  private final long seed;
  private final Random random;
  private final List<MethodSpec> methods = new ArrayList<>();

  // Per-method state.
  private StringBuilder out;
  private int indent;
  private final Deque<List<Var>> scopes = new ArrayDeque<>();
  private final Deque<String> labels = new ArrayDeque<>();
  private int names;
  private int loopDepth;
  private int switchDepth;
  private int budget;
  private int iterations;
  private int currentMethod;
  private boolean selfCallable;

  private ProgramGenerator(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
  }

  /** The program for a seed. */
  public static Program generate(long seed) {
    return new ProgramGenerator(seed).program();
  }

  private Program program() {
    String className = "P" + (seed < 0 ? "m" + (-seed) : Long.toString(seed));
    int count = 1 + random.nextInt(3);
    StringBuilder source = new StringBuilder();
    source.append("package ").append(PACKAGE).append(";\n\n");
    source.append("import dev.fluxion.Differentiable;\n\n");
    source.append("public final class ").append(className).append(" {\n");
    for (int m = 0; m < count; m++) {
      currentMethod = m;
      MethodSpec spec = signature("m" + m);
      methods.add(spec);
      source.append("\n").append(method(spec));
    }
    source.append("}\n");
    return new Program(seed, className, source.toString(), List.copyOf(methods));
  }

  private MethodSpec signature(String name) {
    List<Param> params = new ArrayList<>();
    int doubles = 1 + random.nextInt(3);
    for (int i = 0; i < doubles; i++) {
      params.add(new Param("x" + i, Kind.DOUBLE));
    }
    if (random.nextInt(100) < 60) {
      params.add(random.nextInt(params.size() + 1), new Param("p", Kind.ARRAY));
    }
    if (random.nextInt(100) < 55) {
      params.add(random.nextInt(params.size() + 1), new Param("n", Kind.INT));
    }
    return new MethodSpec(name, List.copyOf(params));
  }

  // ---- methods and statements ----

  private String method(MethodSpec spec) {
    out = new StringBuilder();
    indent = 2;
    scopes.clear();
    labels.clear();
    names = 0;
    loopDepth = 0;
    switchDepth = 0;
    iterations = 1;
    selfCallable = false;
    budget = 5 + random.nextInt(14);

    StringBuilder header = new StringBuilder("  @Differentiable\n  static double ");
    header.append(spec.name()).append("(");
    List<Var> top = new ArrayList<>();
    for (int i = 0; i < spec.params().size(); i++) {
      Param p = spec.params().get(i);
      header.append(i == 0 ? "" : ", ");
      switch (p.kind()) {
        case DOUBLE -> {
          header.append("double ").append(p.name());
          top.add(new Var(p.name(), VarKind.DOUBLE, 0, true));
        }
        case ARRAY -> {
          header.append("double[] ").append(p.name());
          top.add(new Var(p.name(), VarKind.ARRAY, ARRAY_LENGTH, false));
        }
        case INT -> {
          header.append("int ").append(p.name());
          top.add(new Var(p.name(), VarKind.INT, 0, false));
        }
      }
    }
    header.append(") {\n");
    scopes.push(top);
    indent = 4;

    boolean hasInt = spec.params().stream().anyMatch(p -> p.kind() == Kind.INT);
    if (hasInt && random.nextInt(100) < 20) {
      // Bounded recursion: the guard makes n >= 1 below it, so the call with n - 1 is safe.
      line("if (n <= 0) {");
      indent += 2;
      line("return " + doubleExpr(2) + ";");
      indent -= 2;
      line("}");
      selfCallable = true;
    }
    while (budget > 0) {
      statement(0);
    }
    line("return " + result() + ";");
    scopes.pop();
    return header + out.toString() + "  }\n";
  }

  private String result() {
    List<String> terms = new ArrayList<>();
    List<Var> doubles = visible(VarKind.DOUBLE);
    List<Var> arrays = visible(VarKind.ARRAY);
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      String term;
      int c = random.nextInt(10);
      if (c < 6 && !doubles.isEmpty()) {
        term = pick(doubles).name();
      } else if (c < 9 && !arrays.isEmpty()) {
        Var a = pick(arrays);
        term = a.name() + "[" + random.nextInt(a.length()) + "]";
      } else {
        term = doubleExpr(2);
      }
      if (random.nextInt(4) == 0) {
        term = "Math.sin(" + term + ")";
      }
      terms.add(term);
    }
    return String.join(" + ", terms);
  }

  private void statement(int depth) {
    budget--;
    boolean nest = depth < MAX_NESTING && budget > 1;
    boolean inLoop = loopDepth > 0;
    boolean canBreak = inLoop || switchDepth > 0;
    List<Var> arrays = visible(VarKind.ARRAY);
    List<Var> mutableInts = assignable(VarKind.INT);
    int[] weights = {
      14, // 0 declare double
      12, // 1 assign double
      8, // 2 compound assign double
      arrays.size() < 4 && depth < 2 ? 4 : 0, // 3 declare array
      arrays.isEmpty() ? 0 : 10, // 4 array write
      2, // 5 ++/--
      3, // 6 declare int
      mutableInts.isEmpty() ? 0 : 2, // 7 update int
      nest ? 6 : 0, // 8 if
      nest ? 6 : 0, // 9 if/else
      nest && iterations < MAX_ITERATIONS ? 7 : 0, // 10 for
      nest && iterations < MAX_ITERATIONS ? 3 : 0, // 11 while
      nest && iterations < MAX_ITERATIONS ? 3 : 0, // 12 do/while
      nest && iterations < MAX_ITERATIONS && !arrays.isEmpty() ? 3 : 0, // 13 enhanced for
      nest && iterations < MAX_ITERATIONS ? 2 : 0, // 14 value-dependent while
      nest ? 4 : 0, // 15 switch
      nest ? 1 : 0, // 16 block
      callables(true).isEmpty() ? 0 : 2, // 17 call statement
      canBreak ? 9 : 0, // 18 jump
      inLoop ? 3 : 1, // 19 return
      nest && iterations * 4 <= MAX_ITERATIONS && depth < 2 ? 3 : 0, // 20 labelled nested loops
      arrays.isEmpty() ? 0 : 1, // 21 array alias or swap
      1, // 22 boolean local
      arrays.isEmpty() ? 0 : 2, // 23 repeated overwrites of one element
    };
    switch (choose(weights)) {
      case 0 -> declareDouble();
      case 1 -> assignDouble();
      case 2 -> compoundDouble();
      case 3 -> declareArray();
      case 4 -> arrayWrite(pick(arrays));
      case 5 -> line(pick(assignable(VarKind.DOUBLE)).name() + (random.nextBoolean() ? "++;" : "--;"));
      case 6 -> declare(VarKind.INT, "int", "k", intExpr(2));
      case 7 -> updateInt(pick(mutableInts));
      case 8 -> ifStatement(depth, false);
      case 9 -> ifStatement(depth, true);
      case 10 -> forLoop(depth, null);
      case 11 -> whileLoop(depth, null);
      case 12 -> doLoop(depth, null);
      case 13 -> enhancedFor(depth, pick(arrays), null);
      case 14 -> valueWhile(depth);
      case 15 -> switchStatement(depth);
      case 16 -> {
        line("{");
        body(depth + 1, 1 + random.nextInt(3));
        line("}");
      }
      case 17 -> line(call(callables(true), 1) + ";");
      case 18 -> jump(depth);
      case 19 -> line("if (" + condition(2) + ") return " + doubleExpr(2) + ";");
      case 20 -> labelledNest(depth);
      case 21 -> aliasOrSwap(arrays);
      case 22 -> {
        Var b = declare(VarKind.BOOLEAN, "boolean", "b", condition(2));
        line("if (" + (random.nextBoolean() ? "" : "!") + b.name() + ") " + pick(assignable(VarKind.DOUBLE)).name()
            + " += " + doubleExpr(2) + ";");
      }
      case 23 -> overwrites(pick(arrays));
      default -> throw new AssertionError();
    }
  }

  /** {@code count} statements in a new scope (the braces are the caller's). */
  private void body(int depth, int count) {
    indent += 2;
    scopes.push(new ArrayList<>());
    for (int i = 0; i < count; i++) {
      statement(depth);
    }
    scopes.pop();
    indent -= 2;
  }

  private int bodySize() {
    return 1 + random.nextInt(Math.max(1, Math.min(4, budget)));
  }

  private void declareDouble() {
    declare(VarKind.DOUBLE, "double", "d", doubleExpr(3));
  }

  private void assignDouble() {
    Var v = pick(assignable(VarKind.DOUBLE));
    String rhs;
    if (loopDepth > 0 && random.nextBoolean()) {
      // Damped updates keep values moderate through loops.
      rhs = switch (random.nextInt(3)) {
        case 0 -> "0.5 * " + v.name() + " + 0.5 * " + bounded(doubleExpr(2));
        case 1 -> "Math.tanh(" + doubleExpr(3) + ")";
        default -> v.name() + " * " + bounded(doubleExpr(2)) + " + " + doubleExpr(1);
      };
    } else {
      rhs = doubleExpr(3);
    }
    line(v.name() + " = " + rhs + ";");
  }

  private void compoundDouble() {
    Var v = pick(assignable(VarKind.DOUBLE));
    switch (random.nextInt(4)) {
      case 0 -> line(v.name() + " += " + doubleExpr(2) + ";");
      case 1 -> line(v.name() + " -= " + doubleExpr(2) + ";");
      case 2 -> line(v.name() + " *= " + bounded(doubleExpr(2)) + ";");
      default -> {
        String b = doubleExpr(1);
        line(v.name() + " /= 2 + (" + b + ") * (" + b + ");");
      }
    }
  }

  private void declareArray() {
    int length = random.nextInt(100) < 70 ? ARRAY_LENGTH : 2 + 2 * random.nextInt(2);
    String init;
    if (random.nextBoolean()) {
      init = "new double[" + length + "]";
    } else {
      List<String> elements = new ArrayList<>();
      for (int i = 0; i < length; i++) {
        elements.add(random.nextInt(4) == 0 ? literal() : doubleExpr(2));
      }
      init = "{" + String.join(", ", elements) + "}";
    }
    String name = "a" + names++;
    line("double[] " + name + " = " + init + ";");
    scopes.peek().add(new Var(name, VarKind.ARRAY, length, true));
  }

  private void arrayWrite(Var a) {
    String element = a.name() + "[" + index(a.length()) + "]";
    switch (random.nextInt(7)) {
      case 0, 1 -> line(element + " = " + doubleExpr(3) + ";");
      case 2 -> line(element + " += " + doubleExpr(2) + ";");
      case 3 -> line(element + " -= " + doubleExpr(2) + ";");
      case 4 -> line(element + " *= " + bounded(doubleExpr(2)) + ";");
      case 5 -> line(element + (random.nextBoolean() ? "++;" : "--;"));
      default -> line(element + " = " + element + " * 0.5 + " + doubleExpr(2) + ";");
    }
  }

  private void overwrites(Var a) {
    String element = a.name() + "[" + index(a.length()) + "]";
    line(element + " = " + doubleExpr(2) + ";");
    line(element + " = " + element + " * " + bounded(doubleExpr(2)) + ";");
    if (random.nextBoolean()) {
      line(element + " = " + doubleExpr(2) + ";");
    }
    line(element + " += " + doubleExpr(1) + ";");
  }

  private void aliasOrSwap(List<Var> arrays) {
    Var a = pick(arrays);
    List<Var> same = new ArrayList<>();
    for (Var v : arrays) {
      if (v.length() == a.length() && v != a) {
        same.add(v);
      }
    }
    int c = random.nextInt(3);
    if (c == 0) {
      // A second name for the same array: writes through either name are writes to both.
      String name = "a" + names++;
      line("double[] " + name + " = " + a.name() + ";");
      scopes.peek().add(new Var(name, VarKind.ARRAY, a.length(), true));
    } else if (c == 1 && a.assignable() && !same.isEmpty()) {
      line(a.name() + " = " + pick(same).name() + ";");
    } else {
      String t = "t" + names++;
      String i = a.name() + "[" + index(a.length()) + "]";
      String j = a.name() + "[" + index(a.length()) + "]";
      line("double " + t + " = " + i + ";");
      line(i + " = " + j + ";");
      line(j + " = " + t + ";");
      scopes.peek().add(new Var(t, VarKind.DOUBLE, 0, true));
    }
  }

  private void updateInt(Var k) {
    switch (random.nextInt(3)) {
      case 0 -> line(k.name() + "++;");
      case 1 -> line(k.name() + " += " + intLeaf() + ";");
      default -> line(k.name() + " = (" + k.name() + " + " + intExpr(1) + ") % " + (2 + random.nextInt(5)) + ";");
    }
  }

  private void ifStatement(int depth, boolean withElse) {
    line("if (" + condition(2) + ") {");
    body(depth + 1, bodySize());
    if (withElse) {
      if (random.nextInt(4) == 0) {
        line("} else if (" + condition(2) + ") {");
        body(depth + 1, bodySize());
      }
      line("} else {");
      body(depth + 1, bodySize());
    }
    line("}");
  }

  /** A bound on a trip count and the expression for it. */
  private record Trip(String expression, int max) {}

  private Trip trip() {
    List<Var> ints = new ArrayList<>();
    for (Var v : visible(VarKind.INT)) {
      if (v.name().equals("n")) {
        ints.add(v);
      }
    }
    List<Var> arrays = visible(VarKind.ARRAY);
    int c = random.nextInt(10);
    if (c < 3 && !ints.isEmpty()) {
      return random.nextBoolean() ? new Trip("n", MAX_INT_ARGUMENT) : new Trip("n + 1", MAX_INT_ARGUMENT + 1);
    }
    if (c < 5 && !arrays.isEmpty()) {
      Var a = pick(arrays);
      return new Trip(a.name() + ".length", a.length());
    }
    int k = 1 + random.nextInt(4);
    return new Trip(Integer.toString(k), k);
  }

  private String label(String label) {
    return label == null ? "" : label + ": ";
  }

  private void loopBody(int depth, Var counter, int max, Runnable before) {
    int saved = iterations;
    iterations *= Math.max(1, max);
    loopDepth++;
    indent += 2;
    scopes.push(new ArrayList<>());
    if (counter != null) {
      scopes.peek().add(counter);
    }
    if (before != null) {
      before.run();
    }
    int count = bodySize();
    for (int i = 0; i < count; i++) {
      statement(depth + 1);
    }
    scopes.pop();
    indent -= 2;
    loopDepth--;
    iterations = saved;
  }

  private void forLoop(int depth, String label) {
    Trip t = trip();
    String i = "i" + names++;
    String header = switch (random.nextInt(5)) {
      case 0 -> "for (int " + i + " = " + t.expression() + " - 1; " + i + " >= 0; " + i + "--)";
      case 1 -> "for (int " + i + " = 0; " + i + " < " + t.expression() + "; " + i + " += 2)";
      default -> "for (int " + i + " = 0; " + i + " < " + t.expression() + "; " + i + "++)";
    };
    if (label != null) {
      labels.push(label);
    }
    line(label(label) + header + " {");
    loopBody(depth, new Var(i, VarKind.INT, 0, false), t.max(), null);
    line("}");
    if (label != null) {
      labels.pop();
    }
  }

  private void whileLoop(int depth, String label) {
    Trip t = trip();
    String w = "w" + names++;
    line("int " + w + " = 0;");
    if (label != null) {
      labels.push(label);
    }
    line(label(label) + "while (" + w + " < " + t.expression() + ") {");
    // The counter moves first, so that a continue cannot skip it.
    loopBody(depth, new Var(w, VarKind.INT, 0, false), t.max(), () -> line(w + "++;"));
    line("}");
    if (label != null) {
      labels.pop();
    }
  }

  private void doLoop(int depth, String label) {
    Trip t = trip();
    String w = "w" + names++;
    line("int " + w + " = 0;");
    if (label != null) {
      labels.push(label);
    }
    line(label(label) + "do {");
    loopBody(depth, new Var(w, VarKind.INT, 0, false), Math.max(1, t.max()), () -> line(w + "++;"));
    line("} while (" + w + " < " + t.expression() + ");");
    if (label != null) {
      labels.pop();
    }
  }

  private void enhancedFor(int depth, Var a, String label) {
    String v = "v" + names++;
    if (label != null) {
      labels.push(label);
    }
    line(label(label) + "for (double " + v + " : " + a.name() + ") {");
    loopBody(depth, new Var(v, VarKind.DOUBLE, 0, false), a.length(), null);
    line("}");
    if (label != null) {
      labels.pop();
    }
  }

  /** A loop whose trip count depends on differentiated values, bounded by a guard. */
  private void valueWhile(int depth) {
    String s = "s" + names++;
    String g = "g" + names++;
    line("double " + s + " = " + doubleExpr(2) + ";");
    line("int " + g + " = 0;");
    scopes.peek().add(new Var(s, VarKind.DOUBLE, 0, true));
    line("while (" + g + " < 5 && " + s + " < " + pickOf("0.8", "1.3", "2.1") + ") {");
    loopBody(depth, new Var(g, VarKind.INT, 0, false), 5, () -> {
      line(g + "++;");
      line(s + " += 0.35 + 0.25 * Math.sin(" + doubleExpr(2) + ");");
    });
    line("}");
  }

  /** An outer loop, labelled, around an inner loop, so that labelled jumps reach past one loop. */
  private void labelledNest(int depth) {
    String label = "l" + names++;
    int c = random.nextInt(4);
    Runnable inner = () -> {
      line("for (int j" + names + " = 0; j" + names + " < " + (1 + random.nextInt(3)) + "; j" + names + "++) {");
      String j = "j" + names++;
      int saved = iterations;
      iterations *= 3;
      loopDepth++;
      indent += 2;
      scopes.push(new ArrayList<>());
      scopes.peek().add(new Var(j, VarKind.INT, 0, false));
      int count = bodySize();
      boolean jumped = false;
      for (int i = 0; i < count; i++) {
        if (!jumped && random.nextBoolean()) {
          jumpTo(label);
          jumped = true;
        } else {
          statement(depth + 2);
        }
      }
      if (!jumped) {
        jumpTo(label);
      }
      scopes.pop();
      indent -= 2;
      loopDepth--;
      iterations = saved;
      line("}");
    };
    Trip t = trip();
    labels.push(label);
    String header = switch (c) {
      case 0 -> {
        String w = "w" + names++;
        line("int " + w + " = 0;");
        line(label + ": while (" + w + " < " + t.expression() + ") {");
        yield w;
      }
      default -> {
        String i = "i" + names++;
        line(label + ": for (int " + i + " = 0; " + i + " < " + t.expression() + "; " + i + "++) {");
        yield i;
      }
    };
    int saved = iterations;
    iterations *= Math.max(1, t.max());
    loopDepth++;
    indent += 2;
    scopes.push(new ArrayList<>());
    scopes.peek().add(new Var(header, VarKind.INT, 0, false));
    if (c == 0) {
      line(header + "++;");
    }
    if (random.nextBoolean()) {
      statement(depth + 1);
    }
    inner.run();
    if (random.nextBoolean()) {
      statement(depth + 1);
    }
    scopes.pop();
    indent -= 2;
    loopDepth--;
    iterations = saved;
    labels.pop();
    line("}");
  }

  private void jumpTo(String label) {
    String target = random.nextBoolean() ? "break " + label + ";" : "continue " + label + ";";
    if (random.nextBoolean()) {
      line("if (" + condition(2) + ") " + target);
    } else {
      line("if (" + condition(2) + ") {");
      indent += 2;
      line(pick(assignable(VarKind.DOUBLE)).name() + " += " + doubleExpr(2) + ";");
      line(target);
      indent -= 2;
      line("}");
    }
  }

  private void jump(int depth) {
    List<String> targets = new ArrayList<>();
    targets.add("break;");
    if (loopDepth > 0) {
      targets.add("continue;");
    }
    for (String l : labels) {
      targets.add("break " + l + ";");
      targets.add("continue " + l + ";");
    }
    targets.add("return " + doubleExpr(2) + ";");
    String target = pick(targets);
    if (random.nextBoolean() || budget <= 1 || depth >= MAX_NESTING) {
      line("if (" + condition(2) + ") " + target);
    } else {
      line("if (" + condition(2) + ") {");
      body(depth + 1, 1);
      indent += 2;
      line(target);
      indent -= 2;
      line("}");
    }
  }

  private void switchStatement(int depth) {
    int cases = 2 + random.nextInt(3);
    String selector = "(" + intExpr(2) + ") % " + (cases + random.nextInt(2));
    switchDepth++;
    line("switch (" + selector + ") {");
    indent += 2;
    boolean arrow = random.nextBoolean();
    for (int c = 0; c <= cases; c++) {
      String head;
      if (c == cases) {
        head = "default";
      } else if (arrow && c + 1 < cases && random.nextInt(4) == 0) {
        head = "case " + c + ", " + (c + 1);
        c++;
      } else {
        head = "case " + c;
      }
      if (arrow) {
        line(head + " -> {");
        body(depth + 1, bodySize());
        line("}");
      } else {
        line(head + ": {");
        body(depth + 1, bodySize());
        // Without the break, control falls through into the next case.
        if (c < cases && random.nextInt(10) < 7) {
          line("  break;");
        }
        line("}");
      }
    }
    indent -= 2;
    line("}");
    switchDepth--;
  }

  private Var declare(VarKind kind, String type, String prefix, String init) {
    String name = prefix + names++;
    line(type + " " + name + " = " + init + ";");
    Var v = new Var(name, kind, 0, true);
    scopes.peek().add(v);
    return v;
  }

  // ---- expressions ----

  private String doubleExpr(int depth) {
    if (depth <= 0 || random.nextInt(10) < 3) {
      return doubleLeaf();
    }
    int c = random.nextInt(100);
    if (c < 30) {
      String op = pickOf("+", "-", "*", "+", "-", "*");
      return "(" + doubleExpr(depth - 1) + " " + op + " " + doubleExpr(depth - 1) + ")";
    }
    if (c < 37) {
      String a = doubleExpr(depth - 1);
      String b = doubleExpr(depth - 1);
      return switch (random.nextInt(3)) {
        case 0 -> "(" + a + " / (2 + (" + b + ") * (" + b + ")))";
        case 1 -> "(" + a + " / (1.5 + Math.cos(" + b + ")))";
        default -> "(" + a + " / (1.5 + Math.tanh(" + b + ")))";
      };
    }
    if (c < 40) {
      return "(-" + doubleExpr(depth - 1) + ")";
    }
    if (c < 80) {
      return mathCall(depth - 1);
    }
    if (c < 88) {
      return "(" + condition(depth - 1) + " ? " + doubleExpr(depth - 1) + " : " + doubleExpr(depth - 1) + ")";
    }
    List<String> callees = callables(false);
    if (c < 96 && !callees.isEmpty()) {
      return call(callees, depth - 1);
    }
    return doubleLeaf();
  }

  private static final String[] SMOOTH = {
    "M.sin(A)", "M.cos(A)", "M.atan(A)", "M.tanh(A)", "M.exp(M.sin(A))", "M.exp(-(A) * (A))",
    "Math.expm1(Math.tanh(A))", "Math.sinh(Math.tanh(A))", "Math.cosh(Math.sin(A))",
    "Math.tan(Math.tanh(A))", "M.log(1 + (A) * (A))", "Math.log1p((A) * (A))",
    "Math.log10(2 + Math.sin(A))", "M.sqrt(1 + (A) * (A))", "M.cbrt(2 + Math.tanh(A))",
    "Math.asin(0.9 * Math.tanh(A))", "Math.acos(0.9 * Math.tanh(A))", "M.pow(1 + (A) * (A), 1.5)",
    "M.pow(1.5 + Math.sin(A), Math.tanh(B))", "M.pow(A, 2)", "M.pow(A, 3.0)",
    "M.atan2(A, 1.5 + Math.cos(B))", "M.hypot(A, 0.5 + (B) * (B))", "Math.fma(A, B, C)",
    "Math.toRadians(A)", "Math.toDegrees(Math.tanh(A))", "Math.scalb(A, 1)", "Math.scalb(A, -2)",
    "Math.nextUp(A)", "Math.nextDown(A)", "Math.nextAfter(A, 3.0)", "M.sqrt((A) * (A) + 0.25)",
  };

  private static final String[] KINKED = {
    "Math.abs(A)", "Math.max(A, B)", "Math.min(A, B)", "M.hypot(A, B)", "Math.copySign(A, B)",
    "M.atan2(A, B)", "(0.25 * Math.floor(A))", "(0.25 * Math.ceil(A))", "(0.25 * Math.rint(A))",
    "(0.25 * Math.signum(A))", "Math.IEEEremainder(A, 1.25)", "((A) % 1.25)", "Math.ulp(A)",
    "(0.1 * Math.round(A))", "(0.1 * (int) (A))",
  };

  private String mathCall(int depth) {
    String template = random.nextInt(100) < 85 ? pickOf(SMOOTH) : pickOf(KINKED);
    String owner = random.nextInt(4) == 0 ? "StrictMath" : "Math";
    String a = doubleExpr(depth);
    String b = template.contains("B") ? doubleExpr(depth) : "";
    String c = template.contains("C") ? doubleExpr(depth) : "";
    // Substitute placeholders in one pass so that generated text is never re-substituted.
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < template.length(); i++) {
      char ch = template.charAt(i);
      if (ch == 'M' && template.startsWith("M.", i)) {
        s.append(owner);
      } else if (ch == 'A' && !Character.isLetter(prev(template, i)) && !Character.isLetter(next(template, i))) {
        s.append(a);
      } else if (ch == 'B' && !Character.isLetter(prev(template, i)) && !Character.isLetter(next(template, i))) {
        s.append(b);
      } else if (ch == 'C' && !Character.isLetter(prev(template, i)) && !Character.isLetter(next(template, i))) {
        s.append(c);
      } else {
        s.append(ch);
      }
    }
    return s.toString();
  }

  private static char prev(String s, int i) {
    return i == 0 ? ' ' : s.charAt(i - 1);
  }

  private static char next(String s, int i) {
    return i + 1 >= s.length() ? ' ' : s.charAt(i + 1);
  }

  /** A value in [-1, 1] or thereabouts, for multiplicative updates. */
  private String bounded(String e) {
    return switch (random.nextInt(3)) {
      case 0 -> "Math.tanh(" + e + ")";
      case 1 -> "Math.cos(" + e + ")";
      default -> "(0.5 + 0.4 * Math.sin(" + e + "))";
    };
  }

  private String doubleLeaf() {
    List<Var> doubles = visible(VarKind.DOUBLE);
    List<Var> arrays = visible(VarKind.ARRAY);
    List<Var> ints = visible(VarKind.INT);
    int c = random.nextInt(12);
    if (c < 6 && !doubles.isEmpty()) {
      return pick(doubles).name();
    }
    if (c < 9 && !arrays.isEmpty()) {
      Var a = pick(arrays);
      return a.name() + "[" + index(a.length()) + "]";
    }
    if (c < 10 && !ints.isEmpty()) {
      return random.nextBoolean() ? "(double) " + pick(ints).name() : "(0.25 * " + pick(ints).name() + ")";
    }
    if (c < 11 && !doubles.isEmpty()) {
      return pick(doubles).name();
    }
    return literal();
  }

  private String literal() {
    return pickOf("0.5", "1.25", "2.0", "0.1", "3.0", "0.75", "(-0.5)", "1");
  }

  private String index(int length) {
    if (random.nextInt(3) == 0 || visible(VarKind.INT).isEmpty()) {
      return Integer.toString(random.nextInt(length));
    }
    return "(" + intExpr(1) + ") % " + length;
  }

  /** A non-negative int expression. */
  private String intExpr(int depth) {
    if (depth <= 0 || random.nextInt(10) < 5) {
      return intLeaf();
    }
    return switch (random.nextInt(4)) {
      case 0, 1 -> intLeaf() + " + " + intExpr(depth - 1);
      case 2 -> intLeaf() + " * " + intLeaf();
      default -> "(" + intExpr(depth - 1) + ") % " + (2 + random.nextInt(3));
    };
  }

  private String intLeaf() {
    List<Var> ints = visible(VarKind.INT);
    List<Var> arrays = visible(VarKind.ARRAY);
    int c = random.nextInt(10);
    if (c < 6 && !ints.isEmpty()) {
      return pick(ints).name();
    }
    if (c < 7 && !arrays.isEmpty()) {
      return pick(arrays).name() + ".length";
    }
    return Integer.toString(random.nextInt(4));
  }

  private String condition(int depth) {
    List<Var> ints = visible(VarKind.INT);
    List<Var> bools = visible(VarKind.BOOLEAN);
    int c = random.nextInt(20);
    if (c < 2 && depth > 0) {
      return "(" + condition(depth - 1) + (random.nextBoolean() ? " && " : " || ") + condition(depth - 1) + ")";
    }
    if (c < 3 && depth > 0) {
      return "!(" + condition(depth - 1) + ")";
    }
    if (c < 4 && !bools.isEmpty()) {
      return pick(bools).name();
    }
    if (c < 9 && !ints.isEmpty()) {
      String i = intExpr(1);
      return switch (random.nextInt(3)) {
        case 0 -> "(" + i + ") % 2 == 0";
        case 1 -> i + " > " + random.nextInt(3);
        default -> i + " != " + random.nextInt(3);
      };
    }
    String e = doubleExpr(Math.max(0, depth - 1));
    return e + (random.nextBoolean() ? " > " : " < ") + pickOf("0.3", "-0.2", "0.1", "0.7", "-0.6", "1.1");
  }

  /** The methods this one may call: earlier ones, and itself behind the recursion guard. */
  private List<String> callables(boolean statement) {
    List<String> result = new ArrayList<>();
    boolean cheap = iterations <= 8;
    for (int m = 0; m < currentMethod && cheap; m++) {
      if (canPass(methods.get(m))) {
        result.add(methods.get(m).name());
      }
    }
    if (selfCallable && loopDepth == 0 && switchDepth == 0 && !statement && canPass(methods.get(currentMethod))) {
      result.add(methods.get(currentMethod).name());
    }
    return result;
  }

  private boolean canPass(MethodSpec spec) {
    for (Param p : spec.params()) {
      if (p.kind() == Kind.ARRAY && lengthThree().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private List<Var> lengthThree() {
    List<Var> result = new ArrayList<>();
    for (Var v : visible(VarKind.ARRAY)) {
      if (v.length() == ARRAY_LENGTH) {
        result.add(v);
      }
    }
    return result;
  }

  private String call(List<String> callees, int depth) {
    String name = pick(callees);
    MethodSpec spec = methods.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    boolean self = spec == methods.get(currentMethod);
    if (self) {
      // Calls itself only once per method: the recursion is then linear in n.
      selfCallable = false;
    }
    List<String> args = new ArrayList<>();
    for (Param p : spec.params()) {
      switch (p.kind()) {
        case DOUBLE -> args.add(doubleExpr(Math.max(0, depth)));
        case ARRAY -> args.add(pick(lengthThree()).name());
        case INT -> args.add(self ? "n - 1" : random.nextBoolean()
            ? Integer.toString(random.nextInt(MAX_INT_ARGUMENT + 1))
            : "(" + intExpr(1) + ") % " + (MAX_INT_ARGUMENT + 1));
      }
    }
    return name + "(" + String.join(", ", args) + ")";
  }

  // ---- helpers ----

  private List<Var> visible(VarKind kind) {
    List<Var> result = new ArrayList<>();
    for (List<Var> scope : scopes) {
      for (Var v : scope) {
        if (v.kind() == kind) {
          result.add(v);
        }
      }
    }
    return result;
  }

  private List<Var> assignable(VarKind kind) {
    List<Var> result = new ArrayList<>();
    for (Var v : visible(kind)) {
      if (v.assignable()) {
        result.add(v);
      }
    }
    return result;
  }

  private void line(String text) {
    out.append(" ".repeat(indent)).append(text).append('\n');
  }

  private int choose(int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int x = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    throw new AssertionError();
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  private String pickOf(String... items) {
    return items[random.nextInt(items.length)];
  }
}
