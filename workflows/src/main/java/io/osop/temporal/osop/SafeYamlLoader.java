package io.osop.temporal.osop;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a pipeline file into positioned {@link YamlNode}s with snakeyaml's composer under hard
 * bounds: size, nesting depth, aliases and the size of the expanded tree. No tags beyond YAML's
 * core types are accepted and no Java object is ever constructed from the file.
 */
final class SafeYamlLoader {

  /** Largest file accepted; real OSOP files are a few kilobytes. */
  static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

  static final int MAX_NESTING_DEPTH = 64;
  static final int MAX_ALIASES = 32;

  /** Largest number of nodes after expanding aliases (an alias bomb multiplies them). */
  static final int MAX_EXPANDED_NODES = 200_000;

  private static final Map<Tag, YamlNode.Kind> SCALAR_KINDS =
      Map.of(
          Tag.STR, YamlNode.Kind.STRING,
          Tag.INT, YamlNode.Kind.INTEGER,
          Tag.FLOAT, YamlNode.Kind.FLOAT,
          Tag.BOOL, YamlNode.Kind.BOOLEAN,
          Tag.NULL, YamlNode.Kind.NULL,
          Tag.TIMESTAMP, YamlNode.Kind.TIMESTAMP);

  private final String file;
  private final Findings findings;
  private int[] codePoints = new int[0];
  private int expandedNodes;

  SafeYamlLoader(String file, Findings findings) {
    this.file = file;
    this.findings = findings;
  }

  /** The document's root node, or null after reporting why the file cannot be read as YAML. */
  YamlNode load(byte[] bytes) {
    if (bytes.length > MAX_FILE_BYTES) {
      findings.error(
          at(1, 1),
          "the file is "
              + bytes.length
              + " bytes; pipeline files are limited to "
              + MAX_FILE_BYTES
              + " bytes");
      return null;
    }
    String text = new PipelineText(file, findings).decode(bytes);
    if (text == null) {
      return null;
    }
    codePoints = text.codePoints().toArray();
    Node root = compose(text);
    if (root == null) {
      return null;
    }
    try {
      return convert(root, new IdentityHashMap<>(), 0);
    } catch (LimitExceeded e) {
      findings.error(e.position, e.getMessage());
      return null;
    }
  }

  private Node compose(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_NESTING_DEPTH);
    options.setCodePointLimit(MAX_FILE_BYTES);
    options.setProcessComments(false);
    options.setTagInspector(tag -> false);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    try {
      Node root = yaml.compose(new StringReader(text));
      if (root == null) {
        findings.error(
            at(1, 1),
            "the file holds no YAML document; a pipeline needs osop_version, id, name, nodes and"
                + " edges");
      }
      return root;
    } catch (MarkedYAMLException e) {
      Mark mark = YamlErrorMessages.markOf(e);
      SourcePosition position =
          mark == null ? at(1, 1) : at(mark.getLine() + 1, mark.getColumn() + 1);
      findings.error(position, YamlErrorMessages.explain(e, codePoints));
      return null;
    } catch (YAMLException e) {
      findings.error(at(1, 1), YamlErrorMessages.explain(e));
      return null;
    } catch (StackOverflowError e) {
      findings.error(at(1, 1), "the YAML nests too deeply to read");
      return null;
    }
  }

  private YamlNode convert(Node node, Map<Node, Boolean> onPath, int depth) {
    if (++expandedNodes > MAX_EXPANDED_NODES) {
      throw new LimitExceeded(
          position(node.getStartMark()),
          "the document expands to more than "
              + MAX_EXPANDED_NODES
              + " values (aliases repeat their target); pipeline files are far smaller");
    }
    if (depth > MAX_NESTING_DEPTH) {
      throw new LimitExceeded(
          position(node.getStartMark()),
          "values nest more than " + MAX_NESTING_DEPTH + " levels deep");
    }
    if (onPath.containsKey(node)) {
      throw new LimitExceeded(
          position(node.getStartMark()), "an alias refers to a value that contains it");
    }
    if (node instanceof ScalarNode scalar) {
      return scalar(scalar);
    }
    checkCollectionTag(node);
    onPath.put(node, Boolean.TRUE);
    try {
      if (node instanceof SequenceNode sequence) {
        List<YamlNode> items = new ArrayList<>(sequence.getValue().size());
        for (Node item : sequence.getValue()) {
          items.add(convert(item, onPath, depth + 1));
        }
        return new YamlNode.Sequence(position(node.getStartMark()), List.copyOf(items));
      }
      return mapping((MappingNode) node, onPath, depth);
    } finally {
      onPath.remove(node);
    }
  }

  private YamlNode mapping(MappingNode node, Map<Node, Boolean> onPath, int depth) {
    List<YamlNode.Entry> entries = new ArrayList<>(node.getValue().size());
    Map<String, SourcePosition> seen = new HashMap<>();
    for (NodeTuple tuple : node.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
        findings.error(
            position(tuple.getKeyNode().getStartMark()),
            "a mapping key must be a plain name, not a list or mapping");
        continue;
      }
      YamlNode.Scalar key = scalar(keyNode);
      SourcePosition first = seen.putIfAbsent(key.text(), key.position());
      if (first != null) {
        findings.error(
            key.position(),
            "duplicate key '" + key.text() + "' (first defined at line " + first.line() + ")");
        continue;
      }
      entries.add(new YamlNode.Entry(key, convert(tuple.getValueNode(), onPath, depth + 1)));
    }
    return new YamlNode.Mapping(position(node.getStartMark()), List.copyOf(entries));
  }

  private YamlNode.Scalar scalar(ScalarNode node) {
    Tag tag = node.getTag();
    YamlNode.Kind kind = SCALAR_KINDS.get(tag);
    if (kind == null) {
      findings.error(
          position(node.getStartMark()),
          "the tag "
              + tag.getValue()
              + " is not allowed; pipeline files use plain strings, numbers, booleans, lists and"
              + " mappings");
      kind = YamlNode.Kind.STRING;
    }
    DumperOptions.ScalarStyle style = node.getScalarStyle();
    boolean quoted = style != DumperOptions.ScalarStyle.PLAIN;
    char styleChar = style.getChar() == null ? ' ' : style.getChar();
    Mark start = node.getStartMark();
    Mark end = node.getEndMark();
    ScalarPositions positions =
        new ScalarPositions(
            file,
            codePoints,
            start.getIndex(),
            end.getIndex(),
            start.getLine(),
            start.getColumn(),
            styleChar);
    return new YamlNode.Scalar(node.getValue(), kind, quoted, positions);
  }

  private void checkCollectionTag(Node node) {
    Tag tag = node.getTag();
    if (!Set.of(Tag.MAP, Tag.SEQ).contains(tag)) {
      findings.error(
          position(node.getStartMark()),
          "the tag "
              + tag.getValue()
              + " is not allowed; pipeline files use plain strings, numbers, booleans, lists and"
              + " mappings");
    }
  }

  private SourcePosition position(Mark mark) {
    return at(mark.getLine() + 1, mark.getColumn() + 1);
  }

  private SourcePosition at(int line, int column) {
    return SourcePosition.of(file, line, column);
  }

  /** A bound of the loader was hit while expanding the composed tree. */
  private static final class LimitExceeded extends RuntimeException {
    private final transient SourcePosition position;

    LimitExceeded(SourcePosition position, String message) {
      super(message, null, false, false);
      this.position = position;
    }
  }
}
