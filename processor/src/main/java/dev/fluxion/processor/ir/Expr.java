package dev.fluxion.processor.ir;

import java.util.List;

/**
 * The right-hand side of an IR assignment: at most one operation, whose operands are {@link Atom}s.
 * Expressions never have side effects except {@link Call} and {@link Pop}.
 */
public sealed interface Expr
    permits Atom, Expr.Unary, Expr.Binary, Expr.Cast, Expr.Select, Expr.Call, Expr.FieldRead, Expr.Pop,
        Expr.ArrayRead, Expr.ArrayLength, Expr.NewArray, Expr.ArrayLiteral {

  /**
   * The type of the value this expression computes.
   *
   * @return the type
   */
  IrType type();

  /**
   * The atoms this expression reads, in evaluation order.
   *
   * @return the operands
   */
  List<Atom> operands();

  /**
   * A unary operation.
   *
   * @param op the operator
   * @param operand its operand
   * @param type the result type
   */
  record Unary(UnaryOp op, Atom operand, IrType type) implements Expr {
    @Override
    public List<Atom> operands() {
      return List.of(operand);
    }
  }

  /**
   * A binary operation. Both operands are always evaluated: short-circuit operators are lowered to
   * {@link Stmt.If} statements.
   *
   * @param op the operator
   * @param left the left operand
   * @param right the right operand
   * @param type the result type
   */
  record Binary(BinaryOp op, Atom left, Atom right, IrType type) implements Expr {
    @Override
    public List<Atom> operands() {
      return List.of(left, right);
    }
  }

  /**
   * A conversion between primitive types.
   *
   * @param type the target type
   * @param operand the converted value
   */
  record Cast(Primitive type, Atom operand) implements Expr {
    @Override
    public List<Atom> operands() {
      return List.of(operand);
    }
  }

  /**
   * {@code condition ? ifTrue : ifFalse} on atoms that are already computed. The source
   * {@code ?:}, which evaluates only one side, is lowered to an {@link Stmt.If}; derivative rules
   * use {@code Select} to pick between values.
   *
   * @param condition a boolean atom
   * @param ifTrue the value when the condition holds
   * @param ifFalse the value otherwise
   * @param type the result type
   */
  record Select(Atom condition, Atom ifTrue, Atom ifFalse, IrType type) implements Expr {
    @Override
    public List<Atom> operands() {
      return List.of(condition, ifTrue, ifFalse);
    }
  }

  /**
   * A method call.
   *
   * @param callee what is called
   * @param receiver the receiver atom of an instance call, or {@code null}
   * @param arguments the arguments, in order
   * @param type the result type
   */
  record Call(Callee callee, Atom receiver, List<Atom> arguments, IrType type) implements Expr {
    @Override
    public List<Atom> operands() {
      if (receiver == null) {
        return arguments;
      }
      var all = new java.util.ArrayList<Atom>(arguments.size() + 1);
      all.add(receiver);
      all.addAll(arguments);
      return List.copyOf(all);
    }
  }

  /**
   * A read of a field: constant data as far as derivatives go.
   *
   * @param owner the class declaring the field, as a reference type
   * @param receiver the object read from, or {@code null} for a static field
   * @param name the field's name
   * @param type the field's type
   */
  record FieldRead(Reference owner, Atom receiver, String name, IrType type) implements Expr {
    @Override
    public List<Atom> operands() {
      return receiver == null ? List.of() : List.of(receiver);
    }
  }

  /**
   * Reads one element of an array (for a matrix, one row).
   *
   * @param array the array
   * @param index an {@code int} index
   * @param type the element type
   */
  record ArrayRead(Atom array, Atom index, IrType type) implements Expr {
    @Override
    public List<Atom> operands() {
      return List.of(array, index);
    }
  }

  /**
   * {@code array.length}.
   *
   * @param array the array
   */
  record ArrayLength(Atom array) implements Expr {
    @Override
    public IrType type() {
      return Primitive.INT;
    }

    @Override
    public List<Atom> operands() {
      return List.of(array);
    }
  }

  /**
   * {@code new double[n]} or {@code new double[n][m]}: zero-filled.
   *
   * @param type the array type
   * @param dimensions one {@code int} size per dimension
   */
  record NewArray(ArrayType type, List<Atom> dimensions) implements Expr {
    @Override
    public List<Atom> operands() {
      return dimensions;
    }
  }

  /**
   * {@code new double[] {a, b, c}}: a vector from its elements.
   *
   * @param type the (rank 1) array type
   * @param elements the elements
   */
  record ArrayLiteral(ArrayType type, List<Atom> elements) implements Expr {
    @Override
    public List<Atom> operands() {
      return elements;
    }
  }

  /**
   * Takes the value pushed last from the tape.
   *
   * @param tape the tape variable
   * @param type the type of value popped: {@code double}, {@code int} or {@code boolean} (both
   *     kept on the int stack), or an array reference
   */
  record Pop(Var tape, IrType type) implements Expr {
    @Override
    public List<Atom> operands() {
      return List.of(tape);
    }
  }
}
