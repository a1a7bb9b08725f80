package io.osop.temporal.osop;

/**
 * Maps character offsets in a decoded YAML scalar back to lines and columns in the file, so that an
 * error inside a {@code when} expression points at the character in the file, also for quoted
 * scalars with escapes and for block scalars.
 */
public final class ScalarPositions {

  private final String file;
  private final int[] source;
  private final int startIndex;
  private final int endIndex;
  private final int startLine;
  private final int startColumn;
  private final char style;
  private final String override;
  private int[] lines;
  private int[] columns;

  /**
   * A scalar read from the file.
   *
   * @param file the file name for positions
   * @param source the file's code points
   * @param startIndex code-point index of the scalar's first character (a quote or block indicator
   *     included)
   * @param endIndex code-point index just after the scalar
   * @param startLine 0-based line of {@code startIndex}
   * @param startColumn 0-based column of {@code startIndex}
   * @param style the scalar style: ' ', '\'', '"', '|' or '>'
   */
  ScalarPositions(
      String file,
      int[] source,
      int startIndex,
      int endIndex,
      int startLine,
      int startColumn,
      char style) {
    this.file = file;
    this.source = source;
    this.startIndex = startIndex;
    this.endIndex = endIndex;
    this.startLine = startLine;
    this.startColumn = startColumn;
    this.style = style;
    this.override = null;
  }

  private ScalarPositions(String file, String override) {
    this.file = file;
    this.source = new int[0];
    this.startIndex = 0;
    this.endIndex = 0;
    this.startLine = 0;
    this.startColumn = 0;
    this.style = ' ';
    this.override = override;
  }

  /** Positions for a value that came from a {@code --set} override: every offset maps to it. */
  static ScalarPositions ofOverride(String file, String override) {
    return new ScalarPositions(file, override);
  }

  /** Where the scalar starts (its opening quote or block indicator included). */
  public SourcePosition start() {
    if (override != null) {
      return SourcePosition.ofOverride(file, override);
    }
    return SourcePosition.of(file, startLine + 1, startColumn + 1);
  }

  /** Where the decoded character at {@code offset} was written; clamped to the scalar. */
  public SourcePosition at(int offset) {
    if (override != null) {
      return start();
    }
    if (lines == null) {
      decode();
    }
    if (lines.length == 0) {
      return start();
    }
    int i = Math.max(0, Math.min(offset, lines.length - 1));
    return SourcePosition.of(file, lines[i] + 1, columns[i] + 1);
  }

  /**
   * Walks the raw scalar once and records, for each decoded character, the raw character it came
   * from. Escapes and quote doubling map to their first raw character; a folded line break maps to
   * the break.
   */
  private void decode() {
    Walker w = new Walker();
    switch (style) {
      case '"' -> w.quoted('"');
      case '\'' -> w.quoted('\'');
      case '|', '>' -> w.block();
      default -> w.plain();
    }
    lines = w.lines.toArray();
    columns = w.columns.toArray();
  }

  private final class Walker {
    final IntList lines = new IntList();
    final IntList columns = new IntList();
    int index = startIndex;
    int line = startLine;
    int column = startColumn;

    int peek(int ahead) {
      int i = index + ahead;
      return i < endIndex && i < source.length ? source[i] : -1;
    }

    void advance() {
      if (peek(0) == '\n') {
        line++;
        column = 0;
      } else {
        column++;
      }
      index++;
    }

    void emit() {
      lines.add(line);
      columns.add(column);
    }

    void plain() {
      while (peek(0) >= 0) {
        int c = peek(0);
        if (c == '\r' || c == '\n') {
          foldBreak();
        } else {
          emit();
          advance();
        }
      }
    }

    void quoted(char quote) {
      advance();
      while (peek(0) >= 0) {
        int c = peek(0);
        if (c == quote && quote == '\'' && peek(1) == '\'') {
          emit();
          advance();
          advance();
        } else if (c == quote) {
          return;
        } else if (c == '\\' && quote == '"') {
          escape();
        } else if (c == '\r' || c == '\n') {
          foldBreak();
        } else {
          emit();
          advance();
        }
      }
    }

    void escape() {
      emit();
      advance();
      int c = peek(0);
      int length =
          switch (c) {
            case 'x' -> 3;
            case 'u' -> 5;
            case 'U' -> 9;
            default -> 1;
          };
      if (c == '\n' || c == '\r') {
        lines.removeLast();
        columns.removeLast();
      }
      for (int i = 0; i < length && peek(0) >= 0; i++) {
        advance();
      }
    }

    void foldBreak() {
      emit();
      while (peek(0) == '\r' || peek(0) == '\n' || peek(0) == ' ' || peek(0) == '\t') {
        advance();
      }
    }

    void block() {
      while (peek(0) >= 0 && peek(0) != '\n') {
        advance();
      }
      advance();
      int indent = -1;
      while (peek(0) >= 0) {
        if (indent < 0) {
          indent = leadingSpaces();
        }
        for (int i = 0; i < indent && peek(0) == ' '; i++) {
          advance();
        }
        while (peek(0) >= 0 && peek(0) != '\n' && peek(0) != '\r') {
          emit();
          advance();
        }
        if (peek(0) == '\r') {
          advance();
        }
        if (peek(0) == '\n') {
          emit();
          advance();
        }
      }
    }

    /** Spaces at the start of the current line when it has content, else -1. */
    int leadingSpaces() {
      int spaces = 0;
      while (peek(spaces) == ' ') {
        spaces++;
      }
      int next = peek(spaces);
      return next == '\n' || next == '\r' || next < 0 ? -1 : spaces;
    }
  }

  /** A growable int array, to avoid boxing a position per character. */
  private static final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    void removeLast() {
      if (size > 0) {
        size--;
      }
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }
}
