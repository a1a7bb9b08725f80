package io.osop.temporal.activities.data;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** One streaming pass over a feature table's rows, header first. */
public interface FeatureTable extends Closeable {

  /** The table's schema. */
  TableSchema schema();

  /** Column names from the header, in file order. */
  List<String> columns();

  /** The next row's values, trimmed and unquoted, in column order; null at the end. */
  List<String> next() throws IOException;

  /** Where the row last returned came from, as {@code file:line}, for error messages. */
  default String position() {
    return "unknown position";
  }
}
