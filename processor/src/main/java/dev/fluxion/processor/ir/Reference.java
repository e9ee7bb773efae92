package dev.fluxion.processor.ir;

import javax.lang.model.type.TypeMirror;

/**
 * A reference type: the receiver of an instance method, a data object passed as a parameter, or
 * the runtime tape. Never active.
 *
 * @param mirror the type as javac models it
 */
public record Reference(TypeMirror mirror) implements IrType {

  @Override
  public String toString() {
    return mirror.toString();
  }
}
