package io.osop.temporal.activities.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.osop.temporal.activities.training.TrainingExecutor.TrainingJob;
import io.osop.temporal.activities.training.TrainingExecutor.TrainingOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProcessExecutorTest {

  private static final Pattern CHILD_PID = Pattern.compile("child (\\d+)");

  @TempDir Path folder;
  private final LocalProcessExecutor executor =
      new LocalProcessExecutor(Duration.ofMillis(200), Duration.ofSeconds(1));

  /** Records log lines and heartbeats; throws from heartbeat once cancelled. */
  private static final class Recorder implements TrainingProgress {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<String> heartbeats = new CopyOnWriteArrayList<>();
    volatile boolean cancelOnHeartbeatWithChild;

    @Override
    public void log(String line) {
      lines.add(line);
    }

    @Override
    public void heartbeat(String detail) {
      heartbeats.add(detail);
      if (cancelOnHeartbeatWithChild && childPid(lines) > 0) {
        throw new IllegalStateException("activity cancelled");
      }
    }
  }

  private static long childPid(List<String> lines) {
    for (String line : lines) {
      Matcher matcher = CHILD_PID.matcher(line);
      if (matcher.find()) {
        return Long.parseLong(matcher.group(1));
      }
    }
    return -1;
  }

  private TrainingJob job(String name, String command) {
    return new TrainingJob(
        name,
        command,
        folder.toString(),
        Map.of("OSOP_GREETING", "hello there"),
        Map.of(),
        Map.of());
  }

  @Test
  void runsInTheFolderWithTheEnvironmentAndStreamsBothOutputs() throws Exception {
    Recorder recorder = new Recorder();
    String realFolder = folder.toRealPath().toString();

    TrainingOutcome outcome =
        executor.run(
            job("env", "echo \"$OSOP_GREETING\"; pwd; echo oops >&2; sleep 0.5; echo done"),
            recorder);

    assertThat(outcome.exitCode()).isZero();
    assertThat(recorder.lines)
        .containsExactly("hello there", realFolder, "oops", "done")
        .satisfies(l -> assertThat(outcome.log()).isEqualTo(String.join("\n", l) + "\n"));
    assertThat(recorder.heartbeats).isNotEmpty();
    assertThat(outcome.durationMillis()).isGreaterThanOrEqualTo(500);
  }

  @Test
  void reportsTheExitCode() throws InterruptedException {
    TrainingOutcome outcome = executor.run(job("fail", "echo failing; exit 3"), new Recorder());

    assertThat(outcome.exitCode()).isEqualTo(3);
    assertThat(outcome.log()).isEqualTo("failing\n");
  }

  @Test
  void cancellationStopsTheCommandAndTheChildrenItStarted() throws Exception {
    Recorder recorder = new Recorder();
    recorder.cancelOnHeartbeatWithChild = true;

    assertThatThrownBy(
            () -> executor.run(job("cancel", "sleep 60 & echo child $!; wait"), recorder))
        .hasMessage("activity cancelled");

    long child = childPid(recorder.lines);
    assertThat(child).isPositive();
    await().atMost(Duration.ofSeconds(5)).until(() -> !isAlive(child));
  }

  @Test
  void childrenThatIgnoreSigtermAreKilledAfterTheGracePeriod() throws Exception {
    Recorder recorder = new Recorder();
    recorder.cancelOnHeartbeatWithChild = true;

    assertThatThrownBy(
            () ->
                executor.run(
                    job("stubborn", "(trap '' TERM; exec sleep 60) & echo child $!; wait"),
                    recorder))
        .hasMessage("activity cancelled");

    long child = childPid(recorder.lines);
    await().atMost(Duration.ofSeconds(5)).until(() -> !isAlive(child));
  }

  @Test
  void interruptionStopsTheTreeAndIsPropagated() throws Exception {
    Recorder recorder = new Recorder();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread runner =
        new Thread(
            () -> {
              try {
                executor.run(job("interrupt", "sleep 60 & echo child $!; wait"), recorder);
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    runner.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> childPid(recorder.lines) > 0);

    runner.interrupt();
    runner.join(10_000);

    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    long child = childPid(recorder.lines);
    await().atMost(Duration.ofSeconds(5)).until(() -> !isAlive(child));
  }

  private static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
