package dev.fluxion.bench.ba;

/**
 * The hand-written Jacobian of {@link Reprojection#error}: one observation's 2 × 15 block, by the
 * chain rule written out once, the way ADBench's manual C gradient is.
 *
 * <p>With {@code p = X − C} and {@code c = R(r)·p}, Rodrigues' formula in terms of {@code r}
 * itself is {@code c = cos θ·p + s·(r × p) + g·(r·p)·r} with {@code s = sin θ/θ} and
 * {@code g = (1 − cos θ)/θ²}; at {@code θ = 0}, where the objective takes the branch
 * {@code p + r × p}, the formulas below give that branch's derivatives, since {@code r = 0}. Then
 * {@code ∂c/∂p = cos θ·I + s·[r]× + g·r rᵀ} and
 * {@code ∂c/∂r_j = r_j·(−s·p + s′·(r × p) + g′·(r·p)·r) + s·(e_j × p) + g·((r·p)·e_j + p_j·r)},
 * where {@code s′ = (cos θ − s)/θ²} and {@code g′ = (s − 2g)/θ²} are the derivatives of s and g
 * with respect to θ, divided by θ. The projection and distortion are differentiated directly.
 *
 * <p>Not thread-safe: an instance keeps the two 3 × 3 matrices as scratch space.
 */
final class HandJacobian {
  /**
   * Below this θ², s, g, s′ and g′ come from their Taylor series (to θ²; the next terms are
   * O(θ⁴) ≤ 1e-12), where the quotients would lose about ε/θ² of their digits.
   */
  private static final double SERIES = 1e-6;

  /** ∂c/∂p, row by row. */
  private final double[] dcdp = new double[9];
  /** ∂c/∂r, row by row: entry {@code 3i + j} is ∂c_i/∂r_j. */
  private final double[] dcdr = new double[9];

  /**
   * Writes the Jacobian of {@code error(cam, x, w, feat)} into {@code out}: row 0 (∂/∂cam, ∂/∂x,
   * ∂/∂w) at {@code at}, row 1 right after it.
   */
  void block(double[] cam, double[] x, double w, double[] feat, double[] out, int at) {
    double px = x[0] - cam[3];
    double py = x[1] - cam[4];
    double pz = x[2] - cam[5];
    double r0 = cam[0];
    double r1 = cam[1];
    double r2 = cam[2];
    double theta2 = r0 * r0 + r1 * r1 + r2 * r2;
    double theta = Math.sqrt(theta2);
    double cos = Math.cos(theta);
    double s;
    double g;
    double ds;
    double dg;
    if (theta2 < SERIES) {
      // The quotients below cancel catastrophically near 0: their Taylor series instead.
      s = 1 - theta2 / 6;
      g = 0.5 - theta2 / 24;
      ds = -1.0 / 3 + theta2 / 30;
      dg = -1.0 / 12 + theta2 / 180;
    } else {
      s = Math.sin(theta) / theta;
      g = (1 - cos) / theta2;
      ds = (cos - s) / theta2;
      dg = (s - 2 * g) / theta2;
    }
    double qx = r1 * pz - r2 * py;
    double qy = r2 * px - r0 * pz;
    double qz = r0 * py - r1 * px;
    double dot = r0 * px + r1 * py + r2 * pz;
    double cx = cos * px + s * qx + g * dot * r0;
    double cy = cos * py + s * qy + g * dot * r1;
    double cz = cos * pz + s * qz + g * dot * r2;
    rotationDerivatives(r0, r1, r2, px, py, pz, qx, qy, qz, dot, cos, s, g, ds, dg);

    double iz = 1 / cz;
    double u = cx * iz;
    double v = cy * iz;
    double rsq = u * u + v * v;
    double k1 = cam[9];
    double k2 = cam[10];
    double distortion = 1 + k1 * rsq + k2 * rsq * rsq;
    double dDistortion = 2 * (k1 + 2 * k2 * rsq);
    double f = cam[6];
    double wf = w * f;
    // ∂e/∂(u, v), a symmetric 2 × 2 matrix.
    double euu = wf * (distortion + u * u * dDistortion);
    double euv = wf * u * v * dDistortion;
    double evv = wf * (distortion + v * v * dDistortion);
    row(euu, euv, u, v, iz, out, at);
    row(euv, evv, u, v, iz, out, at + Reprojection.INPUTS);

    for (int k = 0; k < 2; k++) {
      double d = k == 0 ? u : v;
      int o = at + k * Reprojection.INPUTS;
      out[o + 6] = w * distortion * d;
      out[o + 7] = k == 0 ? w : 0;
      out[o + 8] = k == 0 ? 0 : w;
      out[o + 9] = wf * rsq * d;
      out[o + 10] = wf * rsq * rsq * d;
      out[o + 14] = f * distortion * d + cam[7 + k] - feat[k];
    }
  }

  /** Fills {@link #dcdp} and {@link #dcdr} from the quantities of the class comment. */
  private void rotationDerivatives(double r0, double r1, double r2, double px, double py,
      double pz, double qx, double qy, double qz, double dot, double cos, double s, double g,
      double ds, double dg) {
    double[] a = dcdp;
    a[0] = cos + g * r0 * r0;
    a[1] = -s * r2 + g * r0 * r1;
    a[2] = s * r1 + g * r0 * r2;
    a[3] = s * r2 + g * r1 * r0;
    a[4] = cos + g * r1 * r1;
    a[5] = -s * r0 + g * r1 * r2;
    a[6] = -s * r1 + g * r2 * r0;
    a[7] = s * r0 + g * r2 * r1;
    a[8] = cos + g * r2 * r2;
    // The part of ∂c/∂r_j that is r_j times one vector.
    double vx = -s * px + ds * qx + dg * dot * r0;
    double vy = -s * py + ds * qy + dg * dot * r1;
    double vz = -s * pz + ds * qz + dg * dot * r2;
    double[] b = dcdr;
    b[0] = r0 * vx + g * (dot + px * r0);
    b[1] = r1 * vx + s * pz + g * py * r0;
    b[2] = r2 * vx - s * py + g * pz * r0;
    b[3] = r0 * vy - s * pz + g * px * r1;
    b[4] = r1 * vy + g * (dot + py * r1);
    b[5] = r2 * vy + s * px + g * pz * r1;
    b[6] = r0 * vz + s * py + g * px * r2;
    b[7] = r1 * vz - s * px + g * py * r2;
    b[8] = r2 * vz + g * (dot + pz * r2);
  }

  /**
   * One residual's derivatives with respect to the rotation, the centre and the point, from its
   * derivatives {@code (eu, ev)} with respect to the projected point {@code (u, v) = (cx, cy)/cz}.
   */
  private void row(double eu, double ev, double u, double v, double iz, double[] out, int at) {
    double gx = eu * iz;
    double gy = ev * iz;
    double gz = -(eu * u + ev * v) * iz;
    double[] a = dcdp;
    double[] b = dcdr;
    for (int j = 0; j < 3; j++) {
      double dp = gx * a[j] + gy * a[3 + j] + gz * a[6 + j];
      out[at + j] = gx * b[j] + gy * b[3 + j] + gz * b[6 + j];
      out[at + 3 + j] = -dp;
      out[at + Reprojection.CAMERA + j] = dp;
    }
  }
}
