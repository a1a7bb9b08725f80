package io.osop.temporal.activities.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ObjectStore} of plain files under a root folder, addressed as {@code file://} URIs.
 *
 * <p>New objects are written to a temporary file in the target's folder and linked into place when
 * the stream closes, so readers never see a partial object and an existing object is never
 * overwritten by {@link #create}. {@link #replace} holds a file lock (plus an in-process lock) and
 * uses the file's modification time in microseconds as the generation, bumping it past the previous
 * one so that two quick replaces never share a generation.
 */
public final class LocalObjectStore implements ObjectStore {

  private static final Logger log = LoggerFactory.getLogger(LocalObjectStore.class);
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS_LOCKS =
      new ConcurrentHashMap<>();

  private final Path root;
  private final String rootUriPath;

  /** Creates a store rooted at a folder, creating the folder when missing. */
  public LocalObjectStore(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    Files.createDirectories(this.root);
    this.rootUriPath = this.root.toUri().getPath().replaceAll("/+$", "") + "/";
  }

  /** The folder objects live under. */
  public Path root() {
    return root;
  }

  @Override
  public String uri(String key) {
    String path = rootUriPath + (key.isEmpty() ? "" : ObjectKeys.requireValidPrefix(key));
    try {
      return new URI("file", "", path, null).toString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot form a file URI: key=" + key, e);
    }
  }

  @Override
  public String key(String uri) {
    URI parsed = URI.create(uri);
    if (!"file".equals(parsed.getScheme())) {
      throw new IllegalArgumentException("not a file:// URI of this store: uri=" + uri);
    }
    String path = parsed.getPath();
    if (path == null || !path.startsWith(rootUriPath)) {
      throw new IllegalArgumentException(
          "URI lies outside this store's root: uri=" + uri + " root=" + root);
    }
    return ObjectKeys.requireValidPrefix(path.substring(rootUriPath.length()));
  }

  @Override
  public OutputStream create(String key) throws IOException {
    Path target = resolve(key);
    Files.createDirectories(target.getParent());
    Path temp = tempSibling(target);
    OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW);
    return new PublishOnClose(out, key, temp, target);
  }

  @Override
  public InputStream open(String key) throws IOException {
    Path path = resolve(key);
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(path.toString(), null, "no such object: key=" + key);
    }
  }

  @Override
  public Optional<ObjectInfo> stat(String key) throws IOException {
    return statPath(ObjectKeys.requireValid(key), resolve(key));
  }

  @Override
  public List<ObjectInfo> list(String prefix) throws IOException {
    ObjectKeys.requireValidPrefix(prefix);
    int slash = prefix.lastIndexOf('/');
    Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    try (Stream<Path> files = Files.walk(start)) {
      files
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith(ObjectKeys.RESERVED_PREFIX))
          .map(this::keyOf)
          .filter(k -> k.startsWith(prefix))
          .forEach(keys::add);
    }
    keys.sort(null);
    List<ObjectInfo> infos = new ArrayList<>(keys.size());
    for (String key : keys) {
      statPath(key, root.resolve(key)).ifPresent(infos::add);
    }
    return infos;
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(resolve(key));
  }

  @Override
  public boolean replace(String key, byte[] bytes, long expectedGeneration) throws IOException {
    Path target = resolve(key);
    Files.createDirectories(target.getParent());
    Path lockFile =
        target.resolveSibling(ObjectKeys.RESERVED_PREFIX + "lock-" + target.getFileName());
    ReentrantLock inProcess = IN_PROCESS_LOCKS.computeIfAbsent(lockFile, p -> new ReentrantLock());
    inProcess.lock();
    try (FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = channel.lock()) {
      long current = Files.exists(target) ? generationOf(target) : 0L;
      if (current != expectedGeneration) {
        log.debug(
            "Object changed since it was read; not replaced. key={} expected={} actual={}",
            key,
            expectedGeneration,
            current);
        return false;
      }
      Path temp = tempSibling(target);
      try {
        Files.write(temp, bytes, StandardOpenOption.CREATE_NEW);
        long next = Math.max(nowMicros(), current + 1);
        Files.setLastModifiedTime(temp, FileTime.from(next, TimeUnit.MICROSECONDS));
        if (generationOf(temp) <= current) {
          throw new IOException(
              "the file system cannot record microsecond modification times, which the store"
                  + " uses as generations: path="
                  + temp);
        }
        moveReplacing(temp, target);
      } finally {
        Files.deleteIfExists(temp);
      }
      return true;
    } finally {
      inProcess.unlock();
    }
  }

  @Override
  public Optional<Path> localPath(String key) {
    return Optional.of(resolve(key));
  }

  private Path resolve(String key) {
    Path path = root.resolve(ObjectKeys.requireValid(key)).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("object key escapes the store root: key=" + key);
    }
    return path;
  }

  private String keyOf(Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  private static Path tempSibling(Path target) {
    return target.resolveSibling(
        ObjectKeys.RESERVED_PREFIX + "tmp-" + target.getFileName() + "-" + UUID.randomUUID());
  }

  private static long nowMicros() {
    return TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
  }

  private static long generationOf(Path path) throws IOException {
    return Files.getLastModifiedTime(path).to(TimeUnit.MICROSECONDS);
  }

  private static Optional<ObjectInfo> statPath(String key, Path path) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (!attributes.isRegularFile()) {
      return Optional.empty();
    }
    return Optional.of(
        new ObjectInfo(
            key,
            attributes.size(),
            crc32c(path),
            attributes.lastModifiedTime().to(TimeUnit.MICROSECONDS)));
  }

  /** The CRC32C of a file, base64 of its four big-endian bytes as GCS reports it. */
  static String crc32c(Path path) throws IOException {
    CRC32C crc = new CRC32C();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(path)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        crc.update(buffer, 0, n);
      }
    }
    return encodeCrc32c(crc.getValue());
  }

  /** Formats a CRC32C value the way GCS reports it: base64 of four big-endian bytes. */
  public static String encodeCrc32c(long value) {
    return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) value).array());
  }

  static void moveReplacing(Path source, Path target) throws IOException {
    try {
      Files.move(
          source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system cannot rename atomically: path=" + target, e);
    }
  }
}
