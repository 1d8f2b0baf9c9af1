package io.rehearsal.cli.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcNetTcpTest {

  // Lines as the kernel prints them (tcp, then tcp6), trailing columns shortened.
  private static final List<String> TCP =
      List.of(
          "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid"
              + "  timeout inode",
          "   0: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0"
              + "        0 1534 1 000000008b5999e0 100 0 0 10 0",
          "   1: 0100007F:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000  1000"
              + "        0 99 1 0000000000000000 20 4 30 10 -1");
  private static final List<String> TCP6 =
      List.of(
          "  sl  local_address                         remote_address                        st"
              + " tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
          "   0: 00000000000000000000000000000000:238C 00000000000000000000000000000000:0000 0A"
              + " 00000000:00000000 00:00000000 00000000     0        0 77777 1 0 100 0 0 10 0");

  @Test
  void shouldKeepOnlyListeningSocketsWhenParsingIpv4Table() {
    assertThat(ProcNetTcp.parse(TCP)).containsExactly(new ListenSocket(2024, 0, 1534));
  }

  @Test
  void shouldDecodeTheHexPortWhenParsingIpv6Table() {
    assertThat(ProcNetTcp.parse(TCP6)).containsExactly(new ListenSocket(9100, 0, 77777));
  }

  @Test
  void shouldSkipTheHeaderAndBlankLines() {
    assertThat(ProcNetTcp.parseLine(TCP.get(0))).isEmpty();
    assertThat(ProcNetTcp.parseLine("")).isEmpty();
  }

  @Test
  void shouldNameTheSocketAsFdLinksDo() {
    assertThat(new ListenSocket(80, 0, 1534).fdLink()).isEqualTo("socket:[1534]");
  }
}
