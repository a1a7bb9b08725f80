package io.osop.temporal.osop;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a pipeline file's bytes to text: UTF-8 only, a byte-order mark dropped, empty files and
 * control characters (binary content) refused with the place of the first bad byte.
 */
final class PipelineText {

  private final String file;
  private final Findings findings;

  PipelineText(String file, Findings findings) {
    this.file = file;
    this.findings = findings;
  }

  /** The text, or null after reporting why the bytes are not a text file. */
  String decode(byte[] bytes) {
    int start = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      start = 3;
    } else if (bytes.length >= 2
        && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
            || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
      findings.error(at(1, 1), "the file is UTF-16 encoded; save it as UTF-8");
      return null;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      String text = decoder.decode(input).toString();
      if (text.isBlank()) {
        findings.error(
            at(1, 1),
            "the file is empty; a pipeline needs osop_version, id, name, nodes and edges");
        return null;
      }
      return onlyTextCharacters(text) ? text : null;
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(bytes, start);
      String prefix = new String(bytes, start, bad - start, StandardCharsets.UTF_8);
      findings.error(
          positionAfter(prefix),
          String.format(
              "the file is not UTF-8 text (byte 0x%02X at offset %d); is it a binary file?",
              bytes[bad] & 0xFF, bad));
      return null;
    }
  }

  private static int firstInvalidUtf8(byte[] bytes, int start) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    decoder.decode(input, out, true);
    return Math.min(input.position(), bytes.length - 1);
  }

  private boolean onlyTextCharacters(String text) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        column = 1;
        continue;
      }
      if (c < 0x20 && c != '\t' && c != '\r' || c == 0x7F) {
        findings.error(
            at(line, column),
            String.format(
                "control character U+%04X in the file; pipeline files are plain text (is it a"
                    + " binary file?)",
                (int) c));
        return false;
      }
      if (!Character.isLowSurrogate(c)) {
        column++;
      }
    }
    return true;
  }

  private SourcePosition positionAfter(String prefix) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < prefix.length(); i++) {
      if (prefix.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return at(line, column);
  }

  private SourcePosition at(int line, int column) {
    return SourcePosition.of(file, line, column);
  }
}
