package dev.fluxion.fuzz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shrinks a failing program to a small one that still fails the same way, by delta debugging over
 * the structure of the generated source: the fuzzer's programs put one statement on a line, open
 * a block at the end of a line and close it at the start of one, so statements, blocks and
 * methods are ranges of lines.
 *
 * <p>Each round tries, in order, and keeps every change after which the program still fails:
 *
 * <ol>
 *   <li>removing statements, methods included: halves, quarters, … down to single statements of
 *       each block (delta debugging's complement step);
 *   <li>replacing a compound statement ({@code if}, a loop, a {@code switch}, a block) by the
 *       statements of one of its blocks;
 *   <li>removing parameters that a method does not use, when nothing calls it;
 *   <li>keeping only the call of a declaration whose variable is not used, and only the calls in
 *       the condition of an {@code if} whose blocks are empty, as statements;
 *   <li>replacing a subexpression by one of its operands or arguments, by the method's first
 *       {@code double} parameter, or by a constant, and a variable by that parameter;
 *   <li>lowering integer constants (loop bounds, trip counts, moduli) to 1.
 * </ol>
 *
 * <p>Rounds repeat until one changes nothing, or the budget (tests and time) runs out; kept changes
 * make the program smaller (fewer lines, characters, names or smaller constants), and no candidate
 * is tested twice. Whether a candidate "still fails the same way" is the caller's predicate; a
 * candidate that no longer compiles simply fails it. The counter update of a {@code while} or
 * {@code do} loop is never removed, so that no candidate loops forever.
 */
final class Shrinker {

  /** Lines of a program, one statement or block boundary each, without indentation. */
  private List<String> lines;

  private final Predicate<String> stillFails;
  private final int maxTests;
  private final long deadline;
  private final Set<String> tried = new HashSet<>();
  private int tests;

  private Shrinker(String source, Predicate<String> stillFails, int maxTests, Duration budget) {
    this.lines = parse(source);
    this.stillFails = stillFails;
    this.maxTests = maxTests;
    this.deadline = System.nanoTime() + budget.toNanos();
  }

  /**
   * Shrinks a program.
   *
   * @param source a program that fails
   * @param stillFails whether a candidate still fails the same way
   * @param maxTests the most candidates to test
   * @param budget the most time to spend
   * @return the smallest failing program found, formatted (possibly {@code source} reformatted)
   */
  static String shrink(String source, Predicate<String> stillFails, int maxTests, Duration budget) {
    Shrinker s = new Shrinker(source, stillFails, maxTests, budget);
    s.run();
    return render(s.lines);
  }

  /** How many lines of code a program has (blank lines and comments not counted). */
  static int size(String source) {
    return parse(source).size();
  }

  private void run() {
    boolean progress = true;
    while (progress && !exhausted()) {
      progress = removeStatements();
      progress |= unwrapCompounds();
      progress |= removeUnusedParameters();
      progress |= keepOnlyCalls();
      progress |= simplifyExpressions();
      progress |= lowerConstants();
    }
  }

  private boolean exhausted() {
    return tests >= maxTests || System.nanoTime() > deadline;
  }

  /** Tests a candidate; keeps it if it still fails. */
  private boolean attempt(List<String> candidate) {
    if (exhausted()) {
      return false;
    }
    String source = render(candidate);
    if (!tried.add(source)) {
      return false;
    }
    tests++;
    if (stillFails.test(source)) {
      lines = candidate;
      return true;
    }
    return false;
  }

  // ---- the passes ----

  private boolean removeStatements() {
    boolean progress = false;
    for (int b = 0; b < blocks().size() && !exhausted(); b++) {
      // Complements first: drop chunks of the block's statements, halving the chunk size.
      List<Node> statements = blocks().get(b).statements();
      int size = Math.max(1, statements.size() / 2);
      while (!exhausted()) {
        for (int from = 0; from + size <= statements.size() && !exhausted(); ) {
          List<Node> chunk = statements.subList(from, from + size);
          if (chunk.stream().noneMatch(this::protectedCounter)
              && attempt(without(chunk.get(0).start(), chunk.get(size - 1).end()))) {
            progress = true;
            statements = blocks().get(b).statements();
          } else {
            from += size;
          }
        }
        if (size == 1) {
          break;
        }
        size = Math.max(1, Math.min(size / 2, statements.size() / 2));
      }
    }
    return progress;
  }

  private boolean unwrapCompounds() {
    boolean progress = false;
    for (int b = 0; b < blocks().size() && !exhausted(); b++) {
      for (int i = 0; i < blocks().get(b).statements().size() && !exhausted(); i++) {
        Node n = blocks().get(b).statements().get(i);
        if (n.blocks().isEmpty() || isMethodOrClass(n)) {
          continue;
        }
        for (List<String> body : bodies(n)) {
          List<String> candidate = new ArrayList<>(lines.subList(0, n.start()));
          candidate.addAll(body);
          candidate.addAll(lines.subList(n.end() + 1, lines.size()));
          if (attempt(candidate)) {
            progress = true;
            i--; // look again at what now stands here
            break;
          }
        }
      }
    }
    return progress;
  }

  private static final Pattern DECLARATION = Pattern.compile("static double (\\w+)\\((.*)\\) \\{");

  private boolean removeUnusedParameters() {
    boolean progress = false;
    for (Node method : methods()) {
      int at = method.start() + 1;
      Matcher m = DECLARATION.matcher(lines.get(at));
      if (!m.matches() || calledElsewhere(m.group(1), at)) {
        continue;
      }
      List<String> params = new ArrayList<>(List.of(m.group(2).split(", ")));
      for (int p = 0; p < params.size() && params.size() > 1; p++) {
        String name = params.get(p).substring(params.get(p).lastIndexOf(' ') + 1);
        if (mentioned(name, method.start() + 2, method.end())) {
          continue;
        }
        List<String> fewer = new ArrayList<>(params);
        fewer.remove(p);
        List<String> candidate = new ArrayList<>(lines);
        candidate.set(at, "static double " + m.group(1) + "(" + String.join(", ", fewer) + ") {");
        if (attempt(candidate)) {
          progress = true;
          params = fewer;
          p--;
        }
      }
    }
    return progress;
  }

  private static final Pattern CALL_VALUE =
      Pattern.compile("(?:double |int )?(\\w+) = (\\w+\\(.*\\));");

  private boolean keepOnlyCalls() {
    boolean progress = false;
    for (int i = 0; i < lines.size() && !exhausted(); i++) {
      if (!inMethodBody(i)) {
        continue;
      }
      List<String> calls = new ArrayList<>();
      int end = i;
      Matcher value = CALL_VALUE.matcher(lines.get(i));
      if (value.matches() && isCall(value.group(2)) && !mentioned(value.group(1), 0, i)
          && !mentioned(value.group(1), i + 1, lines.size())) {
        calls.add(value.group(2) + ";");
      } else if (lines.get(i).startsWith("if (") && lines.get(i).endsWith("{")) {
        Node n = node(i);
        if (n.blocks().stream().allMatch(b -> b.close() == b.open() + 1)) {
          end = n.end();
          Matcher call = LOCAL_CALL.matcher(lines.get(i));
          int[] close = matchingParentheses(lines.get(i));
          while (call.find()) {
            int open = call.end() - 1;
            calls.add(lines.get(i).substring(call.start(), close[open] + 1) + ";");
          }
        }
      }
      if (calls.isEmpty() || calls.size() > end - i + 1) {
        continue;
      }
      List<String> candidate = new ArrayList<>(lines.subList(0, i));
      candidate.addAll(calls);
      candidate.addAll(lines.subList(end + 1, lines.size()));
      progress |= attempt(candidate);
    }
    return progress;
  }

  /** A call of a method of the program (not of {@code Math}): a name and its parentheses. */
  private static final Pattern LOCAL_CALL = Pattern.compile("(?<![\\w.])[a-z]\\w*\\(");

  private static boolean isCall(String expression) {
    Matcher m = LOCAL_CALL.matcher(expression);
    return m.lookingAt() && matchingParentheses(expression)[m.end() - 1] == expression.length() - 1;
  }

  private boolean simplifyExpressions() {
    boolean progress = false;
    for (int i = 0; i < lines.size() && !exhausted(); i++) {
      if (!inMethodBody(i)) {
        continue;
      }
      for (String replacement : simpler(lines.get(i), firstDouble(i))) {
        List<String> candidate = new ArrayList<>(lines);
        candidate.set(i, replacement);
        if (attempt(candidate)) {
          progress = true;
          i--; // simplify the new line further
          break;
        }
      }
    }
    return progress;
  }

  private static final Pattern INT_CONSTANT =
      Pattern.compile("(?<![\\w.])([2-9]|[1-9]\\d+)(?![\\w.])");

  private boolean lowerConstants() {
    boolean progress = false;
    for (int i = 0; i < lines.size() && !exhausted(); i++) {
      if (!inMethodBody(i)) {
        continue;
      }
      for (int from = 0; !exhausted(); ) {
        Matcher m = INT_CONSTANT.matcher(lines.get(i));
        if (!m.find(from)) {
          break;
        }
        String line = lines.get(i);
        List<String> candidate = new ArrayList<>(lines);
        candidate.set(i, line.substring(0, m.start()) + "1" + line.substring(m.end()));
        progress |= attempt(candidate);
        from = m.start() + 1;
      }
    }
    return progress;
  }

  // ---- structure ----

  /** A statement: lines {@code start} to {@code end}, and its blocks if it is compound. */
  private record Node(int start, int end, List<Block> blocks) {}

  /** A block: the line that opens it, the line that closes it, and its statements. */
  private record Block(int open, int close, List<Node> statements) {}

  private Node node(int i) {
    int start = i;
    while (lines.get(i).startsWith("@")) {
      i++;
    }
    if (!lines.get(i).endsWith("{")) {
      return new Node(start, i, List.of());
    }
    List<Block> blocks = new ArrayList<>();
    int open = i;
    while (true) {
      int close = closing(open);
      blocks.add(new Block(open, close, statements(open + 1, close)));
      if (!lines.get(close).endsWith("{")) {
        return new Node(start, close, List.copyOf(blocks));
      }
      open = close; // "} else {": the next block of the same statement
    }
  }

  private int closing(int open) {
    int depth = 1;
    for (int j = open + 1; ; j++) {
      String l = lines.get(j);
      if (l.startsWith("}") && --depth == 0) {
        return j;
      }
      if (l.endsWith("{")) {
        depth++;
      }
    }
  }

  private List<Node> statements(int from, int to) {
    List<Node> result = new ArrayList<>();
    for (int i = from; i < to; ) {
      Node n = node(i);
      result.add(n);
      i = n.end() + 1;
    }
    return result;
  }

  private Node classNode() {
    for (Node n : statements(0, lines.size())) {
      if (!n.blocks().isEmpty()) {
        return n;
      }
    }
    throw new IllegalStateException("no class in the program");
  }

  private List<Node> methods() {
    return classNode().blocks().get(0).statements();
  }

  /** Every block a statement can be removed from: the class body, then the methods' blocks. */
  private List<Block> blocks() {
    List<Block> result = new ArrayList<>();
    Block body = classNode().blocks().get(0);
    result.add(body);
    for (Node method : body.statements()) {
      collect(method, result);
    }
    return result;
  }

  private static void collect(Node n, List<Block> into) {
    for (Block b : n.blocks()) {
      into.add(b);
      for (Node s : b.statements()) {
        collect(s, into);
      }
    }
  }

  private boolean isMethodOrClass(Node n) {
    return lines.get(n.start()).startsWith("@") || lines.get(n.start()).contains("class ");
  }

  /** The statements of each block of a compound statement, for a switch those of each case. */
  private List<List<String>> bodies(Node n) {
    List<List<String>> result = new ArrayList<>();
    boolean isSwitch = lines.get(n.start()).startsWith("switch");
    for (Block b : n.blocks()) {
      if (!isSwitch) {
        result.add(lines.subList(b.open() + 1, b.close()));
        continue;
      }
      for (Node item : b.statements()) {
        for (Block c : item.blocks()) {
          List<String> body = new ArrayList<>(lines.subList(c.open() + 1, c.close()));
          if (!body.isEmpty() && body.get(body.size() - 1).equals("break;")) {
            body.remove(body.size() - 1);
          }
          result.add(body);
        }
      }
    }
    return result;
  }

  private List<String> without(int from, int to) {
    List<String> result = new ArrayList<>(lines.subList(0, from));
    result.addAll(lines.subList(to + 1, lines.size()));
    return result;
  }

  private static final Pattern INCREMENT = Pattern.compile("(\\w+)\\+\\+;");

  /** A counter update {@code w++;} whose variable a {@code while} condition reads. */
  private boolean protectedCounter(Node n) {
    Matcher m = INCREMENT.matcher(lines.get(n.start()));
    if (n.start() != n.end() || !m.matches()) {
      return false;
    }
    Pattern read = Pattern.compile("\\bwhile \\(.*\\b" + m.group(1) + "\\b");
    return lines.stream().anyMatch(l -> read.matcher(l).find());
  }

  private boolean calledElsewhere(String method, int declaration) {
    Pattern call = Pattern.compile("\\b" + method + "\\(");
    for (int i = 0; i < lines.size(); i++) {
      if (i != declaration && call.matcher(lines.get(i)).find()) {
        return true;
      }
    }
    return false;
  }

  private boolean mentioned(String name, int from, int to) {
    Pattern word = Pattern.compile("\\b" + name + "\\b");
    for (int i = from; i < to; i++) {
      if (word.matcher(lines.get(i)).find()) {
        return true;
      }
    }
    return false;
  }

  private boolean inMethodBody(int line) {
    for (Node method : methods()) {
      if (line > method.start() + 1 && line < method.end()) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern DOUBLE_PARAMETER = Pattern.compile("\\bdouble (\\w+)[,)]");

  /** The first {@code double} parameter of the method holding a line, or null. */
  private String firstDouble(int line) {
    for (Node method : methods()) {
      if (line > method.start() && line < method.end()) {
        Matcher m = DOUBLE_PARAMETER.matcher(lines.get(method.start() + 1));
        return m.find() ? m.group(1) : null;
      }
    }
    return null;
  }

  // ---- expressions ----

  private static final Set<String> HEADS = Set.of("if", "while", "for", "switch");
  private static final List<String> BINARY = List.of(" ? ", " : ", " || ", " && ", " == ", " != ",
      " <= ", " >= ", " < ", " > ", " + ", " - ", " * ", " / ", " % ");
  private static final Set<String> KEYWORDS = Set.of("double", "int", "boolean", "return", "if",
      "else", "for", "while", "do", "switch", "case", "default", "break", "continue", "true",
      "false", "new");
  /**
   * A variable read: not a member, a method, an array, a declaration, the target of an assignment
   * or increment, or a label.
   */
  private static final Pattern NAME = Pattern.compile("(?<![\\w.])(?!double |int |boolean )"
      + "[a-z]\\w*\\b(?![\\w.(\\[]| [-+*/]?=[^=]|\\+\\+|--| :)");
  /** Lines whose names are left alone: changing a loop's counter could make it run forever. */
  private static final Pattern LOOP_HEAD = Pattern.compile("(\\w+: )?(for|while|do|\\} while)\\b.*");
  private static final Pattern ASSIGNMENT = Pattern.compile(" [-+*/]?= ");

  /**
   * Simpler versions of a line, shortest first: a parenthesised group or a call replaced by one of
   * its operands or arguments, by {@code variable}, or by a constant; the right-hand side of an
   * assignment or a {@code return} likewise; a variable read replaced by {@code variable}.
   *
   * @param line a statement
   * @param variable a variable in scope to put in place of a subexpression, or null
   * @return the candidates
   */
  static List<String> simpler(String line, String variable) {
    Set<String> result = new HashSet<>();
    int[] close = matchingParentheses(line);
    for (int open = 0; open < line.length(); open++) {
      if (close[open] < 0) {
        continue;
      }
      int end = close[open];
      String inner = line.substring(open + 1, end);
      int start = open;
      while (start > 0 && (Character.isJavaIdentifierPart(line.charAt(start - 1))
          || line.charAt(start - 1) == '.')) {
        start--;
      }
      List<String> options = new ArrayList<>();
      if (start < open) {
        if (HEADS.contains(line.substring(start, open))) {
          continue;
        }
        int from = open + 1;
        for (String argument : topLevel(inner, List.of(", "))) {
          options.add(wrap(argument));
          // An argument's operands in its place.
          int at = line.indexOf(argument, from);
          List<String> operands = topLevel(argument, BINARY);
          if (operands.size() > 1) {
            addReplacements(result, line, at, at + argument.length(),
                operands.stream().map(Shrinker::wrap).toList(), null);
          }
          from = at + argument.length();
        }
      } else {
        boolean cast = inner.equals("double") || inner.equals("int");
        if (cast || HEADS.contains(wordBefore(line, open))) {
          continue;
        }
        List<String> operands = topLevel(inner, BINARY);
        if (operands.size() > 1) {
          operands.forEach(o -> options.add(wrap(o)));
        } else {
          options.add(inner); // parentheses around one operand
        }
        if (inner.startsWith("-")) {
          options.add(wrap(inner.substring(1)));
        }
      }
      addReplacements(result, line, start, end + 1, options, variable);
    }
    int rhs = rightHandSide(line);
    if (rhs >= 0 && line.endsWith(";")) {
      String expression = line.substring(rhs, line.length() - 1);
      List<String> options = new ArrayList<>();
      List<String> operands = topLevel(expression, BINARY);
      if (operands.size() > 1) {
        options.addAll(operands);
      }
      addReplacements(result, line, rhs, line.length() - 1, options, variable);
    }
    // A name in place of another: the fewer names, the simpler.
    Matcher name = NAME.matcher(line);
    while (variable != null && !LOOP_HEAD.matcher(line).matches() && name.find()) {
      if (!name.group().equals(variable) && !KEYWORDS.contains(name.group())) {
        result.add(line.substring(0, name.start()) + variable + line.substring(name.end()));
      }
    }
    List<String> sorted = new ArrayList<>(result);
    sorted.sort((a, b) -> a.length() != b.length() ? a.length() - b.length() : a.compareTo(b));
    return sorted;
  }

  private static void addReplacements(Set<String> into, String line, int from, int to,
      List<String> options, String variable) {
    List<String> all = new ArrayList<>(options);
    if (variable != null) {
      all.add(variable);
    }
    all.add("1.0");
    for (String option : all) {
      String candidate = line.substring(0, from) + option + line.substring(to);
      if (candidate.length() < line.length()) {
        into.add(candidate);
      }
    }
  }

  /** For each '(' the index of its ')', else -1. */
  private static int[] matchingParentheses(String s) {
    int[] close = new int[s.length()];
    java.util.Arrays.fill(close, -1);
    java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '(') {
        open.push(i);
      } else if (s.charAt(i) == ')' && !open.isEmpty()) {
        close[open.pop()] = i;
      }
    }
    return close;
  }

  /** The pieces of an expression between the given operators outside parentheses and brackets. */
  private static List<String> topLevel(String expression, List<String> operators) {
    List<String> pieces = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < expression.length(); i++) {
      int nesting = nesting(expression.charAt(i));
      depth += nesting;
      if (nesting == 0 && depth == 0) {
        for (String op : operators) {
          if (expression.startsWith(op, i)) {
            pieces.add(expression.substring(from, i).strip());
            from = i + op.length();
            i = from - 1;
            break;
          }
        }
      }
    }
    pieces.add(expression.substring(from).strip());
    return pieces;
  }

  /** Where the value of an assignment, declaration or {@code return} starts, or -1. */
  private static int rightHandSide(String line) {
    int depth = 0;
    for (int i = 0; i < line.length(); i++) {
      int nesting = nesting(line.charAt(i));
      depth += nesting;
      if (nesting == 0 && depth == 0) {
        if (line.startsWith("return ", i) && (i == 0 || line.charAt(i - 1) == ' ')) {
          return i + "return ".length();
        }
        Matcher m = ASSIGNMENT.matcher(line).region(i, line.length());
        if (m.lookingAt()) {
          return m.end();
        }
      }
    }
    return -1;
  }

  /** 1 for an opening parenthesis, bracket or brace, -1 for a closing one, else 0. */
  private static int nesting(char c) {
    return "([{".indexOf(c) >= 0 ? 1 : ")]}".indexOf(c) >= 0 ? -1 : 0;
  }

  private static String wordBefore(String line, int at) {
    int end = at;
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    int start = end;
    while (start > 0 && Character.isJavaIdentifierPart(line.charAt(start - 1))) {
      start--;
    }
    return line.substring(start, end);
  }

  private static final Pattern ATOM = Pattern.compile("-?[\\w.]+(\\[[^\\]]*\\])?");

  /** An expression in parentheses unless it is a name, a number or an array element. */
  private static String wrap(String expression) {
    if (ATOM.matcher(expression).matches() || isGroup(expression)) {
      return expression;
    }
    return "(" + expression + ")";
  }

  private static boolean isGroup(String expression) {
    return expression.startsWith("(")
        && matchingParentheses(expression)[0] == expression.length() - 1;
  }

  // ---- text ----

  private static List<String> parse(String source) {
    List<String> result = new ArrayList<>();
    for (String line : source.split("\n")) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("//")) {
        result.add(t);
      }
    }
    return result;
  }

  /** The lines indented by their block depth, with a blank line between top-level parts. */
  private static String render(List<String> lines) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    String previous = null;
    for (String line : lines) {
      if (line.startsWith("}")) {
        depth--;
      }
      boolean gap = previous != null && (depth == 0 && !line.startsWith("}")
          || depth == 1 && line.startsWith("@") && !previous.startsWith("@"));
      if (gap) {
        out.append('\n');
      }
      out.append("  ".repeat(Math.max(0, depth))).append(line).append('\n');
      if (line.endsWith("{")) {
        depth++;
      }
      previous = line;
    }
    return out.toString();
  }
}
