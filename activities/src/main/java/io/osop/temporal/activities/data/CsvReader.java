package io.osop.temporal.activities.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams records from delimited text: double-quoted fields (with {@code ""} for a quote, and
 * delimiters or line breaks inside), spaces around fields trimmed, LF, CRLF or CR line ends, a
 * leading byte order mark skipped and blank lines ignored. Holds one record at a time.
 */
final class CsvReader implements Closeable {

  private static final int EOF = -1;

  private final Reader in;
  private final char delimiter;
  private final String source;
  private final char[] buffer = new char[64 * 1024];
  private final StringBuilder field = new StringBuilder();
  private int position;
  private int limit;
  private long line = 1;
  private long column;
  private long recordLine;
  private boolean started;
  private int expectedFields = 16;

  CsvReader(Reader in, char delimiter, String source) {
    this.in = in;
    this.delimiter = delimiter;
    this.source = source;
  }

  /** The line the last record returned started on. */
  long recordLine() {
    return recordLine;
  }

  /** The source's name, as given. */
  String source() {
    return source;
  }

  /** The next record's fields, or null at the end of the input. */
  List<String> next() throws IOException {
    if (!started) {
      started = true;
      if (peek() == '\uFEFF') {
        read();
        column = 0;
      }
    }
    while (true) {
      int c = peek();
      if (c == EOF) {
        return null;
      }
      recordLine = line;
      List<String> fields = readRecord();
      if (fields.size() == 1 && fields.get(0).isEmpty()) {
        continue; // a blank line
      }
      return fields;
    }
  }

  private List<String> readRecord() throws IOException {
    List<String> fields = new ArrayList<>(expectedFields);
    StringBuilder field = this.field;
    while (true) {
      skipBlanks();
      field.setLength(0);
      int c = peek();
      int end;
      if (c == '"') {
        read();
        readQuoted(field);
        skipBlanks();
        end = read();
        if (end != delimiter && !isLineEnd(end)) {
          throw error("unexpected '" + (char) end + "' after a closing quote");
        }
        fields.add(field.toString());
      } else {
        end = readUnquoted(field);
        fields.add(trimEnd(field));
      }
      if (end != delimiter) {
        finishLine(end);
        expectedFields = Math.max(expectedFields, fields.size());
        return fields;
      }
    }
  }

  private void readQuoted(StringBuilder field) throws IOException {
    long startLine = line;
    while (true) {
      int c = read();
      if (c == EOF) {
        throw new TableFormatException(
            source + ":" + startLine + ": a quoted field is not closed before the end of the file");
      }
      if (c == '"') {
        if (peek() == '"') {
          read();
          field.append('"');
        } else {
          return;
        }
      } else {
        if (c == '\n' || (c == '\r' && peek() != '\n')) {
          line++;
          column = 0;
        }
        field.append((char) c);
      }
    }
  }

  /** Reads up to a delimiter or line end and returns that character (or EOF). */
  private int readUnquoted(StringBuilder field) throws IOException {
    while (true) {
      int c = read();
      if (c == delimiter || isLineEnd(c)) {
        return c;
      }
      field.append((char) c);
    }
  }

  private void finishLine(int end) throws IOException {
    if (end == '\r' && peek() == '\n') {
      read();
    }
    if (end != EOF) {
      line++;
      column = 0;
    }
  }

  private void skipBlanks() throws IOException {
    int c = peek();
    while ((c == ' ' || c == '\t') && c != delimiter) {
      read();
      c = peek();
    }
  }

  private String trimEnd(StringBuilder field) {
    int end = field.length();
    while (end > 0
        && (field.charAt(end - 1) == ' ' || field.charAt(end - 1) == '\t')
        && field.charAt(end - 1) != delimiter) {
      end--;
    }
    return field.substring(0, end);
  }

  private static boolean isLineEnd(int c) {
    return c == '\n' || c == '\r' || c == EOF;
  }

  private TableFormatException error(String message) {
    return new TableFormatException(source + ":" + line + ":" + column + ": " + message);
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return EOF;
    }
    return buffer[position];
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return EOF;
    }
    column++;
    return buffer[position++];
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    while (n == 0) {
      n = in.read(buffer, 0, buffer.length);
    }
    if (n < 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
