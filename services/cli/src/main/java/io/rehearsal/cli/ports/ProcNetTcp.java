package io.rehearsal.cli.ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the kernel's TCP socket tables ({@code /proc/net/tcp} and {@code /proc/net/tcp6}) for
 * sockets in the LISTEN state.
 *
 * <p>A data line reads {@code sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout
 * inode ...}; {@code local_address} is {@code HEXADDR:HEXPORT} and state {@code 0A} is LISTEN.
 */
final class ProcNetTcp {

  private static final String LISTEN = "0A";
  private static final int LOCAL_ADDRESS = 1;
  private static final int STATE = 3;
  private static final int UID = 7;
  private static final int INODE = 9;

  private ProcNetTcp() {}

  /** Listening sockets of both tables under {@code procRoot} (a missing table counts as empty). */
  static List<ListenSocket> listening(Path procRoot) throws IOException {
    List<ListenSocket> sockets = new ArrayList<>();
    for (String table : List.of("net/tcp", "net/tcp6")) {
      sockets.addAll(parse(readTable(procRoot.resolve(table))));
    }
    return sockets;
  }

  /** Listening sockets in the lines of one table; the header line and other states are skipped. */
  static List<ListenSocket> parse(List<String> lines) {
    List<ListenSocket> sockets = new ArrayList<>();
    for (String line : lines) {
      parseLine(line).ifPresent(sockets::add);
    }
    return sockets;
  }

  static Optional<ListenSocket> parseLine(String line) {
    String[] fields = line.trim().split("\\s+");
    if (fields.length <= INODE || !fields[0].endsWith(":") || !LISTEN.equals(fields[STATE])) {
      return Optional.empty();
    }
    String local = fields[LOCAL_ADDRESS];
    int port = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16);
    return Optional.of(
        new ListenSocket(port, Integer.parseInt(fields[UID]), Long.parseLong(fields[INODE])));
  }

  private static List<String> readTable(Path table) throws IOException {
    try {
      return Files.readAllLines(table);
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }
}
