package io.osop.temporal.activities.serving;

import io.osop.temporal.activities.evaluation.LabelledRows;
import io.osop.temporal.activities.evaluation.LatencyProbe;
import io.osop.temporal.activities.evaluation.Predictor;
import io.osop.temporal.activities.serving.OnlineMetrics.WindowSample;
import java.util.ArrayList;
import java.util.List;

/**
 * One session's traffic log replayed through production and candidate. Request {@code i} of {@code
 * n} arrives at hour {@code windowHours * i / n}; its label arrives {@code labelDelayHours} later.
 * A request is mirrored to the candidate when a draw fixed by the session and the request index
 * falls below the session's fraction; injected faults are drawn the same way.
 */
final class TrafficReplay implements AutoCloseable {

  private final ReplaySession session;
  private final LabelledRows traffic;
  private final Predictor production;
  private final Predictor candidate;
  private final LocalServingSettings settings;
  private final int[] productionPredictions;
  private final int[] candidatePredictions;
  private final boolean[] mirrored;
  private final boolean[] candidateFailed;

  TrafficReplay(
      ReplaySession session,
      LabelledRows traffic,
      Predictor production,
      Predictor candidate,
      LocalServingSettings settings) {
    this.session = session;
    this.traffic = traffic;
    this.production = production;
    this.candidate = candidate;
    this.settings = settings;
    this.productionPredictions = production.predict(traffic.features());
    this.candidatePredictions = candidate.predict(traffic.features());
    int n = traffic.size();
    this.mirrored = new boolean[n];
    this.candidateFailed = new boolean[n];
    String scope = session.sessionId();
    for (int i = 0; i < n; i++) {
      mirrored[i] = DeterministicDraw.unit(scope, i, "mirror") < session.fraction();
      candidateFailed[i] =
          DeterministicDraw.unit(scope, i, "candidate-error") < settings.candidateErrorRate();
      if (DeterministicDraw.unit(scope, i, "label-noise") < settings.candidateLabelNoise()) {
        candidatePredictions[i] = 1 - candidatePredictions[i];
      }
    }
  }

  /** The hour request {@code i} arrives at. */
  double arrivalHour(int i) {
    return session.windowHours() * i / traffic.size();
  }

  /**
   * Measures {@code [fromHour, toHour)}: requests, agreement, errors and latency over the mirrored
   * requests that arrived in it; accuracy over the mirrored requests whose label arrived in it (a
   * request that arrived earlier can be labelled now). A failed candidate request counts as neither
   * correct nor agreeing.
   */
  synchronized WindowSample measure(double fromHour, double toHour) {
    long requests = 0;
    long labelled = 0;
    long candidateCorrect = 0;
    long productionCorrect = 0;
    long agreements = 0;
    long candidateErrors = 0;
    List<Double> candidateMillis = new ArrayList<>();
    List<Double> productionMillis = new ArrayList<>();
    for (int i = 0; i < traffic.size(); i++) {
      if (!mirrored[i]) {
        continue;
      }
      double arrival = arrivalHour(i);
      if (arrival >= fromHour && arrival < toHour) {
        requests++;
        productionMillis.add(timeSingleRequest(production, i));
        if (candidateFailed[i]) {
          candidateErrors++;
        } else {
          candidateMillis.add(
              timeSingleRequest(candidate, i) + settings.candidateExtraLatencyMillis());
          if (candidatePredictions[i] == productionPredictions[i]) {
            agreements++;
          }
        }
      }
      double labelArrival = arrival + settings.labelDelayHours();
      if (labelArrival >= fromHour && labelArrival < toHour) {
        labelled++;
        int label = traffic.labels()[i];
        if (!candidateFailed[i] && candidatePredictions[i] == label) {
          candidateCorrect++;
        }
        if (productionPredictions[i] == label) {
          productionCorrect++;
        }
      }
    }
    return new WindowSample(
        requests,
        labelled,
        candidateCorrect,
        productionCorrect,
        agreements,
        candidateErrors,
        p99(candidateMillis),
        p99(productionMillis));
  }

  private double timeSingleRequest(Predictor predictor, int i) {
    float[][] request = {traffic.features()[i]};
    long start = System.nanoTime();
    predictor.probabilities(request);
    return (System.nanoTime() - start) / 1_000_000.0;
  }

  private static double p99(List<Double> millis) {
    return LatencyProbe.percentile(millis.stream().mapToDouble(Double::doubleValue).toArray(), 99);
  }

  @Override
  public void close() {
    try {
      candidate.close();
    } finally {
      production.close();
    }
  }
}
