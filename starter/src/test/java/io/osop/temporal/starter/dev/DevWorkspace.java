package io.osop.temporal.starter.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads what {@code starter dev} left in a workspace ({@code --workdir}): the object store under
 * {@code store/}, the registry's production pointer and the serving endpoints' state.
 *
 * @param root the workspace folder
 */
record DevWorkspace(Path root) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The object store root. */
  Path store() {
    return root.resolve("store");
  }

  /** The folder of one run's artifacts. */
  Path runFolder(String workflowId) {
    return store().resolve("runs").resolve(workflowId);
  }

  /** The registry pointer {@code models/production/latest}. */
  Path productionPointer() {
    return store().resolve("models/production/latest");
  }

  /** The version the production pointer names. */
  String productionVersion() throws IOException {
    return json(productionPointer()).path("version").asText(null);
  }

  /** The serving state of an endpoint such as {@code models/recommendation/v3}. */
  JsonNode servingState(String endpoint) throws IOException {
    return json(store().resolve("serving").resolve(endpoint).resolve("state.json"));
  }

  /** The name of the revision live on an endpoint, or null when none is. */
  String liveRevision(String endpoint) throws IOException {
    JsonNode live = servingState(endpoint).path("live");
    return live.isNull() || live.isMissingNode() ? null : live.path("name").asText(null);
  }

  /** SHA-256 of every file under a folder, keyed by its path relative to the folder. */
  static Map<String, String> checksums(Path folder) throws IOException {
    Map<String, String> sums = new TreeMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        sums.put(folder.relativize(file).toString(), sha256(file));
      }
    }
    return sums;
  }

  static JsonNode json(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
