package io.rehearsal.cli.ports;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Tells whether a TCP port can be listened on, by trying: binding the wildcard address is what a
 * server does, and it fails whenever another socket listens on the port on any local address.
 */
public final class PortCheck {

  private PortCheck() {}

  /**
   * @param port a TCP port between 1 and 65535
   * @return true if a server could listen on {@code port} right now
   */
  public static boolean isFree(int port) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, but was " + port);
    }
    try (ServerSocket socket = new ServerSocket()) {
      // SO_REUSEADDR lets us bind over TIME_WAIT leftovers of a previous run, as servers do.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
