package io.osop.temporal.osop;

import io.osop.temporal.pipeline.Handler;
import io.osop.temporal.pipeline.PipelineDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads, checks and resolves an OSOP pipeline file in one pass: the entry point for {@code starter
 * validate}, {@code graph} and every command that starts a run. All findings come back at once,
 * each with its file, line and column.
 */
public final class PipelineCompiler {

  private PipelineCompiler() {}

  /**
   * Compiles the file at {@code file}.
   *
   * @param file the pipeline file; its path as given is used in findings
   * @param overrides {@code NODE.KEY} to {@code VALUE} from {@code --set NODE.KEY=VALUE}, applied
   *     to node configs before validation in iteration order; KEY may be dotted into nested maps
   *     and VALUE is read as a YAML scalar or flow value
   */
  public static Compilation compile(Path file, Map<String, String> overrides) {
    String name = file.toString();
    Findings findings = new Findings();
    byte[] bytes = read(file, findings);
    if (bytes == null) {
      return new Compilation(name, findings.sorted(), null, Map.of(), null);
    }
    Path folder = file.toAbsolutePath().normalize().getParent();
    return compile(name, bytes, folder == null ? "/" : folder.toString(), overrides, findings);
  }

  /**
   * Compiles pipeline text held in memory.
   *
   * @param file the name to use in findings and as the definition's source file
   * @param bytes the file's content
   * @param baseDirectory the absolute folder commands run in
   * @param overrides as for {@link #compile(Path, Map)}
   */
  public static Compilation compile(
      String file, byte[] bytes, String baseDirectory, Map<String, String> overrides) {
    return compile(file, bytes, baseDirectory, overrides, new Findings());
  }

  private static Compilation compile(
      String file,
      byte[] bytes,
      String baseDirectory,
      Map<String, String> overrides,
      Findings findings) {
    YamlNode root = new SafeYamlLoader(file, findings).load(bytes);
    if (root == null) {
      return new Compilation(file, findings.sorted(), null, Map.of(), null);
    }
    OsopPipeline pipeline = new OsopReader(file, findings).read(root);
    if (pipeline == null) {
      return new Compilation(file, findings.sorted(), null, Map.of(), null);
    }
    pipeline = new ConfigOverrides(file, findings).apply(pipeline, overrides);

    PipelineGraph graph = new PipelineGraph(pipeline);
    new GraphChecker(findings).check(pipeline, graph);

    Handler[] handlers = new Handler[graph.size()];
    HandlerResolver resolver = new HandlerResolver(findings);
    ConfigChecker configChecker = new ConfigChecker(findings);
    Map<String, Handler> byId = new LinkedHashMap<>();
    for (int i = 0; i < graph.size(); i++) {
      handlers[i] = resolver.resolve(graph.node(i), graph);
      if (handlers[i] != null) {
        byId.put(graph.node(i).id(), handlers[i]);
        configChecker.check(graph.node(i), handlers[i]);
      }
    }

    int[] order = graph.topologicalOrder();
    ExpressionChecker expressions = new ExpressionChecker(findings, graph, handlers, order);
    for (OsopEdge edge : pipeline.edges()) {
      expressions.check(edge);
    }

    PipelineDefinition definition =
        findings.hasErrors()
            ? null
            : DefinitionBuilder.build(pipeline, graph, handlers, sha256(bytes), baseDirectory);
    return new Compilation(
        file, findings.sorted(), pipeline, Collections.unmodifiableMap(byId), definition);
  }

  /**
   * The file's bytes, read through a bounded stream so that a device or pipe that never ends
   * (/dev/zero) is refused like a large file; null after reporting why it cannot be read.
   */
  private static byte[] read(Path file, Findings findings) {
    SourcePosition start = SourcePosition.of(file.toString(), 1, 1);
    if (Files.isDirectory(file)) {
      findings.error(start, "this is a folder, not a pipeline file");
      return null;
    }
    String limit = "pipeline files are limited to " + SafeYamlLoader.MAX_FILE_BYTES + " bytes";
    try (InputStream in = Files.newInputStream(file)) {
      if (Files.isRegularFile(file) && Files.size(file) > SafeYamlLoader.MAX_FILE_BYTES) {
        findings.error(start, "the file is " + Files.size(file) + " bytes; " + limit);
        return null;
      }
      byte[] bytes = in.readNBytes(SafeYamlLoader.MAX_FILE_BYTES + 1);
      if (bytes.length > SafeYamlLoader.MAX_FILE_BYTES) {
        findings.error(start, "the input does not end within the limit; " + limit);
        return null;
      }
      return bytes;
    } catch (NoSuchFileException e) {
      findings.error(start, "no such file");
      return null;
    } catch (IOException e) {
      findings.error(start, "cannot read the file: " + e);
      return null;
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
