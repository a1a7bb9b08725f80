package io.osop.temporal.osop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/** Loads the test pipelines under src/test/resources/osop and finds findings by place. */
final class Fixtures {

  private Fixtures() {}

  static Path path(String name) {
    URL url = Fixtures.class.getResource("/osop/" + name);
    assertThat(url).as("fixture %s", name).isNotNull();
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Compilation compile(String name) {
    return PipelineCompiler.compile(path(name), Map.of());
  }

  static Compilation compile(String name, Map<String, String> overrides) {
    return PipelineCompiler.compile(path(name), overrides);
  }

  /** The OSOP examples beside the repository (../shared/osop/examples), or the test is skipped. */
  static Path sharedExample(String name) {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.exists(root.resolve("mvnw"))) {
      root = root.getParent();
    }
    Path examples =
        root == null ? null : root.getParent().resolve("shared").resolve("osop/examples");
    Assumptions.assumeTrue(
        examples != null && Files.isDirectory(examples),
        "the OSOP examples are missing: expected ../shared/osop/examples beside the repository");
    return examples.resolve(name);
  }

  /** The only finding at {@code line}:{@code column}. */
  static Finding at(Compilation result, int line, int column) {
    List<Finding> found =
        result.findings().stream()
            .filter(f -> f.position().line() == line && f.position().column() == column)
            .toList();
    assertThat(found).as("findings at %d:%d among %s", line, column, result.findings()).hasSize(1);
    return found.get(0);
  }

  /** The findings whose message contains {@code text}. */
  static List<Finding> containing(Compilation result, String text) {
    return result.findings().stream().filter(messageContains(text)).toList();
  }

  static Predicate<Finding> messageContains(String text) {
    return f -> f.message().contains(text);
  }
}
