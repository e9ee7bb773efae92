package dev.fluxion;

/**
 * Small array routines that generated gradient code calls: shaping and clearing the adjoint arrays
 * of gradient holders, adding a seed into an adjoint, and checking arguments for aliasing. Users
 * do not need to call these.
 */
public final class Adjoints {
  private Adjoints() {}

  /**
   * An array shaped like {@code like}: {@code reuse} when it already has that length, else a new
   * one. Its contents are not cleared.
   *
   * @param reuse an array to reuse, or {@code null}
   * @param like the array whose shape to match
   * @return an array of {@code like.length}
   */
  public static double[] shaped(double[] reuse, double[] like) {
    return reuse != null && reuse.length == like.length ? reuse : new double[like.length];
  }

  /**
   * An array of a given length: {@code reuse} when it already has it, else a new one. Contents
   * are not cleared.
   *
   * @param reuse an array to reuse, or {@code null}
   * @param length the length wanted
   * @return an array of that length
   */
  public static double[] ofLength(double[] reuse, int length) {
    return reuse != null && reuse.length == length ? reuse : new double[length];
  }

  /**
   * A matrix shaped like {@code like} (rows of the same lengths), reusing {@code reuse} and its
   * rows where their lengths already match. Contents are not cleared.
   *
   * @param reuse a matrix to reuse, or {@code null}
   * @param like the matrix whose shape to match
   * @return a matrix with {@code like}'s shape
   */
  public static double[][] shaped(double[][] reuse, double[][] like) {
    double[][] out = reuse != null && reuse.length == like.length ? reuse : new double[like.length][];
    for (int i = 0; i < like.length; i++) {
      out[i] = shaped(out[i], like[i]);
    }
    return out;
  }

  /**
   * A copy of an array, for a forward-mode call of a method that writes into its argument: such
   * calls leave the caller's arrays as they were.
   *
   * @param a the array
   * @return a new array with the same contents
   */
  public static double[] copyOf(double[] a) {
    return a.clone();
  }

  /**
   * {@link #copyOf(double[])} for an {@code int} array the method writes into.
   *
   * @param a the array
   * @return a new array with the same contents
   */
  public static int[] copyOf(int[] a) {
    return a.clone();
  }

  /**
   * A deep copy of a matrix (new rows too).
   *
   * @param a the matrix
   * @return a new matrix with the same contents
   */
  public static double[][] copyOf(double[][] a) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
    }
    return out;
  }

  /**
   * Sets every element to 0.
   *
   * @param a the array
   */
  public static void clear(double[] a) {
    java.util.Arrays.fill(a, 0.0);
  }

  /**
   * Sets every element to 0.
   *
   * @param a the matrix
   */
  public static void clear(double[][] a) {
    for (double[] row : a) {
      java.util.Arrays.fill(row, 0.0);
    }
  }

  /**
   * Adds {@code source} into {@code target}, element by element.
   *
   * @param target the array added to
   * @param source the array added
   * @throws IllegalArgumentException if the lengths differ
   */
  public static void addTo(double[] target, double[] source) {
    if (target.length != source.length) {
      throw new IllegalArgumentException("Fluxion: the seed has length " + source.length
          + " but the result has length " + target.length);
    }
    for (int i = 0; i < target.length; i++) {
      target[i] += source[i];
    }
  }

  /**
   * Adds {@code source} into {@code target}, element by element.
   *
   * @param target the matrix added to
   * @param source the matrix added
   * @throws IllegalArgumentException if the shapes differ
   */
  public static void addTo(double[][] target, double[][] source) {
    if (target.length != source.length) {
      throw new IllegalArgumentException("Fluxion: the seed has " + source.length
          + " rows but the result has " + target.length);
    }
    for (int i = 0; i < target.length; i++) {
      addTo(target[i], source[i]);
    }
  }

  /**
   * Rejects the same array passed for two parameters when the method writes one of them: the
   * derivative of such a call is not what either parameter's partial would say.
   *
   * @param a one argument
   * @param aName its parameter's name
   * @param b another argument
   * @param bName its parameter's name
   * @throws IllegalArgumentException if {@code a} and {@code b} are the same array
   */
  public static void requireDistinct(Object a, String aName, Object b, String bName) {
    if (a != null && a == b) {
      throw aliased(aName, bName);
    }
  }

  /**
   * Rejects a vector that is also a row of a matrix, when the method writes one of them.
   *
   * @param a a vector argument
   * @param aName its parameter's name
   * @param b a matrix argument
   * @param bName its parameter's name
   * @throws IllegalArgumentException if {@code a} is one of {@code b}'s rows
   */
  public static void requireDistinct(double[] a, String aName, double[][] b, String bName) {
    if (a != null && b != null) {
      for (double[] row : b) {
        if (row == a) {
          throw aliased(aName, bName);
        }
      }
    }
  }

  /**
   * Rejects a matrix that is also a row's owner of a vector argument (see the other overload).
   *
   * @param a a matrix argument
   * @param aName its parameter's name
   * @param b a vector argument
   * @param bName its parameter's name
   * @throws IllegalArgumentException if {@code b} is one of {@code a}'s rows
   */
  public static void requireDistinct(double[][] a, String aName, double[] b, String bName) {
    requireDistinct(b, bName, a, aName);
  }

  /**
   * Rejects two matrices that are the same or share a row, when the method writes one of them.
   *
   * @param a a matrix argument
   * @param aName its parameter's name
   * @param b another matrix argument
   * @param bName its parameter's name
   * @throws IllegalArgumentException if they are one matrix or share a row
   */
  public static void requireDistinct(double[][] a, String aName, double[][] b, String bName) {
    if (a == null || b == null) {
      return;
    }
    if (a == b) {
      throw aliased(aName, bName);
    }
    java.util.Set<double[]> rows = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (double[] row : a) {
      rows.add(row);
    }
    for (double[] row : b) {
      if (rows.contains(row)) {
        throw aliased(aName, bName);
      }
    }
  }

  /**
   * Checks that an array a differentiable method returned is not one of the arrays it was given
   * (nor, for a matrix argument, one of its rows): reverse mode keeps one adjoint array per array,
   * and a result that is also an argument would need two.
   *
   * @param result the returned array
   * @param argument an array argument of the call
   * @throws IllegalStateException if the result is the argument or one of its rows
   */
  public static void requireFresh(Object result, Object argument) {
    boolean same = result == argument;
    if (!same && argument instanceof double[][] rows) {
      for (double[] row : rows) {
        same |= row == result;
      }
    }
    if (!same && result instanceof double[][] rows) {
      for (double[] row : rows) {
        same |= row == argument;
      }
    }
    if (same) {
      throw new IllegalStateException("Fluxion: a @Differentiable method returned one of the arrays"
          + " it was given (or a row of one), and its caller is being differentiated in reverse"
          + " mode; make the method return a copy");
    }
  }

  private static IllegalArgumentException aliased(String aName, String bName) {
    return new IllegalArgumentException("Fluxion: the same array was passed for parameters '"
        + aName + "' and '" + bName + "' (or a row of one is the other's), and the method writes"
        + " into one of them; pass a copy (for example " + bName + ".clone())");
  }

  /**
   * A new zero array shaped like {@code like}.
   *
   * @param like the array whose shape to copy
   * @return zeros of {@code like.length}
   */
  public static double[] zerosLike(double[] like) {
    return new double[like.length];
  }

  /**
   * A new zero matrix shaped like {@code like}.
   *
   * @param like the matrix whose shape to copy
   * @return zeros with {@code like}'s row lengths
   */
  public static double[][] zerosLike(double[][] like) {
    double[][] out = new double[like.length][];
    for (int i = 0; i < like.length; i++) {
      out[i] = new double[like[i].length];
    }
    return out;
  }

  /**
   * Pushes a copy of an array's contents onto the tape, before a call that may overwrite them.
   *
   * @param tape the tape
   * @param a the array
   */
  public static void save(Tape tape, double[] a) {
    for (double v : a) {
      tape.pushDouble(v);
    }
  }

  /**
   * Pushes a copy of a matrix's contents onto the tape.
   *
   * @param tape the tape
   * @param a the matrix
   */
  public static void save(Tape tape, double[][] a) {
    for (double[] row : a) {
      save(tape, row);
    }
  }

  /**
   * Hands the adjoint of an array on to the array that a recomputed iteration of a checkpointed
   * loop produced in its place: adds {@code carried} into {@code target}, unless they are the same
   * array (the iteration kept the array it started with, whose adjoint is already there).
   *
   * @param target the adjoint array of the array the iteration produced
   * @param carried the adjoint array that the reverse sweep of the next iteration left
   */
  public static void carry(double[] target, double[] carried) {
    if (target != carried) {
      addTo(target, carried);
    }
  }

  /**
   * {@link #carry(double[], double[])} for matrices.
   *
   * @param target the adjoint matrix of the matrix the iteration produced
   * @param carried the adjoint matrix that the reverse sweep of the next iteration left
   */
  public static void carry(double[][] target, double[][] carried) {
    if (target != carried) {
      addTo(target, carried);
    }
  }

  /**
   * Pushes a copy of an {@code int} array's contents onto the tape (the state of a checkpointed
   * loop).
   *
   * @param tape the tape
   * @param a the array
   */
  public static void save(Tape tape, int[] a) {
    for (int v : a) {
      tape.pushInt(v);
    }
  }

  /**
   * Gives an {@code int} array back the contents {@link #save(Tape, int[])} pushed.
   *
   * @param tape the tape
   * @param a the array
   */
  public static void restore(Tape tape, int[] a) {
    for (int i = a.length - 1; i >= 0; i--) {
      a[i] = tape.popInt();
    }
  }

  /**
   * Gives an array back the contents {@link #save(Tape, double[])} pushed.
   *
   * @param tape the tape
   * @param a the array
   */
  public static void restore(Tape tape, double[] a) {
    for (int i = a.length - 1; i >= 0; i--) {
      a[i] = tape.popDouble();
    }
  }

  /**
   * Gives a matrix back the contents {@link #save(Tape, double[][])} pushed.
   *
   * @param tape the tape
   * @param a the matrix
   */
  public static void restore(Tape tape, double[][] a) {
    for (int i = a.length - 1; i >= 0; i--) {
      restore(tape, a[i]);
    }
  }
}
