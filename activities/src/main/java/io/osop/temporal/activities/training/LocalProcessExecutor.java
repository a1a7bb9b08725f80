package io.osop.temporal.activities.training;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a job's command as a local process ({@code sh -c}, in the job's working directory, with its
 * environment), streaming the interleaved stdout and stderr to the progress listener and
 * heartbeating with the last line. When a heartbeat fails (cancellation, timeout) or the thread is
 * interrupted, the whole process tree is stopped: SIGTERM to the command and every descendant, then
 * SIGKILL after a grace period. A second call for a job name that still runs in this JVM attaches
 * to that process instead of starting another.
 */
public final class LocalProcessExecutor implements TrainingExecutor {

  private static final Logger log = LoggerFactory.getLogger(LocalProcessExecutor.class);
  private static final int LOG_HEAD_LIMIT_CHARS = 8 << 20;

  private final Duration heartbeatInterval;
  private final Duration killGrace;
  private final ConcurrentHashMap<String, RunningJob> running = new ConcurrentHashMap<>();

  /** Creates an executor that heartbeats every 5 s and gives a cancelled tree 10 s to exit. */
  public LocalProcessExecutor() {
    this(Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  /**
   * @param heartbeatInterval how often to heartbeat while the command runs
   * @param killGrace how long a stopped process tree may take to exit before it is killed
   */
  public LocalProcessExecutor(Duration heartbeatInterval, Duration killGrace) {
    this.heartbeatInterval = heartbeatInterval;
    this.killGrace = killGrace;
  }

  private record RunningJob(
      Process process, LogCollector log, CompletableFuture<Void> output, long startNanos) {}

  @Override
  public TrainingOutcome run(TrainingJob job, TrainingProgress progress)
      throws InterruptedException {
    RunningJob runningJob;
    boolean owner;
    synchronized (running) {
      RunningJob existing = running.get(job.name());
      owner = existing == null || !existing.process().isAlive();
      runningJob = owner ? start(job, progress) : existing;
      running.put(job.name(), runningJob);
    }
    if (!owner) {
      log.info("Job already runs in this worker; attaching to it. job={}", job.name());
    }
    try {
      return await(job, runningJob, progress);
    } finally {
      running.remove(job.name(), runningJob);
    }
  }

  private RunningJob start(TrainingJob job, TrainingProgress progress) {
    ProcessBuilder builder = new ProcessBuilder("sh", "-c", job.command());
    builder.directory(new File(job.workingDirectory()));
    builder.environment().putAll(job.env());
    builder.redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process process;
    long startNanos = System.nanoTime();
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "could not start '" + job.command() + "' in " + job.workingDirectory(), e);
    }
    log.info(
        "Started command. job={} pid={} command={} cwd={}",
        job.name(),
        process.pid(),
        job.command(),
        job.workingDirectory());
    LogCollector collector = new LogCollector(LOG_HEAD_LIMIT_CHARS);
    CompletableFuture<Void> output = new CompletableFuture<>();
    Thread reader =
        new Thread(() -> pump(process, collector, progress, output), "log-" + job.name());
    reader.setDaemon(true);
    reader.start();
    return new RunningJob(process, collector, output, startNanos);
  }

  private static void pump(
      Process process,
      LogCollector collector,
      TrainingProgress progress,
      CompletableFuture<Void> done) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        collector.add(line);
        progress.log(line);
      }
      done.complete(null);
    } catch (IOException | RuntimeException e) {
      done.completeExceptionally(e);
    }
  }

  private TrainingOutcome await(TrainingJob job, RunningJob runningJob, TrainingProgress progress)
      throws InterruptedException {
    Process process = runningJob.process();
    try {
      while (!process.waitFor(heartbeatInterval.toMillis(), TimeUnit.MILLISECONDS)) {
        progress.heartbeat(runningJob.log().lastLine());
      }
    } catch (InterruptedException e) {
      log.info("Interrupted; stopping the process tree. job={}", job.name());
      stopTree(process);
      throw e;
    } catch (RuntimeException e) {
      log.info(
          "Heartbeat failed; stopping the process tree. job={} reason={}",
          job.name(),
          e.toString());
      stopTree(process);
      throw e;
    }
    waitForOutput(job, runningJob);
    long durationMillis =
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - runningJob.startNanos());
    log.info(
        "Command finished. job={} exitCode={} durationMs={}",
        job.name(),
        process.exitValue(),
        durationMillis);
    return new TrainingOutcome(process.exitValue(), runningJob.log().text(), durationMillis);
  }

  /** Waits briefly for the last log lines; a background child may hold the pipe open longer. */
  private void waitForOutput(TrainingJob job, RunningJob runningJob) throws InterruptedException {
    try {
      runningJob.output().get(killGrace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn(
          "Command exited but its output stays open (a background process?); log may be cut."
              + " job={}",
          job.name());
    } catch (ExecutionException e) {
      log.warn("Reading the command's output failed. job={}", job.name(), e.getCause());
    }
  }

  /** Stops the process and all its descendants: TERM, a grace period, then KILL. */
  void stopTree(Process process) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + killGrace.toNanos();
    boolean interrupted = false;
    for (ProcessHandle handle : tree) {
      long left = deadline - System.nanoTime();
      try {
        if (left > 0) {
          handle.onExit().get(left, TimeUnit.NANOSECONDS);
        }
      } catch (InterruptedException e) {
        interrupted = true;
        break;
      } catch (ExecutionException | TimeoutException e) {
        // Still alive after the grace period: killed below.
      }
    }
    for (ProcessHandle handle : tree) {
      handle.descendants().forEach(ProcessHandle::destroyForcibly);
      if (handle.isAlive()) {
        log.warn(
            "Process still present after SIGTERM and the grace period; killing it. pid={}",
            handle.pid());
        handle.destroyForcibly();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
