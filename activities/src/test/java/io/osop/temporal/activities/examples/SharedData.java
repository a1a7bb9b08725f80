package io.osop.temporal.activities.examples;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root and the shared data folder beside it ({@code ../shared}). */
final class SharedData {

  private SharedData() {}

  /** The repository root: the nearest folder above the working directory holding mvnw. */
  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  /** A file under {@code ../shared}; aborts the test with a clear message when it is missing. */
  static Path require(String relative) {
    Path file = repositoryRoot().resolveSibling("shared").resolve(relative);
    assumeTrue(
        Files.isReadable(file),
        "shared data missing: "
            + file
            + " (expected ../shared beside the repository root); test skipped");
    return file;
  }
}
