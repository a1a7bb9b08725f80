package io.osop.temporal.activities.data;

/** Formats values for the comma-separated split files the splitter writes. */
final class CsvText {

  private CsvText() {}

  /** Appends a field, quoted only when it holds a comma, a quote, a line break or edge spaces. */
  static void appendField(StringBuilder out, String value) {
    boolean needsQuotes =
        !value.isEmpty()
            && (value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0
                || value.charAt(0) == ' '
                || value.charAt(value.length() - 1) == ' ');
    if (!needsQuotes) {
      out.append(value);
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }

  /**
   * Whether the text is a plain decimal number ({@code -12}, {@code 3.5}, {@code 1e-3}) that any
   * CSV reader parses as is; Java-only forms such as {@code 0x1p3} or {@code 2d} are not.
   */
  static boolean isPlainNumber(String text) {
    int i = 0;
    int n = text.length();
    if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      i++;
    }
    int digits = 0;
    while (i < n && Character.isDigit(text.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && text.charAt(i) == '.') {
      i++;
      while (i < n && Character.isDigit(text.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
        i++;
      }
      int exponentDigits = 0;
      while (i < n && Character.isDigit(text.charAt(i))) {
        i++;
        exponentDigits++;
      }
      if (exponentDigits == 0) {
        return false;
      }
    }
    return i == n;
  }
}
