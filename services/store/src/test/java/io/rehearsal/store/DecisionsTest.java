package io.rehearsal.store;

import static io.rehearsal.store.StoreFixture.bytes;
import static io.rehearsal.store.StoreFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StoreExtension.class)
class DecisionsTest {

  private StoreFixture fixture;
  private Decisions decisions;

  @BeforeEach
  void open(StoreFixture fixture) {
    this.fixture = fixture;
    decisions = fixture.store.decisions();
  }

  @Test
  void shouldCreateAtRevisionOneWhenNew() {
    assertThat(decisions.create("d1", bytes("pending"))).isEqualTo(new WriteResult.Ok(1));

    assertThat(decisions.get("d1")).contains(new Versioned(1, bytes("pending")));
    assertThat(decisions.get("d2")).isEmpty();
  }

  @Test
  void shouldAnswerConflictAndKeepRecordWhenCreatingAnExistingId() {
    decisions.create("d1", bytes("first"));

    WriteResult result = decisions.create("d1", bytes("second"));

    assertThat(result).isEqualTo(new WriteResult.Conflict(1));
    assertThat(result.applied()).isFalse();
    assertThat(decisions.get("d1")).contains(new Versioned(1, bytes("first")));
  }

  @Test
  void shouldAnswerAlreadyAppliedWhenCreateIsResentWithSameToken() {
    decisions.create("d1", bytes("first"), "token-1");

    WriteResult replay = decisions.create("d1", bytes("first"), "token-1");

    assertThat(replay).isEqualTo(new WriteResult.AlreadyApplied(1));
    assertThat(replay.applied()).isTrue();
  }

  @Test
  void shouldAdvanceRevisionWhenExpectedRevisionMatches() {
    decisions.create("d1", bytes("pending"));

    assertThat(decisions.compareAndSet("d1", 1, bytes("approved")))
        .isEqualTo(new WriteResult.Ok(2));
    assertThat(decisions.compareAndSet("d1", 2, bytes("executed")))
        .isEqualTo(new WriteResult.Ok(3));
    assertThat(decisions.get("d1")).contains(new Versioned(3, bytes("executed")));
  }

  @Test
  void shouldAnswerConflictWithCurrentRevisionWhenExpectedRevisionIsStale() {
    decisions.create("d1", bytes("pending"));
    decisions.compareAndSet("d1", 1, bytes("approved"));

    assertThat(decisions.compareAndSet("d1", 1, bytes("rejected")))
        .isEqualTo(new WriteResult.Conflict(2));
    assertThat(decisions.get("d1")).contains(new Versioned(2, bytes("approved")));
  }

  @Test
  void shouldAnswerNotFoundWhenRecordDoesNotExist() {
    assertThat(decisions.compareAndSet("missing", 1, bytes("x")))
        .isEqualTo(new WriteResult.NotFound());
    assertThat(decisions.get("missing")).isEmpty();
  }

  @Test
  void shouldAnswerAlreadyAppliedNotConflictWhenReplayedAfterOthersWrote() {
    decisions.create("d1", bytes("pending"));
    decisions.compareAndSet("d1", 1, bytes("approved"), "mine");
    decisions.compareAndSet("d1", 2, bytes("executed"), "theirs");

    WriteResult replay = decisions.compareAndSet("d1", 1, bytes("approved"), "mine");

    assertThat(replay).isEqualTo(new WriteResult.AlreadyApplied(2));
    assertThat(decisions.get("d1")).contains(new Versioned(3, bytes("executed")));
  }

  @Test
  void shouldForgetOldTokensWhenManyWritesFollowed() {
    decisions.create("d1", bytes("v1"), "old");
    for (int revision = 1; revision <= Decisions.REMEMBERED_WRITES; revision++) {
      decisions.compareAndSet("d1", revision, bytes("v" + (revision + 1)));
    }

    assertThat(decisions.create("d1", bytes("v1"), "old"))
        .isEqualTo(new WriteResult.Conflict(Decisions.REMEMBERED_WRITES + 1));
  }

  @Test
  void shouldLoseNoUpdateWhenWritersRaceWithCompareAndSet() throws Exception {
    decisions.create("counter", bytes("0"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        writers.add(pool.submit(() -> incrementTimes("counter", 25)));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
    } finally {
      pool.shutdownNow();
    }

    Versioned end = decisions.get("counter").orElseThrow();
    assertThat(end.revision()).isEqualTo(101);
    assertThat(text(end.payload())).isEqualTo("100");
  }

  @Test
  void shouldRejectBadArgumentsWhenWriting() {
    assertThatThrownBy(() -> decisions.compareAndSet("d1", 0, bytes("x")))
        .hasMessageContaining("expectedRevision must be at least 1, but was 0");
    assertThatThrownBy(() -> decisions.create("d1", bytes("x"), "bad token"))
        .hasMessageContaining("token")
        .hasMessageContaining("'bad token'");
  }

  private void incrementTimes(String id, int times) {
    for (int done = 0; done < times; ) {
      Versioned current = decisions.get(id).orElseThrow();
      long next = Long.parseLong(text(current.payload())) + 1;
      WriteResult result =
          decisions.compareAndSet(id, current.revision(), bytes(Long.toString(next)));
      if (result.applied()) {
        done++;
      }
    }
  }
}
