package io.osop.temporal.activities.serving;

import io.osop.temporal.activities.evaluation.DatasetManifest;
import io.osop.temporal.activities.evaluation.DatasetReader;
import io.osop.temporal.activities.evaluation.JsonDocuments;
import io.osop.temporal.activities.evaluation.LatencyProbe;
import io.osop.temporal.activities.evaluation.ModelScoringException;
import io.osop.temporal.activities.evaluation.ModelSource;
import io.osop.temporal.activities.evaluation.OnnxScorer;
import io.osop.temporal.activities.serving.EndpointState.Revision;
import io.osop.temporal.activities.serving.EndpointState.RunRecord;
import io.osop.temporal.activities.storage.ObjectStore;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serving endpoints as small JSON objects in the object store under {@code serving/<endpoint>/}:
 * the live and canary revisions in {@code state.json}, and per run key what the run changed in
 * {@code runs/<run key>.json}. Health probes score the revision's model in-process.
 */
public final class LocalServingBackend implements ServingBackend {

  private static final Logger log = LoggerFactory.getLogger(LocalServingBackend.class);

  private final JsonDocuments documents;
  private final ModelSource models;
  private final DatasetReader datasets;
  private final LocalServingSettings settings;

  /** Creates the backend over a store (state and models) with these settings. */
  public LocalServingBackend(
      ObjectStore store, ModelRegistry registry, LocalServingSettings settings) {
    this.documents = new JsonDocuments(store);
    this.models = new ModelSource(store, registry);
    this.datasets = new DatasetReader(store);
    this.settings = settings;
  }

  @Override
  public Optional<String> liveRevision(String endpoint) throws IOException {
    return Optional.ofNullable(state(endpoint).liveName());
  }

  /** The endpoint's whole state; {@link EndpointState#EMPTY} when never deployed. */
  public EndpointState state(String endpoint) throws IOException {
    return documents.read(stateKey(endpoint), EndpointState.class).orElse(EndpointState.EMPTY);
  }

  @Override
  public void deployCanary(
      String endpoint, String revision, String modelUri, double canaryPercent, String runKey)
      throws IOException {
    deployCanary(endpoint, revision, modelUri, canaryPercent, runKey, null);
  }

  @Override
  public void deployCanary(
      String endpoint,
      String revision,
      String modelUri,
      double canaryPercent,
      String runKey,
      String probeDatasetUri)
      throws IOException {
    Revision deployed = new Revision(revision, modelUri, probeDatasetUri);
    RunRecord record = new RunRecord(runKey, state(endpoint).live(), deployed);
    if (!documents.createIfAbsent(runKey(endpoint, runKey), record)) {
      // A retry: the record written first names the true previous revision.
      record = documents.read(runKey(endpoint, runKey), RunRecord.class).orElseThrow();
    }
    Revision canary = record.deployed();
    documents.update(
        stateKey(endpoint),
        EndpointState.class,
        current -> {
          EndpointState state = current == null ? EndpointState.EMPTY : current;
          if (canary.name().equals(state.liveName())) {
            return state;
          }
          return new EndpointState(state.live(), canary, canaryPercent);
        });
    log.info(
        "Deployed canary. endpoint={} revision={} percent={} previous={} runKey={}",
        endpoint,
        revision,
        canaryPercent,
        record.previous() == null ? null : record.previous().name(),
        runKey);
  }

  @Override
  public Health health(String endpoint, String revision) throws IOException {
    EndpointState state = state(endpoint);
    Revision target =
        revision.equals(state.canaryName())
            ? state.canary()
            : revision.equals(state.liveName()) ? state.live() : null;
    if (target == null) {
      return new Health(false, 0, 0, Double.NaN);
    }
    boolean isCanary = revision.equals(state.canaryName());
    try (OnnxScorer scorer = models.byUri(target.modelUri())) {
      float[][] rows = probeRows(target, scorer);
      long errors = 0;
      double[] millis = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        long start = System.nanoTime();
        scorer.probabilities(new float[][] {rows[i]});
        millis[i] = (System.nanoTime() - start) / 1_000_000.0;
        if (isCanary
            && DeterministicDraw.unit(revision, i, "canary-error") < settings.canaryErrorRate()) {
          errors++;
        }
      }
      return new Health(true, rows.length, errors, LatencyProbe.percentile(millis, 99));
    } catch (ModelScoringException e) {
      log.warn("Revision failed its health probe. endpoint={} revision={}", endpoint, revision, e);
      return new Health(false, 0, 0, Double.NaN);
    }
  }

  private float[][] probeRows(Revision revision, OnnxScorer scorer) throws IOException {
    if (revision.probeDatasetUri() != null) {
      DatasetManifest manifest = datasets.manifest(revision.probeDatasetUri());
      scorer.requireWidth(manifest.features());
      return datasets.split(manifest, "test").head(settings.probeRequests()).features();
    }
    if (scorer.declaredWidth() < 0) {
      throw new ModelScoringException(
          "no probe dataset and the model declares no input width: model=" + scorer.name());
    }
    // Without held-out rows, probe with canned rows: readiness, errors and latency do not depend
    // on the values.
    float[][] rows = new float[settings.probeRequests()][(int) scorer.declaredWidth()];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < rows[i].length; j++) {
        rows[i][j] = (float) DeterministicDraw.unit(revision.name(), i * 1_000L + j, "probe");
      }
    }
    return rows;
  }

  @Override
  public void promote(String endpoint, String revision) throws IOException {
    EndpointState before = state(endpoint);
    if (revision.equals(before.liveName()) && before.canary() == null) {
      return;
    }
    Revision promoted;
    if (revision.equals(before.canaryName())) {
      promoted = before.canary();
    } else if (revision.equals(before.liveName())) {
      promoted = before.live();
    } else {
      throw new IllegalArgumentException(
          "cannot promote a revision the endpoint does not serve: endpoint="
              + endpoint
              + " revision="
              + revision);
    }
    if (settings.failPromote()) {
      // Half way: all traffic already moved, the canary bookkeeping not finished.
      documents.put(stateKey(endpoint), new EndpointState(promoted, promoted, 100));
      throw new InjectedFaultException(
          "promotion failed half way (failPromote is set): endpoint="
              + endpoint
              + " revision="
              + revision);
    }
    documents.put(stateKey(endpoint), new EndpointState(promoted, null, 0));
    log.info("Promoted revision to all traffic. endpoint={} revision={}", endpoint, revision);
  }

  @Override
  public void restore(String endpoint, String runKey) throws IOException {
    Optional<RunRecord> found = documents.read(runKey(endpoint, runKey), RunRecord.class);
    if (found.isEmpty()) {
      log.info(
          "Nothing to restore: this run deployed nothing. endpoint={} runKey={}", endpoint, runKey);
      return;
    }
    RunRecord record = found.get();
    String deployed = record.deployed().name();
    documents.update(
        stateKey(endpoint),
        EndpointState.class,
        current -> {
          EndpointState state = current == null ? EndpointState.EMPTY : current;
          Revision live = deployed.equals(state.liveName()) ? record.previous() : state.live();
          boolean dropCanary = deployed.equals(state.canaryName());
          Revision canary = dropCanary ? null : state.canary();
          return new EndpointState(live, canary, dropCanary ? 0 : state.canaryPercent());
        });
    log.info(
        "Restored the revision live before the run. endpoint={} runKey={} restored={}",
        endpoint,
        runKey,
        record.previous() == null ? null : record.previous().name());
  }

  private static String stateKey(String endpoint) {
    requireEndpointName(endpoint);
    return "serving/" + endpoint + "/state.json";
  }

  private static void requireEndpointName(String endpoint) {
    if (endpoint == null
        || endpoint.isBlank()
        || endpoint.startsWith("/")
        || endpoint.endsWith("/")
        || ("/" + endpoint + "/").contains("/../")
        || ("/" + endpoint + "/").contains("/./")) {
      throw new IllegalArgumentException(
          "an endpoint name must be a relative slash-separated path such as"
              + " models/recommendation/v3, got '"
              + endpoint
              + "'");
    }
  }

  private static String runKey(String endpoint, String runKey) {
    return "serving/" + endpoint + "/runs/" + runKey + ".json";
  }
}
