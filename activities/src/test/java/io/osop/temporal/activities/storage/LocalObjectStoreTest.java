package io.osop.temporal.activities.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osop.temporal.activities.storage.ObjectStore.ObjectInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalObjectStoreTest {

  @TempDir Path root;

  @Test
  void objectIsInvisibleUntilTheStreamCloses() throws IOException {
    LocalObjectStore store = new LocalObjectStore(root);

    OutputStream out = store.create("runs/a/data.csv");
    out.write("half".getBytes(UTF_8));

    assertThat(store.stat("runs/a/data.csv")).isEmpty();
    assertThat(store.list("runs/")).isEmpty();
    out.write(" and the rest".getBytes(UTF_8));
    out.close();
    assertThat(new String(store.read("runs/a/data.csv"), UTF_8)).isEqualTo("half and the rest");
    assertThat(store.list("runs/")).extracting(ObjectInfo::key).containsExactly("runs/a/data.csv");
  }

  @Test
  void failedWriterLeavesNothingBehind() throws IOException {
    LocalObjectStore store = new LocalObjectStore(root);

    assertThatThrownBy(
            () ->
                ObjectWrites.create(
                    store,
                    "runs/a/part.csv",
                    out -> {
                      out.write("partial".getBytes(UTF_8));
                      throw new IOException("source broke");
                    }))
        .hasMessage("source broke");

    assertThat(store.stat("runs/a/part.csv")).isEmpty();
    try (var files = Files.list(root.resolve("runs/a"))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void creatingTheSameBytesAgainSucceedsButDifferentBytesAreRefused() throws IOException {
    LocalObjectStore store = new LocalObjectStore(root);
    store.write("models/m.onnx", new byte[] {1, 2, 3});

    store.write("models/m.onnx", new byte[] {1, 2, 3});

    assertThatThrownBy(() -> store.write("models/m.onnx", new byte[] {9}))
        .isInstanceOf(ObjectExistsException.class)
        .hasMessageContaining("models/m.onnx");
    assertThat(store.read("models/m.onnx")).containsExactly(1, 2, 3);
    assertThat(store.list("models/")).hasSize(1);
  }

  @Test
  void concurrentCreatorsNeverClobberEachOther() throws Exception {
    LocalObjectStore store = new LocalObjectStore(root);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Boolean>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        byte[] bytes = ("writer-" + i).getBytes(UTF_8);
        Callable<Boolean> writer =
            () -> {
              try {
                store.write("race/object", bytes);
                return true;
              } catch (ObjectExistsException e) {
                return false;
              }
            };
        results.add(pool.submit(writer));
      }
      int winners = 0;
      for (Future<Boolean> result : results) {
        winners += result.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(new String(store.read("race/object"), UTF_8)).startsWith("writer-");
  }

  @Test
  void replaceIsCompareAndSwapOnTheGeneration() throws IOException {
    LocalObjectStore store = new LocalObjectStore(root);

    assertThat(store.replace("p/latest", "v1".getBytes(UTF_8), 5)).isFalse();
    assertThat(store.replace("p/latest", "v1".getBytes(UTF_8), 0)).isTrue();
    long first = store.stat("p/latest").orElseThrow().generation();
    assertThat(store.replace("p/latest", "v2".getBytes(UTF_8), 0)).isFalse();
    assertThat(store.replace("p/latest", "v2".getBytes(UTF_8), first)).isTrue();
    long second = store.stat("p/latest").orElseThrow().generation();
    assertThat(second).isGreaterThan(first);
    assertThat(store.replace("p/latest", "v3".getBytes(UTF_8), first)).isFalse();
    assertThat(store.replace("p/latest", "v3".getBytes(UTF_8), second)).isTrue();

    assertThat(new String(store.read("p/latest"), UTF_8)).isEqualTo("v3");
    assertThat(store.list("p/")).extracting(ObjectInfo::key).containsExactly("p/latest");
  }

  @Test
  void concurrentReplacesFromOneGenerationHaveOneWinner() throws Exception {
    LocalObjectStore store = new LocalObjectStore(root);
    store.replace("p/latest", "v0".getBytes(UTF_8), 0);
    long generation = store.stat("p/latest").orElseThrow().generation();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Boolean>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        byte[] bytes = ("v" + (i + 1)).getBytes(UTF_8);
        results.add(pool.submit(() -> store.replace("p/latest", bytes, generation)));
      }
      int winners = 0;
      for (Future<Boolean> result : results) {
        winners += result.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void statReportsSizeAndCrc32cAsGcsDoes() throws IOException {
    LocalObjectStore store = new LocalObjectStore(root);
    byte[] bytes = "hello crc".getBytes(UTF_8);
    store.write("a/b.txt", bytes);
    CRC32C crc = new CRC32C();
    crc.update(bytes);

    ObjectInfo info = store.stat("a/b.txt").orElseThrow();

    assertThat(info.size()).isEqualTo(bytes.length);
    assertThat(info.crc32c()).isEqualTo(LocalObjectStore.encodeCrc32c(crc.getValue()));
    assertThat(info.generation()).isPositive();
  }

  @Test
  void urisAndKeysRoundTripAndLocalPathsPointIntoTheRoot() throws IOException {
    LocalObjectStore store = new LocalObjectStore(root.resolve("with space"));

    String uri = store.uri("runs/wf-1/prepare_data/");

    assertThat(uri).startsWith("file:///").endsWith("/runs/wf-1/prepare_data/");
    assertThat(store.key(uri)).isEqualTo("runs/wf-1/prepare_data/");
    assertThat(store.key(store.uri("a/b.csv"))).isEqualTo("a/b.csv");
    assertThat(store.localPath("a/b.csv"))
        .contains(root.resolve("with space").resolve("a/b.csv").toAbsolutePath());
    assertThatThrownBy(() -> store.key("gs://bucket/a")).hasMessageContaining("gs://bucket/a");
    assertThatThrownBy(() -> store.key("file:///elsewhere/a")).hasMessageContaining("outside");
  }

  @Test
  void keysThatCouldEscapeTheRootAreRejected() throws IOException {
    LocalObjectStore store = new LocalObjectStore(root);

    for (String bad : List.of("../x", "a/../../x", "/etc/passwd", "a//b", "a/./b", "", "a\\b")) {
      assertThatThrownBy(() -> store.create(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> store.read("missing/key"))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("missing/key");
  }

  @Test
  void listIsSortedAndFiltersByPrefix() throws IOException {
    LocalObjectStore store = new LocalObjectStore(root);
    store.write("runs/b/2", new byte[] {1});
    store.write("runs/a/1", new byte[] {1});
    store.write("runs/ab/3", new byte[] {1});
    store.write("other/4", new byte[] {1});

    assertThat(store.list("runs/a"))
        .extracting(ObjectInfo::key)
        .containsExactly("runs/a/1", "runs/ab/3");
    assertThat(store.list("runs/"))
        .extracting(ObjectInfo::key)
        .containsExactly("runs/a/1", "runs/ab/3", "runs/b/2");
    assertThat(store.list("nothing/")).isEmpty();
    store.delete("runs/a/1");
    store.delete("runs/a/1");
    assertThat(store.stat("runs/a/1")).isEmpty();
  }
}
