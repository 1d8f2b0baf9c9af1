package io.rehearsal.cli.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortOwnerTest {

  private static final long SELF = ProcessHandle.current().pid();

  @Test
  void shouldFindThisJvmWhenItListensOnThePort() throws IOException {
    try (ServerSocket server = new ServerSocket(0)) {
      Optional<PortHolder> holder = PortOwner.system().find(server.getLocalPort());

      assertThat(holder).isPresent();
      assertThat(holder.get().pid()).hasValue(SELF);
      assertThat(holder.get().commandLine()).contains("java");
      assertThat(holder.get().describe()).startsWith("pid " + SELF + " (");
    }
  }

  @Test
  void shouldFindThisJvmWhenItListensOnLoopbackOnly() throws IOException {
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

      assertThat(PortOwner.system().find(server.getLocalPort()).flatMap(h -> box(h.pid())))
          .contains(SELF);
    }
  }

  @Test
  void shouldFindNothingWhenNoOneListens() throws IOException {
    int port;
    try (ServerSocket server = new ServerSocket(0)) {
      port = server.getLocalPort();
    }
    assertThat(PortOwner.system().find(port)).isEmpty();
  }

  @Test
  void shouldReportTheUidWhenNoVisibleProcessHoldsTheSocket(@TempDir Path proc) throws IOException {
    Files.createDirectories(proc.resolve("net"));
    Files.write(
        proc.resolve("net/tcp"),
        List.of(
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid"
                + "  timeout inode",
            "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000"
                + "        0 424242 1 0000000000000000 100 0 0 10 0"));

    Optional<PortHolder> holder = new PortOwner(proc).find(8080);

    assertThat(holder).isPresent();
    assertThat(holder.get().pid()).isEmpty();
    assertThat(holder.get().describe())
        .isEqualTo("a process of uid 1000 that cannot be inspected from this user");
  }

  private static Optional<Long> box(java.util.OptionalLong value) {
    return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
  }
}
