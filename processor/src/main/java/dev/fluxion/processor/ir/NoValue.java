package dev.fluxion.processor.ir;

/** The type of a call made for its effect only ({@code void}). */
public enum NoValue implements IrType {
  /** {@code void}. */
  VOID
}
