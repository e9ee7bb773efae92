package dev.fluxion.processor.ir;

import java.util.List;

/** An operand in simple form: a variable or a constant. Operations only ever take atoms. */
public sealed interface Atom extends Expr permits Var, Const {

  /** An atom used as an expression (a copy) reads just itself. */
  @Override
  default List<Atom> operands() {
    return List.of(this);
  }
}
