package dev.fluxion.processor.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * A sequence of statements.
 *
 * @param statements the statements, in order
 */
public record Block(List<Stmt> statements) {

  /** An empty block. */
  public static final Block EMPTY = new Block(List.of());

  /**
   * Copies the statements.
   *
   * @param statements the statements, in order
   */
  public Block {
    statements = List.copyOf(statements);
  }

  /**
   * Tells whether there is nothing to execute.
   *
   * @return {@code true} when the block has no statements
   */
  public boolean isEmpty() {
    return statements.isEmpty();
  }

  /** A mutable list of statements that becomes a {@link Block}. */
  public static final class Builder {
    private final List<Stmt> statements = new ArrayList<>();

    /**
     * Appends a statement.
     *
     * @param statement the statement
     * @return this builder
     */
    public Builder add(Stmt statement) {
      statements.add(statement);
      return this;
    }

    /**
     * Appends every statement of a block.
     *
     * @param block the block
     * @return this builder
     */
    public Builder addAll(Block block) {
      statements.addAll(block.statements());
      return this;
    }

    /**
     * The statements so far.
     *
     * @return an immutable block
     */
    public Block build() {
      return new Block(statements);
    }
  }
}
