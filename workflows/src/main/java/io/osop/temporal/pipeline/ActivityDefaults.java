package io.osop.temporal.pipeline;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Timeouts and retry settings the interpreter gives each handler's activities unless the node's
 * OSOP {@code retry_policy} or {@code timeout_sec} says otherwise. The worker builds one from its
 * configuration and passes it to {@link PipelineWorkflowImpl}.
 *
 * @param handlers settings for each handler's calls; every handler must be present
 * @param compensation settings for saga compensations (restore, stop, move back)
 */
public record ActivityDefaults(Map<Handler, Settings> handlers, Settings compensation) {

  /** Validates and copies the settings. */
  public ActivityDefaults {
    Objects.requireNonNull(compensation, "compensation");
    EnumMap<Handler, Settings> copy = new EnumMap<>(Handler.class);
    copy.putAll(handlers);
    for (Handler handler : Handler.values()) {
      if (!copy.containsKey(handler)) {
        throw new IllegalArgumentException("No activity settings for handler " + handler.id());
      }
    }
    handlers = Map.copyOf(copy);
  }

  /** The settings of one handler's calls. */
  public Settings forHandler(Handler handler) {
    return handlers.get(handler);
  }

  /** Returns a copy with one handler's settings replaced. */
  public ActivityDefaults with(Handler handler, Settings settings) {
    EnumMap<Handler, Settings> copy = new EnumMap<>(handlers);
    copy.put(handler, settings);
    return new ActivityDefaults(copy, compensation);
  }

  /**
   * The built-in defaults: training runs up to 6 h and heartbeats every 2 min at the latest; data
   * preparation and evaluation up to 30 min; traffic, serving and registry calls a few minutes.
   */
  public static ActivityDefaults builtIn() {
    EnumMap<Handler, Settings> handlers = new EnumMap<>(Handler.class);
    handlers.put(Handler.PREPARE_DATA, Settings.of(Duration.ofMinutes(30), null, 3));
    handlers.put(Handler.RUN_COMMAND, Settings.of(Duration.ofHours(6), Duration.ofMinutes(2), 3));
    handlers.put(Handler.EVALUATE, Settings.of(Duration.ofMinutes(30), null, 3));
    handlers.put(Handler.SHADOW_AB_TEST, Settings.of(Duration.ofMinutes(5), null, 5));
    handlers.put(Handler.DEPLOY_SERVING, Settings.of(Duration.ofMinutes(10), null, 5));
    handlers.put(Handler.ROLLBACK, Settings.of(Duration.ofMinutes(5), null, 5));
    return new ActivityDefaults(handlers, Settings.of(Duration.ofMinutes(5), null, 5));
  }

  /**
   * Timeouts and retries of one kind of call.
   *
   * @param startToClose the longest one attempt may run
   * @param heartbeat the longest gap between heartbeats, or null when the call does not heartbeat
   * @param maximumAttempts attempts including the first; 0 means unlimited
   * @param initialInterval delay before the first retry
   * @param backoffCoefficient growth of the delay between retries
   * @param maximumInterval the longest delay between retries
   */
  public record Settings(
      Duration startToClose,
      Duration heartbeat,
      int maximumAttempts,
      Duration initialInterval,
      double backoffCoefficient,
      Duration maximumInterval) {

    /** Validates the settings. */
    public Settings {
      Objects.requireNonNull(startToClose, "startToClose");
      Objects.requireNonNull(initialInterval, "initialInterval");
      Objects.requireNonNull(maximumInterval, "maximumInterval");
      if (maximumAttempts < 0) {
        throw new IllegalArgumentException("maximumAttempts must not be negative");
      }
      if (backoffCoefficient < 1.0) {
        throw new IllegalArgumentException("backoffCoefficient must be at least 1");
      }
    }

    /** Settings with a 10 s first retry delay doubling up to 5 min. */
    public static Settings of(Duration startToClose, Duration heartbeat, int maximumAttempts) {
      return new Settings(
          startToClose,
          heartbeat,
          maximumAttempts,
          Duration.ofSeconds(10),
          2.0,
          Duration.ofMinutes(5));
    }
  }
}
