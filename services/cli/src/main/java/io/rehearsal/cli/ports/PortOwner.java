package io.rehearsal.cli.ports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the process that listens on a TCP port by reading {@code /proc} only (no external tools):
 * the LISTEN socket's inode from {@code /proc/net/tcp{,6}}, then the process whose {@code
 * /proc/<pid>/fd/*} links to {@code socket:[inode]}.
 */
public final class PortOwner {

  private static final int MAX_COMMAND_LENGTH = 200;

  private final Path procRoot;

  /**
   * @param procRoot where procfs is mounted, normally {@code /proc}
   */
  public PortOwner(Path procRoot) {
    this.procRoot = procRoot;
  }

  /**
   * @return a lookup over this machine's {@code /proc}
   */
  public static PortOwner system() {
    return new PortOwner(Paths.get("/proc"));
  }

  /**
   * Looks up who listens on {@code port}.
   *
   * @param port the TCP port
   * @return the holder, or empty when nothing listens on the port (or procfs is unavailable)
   */
  public Optional<PortHolder> find(int port) {
    try {
      List<ListenSocket> sockets = listeningOn(port);
      if (sockets.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(holderOf(port, sockets));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private List<ListenSocket> listeningOn(int port) throws IOException {
    return ProcNetTcp.listening(procRoot).stream()
        .filter(socket -> socket.port() == port)
        .collect(Collectors.toList());
  }

  private PortHolder holderOf(int port, List<ListenSocket> sockets) throws IOException {
    Set<String> links = sockets.stream().map(ListenSocket::fdLink).collect(Collectors.toSet());
    OptionalLong pid = pidHolding(links);
    String command = pid.isPresent() ? commandLine(pid.getAsLong()) : "";
    return new PortHolder(port, sockets.get(0).uid(), pid, command);
  }

  private OptionalLong pidHolding(Set<String> links) throws IOException {
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(procRoot, "[0-9]*")) {
      for (Path process : processes) {
        if (holdsAny(process, links)) {
          return OptionalLong.of(Long.parseLong(process.getFileName().toString()));
        }
      }
    }
    return OptionalLong.empty();
  }

  /** Another user's process, or one that exits while we look, simply does not match. */
  private static boolean holdsAny(Path process, Set<String> links) {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
      for (Path fd : fds) {
        if (links.contains(linkTarget(fd))) {
          return true;
        }
      }
      return false;
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private static String linkTarget(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "";
    }
  }

  private String commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(procRoot.resolve(Long.toString(pid)).resolve("cmdline"));
      String command = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
      return command.length() <= MAX_COMMAND_LENGTH
          ? command
          : command.substring(0, MAX_COMMAND_LENGTH) + "...";
    } catch (IOException e) {
      return "";
    }
  }
}
