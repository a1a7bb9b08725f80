package io.osop.temporal.activities.data;

import io.osop.temporal.activities.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One streaming pass over a table's CSV files in order; every file must have the same header, and
 * every row as many fields as the header.
 */
final class CsvFeatureTable implements FeatureTable {

  private final ObjectStore store;
  private final List<String> files;
  private final TableSchema schema;
  private final List<String> columns;
  private int fileIndex;
  private CsvReader reader;

  private CsvFeatureTable(
      ObjectStore store,
      List<String> files,
      TableSchema schema,
      List<String> columns,
      CsvReader reader) {
    this.store = store;
    this.files = files;
    this.schema = schema;
    this.columns = columns;
    this.reader = reader;
  }

  static CsvFeatureTable open(
      ObjectStore store, List<String> files, TableSchema declared, String schemaName)
      throws IOException {
    CsvReader first = reader(store, files.get(0), declared.delimiter());
    try {
      List<String> header = first.next();
      if (header == null) {
        throw new TableFormatException(
            first.source() + ": the file is empty; expected a header line");
      }
      TableSchema schema = SchemaFile.resolve(declared, header, schemaName, first.source());
      return new CsvFeatureTable(store, files, schema, List.copyOf(header), first);
    } catch (IOException | RuntimeException e) {
      first.close();
      throw e;
    }
  }

  private static CsvReader reader(ObjectStore store, String key, char delimiter)
      throws IOException {
    return new CsvReader(
        new InputStreamReader(store.open(key), StandardCharsets.UTF_8), delimiter, store.uri(key));
  }

  @Override
  public TableSchema schema() {
    return schema;
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public List<String> next() throws IOException {
    while (reader != null) {
      List<String> row = reader.next();
      if (row != null) {
        if (row.size() != columns.size()) {
          throw new TableFormatException(
              position()
                  + ": expected "
                  + columns.size()
                  + " fields as in the header, found "
                  + row.size());
        }
        return row;
      }
      reader.close();
      reader = null;
      fileIndex++;
      if (fileIndex < files.size()) {
        openNextFile();
      }
    }
    return null;
  }

  private void openNextFile() throws IOException {
    reader = reader(store, files.get(fileIndex), schema.delimiter());
    List<String> header = reader.next();
    if (header == null) {
      throw new TableFormatException(
          reader.source() + ": the file is empty; expected a header line");
    }
    if (!header.equals(columns)) {
      throw new TableFormatException(
          reader.source()
              + ":1: header "
              + header
              + " differs from the first file's header "
              + columns);
    }
  }

  @Override
  public String position() {
    return reader == null ? "end of table" : reader.source() + ":" + reader.recordLine();
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
      reader = null;
    }
  }
}
