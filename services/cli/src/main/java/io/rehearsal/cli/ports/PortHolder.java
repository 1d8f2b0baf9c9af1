package io.rehearsal.cli.ports;

import java.util.OptionalLong;

/**
 * Who holds a listening port.
 *
 * @param port the port
 * @param uid the user id owning the listening socket
 * @param pid the holding process, empty when no visible process has the socket open (another user's
 *     process, or it exited meanwhile)
 * @param commandLine the holder's command line (arguments joined by spaces), empty when unknown
 */
public record PortHolder(int port, int uid, OptionalLong pid, String commandLine) {

  /** Validates the fields. */
  public PortHolder {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, but was " + port);
    }
    if (pid == null || commandLine == null) {
      throw new IllegalArgumentException("pid and commandLine must not be null (use empty)");
    }
  }

  /**
   * A phrase for error messages, e.g. {@code pid 4242 (java -jar app.jar)}.
   *
   * @return who holds the port, as precisely as is known
   */
  public String describe() {
    if (pid.isEmpty()) {
      return "a process of uid " + uid + " that cannot be inspected from this user";
    }
    String command = commandLine.isEmpty() ? "command line unknown" : commandLine;
    return "pid " + pid.getAsLong() + " (" + command + ")";
  }
}
