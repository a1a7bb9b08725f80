package io.osop.temporal.activities.storage;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes the temporary file under its key when the stream closes cleanly. */
final class PublishOnClose extends FilterOutputStream implements AbortableOutput {

  private static final Logger log = LoggerFactory.getLogger(PublishOnClose.class);

  private final String key;
  private final Path temp;
  private final Path target;
  private boolean failed;
  private boolean closed;

  PublishOnClose(OutputStream out, String key, Path temp, Path target) {
    super(out);
    this.key = key;
    this.temp = temp;
    this.target = target;
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException | RuntimeException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException | RuntimeException e) {
      failed = true;
      throw e;
    }
  }

  @Override
  public void abort() throws IOException {
    failed = true;
    close();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.close();
      if (!failed) {
        publish();
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private void publish() throws IOException {
    try {
      // A hard link never replaces an existing file, so two writers cannot clobber each other.
      Files.createLink(target, temp);
      return;
    } catch (FileAlreadyExistsException e) {
      if (Files.mismatch(temp, target) == -1L) {
        log.debug("Object already holds the same bytes; kept as is. key={}", key);
        return;
      }
      throw new ObjectExistsException(key);
    } catch (UnsupportedOperationException | FileSystemException e) {
      // Some file systems have no hard links; a rename after the check is the fallback, which
      // cannot tell two racing first writers apart.
      log.debug(
          "Hard links unavailable; publishing by rename. key={} reason={}", key, e.toString());
    }
    if (Files.exists(target)) {
      if (Files.mismatch(temp, target) == -1L) {
        return;
      }
      throw new ObjectExistsException(key);
    }
    LocalObjectStore.moveReplacing(temp, target);
  }
}
