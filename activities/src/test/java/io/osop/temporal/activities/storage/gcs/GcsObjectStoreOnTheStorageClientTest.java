package io.osop.temporal.activities.storage.gcs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import io.osop.temporal.activities.storage.ObjectStore.ObjectInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import org.junit.jupiter.api.Test;

/**
 * The store and its adapter on the real client over google-cloud-nio's in-memory fake, which has no
 * compose and no preconditions; those are covered against {@link FakeGcsBucket}.
 */
class GcsObjectStoreOnTheStorageClientTest {

  private final Storage storage = LocalStorageHelper.getOptions().getService();
  private final GcsObjectStore store =
      new GcsObjectStore(GcsSettings.of("feature-bucket", "/store/"), storage);

  @Test
  void readsListsStatsAndDeletesObjectsByKeyUnderThePrefix() throws IOException {
    put("store/tables/adult/v1/part-0.csv", "age,label\n39,0\n");
    put("store/tables/adult/v1/schema.yaml", "label: label\n");
    put("store/.osop-uploads/6f1c", "half");
    put("elsewhere/x", "y");

    assertThat(store.read("tables/adult/v1/part-0.csv")).asString(UTF_8).startsWith("age,label");
    assertThat(store.list("tables/"))
        .extracting(ObjectInfo::key)
        .containsExactly("tables/adult/v1/part-0.csv", "tables/adult/v1/schema.yaml");
    assertThat(store.list("")).hasSize(2);
    ObjectInfo info = store.stat("tables/adult/v1/part-0.csv").orElseThrow();
    assertThat(info.size()).isEqualTo(15);
    assertThat(info.crc32c()).isEqualTo(Crc32c.base64("age,label\n39,0\n".getBytes(UTF_8)));

    store.delete("tables/adult/v1/part-0.csv");
    store.delete("tables/adult/v1/part-0.csv");
    assertThat(store.stat("tables/adult/v1/part-0.csv")).isEmpty();
  }

  @Test
  void uploadsThroughAResumableWriterBecomeObjects() throws IOException {
    GcsBucket bucket = new StorageGcsBucket(storage, "feature-bucket", 256 * 1024);
    try (OutputStream out = Channels.newOutputStream(bucket.upload("store/.osop-uploads/1"))) {
      out.write("streamed".getBytes(UTF_8));
    }

    assertThat(bucket.get("store/.osop-uploads/1").orElseThrow().size()).isEqualTo(8);
    assertThat(bucket.delete("store/.osop-uploads/1")).isTrue();
    assertThat(bucket.get("store/.osop-uploads/1")).isEmpty();
  }

  private void put(String name, String content) {
    storage.create(
        BlobInfo.newBuilder(BlobId.of("feature-bucket", name)).build(), content.getBytes(UTF_8));
  }
}
