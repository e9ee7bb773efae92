package dev.fluxion.train;

import java.util.Random;

/**
 * The mini-batches of one pass over a data set of {@code size} samples: a permutation of the
 * sample indices, reshuffled for each epoch by a seeded generator and cut into batches of {@code
 * batchSize} (the last batch holds what is left). Batch {@code b} holds the samples {@link
 * #index(int, int) index(b, 0)} … {@code index(b, length(b) - 1)}.
 *
 * <pre>{@code
 * var batches = new MiniBatches(x.length, 32, 42);
 * double[] xb = new double[32];
 * double[] yb = new double[32];
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *   batches.shuffle();
 *   for (int b = 0; b < batches.count(); b++) {
 *     batches.gather(b, x, xb);
 *     batches.gather(b, y, yb);
 *     ModelDerivatives.lossGradient(w, xb, yb, g);
 *     optimizer.step(w, g.w());
 *   }
 * }
 * }</pre>
 *
 * <p>The same seed gives the same batches, epoch after epoch. Shuffling and gathering allocate
 * nothing. Not thread-safe.
 */
public final class MiniBatches {

  private final int[] order;

  private final int batchSize;

  private final Random random;

  /**
   * Batches of {@code batchSize} samples out of {@code size}, in the order 0, 1, … until the first
   * {@link #shuffle()}.
   *
   * @param size the number of samples, positive
   * @param batchSize the number of samples per batch, from 1 to {@code size}
   * @param seed the seed of the generator that shuffles
   */
  public MiniBatches(int size, int batchSize, long seed) {
    if (size <= 0) {
      throw new IllegalArgumentException("size must be positive, got " + size);
    }
    if (batchSize <= 0 || batchSize > size) {
      throw new IllegalArgumentException(
          "batchSize must be from 1 to size (" + size + "), got " + batchSize);
    }
    this.order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    this.batchSize = batchSize;
    this.random = new Random(seed);
  }

  /** Starts an epoch: puts the samples in a new random order (Fisher–Yates). */
  public void shuffle() {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }

  /**
   * The number of samples.
   *
   * @return the data set's size
   */
  public int size() {
    return order.length;
  }

  /**
   * The number of samples in a full batch.
   *
   * @return the batch size
   */
  public int batchSize() {
    return batchSize;
  }

  /**
   * The number of batches in an epoch, the last one possibly short.
   *
   * @return ⌈size / batchSize⌉
   */
  public int count() {
    return (order.length + batchSize - 1) / batchSize;
  }

  /**
   * The number of samples in a batch: {@link #batchSize()}, except for a short last batch.
   *
   * @param batch the batch, from 0 to {@link #count()} - 1
   * @return its length
   */
  public int length(int batch) {
    checkBatch(batch);
    return Math.min(batchSize, order.length - batch * batchSize);
  }

  /**
   * A sample of a batch.
   *
   * @param batch the batch, from 0 to {@link #count()} - 1
   * @param k the position in the batch, from 0 to {@link #length(int) length(batch)} - 1
   * @return the index of the sample in the data set
   */
  public int index(int batch, int k) {
    if (k < 0 || k >= length(batch)) {
      throw new IndexOutOfBoundsException(
          "position " + k + " in batch " + batch + " of length " + length(batch));
    }
    return order[batch * batchSize + k];
  }

  /**
   * Copies a batch's values out of a data array: {@code into[k] = source[index(batch, k)]}.
   *
   * @param batch the batch
   * @param source one value per sample
   * @param into where the batch goes, exactly {@link #length(int) length(batch)} long
   * @return {@code into}
   */
  public double[] gather(int batch, double[] source, double[] into) {
    int start = startOf(batch, source.length, into.length);
    for (int k = 0; k < into.length; k++) {
      into[k] = source[order[start + k]];
    }
    return into;
  }

  /**
   * Collects a batch's rows of a data matrix, by reference: {@code into[k] =
   * source[index(batch, k)]}.
   *
   * @param batch the batch
   * @param source one row per sample
   * @param into where the batch's rows go, exactly {@link #length(int) length(batch)} long
   * @return {@code into}
   */
  public double[][] gather(int batch, double[][] source, double[][] into) {
    int start = startOf(batch, source.length, into.length);
    for (int k = 0; k < into.length; k++) {
      into[k] = source[order[start + k]];
    }
    return into;
  }

  /** Checks a gather's arguments; returns where the batch starts in the order. */
  private int startOf(int batch, int sourceLength, int intoLength) {
    if (sourceLength != order.length) {
      throw new IllegalArgumentException(
          "source has " + sourceLength + " samples but the batches are over " + order.length);
    }
    if (intoLength != length(batch)) {
      throw new IllegalArgumentException("batch " + batch + " has " + length(batch)
          + " samples but into has room for " + intoLength);
    }
    return batch * batchSize;
  }

  private void checkBatch(int batch) {
    if (batch < 0 || batch >= count()) {
      throw new IndexOutOfBoundsException("batch " + batch + " of " + count());
    }
  }
}
