package io.rehearsal.detector.loop;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A detector with the loop on: event-time detection and the shop's SLOs (as the incident replay
 * profile), the reference shop's catalog, sandbox and gateway at two free ports the test's {@link
 * LoopServers} then listen on, a token file, short waits, drift off (the test's twin snapshot is
 * not a twin spec), and a fresh Redis directory.
 */
public class LoopProfile implements QuarkusTestProfile {
  static final int SANDBOX_PORT = freePort();
  static final int GATEWAY_PORT = freePort();
  static final Path TOKEN = Path.of("target/loop-test-token");

  @Override
  public Map<String, String> getConfigOverrides() {
    try {
      Files.createDirectories(TOKEN.getParent());
      Files.writeString(TOKEN, LoopServers.TOKEN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> m = new HashMap<>();
    m.put("rehearsal.detector.incidents.clock", "event");
    m.put(
        "rehearsal.detector.incidents.slos",
        "frontend/GET /browse=200@99:0.99,frontend/POST /cart=100@99:0.99,"
            + "frontend/POST /checkout=300@99:0.98");
    m.put("rehearsal.redis.data-dir", "target/redis-loop-" + UUID.randomUUID());
    m.put("rehearsal.drift.enabled", "false");
    m.put("rehearsal.detector.loop.enabled", "true");
    m.put("rehearsal.detector.loop.catalog", "../../examples/reference-shop/catalog.yaml");
    m.put("rehearsal.detector.loop.sandbox", "127.0.0.1:" + SANDBOX_PORT);
    m.put("rehearsal.detector.loop.gateway", "127.0.0.1:" + GATEWAY_PORT);
    m.put("rehearsal.detector.loop.token-file", TOKEN.toString());
    m.put("rehearsal.detector.loop.backoff", "50ms");
    m.put("rehearsal.detector.loop.poll", "50ms");
    m.put("rehearsal.detector.loop.recovery-window", "30s");
    m.put("rehearsal.detector.loop.telemetry-wait", "20s");
    return m;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
