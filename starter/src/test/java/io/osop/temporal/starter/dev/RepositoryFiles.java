package io.osop.temporal.starter.dev;

import io.osop.temporal.activities.testing.RepositoryLayout;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Files the end-to-end tests read: the seed pipelines, fixtures, and the shared data folder. */
final class RepositoryFiles {

  private RepositoryFiles() {}

  /** The repository root. */
  static Path root() {
    return RepositoryLayout.root();
  }

  /** The seed pipeline (Chinese names, as published). */
  static Path seedPipeline() {
    return root().resolve("examples/argo-ml-training/argo-ml-training.osop.yaml");
  }

  /** The seed pipeline with English names and descriptions. */
  static Path englishSeedPipeline() {
    return root().resolve("examples/argo-ml-training/argo-ml-training.en.osop.yaml");
  }

  /** A test resource as a file, e.g. a worker configuration under {@code dev/}. */
  static Path resource(String name) {
    URL url = RepositoryFiles.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalStateException("missing test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad resource URL " + url, e);
    }
  }

  /** A file under {@code ../shared}; aborts the test with a clear message when it is missing. */
  static Path shared(String relative) {
    return RepositoryLayout.shared(relative);
  }
}
