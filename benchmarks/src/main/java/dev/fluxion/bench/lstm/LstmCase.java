package dev.fluxion.bench.lstm;

import dev.fluxion.bench.BenchmarkCase;
import dev.fluxion.bench.FiniteDifferences;
import dev.fluxion.bench.Tool;
import dev.fluxion.bench.Verifier;
import java.util.EnumSet;
import java.util.Set;

/**
 * The LSTM loss and its gradient with respect to {@code main} and {@code extra}, flattened in
 * that order. Fluxion's forward mode is left out: one tangent sweep per parameter is what
 * Hipparchus already shows, at hundreds of parameters.
 */
public final class LstmCase implements BenchmarkCase {
  /** ADBench's loss for lstm_l2_c1024. */
  static final double REFERENCE_LOSS = 0.6666651796;

  private final String name;
  private final LstmInput in;
  private final double[] gradient;
  private final LstmDerivatives.LossGradient holder = new LstmDerivatives.LossGradient();
  private final HandLstm hand;

  /**
   * The case on an ADBench LSTM file.
   *
   * @param name the TSV's case name
   * @param fileName the file in the ADBench folder
   */
  public LstmCase(String name, String fileName) {
    this(name, LstmInput.read(fileName));
  }

  /** The case on a problem already read. */
  LstmCase(String name, LstmInput in) {
    this.name = name;
    this.in = in;
    this.gradient = new double[in.parameters()];
    this.hand = new HandLstm(in);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<Tool> tools() {
    return EnumSet.complementOf(EnumSet.of(Tool.FLUXION_FORWARD));
  }

  @Override
  public double objective() {
    return Lstm.loss(in.main, in.extra, in.state, in.sequence);
  }

  /** Fluxion's into-form {@code lossGradient(…, into)}, its two partials laid end to end. */
  @Override
  public double[] fluxionGradient() {
    LstmDerivatives.lossGradient(in.main, in.extra, in.state, in.sequence, holder);
    System.arraycopy(holder.main(), 0, gradient, 0, in.main.length);
    System.arraycopy(holder.extra(), 0, gradient, in.main.length, in.extra.length);
    return gradient;
  }

  @Override
  public double[] handGradient() {
    hand.gradient(in, gradient);
    return gradient;
  }

  @Override
  public double[] finiteDifferences() {
    return FiniteDifferences.gradient(this::objective, gradient, in.main, in.extra);
  }

  @Override
  public double[] hipparchus() {
    HipparchusLstm.gradient(in, gradient);
    return gradient;
  }

  /** The loss against ADBench's value; no gradient entry is published. */
  @Override
  public void checkReference(double objective, double[] derivative, double tolerance) {
    Verifier.near(name + " loss", objective, REFERENCE_LOSS, 1e-9);
  }
}
