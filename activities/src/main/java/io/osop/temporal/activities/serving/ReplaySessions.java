package io.osop.temporal.activities.serving;

import io.osop.temporal.activities.evaluation.DatasetManifest;
import io.osop.temporal.activities.evaluation.DatasetReader;
import io.osop.temporal.activities.evaluation.JsonDocuments;
import io.osop.temporal.activities.evaluation.LabelledRows;
import io.osop.temporal.activities.evaluation.MajorityClassPredictor;
import io.osop.temporal.activities.evaluation.ModelSource;
import io.osop.temporal.activities.evaluation.OnnxScorer;
import io.osop.temporal.activities.evaluation.Predictor;
import io.osop.temporal.activities.storage.ObjectStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The local mirroring sessions: their state in the object store under {@code serving/shadow/}, and
 * their loaded replays (traffic log and both models) cached in memory until stopped.
 */
public final class ReplaySessions implements AutoCloseable {

  private final JsonDocuments documents;
  private final DatasetReader datasets;
  private final ModelSource models;
  private final LocalServingSettings settings;
  private final Map<String, TrafficReplay> loaded = new HashMap<>();

  /** Creates the sessions over a store, a registry and the local serving settings. */
  public ReplaySessions(ObjectStore store, ModelRegistry registry, LocalServingSettings settings) {
    this.documents = new JsonDocuments(store);
    this.datasets = new DatasetReader(store);
    this.models = new ModelSource(store, registry);
    this.settings = settings;
  }

  /** The settings replays run with. */
  public LocalServingSettings settings() {
    return settings;
  }

  /** The models replays load. */
  ModelSource models() {
    return models;
  }

  /** Records a new session; returns false, changing nothing, when the session already exists. */
  boolean create(ReplaySession session) throws IOException {
    return documents.createIfAbsent(key(session.sessionId()), session);
  }

  /** The session's state, or empty when it was never started. */
  Optional<ReplaySession> find(String sessionId) throws IOException {
    return documents.read(key(sessionId), ReplaySession.class);
  }

  /** Marks a session stopped and releases its loaded replay; does nothing for an unknown one. */
  void stop(String sessionId) throws IOException {
    documents.update(
        key(sessionId), ReplaySession.class, current -> current == null ? null : current.stopped());
    TrafficReplay replay;
    synchronized (loaded) {
      replay = loaded.remove(sessionId);
    }
    if (replay != null) {
      replay.close();
    }
  }

  /** The session's replay, loading the traffic log and both models on first use. */
  TrafficReplay replay(String sessionId) throws IOException {
    synchronized (loaded) {
      TrafficReplay replay = loaded.get(sessionId);
      if (replay == null) {
        ReplaySession session =
            find(sessionId)
                .orElseThrow(
                    () ->
                        new FileNotFoundException("no mirroring session: sessionId=" + sessionId));
        replay = load(session);
        loaded.put(sessionId, replay);
      }
      return replay;
    }
  }

  private TrafficReplay load(ReplaySession session) throws IOException {
    DatasetManifest manifest = datasets.manifest(session.datasetUri());
    LabelledRows traffic = datasets.split(manifest, "test").concat(datasets.split(manifest, "val"));
    OnnxScorer candidate = models.byUri(session.candidateModelUri());
    Predictor production = null;
    try {
      candidate.requireWidth(manifest.features());
      if (session.productionVersion() == null) {
        production = MajorityClassPredictor.fromLabels(datasets.split(manifest, "train").labels());
      } else {
        OnnxScorer scorer = models.byVersion(session.productionVersion());
        production = scorer;
        scorer.requireWidth(manifest.features());
      }
      return new TrafficReplay(session, traffic, production, candidate, settings);
    } catch (IOException | RuntimeException e) {
      candidate.close();
      if (production != null) {
        production.close();
      }
      throw e;
    }
  }

  private static String key(String sessionId) {
    return "serving/shadow/" + sessionId + ".json";
  }

  @Override
  public void close() {
    synchronized (loaded) {
      loaded.values().forEach(TrafficReplay::close);
      loaded.clear();
    }
  }
}
