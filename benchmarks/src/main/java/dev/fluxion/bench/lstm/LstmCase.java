package dev.fluxion.bench.lstm;

import dev.fluxion.bench.AbstractCase;
import dev.fluxion.bench.Cases;
import dev.fluxion.bench.FiniteDifferences;
import dev.fluxion.bench.Tool;
import dev.fluxion.bench.Verifier;
import java.util.EnumSet;
import java.util.List;

/**
 * The LSTM loss and its gradient with respect to {@code main} and {@code extra}, flattened in
 * that order. Fluxion's forward mode is left out: one tangent sweep per parameter (266 of them)
 * is what Hipparchus already shows. The quick run leaves out finite differences (two objectives
 * per parameter: about 2 s per call) and Hipparchus (a 266-entry gradient on every intermediate
 * value: about half a second per call).
 */
public final class LstmCase extends AbstractCase {
  /** ADBench's loss for lstm_l2_c1024. */
  static final double REFERENCE_LOSS = 0.6666651796;

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
    super(name, EnumSet.complementOf(EnumSet.of(Tool.FLUXION_FORWARD)),
        EnumSet.of(Tool.OBJECTIVE, Tool.FLUXION_REVERSE, Tool.HAND));
    this.in = in;
    this.gradient = new double[in.parameters()];
    this.hand = new HandLstm(in);
  }

  /** The registry entry: lstm_l2_c1024. */
  public static List<Cases.Entry> entries() {
    String name = "lstm-l2-c1024";
    return List.of(new Cases.Entry(name, true,
        () -> new LstmCase(name, "lstm-lstm_l2_c1024.txt")));
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
    Verifier.near(name() + " loss", objective, REFERENCE_LOSS, 1e-9);
  }
}
