package io.rehearsal.cli.twin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes small OTLP JSON-lines recordings, as the OpenTelemetry Collector's file exporter does: a
 * front service whose {@code GET /home} calls {@code back}'s {@code GET /data}, Poisson arrivals,
 * lognormal self times, one trace export per second and cumulative {@code process.cpu.time} of each
 * service every two seconds.
 */
public final class CalibrateFixtures {
  public static final long T0 = 1_700_000_000_000_000_000L;

  private CalibrateFixtures() {}

  /** Writes {@code seconds} of traffic at {@code rate} per second to a gzipped file. */
  public static Path recording(Path dir, String name, double rate, int seconds, long seed)
      throws IOException {
    return surge(dir, name, rate, seconds, seed, seconds, rate);
  }

  /** As {@link #recording}, with arrivals at {@code surgeRate} from {@code surgeAt} seconds on. */
  public static Path surge(
      Path dir, String name, double rate, int seconds, long seed, double surgeAt, double surgeRate)
      throws IOException {
    Path file = dir.resolve(name + ".otlp.jsonl.gz");
    SplittableRandom random = new SplittableRandom(seed);
    List<List<String>> spansPerSecond = new ArrayList<>();
    for (int s = 0; s <= seconds + 1; s++) {
      spansPerSecond.add(new ArrayList<>());
    }
    double[] cpu = new double[2];
    long id = 1;
    for (double t = exp(random, rate);
        t < seconds;
        t += exp(random, t < surgeAt ? rate : surgeRate)) {
      double frontSelf = 0.002 * Math.exp(0.4 * gauss(random));
      double backSelf = 0.004 * Math.exp(0.4 * gauss(random));
      long trace = id++;
      long front = id++;
      long client = id++;
      long back = id++;
      double cStart = t + frontSelf / 2;
      double cEnd = cStart + backSelf + 0.0004;
      double end = cEnd + frontSelf / 2;
      List<String> bucket = spansPerSecond.get((int) end + 1);
      bucket.add(span("front", trace, front, 0, "GET /home", 2, t, end, "GET", "/home", ""));
      bucket.add(
          span("front", trace, client, front, "GET /data", 3, cStart, cEnd, "GET", "", "back"));
      bucket.add(
          span(
              "back",
              trace,
              back,
              client,
              "GET /data",
              2,
              cStart + 0.0002,
              cEnd - 0.0002,
              "GET",
              "/data",
              ""));
      cpu[0] += 0.5 * frontSelf;
      cpu[1] += 0.8 * backSelf;
    }
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
        Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      for (int s = 0; s < spansPerSecond.size(); s++) {
        List<String> spans = spansPerSecond.get(s);
        for (String service : List.of("front", "back")) {
          String these =
              String.join(
                  ",", spans.stream().filter(x -> x.contains("\"svc:" + service + "\"")).toList());
          if (!these.isEmpty()) {
            w.write(traces(service, these.replace(",\"svc:" + service + "\":0", "")));
            w.write('\n');
          }
        }
        if (s % 2 == 0 && s > 0) {
          w.write(cpuLine("front", s, cpu[0] * s / (double) spansPerSecond.size()));
          w.write('\n');
          w.write(cpuLine("back", s, cpu[1] * s / (double) spansPerSecond.size()));
          w.write('\n');
        }
      }
    }
    return file;
  }

  /**
   * Cuts {@code file} into the directory {@code dir}, as the detector's rolling recording leaves
   * it: two gzipped closed segments and an open plain one whose last line is still being written.
   */
  static Path segments(Path file, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<String> lines = lines(file);
    int third = lines.size() / 3;
    gzip(dir.resolve("otlp-20261126T100000.000Z-0000.jsonl.gz"), lines.subList(0, third));
    gzip(dir.resolve("otlp-20261126T100500.000Z-0000.jsonl.gz"), lines.subList(third, 2 * third));
    String tail = String.join("\n", lines.subList(2 * third, lines.size()));
    Files.writeString(
        dir.resolve("otlp-20261126T101000.000Z-0000.jsonl"),
        tail + "\n{\"resourceSpans\":[{\"resource\":{\"attr");
    return dir;
  }

  private static List<String> lines(Path gz) throws IOException {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
      return in.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  private static void gzip(Path target, List<String> lines) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
      out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String traces(String service, String spans) {
    return "{\"resourceSpans\":[{\"resource\":"
        + resource(service)
        + ",\"scopeSpans\":[{\"scope\":{\"name\":\"fixture\"},\"spans\":["
        + spans
        + "]}]}]}";
  }

  private static String cpuLine(String service, int second, double value) {
    return String.format(
        Locale.ROOT,
        "{\"resourceMetrics\":[{\"resource\":%s,\"scopeMetrics\":[{\"metrics\":[{\"name\":"
            + "\"process.cpu.time\",\"unit\":\"s\",\"sum\":{\"aggregationTemporality\":2,"
            + "\"isMonotonic\":true,\"dataPoints\":[{\"startTimeUnixNano\":\"%d\","
            + "\"timeUnixNano\":\"%d\",\"asDouble\":%.6f}]}}]}]}]}",
        resource(service),
        T0 - 5_000_000_000L,
        nanos(second),
        value);
  }

  private static String resource(String service) {
    return "{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\""
        + service
        + "\"}}]}";
  }

  private static String span(
      String service,
      long trace,
      long id,
      long parent,
      String name,
      int kind,
      double start,
      double end,
      String method,
      String route,
      String peer) {
    StringBuilder attributes = new StringBuilder();
    attributes.append(attribute("http.request.method", method));
    if (!route.isEmpty()) {
      attributes.append(',').append(attribute("http.route", route));
    }
    if (!peer.isEmpty()) {
      attributes.append(',').append(attribute("peer.service", peer));
    }
    attributes.append(",{\"key\":\"http.response.status_code\",\"value\":{\"intValue\":\"200\"}}");
    return String.format(
        Locale.ROOT,
        "{\"traceId\":\"%032x\",\"spanId\":\"%016x\",%s\"name\":\"%s\",\"kind\":%d,"
            + "\"startTimeUnixNano\":\"%d\",\"endTimeUnixNano\":\"%d\",\"attributes\":[%s],"
            + "\"status\":{},\"svc:%s\":0}",
        trace,
        id,
        parent == 0 ? "" : String.format(Locale.ROOT, "\"parentSpanId\":\"%016x\",", parent),
        name,
        kind,
        nanos(start),
        nanos(end),
        attributes,
        service);
  }

  private static String attribute(String key, String value) {
    return "{\"key\":\"" + key + "\",\"value\":{\"stringValue\":\"" + value + "\"}}";
  }

  private static long nanos(double seconds) {
    return T0 + Math.round(seconds * 1e9);
  }

  private static double exp(SplittableRandom random, double rate) {
    return -Math.log(1 - random.nextDouble()) / rate;
  }

  private static double gauss(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
