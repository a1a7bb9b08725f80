package io.osop.temporal.activities.training;

import io.osop.temporal.activities.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables a command gets (see docs/local-backends.md): where the split files are
 * on this machine, where to write the model and metrics, and which run and attempt it is. Splits
 * are used in place when the store keeps local files and copied into the scratch folder otherwise.
 */
final class TrainingEnvironment {

  /** Split files a dataset folder holds. */
  static final List<String> DATASET_FILES =
      List.of("train.csv", "val.csv", "test.csv", "manifest.json");

  private TrainingEnvironment() {}

  /** Returns the local folder holding the dataset's files, staging them when needed. */
  static Path localDataset(ObjectStore store, String datasetUri, Path scratch) throws IOException {
    String prefix = store.key(datasetUri);
    if (!prefix.endsWith("/")) {
      prefix = prefix + "/";
    }
    Optional<Path> local = store.localPath(prefix + "manifest.json");
    if (local.isPresent() && Files.exists(local.get())) {
      return local.get().getParent();
    }
    Path folder = Files.createDirectories(scratch.resolve("data"));
    for (String name : DATASET_FILES) {
      if (store.stat(prefix + name).isEmpty()) {
        continue;
      }
      try (InputStream in = store.open(prefix + name)) {
        Files.copy(in, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return folder;
  }

  /** Builds the command's variables; the OSOP ones override any of the node's own. */
  static Map<String, String> variables(
      Map<String, String> nodeEnv,
      Path dataDir,
      String datasetUri,
      Path modelPath,
      Path metricsPath,
      String modelUri,
      String workflowId,
      String nodeId,
      int attempt) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PYTHONUNBUFFERED", "1");
    if (nodeEnv != null) {
      env.putAll(nodeEnv);
    }
    if (dataDir != null) {
      env.put("OSOP_DATA_DIR", dataDir.toString());
      env.put("OSOP_TRAIN", dataDir.resolve("train.csv").toString());
      env.put("OSOP_VAL", dataDir.resolve("val.csv").toString());
      env.put("OSOP_TEST", dataDir.resolve("test.csv").toString());
      env.put("OSOP_MANIFEST", dataDir.resolve("manifest.json").toString());
      env.put("OSOP_DATA_URI", datasetUri);
    }
    env.put("OSOP_MODEL_PATH", modelPath.toString());
    env.put("OSOP_METRICS_PATH", metricsPath.toString());
    env.put("OSOP_MODEL_URI", modelUri);
    env.put("OSOP_RUN_ID", workflowId);
    env.put("OSOP_NODE_ID", nodeId);
    env.put("OSOP_ATTEMPT", Integer.toString(attempt));
    return env;
  }
}
