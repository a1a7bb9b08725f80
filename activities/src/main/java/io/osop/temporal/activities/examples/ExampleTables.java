package io.osop.temporal.activities.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the example feature tables that are generated rather than committed: a table folder that
 * has a {@code schema.yaml} but no CSV file gets its {@code data.csv} from the {@code generate.py}
 * beside the feature-store folder (deterministic, so every machine gets the same bytes).
 */
public final class ExampleTables {

  /** Tables the example's generate.py knows how to make, as {@code name/version}. */
  public static final List<String> GENERATED = List.of("user-embeddings/v3");

  private static final Logger log = LoggerFactory.getLogger(ExampleTables.class);
  private static final long TIMEOUT_SECONDS = 120;

  private ExampleTables() {}

  /** Generates missing tables with {@code python3}; returns the tables it generated. */
  public static List<String> ensureGenerated(Path featureStoreRoot) throws IOException {
    return ensureGenerated(featureStoreRoot, "python3");
  }

  /**
   * Generates every table of {@link #GENERATED} whose folder under {@code featureStoreRoot} has a
   * schema but no CSV file, running {@code <featureStoreRoot>/../generate.py} with {@code python}.
   */
  public static List<String> ensureGenerated(Path featureStoreRoot, String python)
      throws IOException {
    List<String> generated = new ArrayList<>();
    Path script = featureStoreRoot.toAbsolutePath().getParent().resolve("generate.py");
    for (String table : GENERATED) {
      Path folder = featureStoreRoot.resolve(table);
      if (!Files.exists(folder.resolve("schema.yaml")) || hasCsv(folder)) {
        continue;
      }
      if (!Files.isRegularFile(script)) {
        throw new IOException(
            "table " + table + " has no data and there is no generator at " + script);
      }
      run(python, script, folder);
      generated.add(table);
    }
    return generated;
  }

  private static boolean hasCsv(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".csv"));
    }
  }

  private static void run(String python, Path script, Path folder) throws IOException {
    log.info("Generating example table. script={} folder={}", script, folder);
    Process process =
        new ProcessBuilder(python, script.toString(), folder.toString())
            .directory(script.getParent().toFile())
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    String output;
    try {
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("generating " + folder + " took over " + TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while generating " + folder, e);
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          script
              + " failed for "
              + folder
              + " with exit code "
              + process.exitValue()
              + ":\n"
              + output);
    }
  }
}
