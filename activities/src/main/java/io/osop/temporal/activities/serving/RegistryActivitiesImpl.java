package io.osop.temporal.activities.serving;

import io.osop.temporal.activities.serving.ModelRegistry.PointerState;
import io.osop.temporal.activities.storage.ObjectExistsException;
import io.osop.temporal.pipeline.activity.RegistryActivities;
import io.osop.temporal.pipeline.activity.RunRef;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registry side effects over a {@link ModelRegistry}. Version ids are derived from the run, so a
 * retried registration lands on the same version, and pointer moves remember the mover so that a
 * compensation moves a pointer back only while it still names what this run set.
 */
public final class RegistryActivitiesImpl implements RegistryActivities {

  /** Failure type when a version id already holds a different model. */
  public static final String VERSION_CONFLICT = "ModelVersionConflict";

  /** Failure type when a pointer kept changing under concurrent movers. */
  public static final String POINTER_CONTENDED = "RegistryPointerContended";

  private static final Logger log = LoggerFactory.getLogger(RegistryActivitiesImpl.class);
  private static final int CAS_ATTEMPTS = 5;

  private final ModelRegistry registry;

  /** Creates the activities over a registry. */
  public RegistryActivitiesImpl(ModelRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * The version id for a model registered by a node of a run: the workflow id made path-safe plus a
   * short hash of workflow id and node, the same on every attempt.
   */
  public static String versionFor(RunRef run, String nodeId) {
    String readable = run.workflowId().replaceAll("[^A-Za-z0-9._-]", "-");
    if (readable.length() > 80) {
      readable = readable.substring(0, 80);
    }
    if (readable.startsWith(".")) {
      readable = "v" + readable;
    }
    return readable + "-" + shortHash(run.workflowId() + "/" + nodeId);
  }

  @Override
  public ModelVersion register(RegisterModelRequest request) {
    String version = versionFor(request.run(), request.nodeId());
    try {
      registry.register(version, request.modelUri(), request.labels());
      return new ModelVersion(version, registry.modelUri(version));
    } catch (ObjectExistsException e) {
      throw ApplicationFailure.newNonRetryableFailureWithCause(
          "Version " + version + " already holds a different model: " + e.getMessage(),
          VERSION_CONFLICT,
          e);
    } catch (IOException e) {
      throw Activity.wrap(
          new IOException("registering " + request.modelUri() + " as " + version + " failed", e));
    }
  }

  @Override
  public PointerMove movePointer(MovePointerRequest request) {
    String mover = request.run().workflowId();
    try {
      for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
        Optional<PointerState> state = registry.pointer(request.pointer());
        String current = state.map(PointerState::version).orElse(null);
        if (state.isPresent()
            && Objects.equals(current, request.version())
            && mover.equals(state.get().movedBy())) {
          // An earlier attempt of this activity already moved it.
          return new PointerMove(request.pointer(), state.get().previous(), request.version());
        }
        if (registry.compareAndSet(request.pointer(), current, request.version(), mover)) {
          return new PointerMove(request.pointer(), current, request.version());
        }
      }
    } catch (IOException e) {
      throw Activity.wrap(new IOException("moving pointer " + request.pointer() + " failed", e));
    }
    throw ApplicationFailure.newFailure(
        "Pointer " + request.pointer() + " kept changing under other movers", POINTER_CONTENDED);
  }

  @Override
  public void restorePointer(MovePointerRequest request) {
    String mover = request.run().workflowId();
    try {
      Optional<PointerState> state = registry.pointer(request.pointer());
      if (state.isEmpty()
          || !Objects.equals(state.get().version(), request.version())
          || !mover.equals(state.get().movedBy())) {
        log.info(
            "Pointer no longer names what this run set; left as is. pointer={} expected={}"
                + " actual={}",
            request.pointer(),
            request.version(),
            state.map(PointerState::version).orElse(null));
        return;
      }
      String previous = state.get().previous();
      boolean restored =
          registry.compareAndSet(
              request.pointer(), request.version(), previous, mover + " (restore)");
      if (!restored) {
        log.info(
            "Pointer moved while restoring; left as the other mover set it. pointer={}",
            request.pointer());
      }
    } catch (IOException e) {
      throw Activity.wrap(new IOException("restoring pointer " + request.pointer() + " failed", e));
    }
  }

  private static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
