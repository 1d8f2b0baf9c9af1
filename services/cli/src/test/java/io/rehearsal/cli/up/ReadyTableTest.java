package io.rehearsal.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadyTableTest {

  @Test
  void shouldShowAddressesHealthStartupAndLogPerServiceWhenRendered() {
    List<ReadyTable.Row> rows =
        List.of(
            new ReadyTable.Row(
                new ServicePorts(Service.DETECTOR, 4317, 4318),
                11,
                Duration.ofMillis(4_240),
                Path.of("/logs/detector.log")),
            new ReadyTable.Row(
                new ServicePorts(Service.GATEWAY, 9090, 8080),
                2222,
                Duration.ofMillis(12_040),
                Path.of("/logs/gateway.log")));

    List<String> lines = ReadyTable.render(rows, "Redis redis://127.0.0.1:1234").lines().toList();

    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).isEqualTo("Redis redis://127.0.0.1:1234");
    assertThat(lines.get(1).split("\\s+"))
        .containsExactly("SERVICE", "PID", "GRPC", "HTTP", "READY", "IN", "HEALTH", "LOG");
    assertThat(lines.get(2).split("\\s{2,}"))
        .containsExactly(
            "detector",
            "11",
            "127.0.0.1:4317",
            "127.0.0.1:4318",
            "4.2 s",
            "http://127.0.0.1:4318/q/health/ready",
            "/logs/detector.log");
    assertThat(lines.get(3)).contains("gateway", "2222", "127.0.0.1:9090", "12.0 s");
  }

  @Test
  void shouldAlignEveryColumnWhenValuesDifferInWidth() {
    List<ReadyTable.Row> rows =
        List.of(
            new ReadyTable.Row(
                new ServicePorts(Service.SANDBOX, 9091, 8081), 7, Duration.ZERO, Path.of("/a")),
            new ReadyTable.Row(
                new ServicePorts(Service.GATEWAY, 19090, 18080),
                1234567,
                Duration.ZERO,
                Path.of("/b")));

    List<String> lines = ReadyTable.render(rows, "redis").lines().skip(1).toList();

    int grpcColumn = lines.get(0).indexOf("GRPC");
    int healthColumn = lines.get(0).indexOf("HEALTH");
    assertThat(lines.subList(1, 3))
        .allSatisfy(
            row -> {
              assertThat(row.indexOf("127.0.0.1")).isEqualTo(grpcColumn);
              assertThat(row.indexOf("http://")).isEqualTo(healthColumn);
            });
  }
}
