package io.rehearsal.cli.ports;

/**
 * One listening TCP socket as the kernel lists it in {@code /proc/net/tcp} or {@code tcp6}.
 *
 * @param port the local port
 * @param uid the user id owning the socket
 * @param inode the socket inode, which a process's {@code /proc/<pid>/fd/*} links name as {@code
 *     socket:[inode]}
 */
record ListenSocket(int port, int uid, long inode) {

  ListenSocket {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, but was " + port);
    }
    if (inode < 0) {
      throw new IllegalArgumentException("inode must be >= 0, but was " + inode);
    }
  }

  /** The link target of a file descriptor that refers to this socket. */
  String fdLink() {
    return "socket:[" + inode + "]";
  }
}
