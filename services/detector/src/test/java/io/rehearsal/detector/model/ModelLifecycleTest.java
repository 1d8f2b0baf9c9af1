package io.rehearsal.detector.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rehearsal.detector.ingest.RedisTelemetryWindows;
import io.rehearsal.store.RedisStore;
import io.rehearsal.store.StoreConfig;
import io.rehearsal.telemetry.ClosedWindow;
import io.rehearsal.telemetry.EndpointWindow;
import io.rehearsal.telemetry.LatencyHistogram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trained model's lifecycle against a real redis-server holding the windows: training from
 * them, versions on disk, alarms on a latency jump, and the last good version kept when a newer
 * file is corrupt or of an unknown format.
 */
class ModelLifecycleTest {

  private static final long SECOND = 1_000_000_000L;
  private static final long WINDOW = 10 * SECOND;
  private static final long T0 = 1_700_000_000L * SECOND;

  @TempDir Path dataDir;
  @TempDir Path models;
  private RedisStore redis;
  private RedisTelemetryWindows windows;
  private SimpleMeterRegistry registry;
  private final SplittableRandom random = new SplittableRandom(7);
  private int written;

  @BeforeEach
  void start() {
    redis = RedisStore.connect(StoreConfig.defaults().withDataDir(dataDir));
    windows = new RedisTelemetryWindows(redis.telemetryWindows(), 10_000);
    registry = new SimpleMeterRegistry();
  }

  @AfterEach
  void stop() {
    redis.close();
  }

  @Test
  void shouldTrainOnTheWindowsAndAlarmOnlyOnTheEndpointWhoseLatencyJumps() {
    writeNormal(400);
    ModelLifecycle models = lifecycle();

    ModelLifecycle.Training t = models.retrain();
    writeWindows(6, 200.0); // cart's p99 jumps from ~20 ms to 200 ms; checkout stays
    List<ModelLifecycle.Alarm> alarms = models.score();

    assertThat(t.outcome()).isEqualTo(ModelLifecycle.Outcome.TRAINED);
    assertThat(t.version()).isEqualTo(1);
    assertThat(t.series()).isEqualTo(2);
    assertThat(t.points()).isEqualTo(800);
    assertThat(Files.exists(this.models.resolve("endpoint-p99-v000001.json"))).isTrue();
    assertThat(models.active().orElseThrow().artifact().provenance().dataIdentity())
        .startsWith("sha256:");
    assertThat(alarms).isNotEmpty().allMatch(a -> a.endpoint().equals("cart GET /cart"));
    assertThat(alarms.get(0).score())
        .isGreaterThanOrEqualTo(
            models.active().orElseThrow().artifact().calibration().alarmThreshold());
    assertThat(registry.get("rehearsal.detector.model.alarms").counter().count())
        .isEqualTo(alarms.size());
    assertThat(models.score()).as("the same windows are not scored twice").isEmpty();
  }

  @Test
  void shouldWriteNothingWhenNoEndpointHasEnoughWindows() {
    writeNormal(30);
    ModelLifecycle models = lifecycle();

    ModelLifecycle.Training t = models.retrain();

    assertThat(t.outcome()).isEqualTo(ModelLifecycle.Outcome.NOT_ENOUGH_TELEMETRY);
    assertThat(t.reason()).contains("no endpoint has 60 windows");
    assertThat(models.active()).isEmpty();
    assertThat(this.models.toFile().list()).isEmpty();
  }

  @Test
  void shouldKeepTheLastGoodVersionWhenTheNewestFileIsCorruptOrOfAnUnknownFormat()
      throws Exception {
    writeNormal(200);
    ModelLifecycle first = lifecycle();
    first.retrain();
    writeNormal(50);
    first.retrain();
    Path v2 = this.models.resolve("endpoint-p99-v000002.json");
    String json = Files.readString(v2);
    Files.writeString(v2, json.substring(0, json.length() / 2)); // truncated
    Files.writeString(
        this.models.resolve("endpoint-p99-v000003.json"),
        json.replace("\"format_version\" : 3", "\"format_version\" : 9"));

    first.reload();
    ModelLifecycle restarted = lifecycle();
    restarted.reload();

    assertThat(first.active().orElseThrow().number())
        .as("the version in use read back good when it was loaded")
        .isEqualTo(2);
    assertThat(restarted.active().orElseThrow().number()).isEqualTo(1);
    assertThat(registry.get("rehearsal.detector.model.refused").counter().count()).isEqualTo(4);
    ModelStore.Lookup lookup = new ModelStore(this.models, "endpoint-p99").newestGood();
    assertThat(lookup.refused())
        .extracting(ModelStore.Refusal::reason)
        .satisfiesExactly(
            r -> assertThat(r).contains("format_version 9 is not supported"),
            r -> assertThat(r).contains("v000002.json: corrupt JSON"));
  }

  private ModelLifecycle lifecycle() {
    return new ModelLifecycle(
        windows,
        new ModelStore(models, "endpoint-p99"),
        8_640,
        60,
        0.9,
        10,
        ModelLifecycle.detectorConfig(Duration.ofMinutes(25), Duration.ofSeconds(1000)),
        registry);
  }

  private void writeNormal(int count) {
    writeWindows(count, Double.NaN);
  }

  /** {@code count} more 10-s windows; cart's p99 is {@code cartP99} when given, else ~20 ms. */
  private void writeWindows(int count, double cartP99) {
    for (int i = 0; i < count; i++) {
      long start = T0 + (long) written * WINDOW;
      double cart = Double.isNaN(cartP99) ? 20 + random.nextDouble(-2, 2) : cartP99;
      double checkout = 45 + random.nextDouble(-3, 3);
      windows.write(
          new ClosedWindow(
              start,
              WINDOW,
              List.of(
                  endpoint("cart", "GET /cart", cart), endpoint("checkout", "POST /", checkout)),
              List.of(),
              List.of()));
      written++;
    }
  }

  private static EndpointWindow endpoint(String service, String name, double millis) {
    List<Long> durations = new ArrayList<>();
    for (int k = 0; k < 20; k++) {
      durations.add((long) (millis * 1e6));
    }
    long[] nanos = durations.stream().mapToLong(Long::longValue).toArray();
    return new EndpointWindow(
        service,
        name,
        WINDOW,
        nanos.length,
        0,
        (long) (millis * 1e6) * nanos.length,
        LatencyHistogram.ofNanos(3, nanos));
  }
}
