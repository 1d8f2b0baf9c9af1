package io.rehearsal.cli.up;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table {@code rehearsal up} prints once every service is ready. */
final class ReadyTable {

  private static final List<String> HEADER =
      List.of("SERVICE", "PID", "GRPC", "HTTP", "READY IN", "HEALTH", "LOG");

  private ReadyTable() {}

  /**
   * One started service as shown in the table.
   *
   * @param ports its ports
   * @param pid its process id
   * @param startup time from process start to ready
   * @param logFile its log file
   */
  record Row(ServicePorts ports, long pid, Duration startup, java.nio.file.Path logFile) {}

  static String render(List<Row> rows, String redisLine) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(HEADER);
    rows.forEach(row -> cells.add(cellsOf(row)));
    StringBuilder out = new StringBuilder();
    out.append(redisLine).append('\n');
    appendAligned(out, cells);
    return out.toString();
  }

  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  private static List<String> cellsOf(Row row) {
    return List.of(
        row.ports().service().id(),
        Long.toString(row.pid()),
        row.ports().grpcAddress(),
        row.ports().httpAddress(),
        seconds(row.startup()),
        row.ports().readinessUri().toString(),
        row.logFile().toString());
  }

  private static void appendAligned(StringBuilder out, List<List<String>> cells) {
    int[] widths = new int[HEADER.size()];
    for (List<String> line : cells) {
      for (int i = 0; i < line.size(); i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    for (List<String> line : cells) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < line.size(); i++) {
        text.append(String.format(Locale.ROOT, "%-" + (widths[i] + 2) + "s", line.get(i)));
      }
      out.append(text.toString().stripTrailing()).append('\n');
    }
  }
}
