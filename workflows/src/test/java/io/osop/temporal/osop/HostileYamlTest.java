package io.osop.temporal.osop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken or hostile files end in one clear error, quickly and without large allocations. The time
 * bound is the "within a second"; the allocation bound is generous (256 MiB) and only
 * catches unbounded expansion.
 */
class HostileYamlTest {

  private static final long ALLOCATION_LIMIT = 256L * 1024 * 1024;

  @TempDir Path folder;

  @BeforeAll
  static void warmUp() {
    Fixtures.compile("tabs.osop.yaml");
  }

  @Test
  void aliasBombWithManyAliasesIsRejected() {
    Finding finding = onlyError(() -> Fixtures.compile("alias-bomb.osop.yaml"));

    assertThat(finding.message())
        .isEqualTo(
            "the file uses more than 32 aliases to lists or mappings; pipeline files need few if"
                + " any");
  }

  @Test
  void aliasBombWithFewAliasesIsStoppedByTheExpansionBudget() {
    Finding finding = onlyError(() -> Fixtures.compile("alias-bomb-few-aliases.osop.yaml"));

    assertThat(finding.message())
        .startsWith(
            "the document expands to more than 200000 values (aliases repeat their target)");
    assertThat(finding.position().line()).isEqualTo(4);
  }

  @Test
  void tenThousandNestedBracketsAreRejected() throws IOException {
    Path file = folder.resolve("nested.osop.yaml");
    Files.writeString(file, "x-deep: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");

    Finding finding = onlyError(() -> PipelineCompiler.compile(file, Map.of()));

    assertThat(finding.message()).isEqualTo("values nest more than 64 levels deep");
  }

  @Test
  void fiftyMegabyteFileIsRejectedWithoutReadingIt() throws IOException {
    Path file = folder.resolve("huge.osop.yaml");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(50L * 1024 * 1024);
    }

    Finding finding = onlyError(() -> PipelineCompiler.compile(file, Map.of()));

    assertThat(finding.message())
        .isEqualTo("the file is 52428800 bytes; pipeline files are limited to 4194304 bytes");
    assertThat(finding.position().line()).isEqualTo(1);
  }

  @Test
  void endlessInputIsCutAtTheLimit() {
    Path zero = Path.of("/dev/zero");
    Assumptions.assumeTrue(Files.exists(zero), "needs /dev/zero");

    Finding finding = onlyError(() -> PipelineCompiler.compile(zero, Map.of()));

    assertThat(finding.message())
        .isEqualTo(
            "the input does not end within the limit; pipeline files are limited to 4194304"
                + " bytes");
  }

  @Test
  void binaryBytesAreRejectedAtTheFirstInvalidByte() throws IOException {
    Path file = folder.resolve("binary.osop.yaml");
    byte[] bytes = {'i', 'd', ':', ' ', 'x', '\n', 'n', (byte) 0xC3, (byte) 0x28, 0, 1, 2};
    Files.write(file, bytes);

    Finding finding = onlyError(() -> PipelineCompiler.compile(file, Map.of()));

    assertThat(finding.message())
        .isEqualTo("the file is not UTF-8 text (byte 0xC3 at offset 7); is it a binary file?");
    assertThat(finding.position().line()).isEqualTo(2);
    assertThat(finding.position().column()).isEqualTo(2);
  }

  @Test
  void controlCharactersInUtf8TextAreRejected() throws IOException {
    Path file = folder.resolve("nul.osop.yaml");
    Files.write(file, "id: a\nname: b\u0000c\n".getBytes(StandardCharsets.UTF_8));

    Finding finding = onlyError(() -> PipelineCompiler.compile(file, Map.of()));

    assertThat(finding.message()).startsWith("control character U+0000 in the file");
    assertThat(finding.position().line()).isEqualTo(2);
    assertThat(finding.position().column()).isEqualTo(8);
  }

  @Test
  void emptyFileIsRejected() {
    Finding finding = onlyError(() -> Fixtures.compile("empty.osop.yaml"));

    assertThat(finding.message())
        .isEqualTo("the file is empty; a pipeline needs osop_version, id, name, nodes and edges");
  }

  @Test
  void tabsUsedForIndentationAreRejectedAtTheTab() {
    Finding finding = onlyError(() -> Fixtures.compile("tabs.osop.yaml"));

    assertThat(finding.position().line()).isEqualTo(5);
    assertThat(finding.position().column()).isEqualTo(1);
    assertThat(finding.message()).contains("YAML indents with spaces only");
  }

  @Test
  void javaTypeTagsAreRejectedWithoutConstructingAnything() {
    Finding finding = onlyError(() -> Fixtures.compile("java-tag.osop.yaml"));

    assertThat(finding.position().line()).isEqualTo(3);
    assertThat(finding.message())
        .startsWith("the tag tag:yaml.org,2002:javax.script.ScriptEngineManager is not allowed");
  }

  @Test
  void duplicateKeysAreRejectedAtTheSecondKey() {
    Finding finding = onlyError(() -> Fixtures.compile("duplicate-key.osop.yaml"));

    assertThat(finding.position().line()).isEqualTo(9);
    assertThat(finding.position().column()).isEqualTo(7);
    assertThat(finding.message()).isEqualTo("duplicate key 'command' (first defined at line 8)");
  }

  @Test
  void byteOrderMarkAndCrlfLineEndsReadLikeAnyOtherFile() throws IOException {
    byte[] seed = Files.readAllBytes(Fixtures.path("seed.osop.yaml"));
    String crlf = new String(seed, StandardCharsets.UTF_8).replace("\n", "\r\n");
    byte[] text = crlf.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    Path file = folder.resolve("bom-crlf.osop.yaml");
    Files.write(file, withBom);

    Compilation plain = Fixtures.compile("seed.osop.yaml");
    Compilation other = PipelineCompiler.compile(file, Map.of());

    assertThat(other.findings()).isEmpty();
    assertThat(other.definition().nodes()).isEqualTo(plain.definition().nodes());
    assertThat(other.definition().edges()).isEqualTo(plain.definition().edges());
  }

  @Test
  void positionsCountLinesAndColumnsTheSameWithBomAndCrlf() throws IOException {
    String broken = "\uFEFFosop_version: \"1.0\"\r\nid: on\r\n";
    Path file = folder.resolve("broken-crlf.osop.yaml");
    Files.write(file, broken.getBytes(StandardCharsets.UTF_8));

    Compilation result = PipelineCompiler.compile(file, Map.of());

    assertThat(Fixtures.at(result, 2, 5).message()).startsWith("'id' must be a string");
  }

  /** Runs the compilation under the time and allocation bounds; returns its single error. */
  private static Finding onlyError(Supplier<Compilation> compile) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Compilation result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(1),
            () -> {
              long before = threads.getCurrentThreadAllocatedBytes();
              Compilation compiled = compile.get();
              long allocated = threads.getCurrentThreadAllocatedBytes() - before;
              assertThat(allocated).as("bytes allocated").isLessThan(ALLOCATION_LIMIT);
              return compiled;
            });
    assertThat(result.findings()).hasSize(1);
    assertThat(result.definition()).isNull();
    return result.findings().get(0);
  }
}
