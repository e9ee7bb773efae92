package dev.fluxion.bench.ba;

import dev.fluxion.Differentiable;

/**
 * The bundle-adjustment reprojection error of one observation, written once in Fluxion's
 * differentiable subset as a user would write it: Rodrigues rotation (with the small-angle
 * branch), perspective division, radial distortion, then the weighted residual.
 *
 * <p>A camera is {@code [r(3) rotation in Rodrigues form, C(3) centre, f, u0, v0, k1, k2]}.
 */
public final class Reprojection {
  /** Parameters per camera. */
  public static final int CAMERA = 11;
  /** Coordinates per point. */
  public static final int POINT = 3;
  /** Inputs of one observation's residuals: camera, point and weight. */
  public static final int INPUTS = CAMERA + POINT + 1;

  private Reprojection() {}

  /**
   * The weighted reprojection error {@code w·(proj − feat)} of point {@code x} seen by camera
   * {@code cam}.
   *
   * @param cam the camera's 11 parameters
   * @param x the point
   * @param w the observation's weight
   * @param feat the observed feature (2 values)
   * @return the two residuals
   */
  @Differentiable(wrt = {"cam", "x", "w"})
  public static double[] error(double[] cam, double[] x, double w, double[] feat) {
    // The point relative to the camera centre.
    double px = x[0] - cam[3];
    double py = x[1] - cam[4];
    double pz = x[2] - cam[5];
    // Rotate it by r: the axis-angle formula, or X + r × X when the angle is zero.
    double r0 = cam[0];
    double r1 = cam[1];
    double r2 = cam[2];
    double theta2 = r0 * r0 + r1 * r1 + r2 * r2;
    double cx;
    double cy;
    double cz;
    if (theta2 != 0) {
      double theta = Math.sqrt(theta2);
      double cos = Math.cos(theta);
      double sin = Math.sin(theta);
      double k0 = r0 / theta;
      double k1 = r1 / theta;
      double k2 = r2 / theta;
      double along = (k0 * px + k1 * py + k2 * pz) * (1 - cos);
      cx = px * cos + (k1 * pz - k2 * py) * sin + k0 * along;
      cy = py * cos + (k2 * px - k0 * pz) * sin + k1 * along;
      cz = pz * cos + (k0 * py - k1 * px) * sin + k2 * along;
    } else {
      cx = px + (r1 * pz - r2 * py);
      cy = py + (r2 * px - r0 * pz);
      cz = pz + (r0 * py - r1 * px);
    }
    // Project, then distort radially.
    double u = cx / cz;
    double v = cy / cz;
    double rsq = u * u + v * v;
    double distortion = 1 + cam[9] * rsq + cam[10] * rsq * rsq;
    double f = cam[6];
    return new double[] {
      w * (f * distortion * u + cam[7] - feat[0]),
      w * (f * distortion * v + cam[8] - feat[1])
    };
  }

  /**
   * The weight error {@code 1 − w²} of one observation.
   *
   * @param w the observation's weight
   * @return the weight error
   */
  @Differentiable
  public static double weightError(double w) {
    return 1 - w * w;
  }
}
