package dev.fluxion.processor.model;

import dev.fluxion.processor.ir.Reference;

/**
 * A class that declares {@code @Differentiable} methods, and the name of the companion class
 * Fluxion writes for it.
 *
 * @param type the class as a reference type
 * @param packageName its package ({@code ""} for the unnamed package)
 * @param simpleName its name inside the package; nested classes are joined with {@code _}, as in
 *     {@code Outer_Inner}
 * @param isPublic whether the class is public, so that its companion is public too
 */
public record OwnerClass(Reference type, String packageName, String simpleName, boolean isPublic) {

  /**
   * The companion's simple name, such as {@code RegressionDerivatives}.
   *
   * @return the companion's name
   */
  public String companionName() {
    return simpleName + "Derivatives";
  }
}
