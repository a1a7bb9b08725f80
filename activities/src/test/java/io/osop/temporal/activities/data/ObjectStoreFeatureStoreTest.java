package io.osop.temporal.activities.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osop.temporal.activities.storage.LocalObjectStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ObjectStoreFeatureStoreTest {

  private ObjectStoreFeatureStore features;

  @BeforeEach
  void setUp() throws IOException, URISyntaxException {
    Path tables = Path.of(getClass().getResource("/tables").toURI());
    features = new ObjectStoreFeatureStore(new LocalObjectStore(tables), "");
  }

  private static List<List<String>> readAll(FeatureTable table) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (List<String> row = table.next(); row != null; row = table.next()) {
      rows.add(row);
    }
    return rows;
  }

  @Test
  void parsesQuotesSpacesCrlfBomAndTheSchemaDelimiter() throws IOException {
    try (FeatureTable table = features.open("feature-store://quoted/v1")) {
      assertThat(table.columns()).containsExactly("id", "size", "color", "grp", "outcome");
      assertThat(table.schema())
          .isEqualTo(
              new TableSchema(
                  "id", "outcome", "yes", List.of("size", "color"), List.of("color"), "grp", ';'));

      assertThat(readAll(table))
          .containsExactly(
              List.of("a1", "1.5", "red", "x", "yes"),
              List.of("a;2", "2.0", "dark \"blue\"", "y", "no"),
              List.of("a3", "3", "two\r\nlines", "x", "yes"),
              List.of("a4", "4", "", "y", "no"));
    }
  }

  @Test
  void readsEveryCsvFileInKeyOrderAndDefaultsFeaturesToTheOtherColumns() throws IOException {
    try (FeatureTable table = features.open("feature-store://multi/v1/")) {
      assertThat(table.schema().features()).containsExactly("x1", "x2");
      assertThat(table.schema().delimiter()).isEqualTo(',');
      assertThat(table.schema().entityKey()).isNull();

      assertThat(readAll(table))
          .containsExactly(List.of("1", "2", "1"), List.of("3", "4", "0"), List.of("5", "6", "1"));
    }
  }

  @Test
  void aRowWithTheWrongFieldCountNamesFileAndLine() throws IOException {
    try (FeatureTable table = features.open("feature-store://badrow/v1")) {
      table.next();
      table.next();

      assertThatThrownBy(table::next)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("badrow/v1/data.csv:4")
          .hasMessageContaining("expected 3 fields")
          .hasMessageContaining("found 2");
    }
  }

  @Test
  void aSchemaNamingAMissingColumnIsRefusedWithTheColumnNamed() {
    assertThatThrownBy(() -> features.open("feature-store://missingcol/v1"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("missingcol/v1/schema.yaml")
        .hasMessageContaining("'height'")
        .hasMessageContaining("data.csv");
  }

  @Test
  void filesWithDifferentHeadersAreRefused() throws IOException {
    try (FeatureTable table = features.open("feature-store://badheader/v1")) {
      table.next();

      assertThatThrownBy(table::next)
          .hasMessageContaining("badheader/v1/part-1.csv:1")
          .hasMessageContaining("differs");
    }
  }

  @Test
  void anUnclosedQuoteNamesTheLineItStartedOn() throws IOException {
    try (FeatureTable table = features.open("feature-store://unclosed/v1")) {
      assertThatThrownBy(table::next)
          .hasMessageContaining("unclosed/v1/data.csv:2")
          .hasMessageContaining("not closed");
    }
  }

  @Test
  void missingTablesAndBadLocationsAreClearErrors() {
    assertThatThrownBy(() -> features.open("feature-store://nothing/v9"))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("nothing/v9");
    assertThatThrownBy(() -> features.open("s3://bucket/table"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("feature-store://name/version");
    assertThatThrownBy(() -> features.open("feature-store://../etc"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
