package io.osop.temporal.activities.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.osop.temporal.activities.evaluation.DatasetManifest;
import io.osop.temporal.activities.evaluation.DatasetReader;
import io.osop.temporal.activities.evaluation.LabelledRows;
import io.osop.temporal.activities.serving.OnlineMetrics.WindowSample;
import io.osop.temporal.activities.storage.LocalObjectStore;
import io.osop.temporal.activities.testing.LogisticOnnxModel;
import io.osop.temporal.activities.testing.SyntheticDataset;
import io.osop.temporal.activities.testing.TestModels;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficReplayTest {

  private static final int TRAFFIC_ROWS = 2000;

  @TempDir Path root;
  private LocalObjectStore store;
  private ObjectStoreModelRegistry registry;
  private ReplaySessions sessions;
  private String datasetUri;
  private String candidateUri;

  @BeforeEach
  void setUp() throws Exception {
    store = new LocalObjectStore(root);
    registry = new ObjectStoreModelRegistry(store);
    datasetUri = SyntheticDataset.write(store, "runs/wf/prepare_data/dataset", 200, 500, 1500, 7);
    candidateUri = store.uri("runs/wf/train_model/model.onnx");
    store.write("runs/wf/train_model/model.onnx", LogisticOnnxModel.of(new float[] {1, -1}, 0));
    TestModels.registerAsProduction(
        store, registry, "v-prod", LogisticOnnxModel.flat(new float[] {1, 0}, -0.5f));
  }

  @AfterEach
  void tearDown() {
    if (sessions != null) {
      sessions.close();
    }
  }

  private LocalOnlineMetrics start(LocalServingSettings settings, String sessionId, double fraction)
      throws Exception {
    if (sessions == null) {
      sessions = new ReplaySessions(store, registry, settings);
    }
    new LocalTrafficMirror(sessions)
        .start(sessionId, "default", candidateUri, fraction, datasetUri, 24);
    return new LocalOnlineMetrics(sessions);
  }

  @Test
  void mirrorsADeterministicShareOfRequestsCloseToTheFraction() throws Exception {
    LocalOnlineMetrics metrics = start(LocalServingSettings.defaults(), "session-a", 0.3);
    new LocalTrafficMirror(sessions)
        .start("session-b", "default", candidateUri, 0.3, datasetUri, 24);

    WindowSample first = metrics.measure("session-a", 1, 0, 24);
    WindowSample again = metrics.measure("session-a", 2, 0, 24);
    WindowSample other = metrics.measure("session-b", 1, 0, 24);

    assertThat(again)
        .usingRecursiveComparison()
        .ignoringFields("candidateP99Millis", "productionP99Millis")
        .isEqualTo(first);
    assertThat((double) first.requests() / TRAFFIC_ROWS).isCloseTo(0.3, within(0.04));
    assertThat((double) other.requests() / TRAFFIC_ROWS).isCloseTo(0.3, within(0.04));
    assertThat(other.requests()).isNotEqualTo(first.requests());
  }

  @Test
  void windowsSplitTheLogWithoutOverlap() throws Exception {
    LocalOnlineMetrics metrics = start(LocalServingSettings.defaults(), "session-w", 0.5);

    long byHour = 0;
    for (int hour = 0; hour < 24; hour++) {
      byHour += metrics.measure("session-w", hour + 1, hour, hour + 1).requests();
    }

    assertThat(byHour).isEqualTo(metrics.measure("session-w", 25, 0, 24).requests());
  }

  @Test
  void countsAccuracyAndAgreementOfBothModelsOnLabelledRequests() throws Exception {
    LocalServingSettings noDelay = new LocalServingSettings(0, 50, 0, 0, 0, 0, false);
    LocalOnlineMetrics metrics = start(noDelay, "session-all", 1.0);

    WindowSample sample = metrics.measure("session-all", 1, 0, 24);

    LabelledRows traffic = trafficLog();
    long candidateCorrect = 0;
    long productionCorrect = 0;
    long agreements = 0;
    for (int i = 0; i < traffic.size(); i++) {
      float[] x = traffic.features()[i];
      int candidate = x[0] - x[1] >= 0 ? 1 : 0;
      int production = x[0] >= 0.5f ? 1 : 0;
      candidateCorrect += candidate == traffic.labels()[i] ? 1 : 0;
      productionCorrect += production == traffic.labels()[i] ? 1 : 0;
      agreements += candidate == production ? 1 : 0;
    }
    assertThat(sample.requests()).isEqualTo(TRAFFIC_ROWS);
    assertThat(sample.labelled()).isEqualTo(TRAFFIC_ROWS);
    assertThat(sample.candidateCorrect()).isEqualTo(candidateCorrect);
    assertThat(sample.productionCorrect()).isEqualTo(productionCorrect);
    assertThat(sample.agreements()).isEqualTo(agreements);
    assertThat(sample.candidateErrors()).isZero();
    assertThat(sample.candidateP99Millis()).isPositive();
    assertThat(sample.productionP99Millis()).isPositive();
  }

  @Test
  void labelsArriveOnlyAfterTheConfiguredDelay() throws Exception {
    LocalServingSettings twoHours = new LocalServingSettings(2, 50, 0, 0, 0, 0, false);
    LocalOnlineMetrics metrics = start(twoHours, "session-delay", 1.0);

    WindowSample firstTwoHours = metrics.measure("session-delay", 1, 0, 2);
    WindowSample wholeWindow = metrics.measure("session-delay", 2, 0, 24);

    assertThat(firstTwoHours.requests()).isPositive();
    assertThat(firstTwoHours.labelled()).isZero();
    // Request i arrives at 24 * i / 2000 h; its label at +2 h: labels of requests before 22 h.
    long labelledBy24 = (long) Math.ceil(22.0 * TRAFFIC_ROWS / 24);
    assertThat(wholeWindow.labelled()).isEqualTo(labelledBy24);
    assertThat(metrics.measure("session-delay", 3, 24, 26).labelled())
        .isEqualTo(TRAFFIC_ROWS - labelledBy24);
  }

  @Test
  void injectedFaultsFailFlipAndSlowTheCandidateOnly() throws Exception {
    LocalServingSettings faults = new LocalServingSettings(0, 50, 0.1, 400, 0.5, 0, false);
    LocalOnlineMetrics metrics = start(faults, "session-faults", 1.0);

    WindowSample sample = metrics.measure("session-faults", 1, 0, 24);

    assertThat((double) sample.candidateErrors() / sample.requests()).isCloseTo(0.1, within(0.03));
    assertThat(sample.candidateP99Millis()).isGreaterThanOrEqualTo(400);
    assertThat(sample.productionP99Millis()).isLessThan(400);
    // Half the candidate's answers flipped: its accuracy falls to about one half.
    assertThat((double) sample.candidateCorrect() / sample.labelled())
        .isCloseTo(0.45, within(0.08));
  }

  @Test
  void withoutAProductionModelTheMajorityClassIsCompared() throws Exception {
    ObjectStoreModelRegistry empty = new ObjectStoreModelRegistry(store, "other-models");
    sessions = new ReplaySessions(store, empty, new LocalServingSettings(0, 50, 0, 0, 0, 0, false));
    new LocalTrafficMirror(sessions)
        .start("session-m", "default", candidateUri, 1.0, datasetUri, 24);

    WindowSample sample = new LocalOnlineMetrics(sessions).measure("session-m", 1, 0, 24);

    LabelledRows train = new DatasetReader(store).split(manifest(), "train");
    int majority = java.util.Arrays.stream(train.labels()).sum() * 2 > train.size() ? 1 : 0;
    long majorityCorrect =
        java.util.Arrays.stream(trafficLog().labels()).filter(label -> label == majority).count();
    assertThat(sample.productionCorrect()).isEqualTo(majorityCorrect);
  }

  @Test
  void measuringAnUnknownSessionFailsNamingIt() {
    sessions = new ReplaySessions(store, registry, LocalServingSettings.defaults());

    assertThatThrownBy(() -> new LocalOnlineMetrics(sessions).measure("nope", 1, 0, 1))
        .hasMessageContaining("sessionId=nope");
  }

  private DatasetManifest manifest() throws Exception {
    return new DatasetReader(store).manifest(datasetUri);
  }

  private LabelledRows trafficLog() throws Exception {
    DatasetReader reader = new DatasetReader(store);
    return reader.split(manifest(), "test").concat(reader.split(manifest(), "val"));
  }
}
