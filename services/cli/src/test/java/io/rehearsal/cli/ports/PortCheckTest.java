package io.rehearsal.cli.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortCheckTest {

  @Test
  void shouldReportTakenWhenAServerSocketListensOnThePort() throws IOException {
    try (ServerSocket server = new ServerSocket(0)) {
      assertThat(PortCheck.isFree(server.getLocalPort())).isFalse();
    }
  }

  @Test
  void shouldReportTakenWhenTheListenerIsBoundToLoopbackOnly() throws IOException {
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      assertThat(PortCheck.isFree(server.getLocalPort())).isFalse();
    }
  }

  @Test
  void shouldReportFreeWhenTheListenerHasClosed() throws IOException {
    int port;
    try (ServerSocket server = new ServerSocket(0)) {
      port = server.getLocalPort();
    }
    assertThat(PortCheck.isFree(port)).isTrue();
  }

  @Test
  void shouldRejectAPortOutOfRange() {
    assertThatThrownBy(() -> PortCheck.isFree(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be between 1 and 65535, but was 0");
  }
}
