package io.rehearsal.store;

import static io.rehearsal.store.StoreFixture.bytes;
import static io.rehearsal.store.StoreFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.rehearsal.store.IncidentLifecycle.How;
import io.rehearsal.store.IncidentLifecycle.Opened;
import io.rehearsal.store.IncidentLifecycle.Stage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(StoreExtension.class)
class IncidentLifecycleTest {

  private static final long T0 = Instant.parse("2026-12-07T10:00:00Z").toEpochMilli();
  private static final Duration FLAP = Duration.ofMinutes(10);

  private IncidentLifecycle incidents;

  @BeforeEach
  void open(StoreFixture fixture) {
    incidents = connect(fixture.store.uri(), 100);
  }

  @AfterEach
  void close() {
    incidents.close();
  }

  private static IncidentLifecycle connect(String uri, int retained) {
    return IncidentLifecycle.connect(
        uri, StoreConfig.defaults().keyPrefix(), Duration.ofSeconds(10), retained);
  }

  private Opened open(String scope, String payload, long at) {
    return incidents.open(List.of(scope), bytes(payload), at, FLAP, "opened: " + scope);
  }

  @Test
  void shouldNumberIncidentsPerDayWhenTheirScopesAreUnrelated() {
    Opened a = open("payment", "a", T0);
    Opened b = open("catalog", "b", T0 + 1_000);
    Opened c = open("search", "c", T0 + Duration.ofDays(1).toMillis());

    assertThat(a).isEqualTo(new Opened("inc-20261207-0001", 1, How.CREATED));
    assertThat(b.id()).isEqualTo("inc-20261207-0002");
    assertThat(c.id()).isEqualTo("inc-20261208-0001");
    IncidentRecord stored = incidents.get(a.id()).orElseThrow();
    assertThat(stored.stage()).isEqualTo(Stage.OPEN);
    assertThat(stored.revision()).isEqualTo(1);
    assertThat(text(stored.payload())).isEqualTo("a");
    assertThat(stored.timeline())
        .containsExactly(new IncidentRecord.Change(Stage.OPEN, T0, "opened: payment"));
    assertThat(incidents.recent(10))
        .extracting(IncidentRecord::id)
        .containsExactly(c.id(), b.id(), a.id());
  }

  @Test
  void shouldKeepTheTimelineWhenAnIncidentGoesFromOpenThroughMitigatingToResolved() {
    String id = open("payment", "a", T0).id();

    IncidentWrite m =
        incidents.write(id, 1, Stage.MITIGATING, Optional.empty(), T0 + 5_000, "scale submitted");
    IncidentWrite r =
        incidents.write(id, 2, Stage.RESOLVED, Optional.of(bytes("b")), T0 + 9_000, "quiet");

    assertThat(m).isEqualTo(new IncidentWrite.Ok(2));
    assertThat(r).isEqualTo(new IncidentWrite.Ok(3));
    IncidentRecord stored = incidents.get(id).orElseThrow();
    assertThat(stored.stage()).isEqualTo(Stage.RESOLVED);
    assertThat(stored.resolvedMillis()).hasValue(T0 + 9_000);
    assertThat(text(stored.payload())).isEqualTo("b");
    assertThat(stored.timeline())
        .extracting(IncidentRecord.Change::stage, IncidentRecord.Change::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Stage.OPEN, "opened: payment"),
            org.assertj.core.groups.Tuple.tuple(Stage.MITIGATING, "scale submitted"),
            org.assertj.core.groups.Tuple.tuple(Stage.RESOLVED, "quiet"));
    assertThat(incidents.live()).isEmpty();
  }

  @Test
  void shouldWriteNothingWhenTheRevisionMovedOn() {
    String id = open("payment", "a", T0).id();
    incidents.write(id, 1, Stage.OPEN, Optional.of(bytes("b")), T0 + 1_000, "update");

    IncidentWrite stale =
        incidents.write(id, 1, Stage.RESOLVED, Optional.of(bytes("c")), T0 + 2_000, "quiet");

    assertThat(stale).isEqualTo(new IncidentWrite.Conflict(2, Stage.OPEN));
    IncidentRecord stored = incidents.get(id).orElseThrow();
    assertThat(text(stored.payload())).isEqualTo("b");
    assertThat(stored.stage()).isEqualTo(Stage.OPEN);
    assertThat(stored.timeline()).hasSize(1);
  }

  @Test
  void shouldApplyExactlyOneWhenEightWritersRaceOnOneRevision() throws Exception {
    String id = open("payment", "a", T0).id();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<IncidentWrite>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      byte[] payload = bytes("writer-" + i);
      results.add(
          pool.submit(
              () -> {
                start.await();
                return incidents.write(
                    id, 1, Stage.OPEN, Optional.of(payload), T0 + 1_000, "update");
              }));
    }
    start.countDown();
    List<IncidentWrite> answers = new ArrayList<>();
    for (Future<IncidentWrite> f : results) {
      answers.add(f.get());
    }
    pool.shutdown();

    assertThat(answers).filteredOn(w -> w instanceof IncidentWrite.Ok).hasSize(1);
    assertThat(answers)
        .filteredOn(w -> w instanceof IncidentWrite.Conflict)
        .hasSize(7)
        .allMatch(w -> ((IncidentWrite.Conflict) w).currentRevision() == 2);
    assertThat(incidents.get(id).orElseThrow().revision()).isEqualTo(2);
  }

  @Test
  void shouldRefuseAnIllegalTransitionWhenTheIncidentIsResolved() {
    String id = open("payment", "a", T0).id();
    incidents.write(id, 1, Stage.RESOLVED, Optional.empty(), T0 + 1_000, "quiet");

    IncidentWrite w = incidents.write(id, 2, Stage.MITIGATING, Optional.empty(), T0 + 2_000, "x");

    assertThat(w).isEqualTo(new IncidentWrite.Illegal(Stage.RESOLVED));
    assertThat(incidents.get(id).orElseThrow().revision()).isEqualTo(2);
    assertThat(incidents.write("inc-20991231-0001", 1, Stage.OPEN, Optional.empty(), T0, "x"))
        .isEqualTo(new IncidentWrite.NotFound());
  }

  @Test
  void shouldReopenTheSameIncidentWhenItFiresAgainWithinTheFlapWindow() {
    String id = open("payment", "a", T0).id();
    incidents.write(id, 1, Stage.RESOLVED, Optional.empty(), T0 + 60_000, "quiet");

    Opened again =
        incidents.open(List.of("checkout", "payment"), bytes("b"), T0 + 120_000, FLAP, "opened");

    assertThat(again).isEqualTo(new Opened(id, 3, How.REOPENED));
    IncidentRecord stored = incidents.get(id).orElseThrow();
    assertThat(stored.stage()).isEqualTo(Stage.OPEN);
    assertThat(stored.reopened()).isEqualTo(1);
    assertThat(stored.resolvedMillis()).isEmpty();
    assertThat(stored.timeline())
        .last()
        .satisfies(
            c -> {
              assertThat(c.stage()).isEqualTo(Stage.OPEN);
              assertThat(c.reason()).contains("flap window");
            });
    assertThat(incidents.live()).extracting(IncidentRecord::id).containsExactly(id);
    assertThat(incidents.recent(10)).hasSize(1);
  }

  @Test
  void shouldOpenANewIncidentWhenTheOldOneResolvedBeforeTheFlapWindow() {
    String id = open("payment", "a", T0).id();
    incidents.write(id, 1, Stage.RESOLVED, Optional.empty(), T0 + 60_000, "quiet");

    Opened later = open("payment", "b", T0 + 60_000 + FLAP.toMillis() + 1);

    assertThat(later.how()).isEqualTo(How.CREATED);
    assertThat(later.id()).isNotEqualTo(id);
    assertThat(incidents.get(id).orElseThrow().stage()).isEqualTo(Stage.RESOLVED);
  }

  @Test
  void shouldJoinTheLiveIncidentWhenAScopeIsShared() {
    Opened first = incidents.open(List.of("checkout", "payment"), bytes("a"), T0, FLAP, "o");

    Opened second = open("payment", "b", T0 + 5_000);

    assertThat(second).isEqualTo(new Opened(first.id(), 1, How.JOINED));
    assertThat(text(incidents.get(first.id()).orElseThrow().payload())).isEqualTo("a");
  }

  @Test
  void shouldAnswerTheSameIncidentWhenAnOpenIsRepeatedWithItsToken() {
    Opened first = incidents.open(List.of("payment"), bytes("a"), T0, FLAP, "o", "tok-1");
    incidents.write(first.id(), 1, Stage.RESOLVED, Optional.empty(), T0 + 1_000, "quiet");

    Opened repeat = incidents.open(List.of("payment"), bytes("a"), T0, FLAP, "o", "tok-1");

    assertThat(repeat).isEqualTo(new Opened(first.id(), 2, How.ALREADY_APPLIED));
    assertThat(incidents.get(first.id()).orElseThrow().stage()).isEqualTo(Stage.RESOLVED);
  }

  @Test
  void shouldDropTheOldestResolvedIncidentsButNoLiveOneWhenOverTheRetention(StoreFixture fixture) {
    try (IncidentLifecycle small = connect(fixture.store.uri(), 2)) {
      String live = small.open(List.of("a"), bytes("a"), T0, FLAP, "o").id();
      String resolved = small.open(List.of("b"), bytes("b"), T0 + 1, FLAP, "o").id();
      small.write(resolved, 1, Stage.RESOLVED, Optional.empty(), T0 + 2, "quiet");

      String third = small.open(List.of("c"), bytes("c"), T0 + 3, FLAP, "o").id();

      assertThat(small.get(resolved)).isEmpty();
      assertThat(small.recent(10)).extracting(IncidentRecord::id).containsExactly(third, live);
    }
  }

  @Test
  void shouldResumeLiveIncidentsWhenRedisAndTheClientRestart(@TempDir Path dir) {
    String id;
    try (EmbeddedRedis redis = EmbeddedRedis.start(dir);
        IncidentLifecycle before = connect(redis.uri(), 100)) {
      id = before.open(List.of("payment"), bytes("a"), T0, FLAP, "o").id();
      before.open(List.of("catalog"), bytes("b"), T0 + 1, FLAP, "o");
      before.write("inc-20261207-0002", 1, Stage.RESOLVED, Optional.empty(), T0 + 2, "quiet");
    }
    try (EmbeddedRedis redis = EmbeddedRedis.start(dir);
        IncidentLifecycle after = connect(redis.uri(), 100)) {
      assertThat(after.live()).extracting(IncidentRecord::id).containsExactly(id);
      Opened resumed = after.open(List.of("payment"), bytes("c"), T0 + 30_000, FLAP, "o");
      assertThat(resumed).isEqualTo(new Opened(id, 1, How.JOINED));
      assertThat(after.open(List.of("search"), bytes("d"), T0 + 30_000, FLAP, "o").id())
          .isEqualTo("inc-20261207-0003");
    }
  }
}
