package io.osop.temporal.pipeline;

import io.osop.temporal.pipeline.activity.DataActivities;
import io.osop.temporal.pipeline.activity.EvaluationActivities;
import io.osop.temporal.pipeline.activity.RegistryActivities;
import io.osop.temporal.pipeline.activity.RunRef;
import io.osop.temporal.pipeline.activity.ServingActivities;
import io.osop.temporal.pipeline.activity.ShadowTrafficActivities;
import io.osop.temporal.pipeline.activity.TrainingActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Workflows written by hand that make the same activity calls and timers as the interpreter does
 * for the seed graph, a chain and a fan-out: the yardstick for its history and speed overhead.
 */
final class HandWrittenWorkflows {

  private static final ActivityOptions OPTIONS =
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofHours(1)).build();

  private HandWrittenWorkflows() {}

  /** The seed pipeline, hand-written: train, evaluate, 24 h shadow A/B window, deploy. */
  @WorkflowInterface
  public interface Seed {
    @WorkflowMethod
    String run();
  }

  /** A chain of run-command calls, one after the other. */
  @WorkflowInterface
  public interface Chain {
    @WorkflowMethod
    int run(int length);
  }

  /** A fan-out of run-command calls started together, then a join. */
  @WorkflowInterface
  public interface FanOut {
    @WorkflowMethod
    int run(int width);
  }

  /** The seed by hand. */
  public static class SeedImpl implements Seed {
    private String decision;

    @Override
    public String run() {
      RunRef run = new RunRef(Workflow.getInfo().getWorkflowId(), "argo-ml-training", "/tmp");
      DataActivities data = Workflow.newActivityStub(DataActivities.class, OPTIONS);
      TrainingActivities training = Workflow.newActivityStub(TrainingActivities.class, OPTIONS);
      EvaluationActivities evaluation =
          Workflow.newActivityStub(EvaluationActivities.class, OPTIONS);
      ShadowTrafficActivities shadow =
          Workflow.newActivityStub(ShadowTrafficActivities.class, OPTIONS);
      ServingActivities serving = Workflow.newActivityStub(ServingActivities.class, OPTIONS);
      RegistryActivities registry = Workflow.newActivityStub(RegistryActivities.class, OPTIONS);

      var dataset =
          data.prepareData(
              new DataActivities.PrepareDataRequest(
                  run, "prepare_data", "feature-store://user-embeddings/v3", Map.of(), Map.of()));
      var model =
          training.runCommand(
              new TrainingActivities.RunCommandRequest(
                  run, "train_model", "python train.py", Map.of(), dataset.datasetUri(), Map.of()));
      var scores =
          evaluation.evaluate(
              new EvaluationActivities.EvaluateRequest(
                  run,
                  "evaluate",
                  model.modelUri(),
                  dataset.datasetUri(),
                  "models/production/latest",
                  List.of("accuracy")));
      if (scores.metrics().get("accuracy") <= scores.baseline().get("accuracy")) {
        return "rejected";
      }

      var session =
          shadow.startShadow(
              new ShadowTrafficActivities.StartShadowRequest(
                  run, "ab_test", model.modelUri(), dataset.datasetUri(), 0.1, Map.of()));
      List<ShadowTrafficActivities.ShadowCheck> checks = new ArrayList<>();
      for (int hour = 0; hour < 24 && decision == null; hour++) {
        if (Workflow.await(Duration.ofHours(1), () -> decision != null)) {
          break;
        }
        checks.add(
            shadow.checkShadow(
                new ShadowTrafficActivities.CheckShadowRequest(
                    session, hour + 1, hour, hour + 1, Map.of())));
      }
      var verdict =
          shadow.analyze(
              new ShadowTrafficActivities.AnalyzeShadowRequest(
                  session, checks, decision, null, Map.of()));
      shadow.stopShadow(new ShadowTrafficActivities.StopShadowRequest(run, "ab_test"));
      if (!"winner".equals(verdict.result())) {
        return "rolled back";
      }

      var version =
          registry.register(
              new RegistryActivities.RegisterModelRequest(
                  run, "deploy_serving", model.modelUri(), Map.of()));
      var rollout =
          serving.deployCanary(
              new ServingActivities.DeployCanaryRequest(
                  run,
                  "deploy_serving",
                  "models/recommendation/v3",
                  version.uri(),
                  version.version(),
                  5));
      serving.checkHealth(rollout);
      serving.promote(rollout);
      registry.movePointer(
          new RegistryActivities.MovePointerRequest(
              run, "models/production/latest", version.version()));
      return "promoted";
    }
  }

  /** The chain by hand. */
  public static class ChainImpl implements Chain {
    @Override
    public int run(int length) {
      TrainingActivities training = Workflow.newActivityStub(TrainingActivities.class, OPTIONS);
      RunRef run = new RunRef(Workflow.getInfo().getWorkflowId(), "chain", "/tmp");
      for (int i = 0; i < length; i++) {
        training.runCommand(
            new TrainingActivities.RunCommandRequest(
                run, "n" + i, "true", Map.of(), null, Map.of()));
      }
      return length;
    }
  }

  /** The fan-out by hand. */
  public static class FanOutImpl implements FanOut {
    @Override
    public int run(int width) {
      TrainingActivities training = Workflow.newActivityStub(TrainingActivities.class, OPTIONS);
      RunRef run = new RunRef(Workflow.getInfo().getWorkflowId(), "fan-out", "/tmp");
      training.runCommand(
          new TrainingActivities.RunCommandRequest(run, "start", "true", Map.of(), null, Map.of()));
      List<Promise<TrainingActivities.CommandResult>> branches = new ArrayList<>();
      for (int i = 0; i < width; i++) {
        branches.add(
            Async.function(
                training::runCommand,
                new TrainingActivities.RunCommandRequest(
                    run, "b" + i, "true", Map.of(), null, Map.of())));
      }
      Promise.allOf(branches).get();
      training.runCommand(
          new TrainingActivities.RunCommandRequest(run, "join", "true", Map.of(), null, Map.of()));
      return width;
    }
  }
}
