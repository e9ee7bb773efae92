package dev.fluxion.bench.ba;

import dev.fluxion.bench.AdbenchData;

/**
 * A bundle-adjustment problem read from an ADBench file: {@code n} cameras, {@code m} points and
 * {@code p} observations, each with a weight and an observed feature.
 *
 * <p>The file holds {@code n m p}, then one camera (11 values), one point (3), one weight and one
 * feature (2); ADBench replicates them, and observation {@code i} sees point {@code i mod m}
 * through camera {@code i mod n}. The arrays are the problem's own and may be perturbed in place
 * (finite differences do, and put the values back).
 */
public final class BaInput {
  /** The cameras, {@link Reprojection#CAMERA} values each. */
  final double[][] cameras;
  /** The points, {@link Reprojection#POINT} coordinates each. */
  final double[][] points;
  /** One weight per observation. */
  final double[] weights;
  /** One observed feature (2 values) per observation. */
  final double[][] features;
  /** Per observation, the index of its camera. */
  final int[] camera;
  /** Per observation, the index of its point. */
  final int[] point;

  /**
   * A problem with these cameras, points, weights and features (one per observation), observation
   * {@code i} seeing point {@code i mod m} through camera {@code i mod n}.
   */
  BaInput(double[][] cameras, double[][] points, double[] weights, double[][] features) {
    this.cameras = cameras;
    this.points = points;
    this.weights = weights;
    this.features = features;
    int p = weights.length;
    this.camera = new int[p];
    this.point = new int[p];
    for (int i = 0; i < p; i++) {
      camera[i] = i % cameras.length;
      point[i] = i % points.length;
    }
  }

  /**
   * Reads an ADBench BA file, e.g. {@code ba-ba1_n49_m7776_p31843.txt}, from the ADBench folder.
   */
  public static BaInput read(String fileName) {
    AdbenchData.Numbers in = AdbenchData.read(fileName);
    int n = in.nextInt();
    int m = in.nextInt();
    int p = in.nextInt();
    double[] camera = in.nextDoubles(Reprojection.CAMERA);
    double[] point = in.nextDoubles(Reprojection.POINT);
    double weight = in.nextDouble();
    double[] feature = in.nextDoubles(2);
    double[][] cameras = new double[n][];
    for (int i = 0; i < n; i++) {
      cameras[i] = camera.clone();
    }
    double[][] points = new double[m][];
    for (int i = 0; i < m; i++) {
      points[i] = point.clone();
    }
    double[] weights = new double[p];
    double[][] features = new double[p][];
    for (int i = 0; i < p; i++) {
      weights[i] = weight;
      features[i] = feature.clone();
    }
    return new BaInput(cameras, points, weights, features);
  }

  /** The number of observations. */
  public int observations() {
    return weights.length;
  }

  /** The camera of observation {@code i}. */
  double[] cameraOf(int i) {
    return cameras[camera[i]];
  }

  /** The point of observation {@code i}. */
  double[] pointOf(int i) {
    return points[point[i]];
  }
}
