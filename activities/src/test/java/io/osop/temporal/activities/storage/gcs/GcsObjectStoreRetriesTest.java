package io.osop.temporal.activities.storage.gcs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osop.temporal.activities.storage.ObjectExistsException;
import io.osop.temporal.activities.storage.ObjectStore;
import io.osop.temporal.activities.storage.ObjectWrites;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

class GcsObjectStoreRetriesTest {

  private final FakeGcsBucket bucket = new FakeGcsBucket();
  private final GcsObjectStore store =
      new GcsObjectStore(GcsSettings.of("models-bucket", "runs"), bucket);

  @Test
  void aWriteThatFailsHalfWayLeavesNoObjectAtAll() throws IOException {
    bucket.failNextUploadAfter(1000);
    byte[] data = new byte[5000];

    assertThatThrownBy(() -> writeInPieces("data/train.csv", data)).isInstanceOf(IOException.class);

    assertThat(bucket.names()).isEmpty();
    assertThat(store.stat("data/train.csv")).isEmpty();
    assertThat(store.list("")).isEmpty();
  }

  @Test
  void aWriterThatFailsHalfWayAbortsTheUploadAndNothingIsComposed() {
    assertThatThrownBy(
            () ->
                ObjectWrites.create(
                    store,
                    "data/test.csv",
                    out -> {
                      out.write(new byte[4096]);
                      throw new IOException("source table ended early");
                    }))
        .hasMessage("source table ended early");

    assertThat(bucket.names()).isEmpty();
    assertThat(bucket.composeCalls).isZero();
  }

  @Test
  void anUploadIsInvisibleUnderItsKeyUntilTheStreamCloses() throws IOException {
    OutputStream out = store.create("data/val.csv");
    out.write("a,b\n1,2\n".getBytes(UTF_8));

    assertThat(store.stat("data/val.csv")).isEmpty();
    assertThat(store.list("data/")).isEmpty();

    out.close();
    assertThat(store.read("data/val.csv")).asString(UTF_8).isEqualTo("a,b\n1,2\n");
  }

  @Test
  void aRetriedCreateAfterALostResponseSucceedsWithoutADuplicate() throws IOException {
    byte[] model = "onnx model bytes".getBytes(UTF_8);
    bucket.loseNextComposeResponse();

    assertThatThrownBy(() -> store.write("models/v1/model.onnx", model))
        .isInstanceOf(IOException.class);
    store.write("models/v1/model.onnx", model);

    assertThat(bucket.names()).containsExactly("runs/models/v1/model.onnx");
    assertThat(store.read("models/v1/model.onnx")).isEqualTo(model);
    assertThat(bucket.composeCalls).isEqualTo(2);
  }

  @Test
  void aCreateOverDifferentContentIsRefusedAndLeavesTheObjectAlone() throws IOException {
    store.write("models/v1/model.onnx", "first".getBytes(UTF_8));

    assertThatThrownBy(() -> store.write("models/v1/model.onnx", "second".getBytes(UTF_8)))
        .isInstanceOf(ObjectExistsException.class)
        .hasMessageContaining("models/v1/model.onnx");

    assertThat(store.read("models/v1/model.onnx")).asString(UTF_8).isEqualTo("first");
    assertThat(bucket.names()).containsExactly("runs/models/v1/model.onnx");
  }

  @Test
  void replaceMovesAPointerOnlyFromTheExpectedGeneration() throws IOException {
    assertThat(store.replace("models/production/latest", "v1".getBytes(UTF_8), 0)).isTrue();
    long generation = store.stat("models/production/latest").orElseThrow().generation();

    assertThat(store.replace("models/production/latest", "v2".getBytes(UTF_8), 0)).isFalse();
    assertThat(store.replace("models/production/latest", "v2".getBytes(UTF_8), generation))
        .isTrue();
    assertThat(store.read("models/production/latest")).asString(UTF_8).isEqualTo("v2");
  }

  @Test
  void aRetriedReplaceAfterALostResponseReportsItsOwnWrite() throws IOException {
    bucket.loseNextWriteResponse();

    assertThatThrownBy(() -> store.replace("models/production/latest", "v1".getBytes(UTF_8), 0))
        .isInstanceOf(IOException.class);

    assertThat(store.replace("models/production/latest", "v1".getBytes(UTF_8), 0)).isTrue();
    assertThat(store.replace("models/production/latest", "v9".getBytes(UTF_8), 0)).isFalse();
  }

  @Test
  void urisAndKeysRoundTripUnderThePrefix() {
    ObjectStore s = store;
    assertThat(s.uri("a/b.csv")).isEqualTo("gs://models-bucket/runs/a/b.csv");
    assertThat(s.key("gs://models-bucket/runs/a/b.csv")).isEqualTo("a/b.csv");
    assertThatThrownBy(() -> s.key("gs://other/runs/a")).hasMessageContaining("gs://other/runs/a");
    assertThatThrownBy(() -> s.uri("../escape")).hasMessageContaining("../escape");
  }

  private void writeInPieces(String key, byte[] data) throws IOException {
    try (OutputStream out = store.create(key)) {
      for (int i = 0; i < data.length; i += 500) {
        out.write(data, i, Math.min(500, data.length - i));
      }
    }
  }
}
