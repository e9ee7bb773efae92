package dev.fluxion.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every method of the behaviour corpora in every mode: the directional derivative by forward
 * mode equals the gradient by reverse mode dotted with the direction (to 1e-12 relative), and
 * both agree with a central difference of the value along the direction; every Hessian is
 * symmetric and agrees with central differences of the gradient.
 */
class ModesAgreeTest {

  @Test
  void forwardModeAgreesWithReverseModeAndFiniteDifferences() throws Exception {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Class<?> companion : Corpus.companions()) {
      for (Method tangent : companion.getMethods()) {
        Method gradient = freshGradientFor(companion, tangent);
        if (gradient == null) {
          continue;
        }
        String where = companion.getSimpleName() + "." + tangent.getName();
        Random random = new Random(where.hashCode());
        Class<?>[] primalTypes = gradient.getParameterTypes();
        Object[] primal = Corpus.arguments(primalTypes, random);
        List<String> names = Corpus.parameterNames(gradient);
        Object holder;
        try {
          holder = gradient.invoke(null, Corpus.copy(primal));
        } catch (InvocationTargetException e) {
          continue;
        }
        // The differentiated parameters are those the gradient holder has an accessor for.
        List<Integer> differentiated = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
          if (hasAccessor(holder, names.get(i))) {
            differentiated.add(i);
          }
        }
        if (differentiated.size() != tangent.getParameterCount() - primal.length) {
          failures.add(where + ": cannot match tangents to parameters");
          continue;
        }
        Object[] args = new Object[tangent.getParameterCount()];
        System.arraycopy(Corpus.copy(primal), 0, args, 0, primal.length);
        double reverse = 0;
        double scale = 0;
        for (int j = 0; j < differentiated.size(); j++) {
          int i = differentiated.get(j);
          Object dir = Corpus.direction(primal[i], random);
          args[primal.length + j] = dir;
          double[] d = Corpus.dot(holder.getClass().getMethod(names.get(i)).invoke(holder), dir);
          reverse += d[0];
          scale += d[1];
        }
        Object result = tangent.invoke(null, Corpus.copy(args));
        double forward = (Double) result.getClass().getMethod("tangent").invoke(result);
        if (Math.abs(forward - reverse) > 1e-12 * Math.max(scale, Math.abs(forward)) + 1e-300) {
          failures.add(where + ": forward " + forward + ", reverse " + reverse);
        }
        double fd = centralDifference(tangent, primal, differentiated, args);
        double tolerance = 1e-6 * Math.max(1, Math.max(scale, Math.abs(forward)));
        if (!Double.isNaN(fd) && Math.abs(fd - forward) > tolerance) {
          failures.add(where + ": forward " + forward + ", finite differences " + fd);
        }
        checked++;
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertTrue(checked >= 100, "methods checked in both modes: " + checked);
  }

  @Test
  void hessiansAreSymmetricAndAgreeWithDifferencesOfTheGradient() throws Exception {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Class<?> companion : Corpus.companions()) {
      for (Method hessian : companion.getMethods()) {
        if (!Modifier.isStatic(hessian.getModifiers()) || !hessian.getName().endsWith("Hessian")
            || !Corpus.supported(hessian.getParameterTypes())) {
          continue;
        }
        String where = companion.getSimpleName() + "." + hessian.getName();
        Object[] primal = Corpus.arguments(hessian.getParameterTypes(), new Random(where.hashCode()));
        Object holder;
        try {
          holder = hessian.invoke(null, Corpus.copy(primal));
        } catch (InvocationTargetException e) {
          continue;
        }
        List<Integer> differentiated = differentiated(hessian, primal);
        double[][] h = (double[][]) holder.getClass().getMethod("hessian").invoke(holder);
        double[] g = (double[]) holder.getClass().getMethod("gradient").invoke(holder);
        double scale = 1;
        for (double[] row : h) {
          for (double v : row) {
            scale = Math.max(scale, Math.abs(v));
          }
        }
        for (int i = 0; i < h.length; i++) {
          for (int j = 0; j < i; j++) {
            if (Math.abs(h[i][j] - h[j][i]) > 1e-10 * scale) {
              failures.add(where + ": H[" + i + "][" + j + "] = " + h[i][j] + " but H[" + j + "]["
                  + i + "] = " + h[j][i]);
            }
          }
        }
        for (int k = 0; k < g.length; k++) {
          double[] up = flatGradient(hessian, nudge(primal, differentiated, k, 1e-5));
          double[] down = flatGradient(hessian, nudge(primal, differentiated, k, -1e-5));
          if (up == null || down == null) {
            continue;
          }
          for (int i = 0; i < g.length; i++) {
            double fd = (up[i] - down[i]) / 2e-5;
            if (Math.abs(fd - h[i][k]) > 1e-5 * scale) {
              failures.add(where + ": H[" + i + "][" + k + "] = " + h[i][k] + ", differences " + fd);
            }
          }
        }
        checked++;
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
    assertTrue(checked >= 50, "Hessians checked: " + checked);
  }

  /** The one-argument-list gradient form matching a fresh tangent form, if both exist. */
  private static Method freshGradientFor(Class<?> companion, Method tangent) {
    if (!Modifier.isStatic(tangent.getModifiers()) || !tangent.getName().endsWith("Tangent")
        || !Corpus.supported(tangent.getParameterTypes())) {
      return null;
    }
    String base = tangent.getName().substring(0, tangent.getName().length() - "Tangent".length());
    for (Method m : companion.getMethods()) {
      if (m.getName().equals(base + "Gradient") && Corpus.supported(m.getParameterTypes())
          && m.getParameterCount() < tangent.getParameterCount()) {
        return m;
      }
    }
    return null;
  }

  private static boolean hasAccessor(Object holder, String name) {
    try {
      holder.getClass().getMethod(name);
      return !name.equals("value");
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** (f(x + h·d) − f(x − h·d)) / 2h, with the values from the tangent form. */
  private static double centralDifference(Method tangent, Object[] primal,
      List<Integer> differentiated, Object[] withDirections) throws Exception {
    double h = 1e-6;
    double[] values = new double[2];
    for (int side = 0; side < 2; side++) {
      Object[] args = Corpus.copy(withDirections);
      for (int j = 0; j < differentiated.size(); j++) {
        int i = differentiated.get(j);
        args[i] = step(primal[i], withDirections[primal.length + j], side == 0 ? h : -h);
      }
      try {
        Object result = tangent.invoke(null, Corpus.copy(args));
        values[side] = (Double) result.getClass().getMethod("value").invoke(result);
      } catch (InvocationTargetException e) {
        return Double.NaN;
      }
    }
    return (values[0] - values[1]) / (2 * h);
  }

  private static Object step(Object x, Object d, double h) {
    if (x instanceof double[] a) {
      double[] out = a.clone();
      for (int i = 0; i < out.length; i++) {
        out[i] += h * ((double[]) d)[i];
      }
      return out;
    }
    if (x instanceof double[][] a) {
      double[][] out = new double[a.length][];
      for (int i = 0; i < a.length; i++) {
        out[i] = (double[]) step(a[i], ((double[][]) d)[i], h);
      }
      return out;
    }
    return (Double) x + h * (Double) d;
  }

  /** The indices of the parameters a method is differentiated with respect to. */
  private static List<Integer> differentiated(Method hessian, Object[] primal) throws Exception {
    String base = hessian.getName().substring(0, hessian.getName().length() - "Hessian".length());
    Method gradient = hessian.getDeclaringClass().getMethod(base + "Gradient",
        hessian.getParameterTypes());
    Object holder = gradient.invoke(null, Corpus.copy(primal));
    List<String> names = Corpus.parameterNames(gradient);
    List<Integer> result = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      if (hasAccessor(holder, names.get(i))) {
        result.add(i);
      }
    }
    return result;
  }

  /** The arguments with flat input {@code k} (over the differentiated ones) moved by {@code h}. */
  private static Object[] nudge(Object[] primal, List<Integer> differentiated, int k, double h) {
    Object[] args = Corpus.copy(primal);
    int offset = 0;
    for (int i : differentiated) {
      if (args[i] instanceof Double d) {
        if (offset == k) {
          args[i] = d + h;
          return args;
        }
        offset++;
      } else if (args[i] instanceof double[] a) {
        if (k < offset + a.length) {
          a[k - offset] += h;
          return args;
        }
        offset += a.length;
      }
    }
    return args;
  }

  private static double[] flatGradient(Method hessian, Object[] args) throws Exception {
    Method hvp = null;
    for (Method m : hessian.getDeclaringClass().getMethods()) {
      if (m.getName().equals(hessian.getName() + "VectorProduct")
          && m.getParameterCount() == args.length + 1) {
        hvp = m;
      }
    }
    Object[] withDirection = new Object[args.length + 1];
    System.arraycopy(args, 0, withDirection, 0, args.length);
    Object probe = hessian.invoke(null, Corpus.copy(args));
    int n = ((double[]) probe.getClass().getMethod("gradient").invoke(probe)).length;
    withDirection[args.length] = new double[n];
    try {
      Object holder = hvp.invoke(null, withDirection);
      return (double[]) holder.getClass().getMethod("gradient").invoke(holder);
    } catch (InvocationTargetException e) {
      return null;
    }
  }
}
