package dev.fluxion.bench.ba;

import org.hipparchus.analysis.differentiation.Gradient;

/**
 * {@link Reprojection#error} written again for Hipparchus' {@link Gradient}, forward mode by
 * operator overloading: the 15 inputs of an observation (camera, point, weight) are its free
 * parameters, so each residual carries its row of the Jacobian.
 */
final class HipparchusReprojection {
  private HipparchusReprojection() {}

  /**
   * Writes the Jacobian of {@code error(cam, x, w, feat)} into {@code out}, laid out as
   * {@link HandJacobian#block}.
   */
  static void block(double[] cam, double[] x, double w, double[] feat, double[] out, int at) {
    int n = Reprojection.INPUTS;
    Gradient[] c = new Gradient[Reprojection.CAMERA];
    for (int k = 0; k < c.length; k++) {
      c[k] = Gradient.variable(n, k, cam[k]);
    }
    Gradient px = Gradient.variable(n, Reprojection.CAMERA, x[0]).subtract(c[3]);
    Gradient py = Gradient.variable(n, Reprojection.CAMERA + 1, x[1]).subtract(c[4]);
    Gradient pz = Gradient.variable(n, Reprojection.CAMERA + 2, x[2]).subtract(c[5]);
    Gradient weight = Gradient.variable(n, n - 1, w);
    Gradient r0 = c[0];
    Gradient r1 = c[1];
    Gradient r2 = c[2];
    Gradient theta2 = r0.square().add(r1.square()).add(r2.square());
    Gradient cx;
    Gradient cy;
    Gradient cz;
    if (theta2.getValue() != 0) {
      Gradient theta = theta2.sqrt();
      Gradient cos = theta.cos();
      Gradient sin = theta.sin();
      Gradient k0 = r0.divide(theta);
      Gradient k1 = r1.divide(theta);
      Gradient k2 = r2.divide(theta);
      Gradient along = k0.multiply(px).add(k1.multiply(py)).add(k2.multiply(pz))
          .multiply(cos.negate().add(1));
      cx = px.multiply(cos).add(k1.multiply(pz).subtract(k2.multiply(py)).multiply(sin))
          .add(k0.multiply(along));
      cy = py.multiply(cos).add(k2.multiply(px).subtract(k0.multiply(pz)).multiply(sin))
          .add(k1.multiply(along));
      cz = pz.multiply(cos).add(k0.multiply(py).subtract(k1.multiply(px)).multiply(sin))
          .add(k2.multiply(along));
    } else {
      cx = px.add(r1.multiply(pz).subtract(r2.multiply(py)));
      cy = py.add(r2.multiply(px).subtract(r0.multiply(pz)));
      cz = pz.add(r0.multiply(py).subtract(r1.multiply(px)));
    }
    Gradient u = cx.divide(cz);
    Gradient v = cy.divide(cz);
    Gradient rsq = u.square().add(v.square());
    Gradient distortion = c[9].multiply(rsq).add(c[10].multiply(rsq).multiply(rsq)).add(1);
    Gradient scale = c[6].multiply(distortion);
    Gradient e0 = weight.multiply(scale.multiply(u).add(c[7]).subtract(feat[0]));
    Gradient e1 = weight.multiply(scale.multiply(v).add(c[8]).subtract(feat[1]));
    System.arraycopy(e0.getGradient(), 0, out, at, n);
    System.arraycopy(e1.getGradient(), 0, out, at + n, n);
  }
}
