package io.osop.temporal.osop;

/**
 * Where a pipeline element or finding comes from: a 1-based line and column in a file, or a {@code
 * --set} override given on the command line.
 *
 * @param file the file's path as the user gave it
 * @param line 1-based line, 0 for a position that is not in the file
 * @param column 1-based column in code points, 0 for a position that is not in the file
 * @param override the {@code --set NODE.KEY=VALUE} text when the value came from the command line,
 *     else null
 */
public record SourcePosition(String file, int line, int column, String override) {

  /** A position in the file. */
  public static SourcePosition of(String file, int line, int column) {
    return new SourcePosition(file, line, column, null);
  }

  /** A position that names a command-line override instead of a place in the file. */
  public static SourcePosition ofOverride(String file, String override) {
    return new SourcePosition(file, 0, 0, override);
  }

  /** Whether this position names a {@code --set} override rather than a place in the file. */
  public boolean isOverride() {
    return override != null;
  }

  /** The same place shifted right by {@code columns} on its line (no-op for overrides). */
  public SourcePosition plusColumns(int columns) {
    return isOverride() ? this : new SourcePosition(file, line, column + columns, null);
  }

  /** {@code FILE:LINE:COL}, or {@code FILE: --set NODE.KEY=VALUE} for an override. */
  @Override
  public String toString() {
    return isOverride() ? file + ": --set " + override : file + ":" + line + ":" + column;
  }
}
