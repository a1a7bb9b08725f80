package io.osop.temporal.activities.evaluation;

import io.osop.temporal.activities.serving.ModelRegistry;
import io.osop.temporal.activities.storage.ObjectStore;
import io.osop.temporal.activities.storage.RunKeys;
import io.osop.temporal.pipeline.activity.EvaluationActivities;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offline evaluation with ONNX Runtime: scores the candidate and the baseline (the production
 * model, or the majority class of the training labels when there is none) on the same test split
 * and keeps a JSON report beside the run.
 */
public final class EvaluationActivitiesImpl implements EvaluationActivities {

  /** The baseline kind when the registry pointer names a model. */
  public static final String PRODUCTION = "production";

  private static final Logger log = LoggerFactory.getLogger(EvaluationActivitiesImpl.class);

  private final ObjectStore store;
  private final ModelSource models;
  private final DatasetReader datasets;
  private final ModelEvaluator evaluator;
  private final JsonDocuments documents;
  private final EvaluationSettings settings;

  /** Creates the activities over a store, a registry and evaluation settings. */
  public EvaluationActivitiesImpl(
      ObjectStore store, ModelRegistry registry, EvaluationSettings settings) {
    this.store = store;
    this.models = new ModelSource(store, registry);
    this.datasets = new DatasetReader(store);
    this.evaluator = new ModelEvaluator(settings);
    this.documents = new JsonDocuments(store);
    this.settings = settings;
  }

  @Override
  public Evaluation evaluate(EvaluateRequest request) {
    String context = "node '" + request.nodeId() + "'";
    List<MetricName> metrics = parseMetrics(request.metrics(), context);
    try {
      return evaluate(request, metrics);
    } catch (IOException e) {
      throw ScoringFailures.fromIo(e, context);
    } catch (RuntimeException e) {
      throw ScoringFailures.nonRetryable(e, context);
    }
  }

  private Evaluation evaluate(EvaluateRequest request, List<MetricName> metrics)
      throws IOException {
    DatasetManifest manifest = datasets.manifest(request.datasetUri());
    LabelledRows test = datasets.split(manifest, "test");
    if (test.size() == 0) {
      throw new InvalidDatasetException("the test split has no rows: " + test.source());
    }

    String pointer = Optional.ofNullable(request.baseline()).orElse(ModelSource.PRODUCTION_POINTER);
    Optional<String> production = models.resolve(pointer);
    ModelEvaluator.Pair scores;
    String baselineKind;
    try (OnnxScorer candidateScorer = models.byUri(request.candidateModelUri())) {
      candidateScorer.requireWidth(manifest.features());
      if (production.isPresent()) {
        try (OnnxScorer productionScorer = models.byVersion(production.get())) {
          productionScorer.requireWidth(manifest.features());
          scores = evaluator.evaluatePair(candidateScorer, productionScorer, test, metrics);
        }
        baselineKind = PRODUCTION;
      } else {
        LabelledRows train = datasets.split(manifest, "train");
        scores =
            evaluator.evaluatePair(
                candidateScorer, MajorityClassPredictor.fromLabels(train.labels()), test, metrics);
        baselineKind = MajorityClassPredictor.NAME;
      }
    }
    Activity.getExecutionContext().heartbeat("candidate and baseline scored");
    ModelEvaluator.Score candidate = scores.candidate();
    ModelEvaluator.Score baseline = scores.baseline();

    String reportKey =
        RunKeys.nodePrefix(request.run().workflowId(), request.nodeId()) + "evaluation.json";
    documents.put(
        reportKey,
        new EvaluationReport(
            request.run().workflowId(),
            request.nodeId(),
            request.datasetUri(),
            test.size(),
            metrics.stream().map(MetricName::key).toList(),
            candidate,
            baseline,
            baselineKind,
            pointer,
            settings));
    log.info(
        "Evaluated candidate against baseline. node={} candidate={} baseline={} baselineKind={}"
            + " testRows={} metrics={} baselineMetrics={}",
        request.nodeId(),
        candidate.model(),
        baseline.model(),
        baselineKind,
        test.size(),
        candidate.metrics(),
        baseline.metrics());
    return new Evaluation(
        candidate.metrics(),
        baseline.metrics(),
        baseline.model(),
        baselineKind,
        test.size(),
        store.uri(reportKey));
  }

  private static List<MetricName> parseMetrics(List<String> names, String context) {
    if (names == null || names.isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(
          context + ": no metrics configured; known metrics: " + MetricName.keys(),
          ScoringFailures.UNKNOWN_METRIC);
    }
    List<MetricName> metrics = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String name : names) {
      MetricName.of(name).ifPresentOrElse(metrics::add, () -> unknown.add(name));
    }
    if (!unknown.isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(
          context + ": unknown metrics " + unknown + "; known metrics: " + MetricName.keys(),
          ScoringFailures.UNKNOWN_METRIC);
    }
    return metrics;
  }
}
