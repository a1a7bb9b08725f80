package io.osop.temporal.osop;

/**
 * One problem found in a pipeline file, with the place it refers to.
 *
 * @param severity error or warning
 * @param position where in the file (or which {@code --set}) the problem is
 * @param message what is wrong and, where possible, how to fix it
 */
public record Finding(Severity severity, SourcePosition position, String message) {

  /** An error at {@code position}. */
  public static Finding error(SourcePosition position, String message) {
    return new Finding(Severity.ERROR, position, message);
  }

  /** A warning at {@code position}. */
  public static Finding warning(SourcePosition position, String message) {
    return new Finding(Severity.WARNING, position, message);
  }

  /** Whether this finding is an error. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The one-line form {@code FILE:LINE:COL: error|warning: MESSAGE}. */
  @Override
  public String toString() {
    return position + ": " + severity.label() + ": " + message;
  }
}
