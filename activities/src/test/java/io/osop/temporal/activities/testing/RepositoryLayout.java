package io.osop.temporal.activities.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository root and the shared data folder beside it ({@code ../shared}) for the tests
 * of every module.
 */
public final class RepositoryLayout {

  private RepositoryLayout() {}

  /** The repository root: the nearest folder above the working directory holding mvnw. */
  public static Path root() {
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
  public static Path shared(String relative) {
    Path file = root().resolveSibling("shared").resolve(relative);
    assumeTrue(
        Files.isReadable(file),
        "shared data missing: "
            + file
            + " (expected ../shared beside the repository root); test skipped");
    return file;
  }
}
