package io.osop.temporal.activities.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osop.temporal.activities.storage.LocalObjectStore;
import io.osop.temporal.activities.testing.TestDatasets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLayoutTest {

  @TempDir Path root;
  private LocalObjectStore store;
  private DatasetReader reader;

  @BeforeEach
  void setUp() throws Exception {
    store = new LocalObjectStore(root);
    reader = new DatasetReader(store);
  }

  @Test
  void readsFeaturesLabelsAndGroupsInManifestOrder() throws Exception {
    DatasetManifest manifest = reader.manifest(TestDatasets.copy(store, "tiny", "d"));

    LabelledRows test = reader.split(manifest, "test");

    assertThat(manifest.features()).containsExactly("x1", "x2");
    assertThat(manifest.sensitiveAttribute()).isEqualTo("group");
    assertThat(test.size()).isEqualTo(10);
    assertThat(test.features()[0]).containsExactly(2, 1);
    assertThat(test.labels()[0]).isEqualTo(1);
    assertThat(test.groups()[9]).isEqualTo("B");
  }

  @Test
  void aMalformedCellIsReportedWithFileLineAndColumn() throws Exception {
    DatasetManifest manifest = reader.manifest(TestDatasets.copy(store, "tiny", "d"));
    store.delete("d/test.csv");
    store.write(
        "d/test.csv", "x1,x2,label,group\n1,2,0,A\n1,abc,1,B\n".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> reader.split(manifest, "test"))
        .isInstanceOf(InvalidDatasetException.class)
        .hasMessageEndingWith("d/test.csv:3:2: 'abc' is not a finite number");
  }

  @Test
  void aLabelOtherThanZeroOrOneAndAWrongHeaderAreRefused() throws Exception {
    DatasetManifest manifest = reader.manifest(TestDatasets.copy(store, "tiny", "d"));
    store.delete("d/val.csv");
    store.write("d/val.csv", "x1,x2,label,group\n1,2,2,A\n".getBytes(StandardCharsets.UTF_8));
    store.delete("d/train.csv");
    store.write("d/train.csv", "x2,x1,label,group\n".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> reader.split(manifest, "val"))
        .hasMessageContaining("val.csv:2:3: label must be 0 or 1, found '2'");
    assertThatThrownBy(() -> reader.split(manifest, "train"))
        .hasMessageContaining("train.csv:1: header must be x1,x2,label,group, found x2,x1");
  }
}
