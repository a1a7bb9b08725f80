package io.osop.temporal.starter.dev;

import io.osop.temporal.activities.examples.ExampleTables;
import io.osop.temporal.pipeline.PipelineDefinition;
import io.osop.temporal.worker.Backends;
import io.osop.temporal.worker.WorkerComponents;
import io.osop.temporal.worker.config.InvalidConfigException;
import io.osop.temporal.worker.config.WorkerConfig;
import io.osop.temporal.worker.config.WorkerConfig.Backend;
import io.osop.temporal.worker.config.WorkerConfig.BackendSettings;
import io.osop.temporal.worker.config.WorkerConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a dev run needs before Temporal starts: the workspace, the feature store (generated
 * the first time for the bundled example), and the worker's local backends.
 *
 * @param workdir absolute workspace folder: the object store, registry and serving state live in it
 * @param featureStore absolute root of the local feature store
 * @param config the worker configuration the embedded worker runs with
 * @param components the workflow and activity implementations built from it
 */
record DevSetup(Path workdir, Path featureStore, WorkerConfig config, WorkerComponents components) {

  /** The embedded server ignores the address; the configuration loader requires one. */
  private static final String EMBEDDED_ADDRESS = "in-process:7233";

  /** A workspace, feature store or configuration problem, said in one sentence. */
  static final class SetupException extends Exception {
    SetupException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static DevSetup prepare(
      PipelineDefinition definition, Path workdir, Path featureStore, Path configFile)
      throws SetupException {
    Path work = workdir.toAbsolutePath().normalize();
    Path features =
        featureStore != null
            ? featureStore.toAbsolutePath().normalize()
            : Path.of(definition.baseDirectory()).resolve("feature-store");
    try {
      Files.createDirectories(work);
      if (featureStore == null) {
        ExampleTables.ensureGenerated(features);
      }
    } catch (IOException e) {
      throw new SetupException(
          "Cannot prepare the workspace " + work + ": " + IoErrors.describe(e), e);
    }
    if (!Files.isDirectory(features)) {
      throw new SetupException("The feature store folder does not exist: " + features, null);
    }

    WorkerConfig config = localConfig(configFile, work, features);
    try {
      return new DevSetup(work, features, config, Backends.create(config));
    } catch (InvalidConfigException e) {
      throw new SetupException(e.getMessage(), e);
    }
  }

  private static WorkerConfig localConfig(Path configFile, Path work, Path features)
      throws SetupException {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putIfAbsent("TEMPORAL_ADDRESS", EMBEDDED_ADDRESS);
    WorkerConfig loaded;
    try {
      loaded = WorkerConfigLoader.load(configFile, env);
    } catch (InvalidConfigException e) {
      throw new SetupException(e.getMessage(), e);
    }
    BackendSettings b = loaded.backends();
    BackendSettings local =
        new BackendSettings(
            withSetting(b.objectStore(), "root", work.resolve("store")),
            withSetting(b.featureStore(), "root", features),
            withSetting(b.training(), "scratch", work.resolve("scratch")),
            b.serving(),
            b.traffic(),
            b.metrics());
    return new WorkerConfig(
        "starter dev" + (configFile == null ? "" : " with " + configFile),
        loaded.temporal(),
        local,
        loaded.limits(),
        loaded.activityDefaults(),
        loaded.httpHost(),
        loaded.httpPort(),
        loaded.shutdownGrace());
  }

  /** Points a local backend at a folder of the workspace unless the configuration chose one. */
  private static Backend withSetting(Backend backend, String key, Path folder) {
    if (!"local".equals(backend.type()) || backend.settings().containsKey(key)) {
      return backend;
    }
    Map<String, Object> settings = new LinkedHashMap<>(backend.settings());
    settings.put(key, folder.toString());
    return new Backend(backend.type(), settings);
  }
}
