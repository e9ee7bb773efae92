package dev.fluxion.processor.model;

import dev.fluxion.processor.ir.IrType;
import java.util.List;
import java.util.Locale;

/**
 * What Fluxion knows of a {@code @Differentiable} method, whether it is being compiled now or was
 * compiled earlier into a jar: enough to name and call its generated derivatives. Both the
 * method's own companion and every caller derive the generated names from this one descriptor, so
 * they always agree.
 *
 * @param owner the declaring class
 * @param name the method name
 * @param isStatic whether the method is static (otherwise generated methods take the receiver
 *     first)
 * @param parameters the parameters, in order
 * @param returnType the result type
 * @param writtenParameters the indices of the array parameters the method may write into
 */
public record DifferentiableMethod(
    OwnerClass owner, String name, boolean isStatic, List<Parameter> parameters, IrType returnType,
    java.util.Set<Integer> writtenParameters) {

  /**
   * One parameter.
   *
   * @param name its name in the source
   * @param type its type
   * @param differentiated whether the method is differentiated with respect to it
   */
  public record Parameter(String name, IrType type, boolean differentiated) {}

  /**
   * Copies the parameter list.
   *
   * @param owner the declaring class
   * @param name the method name
   * @param isStatic whether the method is static
   * @param parameters the parameters, in order
   * @param returnType the result type
   * @param writtenParameters the indices of the array parameters the method may write into
   */
  public DifferentiableMethod {
    parameters = List.copyOf(parameters);
    writtenParameters = java.util.Set.copyOf(writtenParameters);
  }

  /**
   * Tells whether the method may write into its parameter {@code i} (an array).
   *
   * @param i the parameter's index
   * @return {@code true} if calls must expect the array's contents to change
   */
  public boolean writes(int i) {
    return writtenParameters.contains(i);
  }

  /**
   * Tells whether the result is an array.
   *
   * @return {@code true} for {@code double[]} and {@code double[][]} results
   */
  public boolean hasArrayResult() {
    return returnType instanceof dev.fluxion.processor.ir.ArrayType;
  }

  /**
   * The parameters the method is differentiated with respect to, in declaration order: the order
   * in which the reverse building block pushes their partials.
   *
   * @return the differentiated parameters
   */
  public List<Parameter> differentiated() {
    return parameters.stream().filter(Parameter::differentiated).toList();
  }

  /**
   * The name of the forward-mode building block, such as {@code lossForward}.
   *
   * @return the method name
   */
  public String forwardName() {
    return name + "Forward";
  }

  /**
   * The name of the second-order building block, such as {@code lossReverseForward}.
   *
   * @return the method name
   */
  public String reverseForwardName() {
    return name + "ReverseForward";
  }

  /**
   * The name of the value-and-gradient methods, such as {@code lossGradient}.
   *
   * @return the method name
   */
  public String gradientName() {
    return name + "Gradient";
  }

  /**
   * The name of the accumulating vector-Jacobian product, such as {@code lossPullback}.
   *
   * @return the method name
   */
  public String pullbackName() {
    return name + "Pullback";
  }

  /**
   * The name of the reverse-mode building block, such as {@code lossReverse}.
   *
   * @return the method name
   */
  public String reverseName() {
    return name + "Reverse";
  }

  /**
   * The simple name of the gradient holder class, such as {@code LossGradient}.
   *
   * @return the nested class name
   */
  public String holderName() {
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1) + "Gradient";
  }

  /**
   * A readable signature for messages, such as {@code Regression.loss(double, double)}.
   *
   * @return the signature
   */
  public String display() {
    var types = parameters.stream().map(p -> p.type().toString().toLowerCase(Locale.ROOT)).toList();
    return owner.simpleName() + "." + name + "(" + String.join(", ", types) + ")";
  }
}
