package dev.fluxion.processor.ir;

/** An IR statement. Every statement does one thing. */
public sealed interface Stmt
    permits Stmt.Let, Stmt.Set, Stmt.Declare, Stmt.If, Stmt.Return, Stmt.Eval, Stmt.Push, Stmt.Marker,
        Stmt.Comment {

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
}
