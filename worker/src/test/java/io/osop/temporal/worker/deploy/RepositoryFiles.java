package io.osop.temporal.worker.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Locates files of this repository from a module's tests and runs the tools that check them. */
final class RepositoryFiles {
  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private RepositoryFiles() {}

  /** The repository root: the module's parent folder. */
  static Path root() {
    Path root = Path.of("").toAbsolutePath().getParent();
    if (!Files.isDirectory(root.resolve("deploy"))) {
      throw new IllegalStateException("deploy/ not found beside the module in " + root);
    }
    return root;
  }

  /** Every Kubernetes object of a YAML stream, one per document, typed where fabric8 knows it. */
  static List<HasMetadata> objects(String yaml) {
    List<HasMetadata> objects = new ArrayList<>();
    for (String document : yaml.split("(?m)^---\\s*$")) {
      if (document.lines().anyMatch(line -> line.startsWith("kind:"))) {
        objects.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
      }
    }
    return objects;
  }

  /** Runs a tool and returns its standard output; skips the test when the tool is not installed. */
  static String run(Path directory, String... command) throws IOException, InterruptedException {
    assumeTrue(
        onPath(command[0]),
        command[0] + " is not installed; install it to run this check (see docs/service.md)");
    Process process =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectError(ProcessBuilder.Redirect.PIPE)
            .start();
    String out = new String(process.getInputStream().readAllBytes());
    String err = new String(process.getErrorStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed with " + process.exitValue() + ": " + err);
    }
    return out;
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
