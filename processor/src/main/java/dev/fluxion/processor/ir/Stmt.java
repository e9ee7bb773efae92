package dev.fluxion.processor.ir;

/** An IR statement. Every statement does one thing. */
public sealed interface Stmt
    permits Stmt.Let, Stmt.Set, Stmt.Declare, Stmt.If, Stmt.Return, Stmt.Eval, Stmt.Push, Stmt.Marker,
        Stmt.Comment, Stmt.ArrayWrite, Stmt.Loop, Stmt.Break, Stmt.Repeat {

  /**
   * The variable a statement assigns, for passes that treat {@link Let} and {@link Set} alike.
   *
   * @param s a statement
   * @return the target of a {@code Let} or {@code Set}, else {@code null}
   */
  static Var assigned(Stmt s) {
    return s instanceof Let let ? let.target() : s instanceof Set set ? set.target() : null;
  }

  /**
   * The expression a statement evaluates: the value of a {@code Let} or {@code Set}, or the
   * expression of an {@code Eval}.
   *
   * @param s a statement
   * @return the expression, or {@code null} for other statements
   */
  static Expr evaluated(Stmt s) {
    return s instanceof Let let ? let.value() : s instanceof Set set ? set.value()
        : s instanceof Eval eval ? eval.value() : null;
  }

  /**
   * Declares {@code target} and assigns it: {@code T target = value;}.
   *
   * @param target the new variable
   * @param value its value
   */
  record Let(Var target, Expr value) implements Stmt {}

  /**
   * Assigns a variable declared earlier: {@code target = value;}.
   *
   * @param target the variable
   * @param value its new value
   */
  record Set(Var target, Expr value) implements Stmt {}

  /**
   * Declares a variable ahead of the assignments in branches that give it its value.
   *
   * @param target the variable
   * @param initial its initial value, or {@code null} to leave it unassigned
   */
  record Declare(Var target, Const initial) implements Stmt {}

  /**
   * A two-way branch on a boolean atom.
   *
   * @param condition the condition
   * @param then taken when it holds
   * @param otherwise taken when it does not (possibly empty)
   */
  record If(Atom condition, Block then, Block otherwise) implements Stmt {}

  /**
   * Returns from the method.
   *
   * @param value the result
   */
  record Return(Atom value) implements Stmt {}

  /**
   * Evaluates an expression for its effect and drops its value.
   *
   * @param value a call or a pop
   */
  record Eval(Expr value) implements Stmt {}

  /**
   * Pushes a value onto the tape.
   *
   * @param tape the tape variable
   * @param value the value
   */
  record Push(Var tape, Atom value) implements Stmt {}

  /**
   * Marks where the statements lowered from one source statement begin. It emits nothing itself;
   * the reverse transform turns it into a {@code // grad of:} comment.
   *
   * @param source the source statement, on one line
   */
  record Marker(String source) implements Stmt {}

  /**
   * A comment in the generated code.
   *
   * @param text the comment text
   */
  record Comment(String text) implements Stmt {}

  /**
   * Writes one element of an array: {@code array[index] = value;}.
   *
   * @param array the array
   * @param index an {@code int} index
   * @param value the new element
   */
  record ArrayWrite(Atom array, Atom index, Atom value) implements Stmt {}

  /**
   * Runs {@code body} again and again until a {@link Break} with this loop's label: every source
   * loop ({@code for}, {@code while}, {@code do}, enhanced {@code for}) lowers to this one form,
   * with its condition tested in the body.
   *
   * <p>A loop marked with {@code Checkpoints.binomial(s)} carries {@code s}: its reverse sweep
   * stores at most {@code s} loop states and recomputes the iterations in between, instead of
   * recording every iteration on the tape.
   *
   * @param label the loop's label, unique in the method
   * @param body the body
   * @param snapshots the number of states a checkpointed loop may store, or {@code null} for a
   *     loop recorded as usual
   */
  record Loop(String label, Block body, Atom snapshots) implements Stmt {
    /**
     * A loop recorded as usual.
     *
     * @param label the loop's label, unique in the method
     * @param body the body
     */
    public Loop(String label, Block body) {
      this(label, body, null);
    }

    /**
     * Tells whether the loop is checkpointed.
     *
     * @return {@code true} when it was marked with {@code Checkpoints.binomial}
     */
    public boolean checkpointed() {
      return snapshots != null;
    }
  }

  /**
   * Leaves the loop with the given label.
   *
   * @param label the loop's label
   */
  record Break(String label) implements Stmt {}

  /**
   * Runs {@code body} {@code count} times, with {@code counter} going from {@code count} down to
   * 1: the reverse sweep of a loop whose trip count the forward sweep recorded.
   *
   * @param counter the counter variable, declared by this statement
   * @param count the number of repetitions
   * @param body the body
   */
  record Repeat(Var counter, Atom count, Block body) implements Stmt {}
}
