package dev.fluxion.processor.ir;

import java.util.List;

/**
 * A method in IR form: the lowered primal, or what a transform made of it.
 *
 * @param name the Java method name
 * @param parameters the parameters, in order
 * @param returnType the result type
 * @param body the body; every path ends in a {@link Stmt.Return}
 */
public record IrMethod(String name, List<Var> parameters, IrType returnType, Block body) {

  /**
   * Copies the parameter list.
   *
   * @param name the Java method name
   * @param parameters the parameters, in order
   * @param returnType the result type
   * @param body the body
   */
  public IrMethod {
    parameters = List.copyOf(parameters);
  }
}
