/**
 * A small training toolkit around Fluxion's gradients: optimizers that update {@code double[]}
 * (and {@code double[][]}) parameters in place ({@link dev.fluxion.train.Sgd}, {@link
 * dev.fluxion.train.Adam}, {@link dev.fluxion.train.AdamW}), learning-rate schedules ({@link
 * dev.fluxion.train.LearningRate}), shuffled mini-batches ({@link dev.fluxion.train.MiniBatches})
 * and a finite-difference check of a gradient ({@link dev.fluxion.train.GradientCheck}).
 *
 * <p>Nothing here knows about the generated code: an optimizer takes the gradient array a
 * companion's holder returns, such as {@code g.w()} after {@code lossGradient(w, x, y, g)}. After
 * their first step, optimizers and mini-batches allocate nothing, so a training loop with
 * into-form gradients runs without garbage.
 */
package dev.fluxion.train;
