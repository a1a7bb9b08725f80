package io.osop.temporal.activities.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.osop.temporal.activities.serving.ModelRegistry.PointerState;
import io.osop.temporal.activities.storage.LocalObjectStore;
import io.osop.temporal.activities.storage.ObjectExistsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStoreModelRegistryTest {

  @TempDir Path root;
  private LocalObjectStore store;
  private ObjectStoreModelRegistry registry;

  @BeforeEach
  void setUp() throws IOException {
    store = new LocalObjectStore(root.resolve("store"));
    registry = new ObjectStoreModelRegistry(store);
  }

  private String model(String name, byte[] bytes) throws IOException {
    store.write("runs/r/" + name, bytes);
    return store.uri("runs/r/" + name);
  }

  @Test
  void registeringKeepsModelAndLabelsUnderTheVersion() throws IOException {
    String uri = model("a.onnx", new byte[] {1, 2});

    registry.register("v1", uri, Map.of("accuracy", "0.9"));

    assertThat(registry.readModel("v1")).containsExactly(1, 2);
    assertThat(registry.labels("v1")).containsEntry("accuracy", "0.9");
    assertThat(registry.modelUri("v1")).isEqualTo(store.uri("models/versions/v1/model.onnx"));
    assertThat(store.stat("models/versions/v1/labels.json")).isPresent();
  }

  @Test
  void registeringAgainIsANoOpButADifferentModelIsRefused() throws IOException {
    String uri = model("a.onnx", new byte[] {1, 2});
    registry.register("v1", uri, Map.of());

    registry.register("v1", uri, Map.of());

    String other = model("b.onnx", new byte[] {3});
    assertThatThrownBy(() -> registry.register("v1", other, Map.of()))
        .isInstanceOf(ObjectExistsException.class)
        .hasMessageContaining("v1");
  }

  @Test
  void modelsFromTheLocalDiskOutsideTheStoreCanBeRegistered() throws IOException {
    Path file = Files.write(root.resolve("outside.onnx"), new byte[] {7});

    registry.register("v2", file.toUri().toString(), Map.of());

    assertThat(registry.readModel("v2")).containsExactly(7);
  }

  @Test
  void pointerMovesOnlyFromTheExpectedVersionAndKeepsHistory() throws IOException {
    registry.register("v1", model("a.onnx", new byte[] {1}), Map.of());
    registry.register("v2", model("b.onnx", new byte[] {2}), Map.of());

    assertThat(registry.resolve("models/production/latest")).isEmpty();
    assertThat(registry.compareAndSet("models/production/latest", "v9", "v1", "run-1")).isFalse();
    assertThat(registry.compareAndSet("models/production/latest", null, "v1", "run-1")).isTrue();
    assertThat(registry.compareAndSet("production/latest", null, "v2", "run-2")).isFalse();
    assertThat(registry.compareAndSet("production/latest", "v1", "v2", "run-2")).isTrue();

    assertThat(registry.resolve("models/production/latest")).contains("v2");
    assertThat(registry.pointer("models/production/latest"))
        .contains(new PointerState("v2", "v1", "run-2"));
    Map<?, ?> body =
        new ObjectMapper().readValue(store.read("models/production/latest"), Map.class);
    assertThat((List<?>) body.get("history")).hasSize(2);
  }

  @Test
  void pointerCannotNameAnUnregisteredVersion() {
    assertThatThrownBy(() -> registry.compareAndSet("production/latest", null, "ghost", "run"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("ghost");
  }

  @Test
  void nullVersionUnsetsThePointer() throws IOException {
    registry.register("v1", model("a.onnx", new byte[] {1}), Map.of());
    registry.compareAndSet("production/latest", null, "v1", "run-1");

    assertThat(registry.compareAndSet("production/latest", "v1", null, "run-1")).isTrue();

    assertThat(registry.resolve("production/latest")).isEmpty();
    assertThat(registry.pointer("production/latest"))
        .contains(new PointerState(null, "v1", "run-1"));
  }
}
