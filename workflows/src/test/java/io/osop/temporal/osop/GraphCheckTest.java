package io.osop.temporal.osop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GraphCheckTest {

  private final Compilation result = Fixtures.compile("graph-errors.osop.yaml");

  @Test
  void duplicateNodeIdPointsAtTheSecondAndNamesTheFirst() {
    assertThat(Fixtures.at(result, 13, 9).message())
        .isEqualTo(
            "duplicate node id 'prepare_data' (first used at line 5); node ids must be unique");
  }

  @Test
  void edgeToUnknownNodeSuggestsTheClosestId() {
    assertThat(Fixtures.at(result, 35, 9).message())
        .startsWith("edge to 'train_modle' names no node (did you mean 'train_model'?)");
  }

  @Test
  void selfEdgeIsAnError() {
    assertThat(Fixtures.at(result, 39, 9).message())
        .isEqualTo("edge train_model -> train_model connects node 'train_model' to itself");
  }

  @Test
  void conditionalEdgeWithoutWhenIsAnError() {
    assertThat(Fixtures.at(result, 40, 5).message())
        .startsWith("conditional edge train_model -> evaluate has no 'when' condition");
  }

  @Test
  void cycleNamesItsPathAtTheClosingEdge() {
    assertThat(Fixtures.at(result, 47, 5).message())
        .isEqualTo(
            "cycle loop_a -> loop_b -> loop_a; edge loop_b -> loop_a leads back to an earlier"
                + " node, and the runtime runs acyclic graphs only, so a loop (also by a fallback"
                + " or error edge) is not supported");
  }

  @Test
  void cycleThatNothingLeadsIntoMakesItsNodesAndTheirSuccessorsUnreachable() {
    Compilation closed = Fixtures.compile("closed-cycle.osop.yaml");

    assertThat(Fixtures.at(closed, 13, 9).message())
        .isEqualTo(
            "node 'a' cannot be reached from any entry node (start); it lies on a cycle that"
                + " nothing leads into");
    assertThat(Fixtures.at(closed, 21, 9).message())
        .startsWith("node 'after' cannot be reached from any entry node (start)");
    assertThat(Fixtures.at(closed, 5, 9).severity()).isEqualTo(Severity.WARNING);
    assertThat(Fixtures.at(closed, 5, 9).message()).contains("has no edges");
    assertThat(Fixtures.containing(closed, "cycle a -> b -> c -> a; edge c -> a closes it,"))
        .hasSize(1);
  }

  @Test
  void joinSettingsMustFitTheIncomingEdges() {
    Compilation joins = Fixtures.compile("join-errors.osop.yaml");

    assertThat(Fixtures.at(joins, 21, 17).message())
        .isEqualTo("join_count 3 exceeds the 2 edges into 'c'");
    assertThat(Fixtures.at(joins, 26, 17).severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void cycleIsReportedAtTheBackEdgeThatClosesItWhateverTheOrder() throws Exception {
    String seed = Files.readString(Fixtures.path("seed.osop.yaml"));
    int backEdgeLine = (int) seed.lines().count() + 1;
    String text = seed + "  - from: \"evaluate\"\n    to: \"train_model\"\n";
    String expected =
        "cycle train_model -> evaluate -> train_model; edge evaluate -> train_model leads back to"
            + " an earlier node, and the runtime runs acyclic graphs only, so a loop (also by a"
            + " fallback or error edge) is not supported";

    Compilation looped =
        PipelineCompiler.compile(
            "looped.osop.yaml", text.getBytes(StandardCharsets.UTF_8), "/tmp", Map.of());

    assertThat(Fixtures.at(looped, backEdgeLine, 5).message()).isEqualTo(expected);
    Random random = new Random(7);
    for (int round = 0; round < 5; round++) {
      String shuffled = shuffleBlocks(text, random);
      Compilation reordered =
          PipelineCompiler.compile(
              "shuffled.osop.yaml", shuffled.getBytes(StandardCharsets.UTF_8), "/tmp", Map.of());
      int line = lineOf(shuffled, "  - from: \"evaluate\"\n    to: \"train_model\"");
      assertThat(Fixtures.at(reordered, line, 5).message()).as(shuffled).isEqualTo(expected);
    }
  }

  private static int lineOf(String text, String block) {
    return (int) text.substring(0, text.indexOf(block)).lines().count() + 1;
  }

  @Test
  void findingsDoNotDependOnTheOrderOfNodesAndEdges() throws Exception {
    String text = Files.readString(Fixtures.path("graph-errors.osop.yaml"));
    List<String> expected = messages(result);
    Random random = new Random(42);
    for (int round = 0; round < 5; round++) {
      String shuffled = shuffleBlocks(text, random);
      Compilation reordered =
          PipelineCompiler.compile(
              "shuffled.osop.yaml", shuffled.getBytes(StandardCharsets.UTF_8), "/tmp", Map.of());
      assertThat(messages(reordered)).as(shuffled).isEqualTo(expected);
    }
  }

  private static List<String> messages(Compilation compilation) {
    List<String> messages = new ArrayList<>();
    for (Finding finding : compilation.findings()) {
      // The first of two duplicate ids is the one kept, so the line it names moves with it.
      messages.add(finding.severity() + " " + finding.message().replaceAll("line \\d+", "line N"));
    }
    Collections.sort(messages);
    return messages;
  }

  /** Shuffles the " - " items of the nodes and edges lists, keeping each item's lines. */
  private static String shuffleBlocks(String text, Random random) {
    int nodesAt = text.indexOf("nodes:\n");
    int edgesAt = text.indexOf("edges:\n");
    String head = text.substring(0, nodesAt + "nodes:\n".length());
    String nodes = text.substring(nodesAt + "nodes:\n".length(), edgesAt);
    String edges = text.substring(edgesAt + "edges:\n".length());
    return head + shuffle(nodes, random) + "edges:\n" + shuffle(edges, random);
  }

  private static String shuffle(String list, Random random) {
    List<String> items = new ArrayList<>();
    for (String item : list.split("(?m)^(?=  - )")) {
      if (!item.isBlank()) {
        items.add(item.endsWith("\n") ? item : item + "\n");
      }
    }
    Collections.shuffle(items, random);
    return String.join("", items);
  }
}
