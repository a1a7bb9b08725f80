package io.osop.temporal.worker.config;

import io.osop.temporal.pipeline.ActivityDefaults;
import io.osop.temporal.pipeline.ActivityDefaults.Settings;
import io.osop.temporal.pipeline.Handler;
import io.osop.temporal.worker.config.WorkerConfig.BackendSettings;
import io.osop.temporal.worker.config.WorkerConfig.TemporalSettings;
import io.osop.temporal.worker.config.WorkerConfig.TlsSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the worker configuration from an optional YAML file with environment variables laid over
 * it, and validates all of it at once: a bad configuration yields every problem, one line each.
 */
public final class WorkerConfigLoader {
  /** The workflow task queue when the configuration names none. */
  public static final String DEFAULT_TASK_QUEUE = "osop-pipelines";

  private WorkerConfigLoader() {}

  /**
   * Loads and validates the configuration.
   *
   * @param file the YAML file, or null to use defaults and the environment only
   * @param env the environment (System.getenv() in production)
   */
  public static WorkerConfig load(Path file, Map<String, String> env)
      throws InvalidConfigException {
    String source = file == null ? "environment" : file.toString();
    List<String> problems = new ArrayList<>();
    Map<String, Object> raw = file == null ? new LinkedHashMap<>() : readYaml(file, problems);
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(prefixed(source, problems));
    }
    EnvironmentOverrides.apply(raw, env);

    ConfigSection root = new ConfigSection("", raw, problems);
    TemporalSettings temporal = temporal(root.section("temporal"));
    BackendSettings backends = backends(root.section("backends"));
    Map<Handler, Integer> limits = limits(root.section("limits"));
    ActivityDefaults defaults = activityDefaults(root.section("activity_defaults"));
    ConfigSection http = root.section("http");
    String host = http.string("host", "0.0.0.0");
    int port = http.integer("port", 8080, 0, 65535);
    http.rejectUnread();
    ConfigSection shutdown = root.section("shutdown");
    Duration grace = shutdown.duration("grace_period", Duration.ofSeconds(30));
    shutdown.rejectUnread();
    root.rejectUnread();

    if (!problems.isEmpty()) {
      throw new InvalidConfigException(prefixed(source, problems));
    }
    return new WorkerConfig(source, temporal, backends, limits, defaults, host, port, grace);
  }

  private static Map<String, Object> readYaml(Path file, List<String> problems) {
    if (!Files.isRegularFile(file)) {
      problems.add("file not found");
      return Map.of();
    }
    try (Reader reader = Files.newBufferedReader(file)) {
      Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
      if (document == null) {
        return new LinkedHashMap<>();
      }
      if (!(document instanceof Map<?, ?> map)) {
        problems.add("the document must be a mapping of sections");
        return Map.of();
      }
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), v));
      return copy;
    } catch (YAMLException e) {
      problems.add("not valid YAML: " + e.getMessage().replace('\n', ' '));
    } catch (IOException e) {
      problems.add("cannot be read: " + e.getMessage());
    }
    return Map.of();
  }

  private static List<String> prefixed(String source, List<String> problems) {
    return problems.stream().map(p -> source + ": " + p).toList();
  }

  private static TemporalSettings temporal(ConfigSection section) {
    String address = section.string("address", null);
    if (address == null) {
      section.problem(
          "address", "required: the Temporal frontend as host:port (or TEMPORAL_ADDRESS)");
    } else if (!address.matches("[^\\s:/]+:\\d{1,5}")) {
      section.problem("address", "must be host:port, got '" + address + "'");
    }
    String namespace = section.string("namespace", "default");
    String taskQueue = section.string("task_queue", DEFAULT_TASK_QUEUE);
    String apiKey = section.string("api_key", null);
    String sticky = section.string("sticky_execution", "true");
    if (!sticky.equals("true") && !sticky.equals("false")) {
      section.problem("sticky_execution", "must be true or false, got '" + sticky + "'");
    }
    ConfigSection tlsSection = section.section("tls");
    TlsSettings tls = tls(tlsSection);
    tlsSection.rejectUnread();
    section.rejectUnread();
    return new TemporalSettings(
        address, namespace, taskQueue, tls, apiKey, !sticky.equals("false"));
  }

  private static TlsSettings tls(ConfigSection section) {
    Path cert = readableFile(section, "client_cert");
    Path key = readableFile(section, "client_key");
    Path ca = readableFile(section, "ca");
    String serverName = section.string("server_name", null);
    if (section.has("client_cert") != section.has("client_key")) {
      section.problem(
          section.has("client_cert") ? "client_key" : "client_cert",
          "client_cert and client_key must be given together");
    }
    if (!section.has("client_cert") && !section.has("ca") && serverName == null) {
      return null;
    }
    return new TlsSettings(cert, key, ca, serverName);
  }

  private static Path readableFile(ConfigSection section, String name) {
    String value = section.string(name, null);
    if (value == null) {
      return null;
    }
    Path path = Path.of(value);
    if (!Files.isRegularFile(path)) {
      section.problem(name, "file does not exist: " + path);
    } else if (!Files.isReadable(path)) {
      section.problem(name, "file is not readable: " + path);
    }
    return path;
  }

  private static BackendSettings backends(ConfigSection section) {
    BackendSettings settings =
        new BackendSettings(
            BackendSpecs.read(section, "object_store"),
            BackendSpecs.read(section, "feature_store"),
            BackendSpecs.read(section, "training"),
            BackendSpecs.read(section, "serving"),
            BackendSpecs.read(section, "traffic"),
            BackendSpecs.read(section, "metrics"));
    section.rejectUnread();
    return settings;
  }

  private static Map<Handler, Integer> limits(ConfigSection section) {
    Map<Handler, Integer> limits = new EnumMap<>(HandlerTables.DEFAULT_LIMITS);
    for (String name : section.keys()) {
      Handler handler = handler(section, name);
      if (handler == null) {
        continue;
      }
      if (handler == Handler.ROLLBACK) {
        section.problem(name, "rollback has no activities of its own; limit the other handlers");
        section.raw(name);
        continue;
      }
      limits.put(handler, section.integer(name, limits.get(handler), 1, 10_000));
    }
    return limits;
  }

  private static ActivityDefaults activityDefaults(ConfigSection section) {
    ActivityDefaults defaults = ActivityDefaults.builtIn();
    Settings compensation = defaults.compensation();
    for (String name : section.keys()) {
      if (name.equals("compensation")) {
        compensation = settings(section.section(name), compensation);
        continue;
      }
      Handler handler = handler(section, name);
      if (handler != null) {
        defaults =
            defaults.with(handler, settings(section.section(name), defaults.forHandler(handler)));
      }
    }
    return new ActivityDefaults(defaults.handlers(), compensation);
  }

  private static Settings settings(ConfigSection entry, Settings base) {
    Settings settings =
        new Settings(
            entry.duration("start_to_close", base.startToClose()),
            entry.duration("heartbeat", base.heartbeat()),
            entry.integer("maximum_attempts", base.maximumAttempts(), 0, 1000),
            entry.duration("initial_interval", base.initialInterval()),
            entry.decimal("backoff_coefficient", base.backoffCoefficient(), 1.0),
            entry.duration("maximum_interval", base.maximumInterval()));
    entry.rejectUnread();
    return settings;
  }

  /** Resolves a handler key; {@code run_command} (from the environment) reads as run-command. */
  private static Handler handler(ConfigSection section, String name) {
    String id = name.toLowerCase(Locale.ROOT).replace('_', '-');
    for (Handler handler : Handler.values()) {
      if (handler.id().equals(id)) {
        return handler;
      }
    }
    section.raw(name);
    List<String> ids = new ArrayList<>();
    for (Handler handler : Handler.values()) {
      ids.add(handler.id());
    }
    section.problem(
        name, "unknown handler; choose one of " + String.join(", ", ids) + extra(section));
    return null;
  }

  private static String extra(ConfigSection section) {
    return section.path().equals("activity_defaults") ? ", compensation" : "";
  }
}
