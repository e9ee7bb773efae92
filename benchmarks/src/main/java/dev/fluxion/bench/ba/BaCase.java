package dev.fluxion.bench.ba;

import dev.fluxion.Tape;
import dev.fluxion.bench.AbstractCase;
import dev.fluxion.bench.Cases;
import dev.fluxion.bench.Tool;
import dev.fluxion.bench.Verifier;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/**
 * Bundle adjustment: every observation's two reprojection residuals and its weight error
 * {@code 1 − w²}, and their sparse Jacobian.
 *
 * <p>The Jacobian's non-zeros, flattened: for observation {@code i}, at {@code 30i}, the row of
 * its first residual (∂/∂camera: 11 values, ∂/∂point: 3, ∂/∂weight: 1), then the row of its
 * second; after all observations, at {@code 30p + i}, ∂w_err/∂w of observation {@code i}. Every
 * tool writes the same buffer, preallocated.
 */
public final class BaCase extends AbstractCase {
  /** ADBench's reprojection error of the first observation of ba1. */
  static final double REFERENCE_ERROR = 0.1013358379;

  /** Jacobian entries per observation: two rows of {@link Reprojection#INPUTS}. */
  static final int BLOCK = 2 * Reprojection.INPUTS;

  private final BaInput in;
  private final double[] reprojectionErrors;
  private final double[] weightErrors;
  private final double[] jacobian;

  // Fluxion's reverse mode: one reverse sweep per residual, into buffers reused by every call.
  private final Tape tape = new Tape();
  private final double[] seed = new double[2];
  private final double[] cameraBar = new double[Reprojection.CAMERA];
  private final double[] pointBar = new double[Reprojection.POINT];
  private final ReprojectionDerivatives.WeightErrorGradient weightErrorGradient =
      new ReprojectionDerivatives.WeightErrorGradient();

  // Fluxion's forward mode: one tangent sweep per input.
  private final ReprojectionDerivatives.ErrorTangent tangent =
      new ReprojectionDerivatives.ErrorTangent();
  private final double[] cameraDot = new double[Reprojection.CAMERA];
  private final double[] pointDot = new double[Reprojection.POINT];
  private final ReprojectionDerivatives.WeightErrorTangent weightErrorTangent =
      new ReprojectionDerivatives.WeightErrorTangent();

  private final HandJacobian hand = new HandJacobian();

  /**
   * The case on an ADBench BA file.
   *
   * @param name the TSV's case name
   * @param fileName the file in the ADBench folder
   */
  public BaCase(String name, String fileName) {
    this(name, BaInput.read(fileName));
  }

  /** The case on a problem already read. */
  BaCase(String name, BaInput in) {
    super(name, EnumSet.allOf(Tool.class), EnumSet.allOf(Tool.class));
    this.in = in;
    int p = in.observations();
    this.reprojectionErrors = new double[2 * p];
    this.weightErrors = new double[p];
    this.jacobian = new double[BLOCK * p + p];
  }

  /** The registry entry: ba1, every tool (each takes well under a second per call). */
  public static List<Cases.Entry> entries() {
    String name = "ba1-n49-m7776-p31843";
    return List.of(new Cases.Entry(name, true,
        () -> new BaCase(name, "ba-ba1_n49_m7776_p31843.txt")));
  }

  /** Every residual and weight error; returns the first residual. */
  @Override
  public double objective() {
    for (int i = 0; i < in.observations(); i++) {
      double[] e = Reprojection.error(in.cameraOf(i), in.pointOf(i), in.weights[i],
          in.features[i]);
      reprojectionErrors[2 * i] = e[0];
      reprojectionErrors[2 * i + 1] = e[1];
      weightErrors[i] = Reprojection.weightError(in.weights[i]);
    }
    return reprojectionErrors[0];
  }

  /**
   * Fluxion's reverse mode: per observation, one reverse sweep per residual through the generated
   * building block {@code errorReverse}, seeded with that residual's unit vector; the weight
   * errors through the into-form {@code weightErrorGradient}.
   */
  @Override
  public double[] fluxionGradient() {
    int p = in.observations();
    for (int i = 0; i < p; i++) {
      for (int k = 0; k < 2; k++) {
        Arrays.fill(cameraBar, 0);
        Arrays.fill(pointBar, 0);
        seed[k] = 1;
        ReprojectionDerivatives.errorReverse(in.cameraOf(i), cameraBar, in.pointOf(i), pointBar,
            in.weights[i], in.features[i], seed, tape);
        seed[k] = 0;
        int at = BLOCK * i + k * Reprojection.INPUTS;
        jacobian[at + Reprojection.INPUTS - 1] = tape.popDouble();
        System.arraycopy(cameraBar, 0, jacobian, at, Reprojection.CAMERA);
        System.arraycopy(pointBar, 0, jacobian, at + Reprojection.CAMERA, Reprojection.POINT);
      }
      jacobian[BLOCK * p + i] =
          ReprojectionDerivatives.weightErrorGradient(in.weights[i], weightErrorGradient).w();
    }
    return jacobian;
  }

  /**
   * Fluxion's forward mode: per observation, one tangent sweep ({@code errorTangent}'s into-form)
   * per input, each giving a column of the block.
   */
  @Override
  public double[] fluxionForward() {
    int p = in.observations();
    for (int i = 0; i < p; i++) {
      double[] cam = in.cameraOf(i);
      double[] x = in.pointOf(i);
      for (int k = 0; k < Reprojection.INPUTS; k++) {
        double[] dot = k < Reprojection.CAMERA ? cameraDot : pointDot;
        int j = k < Reprojection.CAMERA ? k : k - Reprojection.CAMERA;
        boolean weight = k == Reprojection.INPUTS - 1;
        if (!weight) {
          dot[j] = 1;
        }
        ReprojectionDerivatives.errorTangent(cam, x, in.weights[i], in.features[i], cameraDot,
            pointDot, weight ? 1 : 0, tangent);
        if (!weight) {
          dot[j] = 0;
        }
        double[] column = tangent.tangent();
        jacobian[BLOCK * i + k] = column[0];
        jacobian[BLOCK * i + Reprojection.INPUTS + k] = column[1];
      }
      jacobian[BLOCK * p + i] =
          ReprojectionDerivatives.weightErrorTangent(in.weights[i], 1, weightErrorTangent).tangent();
    }
    return jacobian;
  }

  @Override
  public double[] handGradient() {
    int p = in.observations();
    for (int i = 0; i < p; i++) {
      hand.block(in.cameraOf(i), in.pointOf(i), in.weights[i], in.features[i], jacobian,
          BLOCK * i);
      jacobian[BLOCK * p + i] = -2 * in.weights[i];
    }
    return jacobian;
  }

  /**
   * Central differences, block by block: each observation's 15 inputs moved in turn (camera,
   * point, weight), its residuals evaluated on either side.
   */
  @Override
  public double[] finiteDifferences() {
    int p = in.observations();
    for (int i = 0; i < p; i++) {
      ObservationDifferences.block(in, i, jacobian, BLOCK * i);
      jacobian[BLOCK * p + i] = ObservationDifferences.weightError(in.weights[i]);
    }
    return jacobian;
  }

  @Override
  public double[] hipparchus() {
    int p = in.observations();
    for (int i = 0; i < p; i++) {
      HipparchusReprojection.block(in.cameraOf(i), in.pointOf(i), in.weights[i], in.features[i],
          jacobian, BLOCK * i);
      jacobian[BLOCK * p + i] = -2 * in.weights[i];
    }
    return jacobian;
  }

  /**
   * The first residual against ADBench's value; in the Jacobian, the entries known in closed
   * form: ∂e₀/∂u0 = ∂e₁/∂v0 = w, ∂e₀/∂w = e₀/w and ∂w_err/∂w = −2w, for the first observation.
   */
  @Override
  public void checkReference(double objective, double[] derivative, double tolerance) {
    Verifier.near(name() + " reproj_err[0]", objective, REFERENCE_ERROR, 1e-9);
    double w = in.weights[0];
    Verifier.near(name() + " d e0/d u0", derivative[7], w, tolerance);
    Verifier.near(name() + " d e1/d v0", derivative[Reprojection.INPUTS + 8], w, tolerance);
    Verifier.near(name() + " d e0/d w", derivative[Reprojection.INPUTS - 1], objective / w,
        tolerance);
    Verifier.near(name() + " d w_err/d w", derivative[BLOCK * in.observations()], -2 * w, tolerance);
  }
}
