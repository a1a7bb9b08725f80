package io.osop.temporal.starter.dev;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Says in words why a file operation failed; Java's messages often name only the path. */
final class IoErrors {

  private IoErrors() {}

  static String describe(IOException e) {
    String reason;
    if (e instanceof AccessDeniedException) {
      reason = "permission denied";
    } else if (e instanceof FileAlreadyExistsException) {
      reason = "a file (not a folder) is in the way";
    } else if (e instanceof NotDirectoryException) {
      reason = "not a folder";
    } else if (e instanceof NoSuchFileException) {
      reason = "no such file or folder, and it cannot be created there";
    } else if (e instanceof FileSystemException f && f.getReason() != null) {
      reason = f.getReason();
    } else {
      reason = e.getClass().getSimpleName();
    }
    String path = e instanceof FileSystemException f ? f.getFile() : null;
    return path == null ? reason + " (" + e.getMessage() + ")" : reason + ": " + path;
  }
}
