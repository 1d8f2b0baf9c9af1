package io.rehearsal.proto.v1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The v1 contract files as they sit in the module directory (the protoc source root). */
final class ProtoFiles {

  /** Import prefix of every v1 contract, e.g. {@code rehearsal/v1/common.proto}. */
  static final String IMPORT_PREFIX = "rehearsal/v1/";

  private ProtoFiles() {}

  /** Directory holding the v1 .proto files; surefire runs with the module as base directory. */
  static Path directory() {
    return Path.of(System.getProperty("basedir", ".")).resolve(IMPORT_PREFIX);
  }

  /** Every .proto file of v1, sorted by name; fails if the directory is missing. */
  static List<Path> all() {
    try (Stream<Path> files = Files.list(directory())) {
      return files.filter(p -> p.toString().endsWith(".proto")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory().toAbsolutePath(), e);
    }
  }

  /** Lines of one file. */
  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
    }
  }

  /** Import path of a file on disk, e.g. {@code rehearsal/v1/common.proto}. */
  static String importPath(Path file) {
    return IMPORT_PREFIX + file.getFileName();
  }
}
