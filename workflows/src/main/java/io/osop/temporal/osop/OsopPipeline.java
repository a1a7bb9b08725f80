package io.osop.temporal.osop;

import java.util.List;
import java.util.Map;

/**
 * An OSOP workflow file as written: the immutable model the validator checks. Fields the file lacks
 * or gives with the wrong type are null; the loader has reported them.
 *
 * @param file the file's path as the user gave it
 * @param osopVersion {@code osop_version}
 * @param id the workflow {@code id}
 * @param name the workflow {@code name}
 * @param description {@code description} (or {@code purpose})
 * @param version the workflow's own {@code version}
 * @param nodes nodes in file order
 * @param edges edges in file order
 * @param position where the document starts
 * @param positions where each top-level field's value starts, by field name
 */
public record OsopPipeline(
    String file,
    String osopVersion,
    String id,
    String name,
    String description,
    String version,
    List<OsopNode> nodes,
    List<OsopEdge> edges,
    SourcePosition position,
    Map<String, SourcePosition> positions) {

  /** Where {@code field}'s value starts, or where the document starts when it is absent. */
  public SourcePosition positionOf(String field) {
    return positions.getOrDefault(field, position);
  }
}
