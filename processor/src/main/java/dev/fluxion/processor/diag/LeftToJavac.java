package dev.fluxion.processor.diag;

/**
 * Thrown by a pipeline phase when the method has an error that javac reports itself, such as a
 * path that does not return: annotation processors run before javac checks method bodies. The
 * processor then writes nothing for the method and reports nothing, so the user sees javac's own
 * message alone.
 */
public final class LeftToJavac extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param what the error javac will report, for debugging
   */
  public LeftToJavac(String what) {
    super(what, null, false, false);
  }
}
