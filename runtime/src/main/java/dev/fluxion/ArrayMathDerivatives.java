package dev.fluxion;

import static dev.fluxion.ArrayKernels.addMatMul;
import static dev.fluxion.ArrayKernels.addMatMulTransposed;
import static dev.fluxion.ArrayKernels.addMatVec;
import static dev.fluxion.ArrayKernels.addOuter;
import static dev.fluxion.ArrayKernels.addScaled;
import static dev.fluxion.ArrayKernels.addTransposedMatMul;
import static dev.fluxion.ArrayKernels.addTransposedMatVec;
import static dev.fluxion.ArrayKernels.dot;

import java.util.function.DoubleUnaryOperator;

/**
 * The derivatives of {@link ArrayMath}'s methods, as {@link Pullback} and {@link Tangent}
 * registrations: for each method {@code f}, its pullback {@code fPullback}, its tangent
 * {@code fTangent}, and the tangent of its pullback {@code fPullbackTangent} (for second
 * derivatives). They are public so that generated code can call them; users do not call them
 * directly, but call {@link ArrayMath} from differentiable code.
 *
 * <p>In the formulas below, {@code xDot} is the tangent of a parameter {@code x}, {@code xBar}
 * its adjoint, {@code seed} the adjoint of {@code f}'s result and {@code seedDot} the tangent of
 * the seed. Pullbacks add into their adjoint arrays and tangents of pullbacks into the tangents
 * of those arrays; neither writes anywhere else, nor reads the arrays it adds into, so one array
 * may stand for two of them (the adjoint of {@code x} in {@code dot(x, x)}, say). Tangents return
 * new arrays. These methods assume the shapes {@link ArrayMath} checks (Fluxion calls {@code f}
 * with the same arguments) and do not check them again.
 */
public final class ArrayMathDerivatives {
  private ArrayMathDerivatives() {}

  // ---- dot(a, b) = Σ a_i b_i

  /** aBar += seed · b; bBar += seed · a. */
  @Pullback(of = "dot", in = ArrayMath.class)
  public static void dotPullback(
      double[] a, double[] b, double seed, double[] aBar, double[] bBar) {
    addScaled(aBar, seed, b);
    addScaled(bBar, seed, a);
  }

  /** aDot · b + a · bDot. */
  @Tangent(of = "dot", in = ArrayMath.class)
  public static double dotTangent(double[] a, double[] aDot, double[] b, double[] bDot) {
    return dot(aDot, b) + dot(a, bDot);
  }

  /** aBarDot += seedDot · b + seed · bDot; bBarDot += seedDot · a + seed · aDot. */
  @Tangent(of = "dotPullback")
  public static void dotPullbackTangent(
      double[] a, double[] aDot, double[] b, double[] bDot, double seed, double seedDot,
      double[] aBar, double[] aBarDot, double[] bBar, double[] bBarDot) {
    addScaled(aBarDot, seedDot, b);
    addScaled(aBarDot, seed, bDot);
    addScaled(bBarDot, seedDot, a);
    addScaled(bBarDot, seed, aDot);
  }

  // ---- matVec(m, x) = m · x

  /** mBar += seed · xᵀ; xBar += mᵀ · seed. */
  @Pullback(of = "matVec", in = ArrayMath.class)
  public static void matVecPullback(
      double[][] m, double[] x, double[] seed, double[][] mBar, double[] xBar) {
    addOuter(mBar, seed, x);
    addTransposedMatVec(xBar, m, seed);
  }

  /** mDot · x + m · xDot. */
  @Tangent(of = "matVec", in = ArrayMath.class)
  public static double[] matVecTangent(double[][] m, double[][] mDot, double[] x, double[] xDot) {
    double[] yDot = new double[m.length];
    addMatVec(yDot, mDot, x);
    addMatVec(yDot, m, xDot);
    return yDot;
  }

  /** mBarDot += seedDot · xᵀ + seed · xDotᵀ; xBarDot += mᵀ · seedDot + mDotᵀ · seed. */
  @Tangent(of = "matVecPullback")
  public static void matVecPullbackTangent(
      double[][] m, double[][] mDot, double[] x, double[] xDot, double[] seed, double[] seedDot,
      double[][] mBar, double[][] mBarDot, double[] xBar, double[] xBarDot) {
    addOuter(mBarDot, seedDot, x);
    addOuter(mBarDot, seed, xDot);
    addTransposedMatVec(xBarDot, m, seedDot);
    addTransposedMatVec(xBarDot, mDot, seed);
  }

  // ---- matMul(a, b) = a · b

  /** aBar += seed · bᵀ; bBar += aᵀ · seed. */
  @Pullback(of = "matMul", in = ArrayMath.class)
  public static void matMulPullback(
      double[][] a, double[][] b, double[][] seed, double[][] aBar, double[][] bBar) {
    addMatMulTransposed(aBar, seed, b);
    addTransposedMatMul(bBar, a, seed);
  }

  /** aDot · b + a · bDot. */
  @Tangent(of = "matMul", in = ArrayMath.class)
  public static double[][] matMulTangent(
      double[][] a, double[][] aDot, double[][] b, double[][] bDot) {
    double[][] cDot = new double[a.length][ArrayKernels.columns(b)];
    addMatMul(cDot, aDot, b);
    addMatMul(cDot, a, bDot);
    return cDot;
  }

  /** aBarDot += seedDot · bᵀ + seed · bDotᵀ; bBarDot += aᵀ · seedDot + aDotᵀ · seed. */
  @Tangent(of = "matMulPullback")
  public static void matMulPullbackTangent(
      double[][] a, double[][] aDot, double[][] b, double[][] bDot,
      double[][] seed, double[][] seedDot,
      double[][] aBar, double[][] aBarDot, double[][] bBar, double[][] bBarDot) {
    addMatMulTransposed(aBarDot, seedDot, b);
    addMatMulTransposed(aBarDot, seed, bDot);
    addTransposedMatMul(bBarDot, a, seedDot);
    addTransposedMatMul(bBarDot, aDot, seed);
  }

  // ---- sum(x) = Σ x_i

  /** xBar_i += seed. */
  @Pullback(of = "sum", in = ArrayMath.class)
  public static void sumPullback(double[] x, double seed, double[] xBar) {
    addConstant(xBar, seed);
  }

  /** Σ xDot_i. */
  @Tangent(of = "sum", in = ArrayMath.class)
  public static double sumTangent(double[] x, double[] xDot) {
    return ArrayMath.sum(xDot);
  }

  /** xBarDot_i += seedDot. */
  @Tangent(of = "sumPullback")
  public static void sumPullbackTangent(
      double[] x, double[] xDot, double seed, double seedDot, double[] xBar, double[] xBarDot) {
    addConstant(xBarDot, seedDot);
  }

  // ---- squaredNorm(x) = Σ x_i²

  /** xBar += 2 seed · x. */
  @Pullback(of = "squaredNorm", in = ArrayMath.class)
  public static void squaredNormPullback(double[] x, double seed, double[] xBar) {
    addScaled(xBar, 2 * seed, x);
  }

  /** 2 x · xDot. */
  @Tangent(of = "squaredNorm", in = ArrayMath.class)
  public static double squaredNormTangent(double[] x, double[] xDot) {
    return 2 * dot(x, xDot);
  }

  /** xBarDot += 2 seedDot · x + 2 seed · xDot. */
  @Tangent(of = "squaredNormPullback")
  public static void squaredNormPullbackTangent(
      double[] x, double[] xDot, double seed, double seedDot, double[] xBar, double[] xBarDot) {
    addScaled(xBarDot, 2 * seedDot, x);
    addScaled(xBarDot, 2 * seed, xDot);
  }

  // ---- logSumExp(x) = log Σ exp(x_i); its gradient is p = softmax(x)

  /** xBar += seed · p. */
  @Pullback(of = "logSumExp", in = ArrayMath.class)
  public static void logSumExpPullback(double[] x, double seed, double[] xBar) {
    addScaled(xBar, seed, ArrayMath.softmax(x));
  }

  /** p · xDot. */
  @Tangent(of = "logSumExp", in = ArrayMath.class)
  public static double logSumExpTangent(double[] x, double[] xDot) {
    return dot(ArrayMath.softmax(x), xDot);
  }

  /** xBarDot_i += seedDot p_i + seed pDot_i, where pDot_i = p_i (xDot_i − p · xDot). */
  @Tangent(of = "logSumExpPullback")
  public static void logSumExpPullbackTangent(
      double[] x, double[] xDot, double seed, double seedDot, double[] xBar, double[] xBarDot) {
    double[] p = ArrayMath.softmax(x);
    double pxDot = dot(p, xDot);
    for (int i = 0; i < x.length; i++) {
      xBarDot[i] += p[i] * (seedDot + seed * (xDot[i] - pxDot));
    }
  }

  // ---- softmax(x) = p, p_i = exp(x_i) / Σ exp(x_j)

  /** xBar_i += p_i (seed_i − p · seed). */
  @Pullback(of = "softmax", in = ArrayMath.class)
  public static void softmaxPullback(double[] x, double[] seed, double[] xBar) {
    double[] p = ArrayMath.softmax(x);
    double pSeed = dot(p, seed);
    for (int i = 0; i < x.length; i++) {
      xBar[i] += p[i] * (seed[i] - pSeed);
    }
  }

  /** pDot_i = p_i (xDot_i − p · xDot). */
  @Tangent(of = "softmax", in = ArrayMath.class)
  public static double[] softmaxTangent(double[] x, double[] xDot) {
    double[] p = ArrayMath.softmax(x);
    double pxDot = dot(p, xDot);
    for (int i = 0; i < p.length; i++) {
      p[i] *= xDot[i] - pxDot;
    }
    return p;
  }

  /**
   * xBarDot_i += pDot_i (seed_i − s) + p_i (seedDot_i − sDot), where s = p · seed,
   * pDot_i = p_i (xDot_i − p · xDot) and sDot = pDot · seed + p · seedDot.
   */
  @Tangent(of = "softmaxPullback")
  public static void softmaxPullbackTangent(
      double[] x, double[] xDot, double[] seed, double[] seedDot,
      double[] xBar, double[] xBarDot) {
    double[] p = ArrayMath.softmax(x);
    double pxDot = dot(p, xDot);
    double s = dot(p, seed);
    double sDot = dot(p, seedDot);
    for (int j = 0; j < p.length; j++) {
      sDot += p[j] * (xDot[j] - pxDot) * seed[j];
    }
    for (int i = 0; i < p.length; i++) {
      double pDot = p[i] * (xDot[i] - pxDot);
      xBarDot[i] += pDot * (seed[i] - s) + p[i] * (seedDot[i] - sDot);
    }
  }

  // ---- sigmoid(x)_i = σ(x_i); σ' = σ(1 − σ), computed as e / (1 + e)² with e = exp(−|x|)

  /** xBar_i += seed_i σ'(x_i). */
  @Pullback(of = "sigmoid", in = ArrayMath.class)
  public static void sigmoidPullback(double[] x, double[] seed, double[] xBar) {
    elementwisePullback(x, seed, xBar, ArrayMathDerivatives::sigmoidSlope);
  }

  /** yDot_i = σ'(x_i) xDot_i. */
  @Tangent(of = "sigmoid", in = ArrayMath.class)
  public static double[] sigmoidTangent(double[] x, double[] xDot) {
    return elementwiseTangent(x, xDot, ArrayMathDerivatives::sigmoidSlope);
  }

  /** xBarDot_i += seedDot_i σ'(x_i) + seed_i σ''(x_i) xDot_i. */
  @Tangent(of = "sigmoidPullback")
  public static void sigmoidPullbackTangent(
      double[] x, double[] xDot, double[] seed, double[] seedDot,
      double[] xBar, double[] xBarDot) {
    elementwisePullbackTangent(x, xDot, seed, seedDot, xBarDot,
        ArrayMathDerivatives::sigmoidSlope, ArrayMathDerivatives::sigmoidCurvature);
  }

  // ---- relu(x)_i = max(x_i, 0); relu' = 1 for x > 0, else 0 (also at the kink); relu'' = 0

  /** xBar_i += seed_i relu'(x_i). */
  @Pullback(of = "relu", in = ArrayMath.class)
  public static void reluPullback(double[] x, double[] seed, double[] xBar) {
    elementwisePullback(x, seed, xBar, ArrayMathDerivatives::reluSlope);
  }

  /** yDot_i = relu'(x_i) xDot_i. */
  @Tangent(of = "relu", in = ArrayMath.class)
  public static double[] reluTangent(double[] x, double[] xDot) {
    return elementwiseTangent(x, xDot, ArrayMathDerivatives::reluSlope);
  }

  /** xBarDot_i += seedDot_i relu'(x_i) (relu'' is 0). */
  @Tangent(of = "reluPullback")
  public static void reluPullbackTangent(
      double[] x, double[] xDot, double[] seed, double[] seedDot,
      double[] xBar, double[] xBarDot) {
    elementwisePullback(x, seedDot, xBarDot, ArrayMathDerivatives::reluSlope);
  }

  // ---- tanh(x)_i = tanh(x_i); tanh' = 1 / cosh², which (unlike 1 − tanh²) is not 0 for large x

  /** xBar_i += seed_i tanh'(x_i). */
  @Pullback(of = "tanh", in = ArrayMath.class)
  public static void tanhPullback(double[] x, double[] seed, double[] xBar) {
    elementwisePullback(x, seed, xBar, ArrayMathDerivatives::tanhSlope);
  }

  /** yDot_i = tanh'(x_i) xDot_i. */
  @Tangent(of = "tanh", in = ArrayMath.class)
  public static double[] tanhTangent(double[] x, double[] xDot) {
    return elementwiseTangent(x, xDot, ArrayMathDerivatives::tanhSlope);
  }

  /** xBarDot_i += seedDot_i tanh'(x_i) + seed_i tanh''(x_i) xDot_i. */
  @Tangent(of = "tanhPullback")
  public static void tanhPullbackTangent(
      double[] x, double[] xDot, double[] seed, double[] seedDot,
      double[] xBar, double[] xBarDot) {
    elementwisePullbackTangent(x, xDot, seed, seedDot, xBarDot,
        ArrayMathDerivatives::tanhSlope, ArrayMathDerivatives::tanhCurvature);
  }

  // ---- scalar derivatives of the elementwise functions

  // σ'(x) = σ(x) σ(−x) = e / (1 + e)², e = exp(−|x|)
  private static double sigmoidSlope(double x) {
    double e = Math.exp(-Math.abs(x));
    return e / ((1 + e) * (1 + e));
  }

  // σ''(x) = σ'(x) (1 − 2σ(x)) = −σ'(x) tanh(x / 2)
  private static double sigmoidCurvature(double x) {
    return -sigmoidSlope(x) * Math.tanh(x / 2);
  }

  // relu'(x) = 1 for x > 0, else 0
  private static double reluSlope(double x) {
    return x > 0 ? 1 : 0;
  }

  // tanh'(x) = 1 / cosh²(x)
  private static double tanhSlope(double x) {
    double cosh = Math.cosh(x);
    return 1 / (cosh * cosh);
  }

  // tanh''(x) = −2 tanh'(x) tanh(x)
  private static double tanhCurvature(double x) {
    return -2 * tanhSlope(x) * Math.tanh(x);
  }

  // ---- the three derivatives of an elementwise y_i = f(x_i), given f' (slope) and f'' (curvature)

  // yDot_i = f'(x_i) xDot_i
  private static double[] elementwiseTangent(
      double[] x, double[] xDot, DoubleUnaryOperator slope) {
    double[] yDot = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      yDot[i] = slope.applyAsDouble(x[i]) * xDot[i];
    }
    return yDot;
  }

  // xBar_i += seed_i f'(x_i)
  private static void elementwisePullback(
      double[] x, double[] seed, double[] xBar, DoubleUnaryOperator slope) {
    for (int i = 0; i < x.length; i++) {
      xBar[i] += seed[i] * slope.applyAsDouble(x[i]);
    }
  }

  // xBarDot_i += seedDot_i f'(x_i) + seed_i f''(x_i) xDot_i
  private static void elementwisePullbackTangent(
      double[] x, double[] xDot, double[] seed, double[] seedDot, double[] xBarDot,
      DoubleUnaryOperator slope, DoubleUnaryOperator curvature) {
    for (int i = 0; i < x.length; i++) {
      xBarDot[i] += seedDot[i] * slope.applyAsDouble(x[i])
          + seed[i] * curvature.applyAsDouble(x[i]) * xDot[i];
    }
  }

  // out_i += c
  private static void addConstant(double[] out, double c) {
    for (int i = 0; i < out.length; i++) {
      out[i] += c;
    }
  }
}
