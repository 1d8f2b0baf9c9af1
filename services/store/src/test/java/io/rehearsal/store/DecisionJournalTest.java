package io.rehearsal.store;

import static io.rehearsal.store.StoreFixture.bytes;
import static io.rehearsal.store.StoreFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rehearsal.store.DecisionJournal.OutboxOp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StoreExtension.class)
class DecisionJournalTest {

  private StoreFixture fixture;
  private DecisionJournal journal;

  @BeforeEach
  void open(StoreFixture fixture) {
    this.fixture = fixture;
    journal =
        DecisionJournal.connect(
            fixture.store.uri(), StoreConfig.defaults().keyPrefix(), Duration.ofSeconds(5));
  }

  @AfterEach
  void close() {
    journal.close();
  }

  @Test
  void shouldWriteTheRecordItsEventAndItsOutboxEntryTogetherWhenApproved() {
    DecisionJournal.Written w =
        journal.create("d1", bytes("approved"), bytes("e1"), OutboxOp.ENQUEUE, 1_000);

    assertThat(w.result()).isEqualTo(new WriteResult.Ok(1));
    assertThat(fixture.store.decisions().get("d1")).contains(new Versioned(1, bytes("approved")));
    List<JournalEvent> events = journal.after(Optional.empty(), 10);
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.cursor()).isEqualTo(w.cursor().orElseThrow());
              assertThat(e.decisionId()).isEqualTo("d1");
              assertThat(text(e.payload())).isEqualTo("e1");
            });
    assertThat(journal.outbox().pending("d1")).isTrue();
  }

  private static final RateLimits.RateLimit TWO_PER_HOUR =
      new RateLimits.RateLimit("target:PRODUCTION/payment", 2, Duration.ofHours(1));
  private static final java.time.Instant T0 = java.time.Instant.parse("2026-12-07T10:00:00Z");

  private DecisionJournal.Written createTaking(String id) {
    return Reads.await(
        journal.createAsync(
            id,
            bytes("approved " + id),
            bytes("e-" + id),
            OutboxOp.ENQUEUE,
            0,
            ActionHistory.Change.NONE,
            Optional.of(new RateLimits.Take(List.of(TWO_PER_HOUR), T0))));
  }

  @Test
  void shouldTakeTheTokenWithTheCreateAndWriteNothingWhenTheBucketIsEmpty() {
    assertThat(createTaking("d1").result()).isEqualTo(new WriteResult.Ok(1));
    assertThat(createTaking("d2").result()).isEqualTo(new WriteResult.Ok(1));

    DecisionJournal.Written third = createTaking("d3");

    assertThat(third.result())
        .isEqualTo(
            new WriteResult.OverBudget(
                new RateLimits.Budget(false, Optional.of(TWO_PER_HOUR), Duration.ofMinutes(30))));
    assertThat(third.cursor()).isEmpty();
    assertThat(fixture.store.decisions().get("d3")).isEmpty();
    assertThat(journal.outbox().pending("d3")).isFalse();
    assertThat(journal.after(Optional.empty(), 10)).hasSize(2);
    assertThat(fixture.store.rateLimits().peek(List.of(TWO_PER_HOUR), T0).available()).isFalse();
  }

  @Test
  void shouldTakeNoTokenWhenTheDecisionIsAlreadyThere() {
    assertThat(createTaking("d1").result()).isEqualTo(new WriteResult.Ok(1));

    assertThat(createTaking("d1").result()).isEqualTo(new WriteResult.Conflict(1));

    assertThat(createTaking("d2").result()).isEqualTo(new WriteResult.Ok(1));
    assertThat(createTaking("d3").result()).isInstanceOf(WriteResult.OverBudget.class);
  }

  private CompletableFuture<DecisionJournal.Audited> createAudited(
      String id, String payload, Optional<RateLimits.Take> take) {
    return fixture
        .store
        .journal()
        .createAuditedAsync(
            id,
            bytes(payload),
            bytes("e-" + id),
            OutboxOp.NONE,
            0,
            ActionHistory.Change.NONE,
            take,
            fixture.store.audit(),
            "decision:" + id + ":1",
            bytes(payload));
  }

  @Test
  void shouldAppendTheAuditEntryWithTheCreateWhenTheCreateIsApplied() {
    DecisionJournal.Audited audited =
        Reads.await(createAudited("d1", "approved", Optional.empty()));

    assertThat(audited.written().result()).isEqualTo(new WriteResult.Ok(1));
    AuditEntry entry = audited.entry().orElseThrow();
    assertThat(entry.key()).isEqualTo("decision:d1:1");
    assertThat(text(entry.payload())).isEqualTo("approved");
    assertThat(fixture.store.audit().find("decision:d1:1")).contains(entry);
  }

  @Test
  void shouldAppendNoAuditEntryWhenTheCreateIsNotApplied() {
    fixture.store.journal().create("d1", bytes("first"), bytes("e1"), OutboxOp.NONE, 0);
    Reads.await(createAudited("d2", "second", Optional.of(takeOf(1))));

    DecisionJournal.Audited taken = Reads.await(createAudited("d1", "other", Optional.empty()));
    DecisionJournal.Audited over =
        Reads.await(createAudited("d3", "third", Optional.of(takeOf(1))));

    assertThat(taken.written().result()).isEqualTo(new WriteResult.Conflict(1));
    assertThat(taken.entry()).isEmpty();
    assertThat(over.written().result()).isInstanceOf(WriteResult.OverBudget.class);
    assertThat(over.entry()).isEmpty();
    assertThat(fixture.store.audit().find("decision:d1:1")).isEmpty();
    assertThat(fixture.store.audit().find("decision:d3:1")).isEmpty();
    assertThat(fixture.store.audit().size()).isEqualTo(1);
  }

  @Test
  void shouldChainTheRestOfABatchWhenSomeOfItsCreatesAreNotApplied() {
    for (int i = 0; i < 40; i += 2) {
      fixture.store.journal().create("d" + i, bytes("taken"), bytes("e"), OutboxOp.NONE, 0);
    }
    List<CompletableFuture<DecisionJournal.Audited>> sent = new ArrayList<>();
    for (int i = 0; i < 40; i++) { // sent without waiting: they share batches
      sent.add(createAudited("d" + i, "new " + i, Optional.empty()));
    }

    for (int i = 0; i < 40; i++) {
      DecisionJournal.Audited audited = Reads.await(sent.get(i));
      assertThat(audited.entry().isPresent()).as("d" + i).isEqualTo(i % 2 == 1);
      assertThat(audited.written().result().applied()).as("d" + i).isEqualTo(i % 2 == 1);
    }
    assertThat(fixture.store.audit().size()).isEqualTo(20);
    assertThat(fixture.store.audit().verifyChain()).isInstanceOf(ChainVerification.Intact.class);
  }

  private static RateLimits.Take takeOf(int perHour) {
    return new RateLimits.Take(
        List.of(new RateLimits.RateLimit("global", perHour, Duration.ofHours(1))), T0);
  }

  @Test
  void shouldWriteNothingWhenTheRevisionMovedOn() {
    journal.create("d1", bytes("a"), bytes("e1"), OutboxOp.NONE, 0);

    DecisionJournal.Written w =
        journal.compareAndSet("d1", 7, bytes("b"), bytes("e2"), OutboxOp.ENQUEUE, 0);

    assertThat(w.result()).isEqualTo(new WriteResult.Conflict(1));
    assertThat(w.cursor()).isEmpty();
    assertThat(journal.after(Optional.empty(), 10)).hasSize(1);
    assertThat(journal.outbox().size()).isZero();
  }

  @Test
  void shouldReadOnlyEventsAfterTheCursorWhenResumed() {
    journal.create("d1", bytes("a"), bytes("e1"), OutboxOp.NONE, 0);
    String first = journal.after(Optional.empty(), 1).get(0).cursor();
    journal.compareAndSet("d1", 1, bytes("b"), bytes("e2"), OutboxOp.NONE, 0);
    journal.create("d2", bytes("c"), bytes("e3"), OutboxOp.NONE, 0);

    assertThat(journal.after(Optional.of(first), 10))
        .extracting(e -> text(e.payload()))
        .containsExactly("e2", "e3");
    assertThat(journal.oldest()).contains(first);
    assertThat(DecisionJournal.before("5-0", "10-0")).isTrue();
    assertThat(DecisionJournal.before("10-1", "10-0")).isFalse();
    assertThatThrownBy(() -> journal.after(Optional.of("soon"), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldLeaseCountRetryDeadLetterAndReviveWhenDeliveriesFail() {
    journal.create("d1", bytes("a"), bytes("e1"), OutboxOp.ENQUEUE, 100);
    DispatchOutbox outbox = journal.outbox();

    assertThat(outbox.claim(50, 1_000, 10)).isEmpty(); // not due yet
    assertThat(outbox.claim(100, 1_000, 10)).containsExactly(new DispatchOutbox.Claim("d1", 1));
    assertThat(outbox.claim(999, 2_000, 10)).isEmpty(); // leased
    assertThat(outbox.claim(1_000, 2_000, 10))
        .containsExactly(new DispatchOutbox.Claim("d1", 2)); // lease over
    assertThat(outbox.retryLater("d1", 1_500, "HTTP 503")).isTrue();
    assertThat(outbox.claim(1_500, 3_000, 10)).containsExactly(new DispatchOutbox.Claim("d1", 3));
    assertThat(outbox.deadLetter("d1", 1_600, "HTTP 500")).isTrue();

    assertThat(outbox.pending("d1")).isFalse();
    assertThat(outbox.dead(10))
        .containsExactly(new DispatchOutbox.Dead("d1", 3, "HTTP 500", 1_600));
    assertThat(outbox.revive("d1", 2_000)).isTrue();
    assertThat(outbox.revive("d1", 2_000)).isFalse();
    assertThat(outbox.claim(2_000, 3_000, 10)).containsExactly(new DispatchOutbox.Claim("d1", 1));
  }

  @Test
  void shouldRemoveTheOutboxEntryWhenTheDecisionLeavesApproval() {
    journal.create("d1", bytes("a"), bytes("e1"), OutboxOp.ENQUEUE, 0);
    journal.outbox().claim(0, 1_000, 1);

    journal.compareAndSet("d1", 1, bytes("b"), bytes("e2"), OutboxOp.DONE, 0);

    assertThat(journal.outbox().size()).isZero();
    assertThat(journal.outbox().retryLater("d1", 5, "late failure")).isFalse(); // not resurrected
    assertThat(journal.outbox().size()).isZero();
  }

  @Test
  void shouldKeepTheFirstTimeAndReplaceBytesWhenALedgerEntryIsRewritten() {
    Ledger ledger = journal.ledger("shadow");
    ledger.put("d1", bytes("one"), 10);
    ledger.put("d2", bytes("two"), 20);
    ledger.put("d1", bytes("one+outcome"), 30);

    assertThat(ledger.newest(10))
        .extracting(StoreFixture::text)
        .containsExactly("two", "one+outcome");
    assertThat(ledger.get("d1").map(StoreFixture::text)).contains("one+outcome");
    assertThat(ledger.size()).isEqualTo(2);
  }

  @Test
  void shouldRecordTheActionWithTheApprovalAndTrimToTheWindowWhenHistoryChanges() {
    journal.create("d1", bytes("a"), bytes("e1"), OutboxOp.ENQUEUE, 0, add("RESTART d1", 1_000));
    journal.create("d2", bytes("b"), bytes("e2"), OutboxOp.ENQUEUE, 0, add("SCALE d2", 5_000));

    assertThat(journal.history().since("prod/cart", 0, 10))
        .containsExactly(
            new ActionHistory.Entry("SCALE d2", 5_000),
            new ActionHistory.Entry("RESTART d1", 1_000));
    assertThat(journal.history().since("prod/cart", 2_000, 10)).hasSize(1);

    // an add trims what is older than its window; a refused write changes nothing
    journal.create("d3", bytes("c"), bytes("e3"), OutboxOp.ENQUEUE, 0, add("SCALE d3", 9_000));
    journal.compareAndSet("d3", 7, bytes("x"), bytes("ex"), OutboxOp.NONE, 0, add("X", 9_500));
    assertThat(journal.history().since("prod/cart", 0, 10))
        .extracting(ActionHistory.Entry::member)
        .containsExactly("SCALE d3", "SCALE d2");

    journal.compareAndSet(
        "d3",
        1,
        bytes("c2"),
        bytes("e4"),
        OutboxOp.DONE,
        0,
        new ActionHistory.Change(ActionHistory.Op.REMOVE, "prod/cart", "SCALE d3", 0, 0));
    assertThat(journal.history().since("prod/cart", 0, 10))
        .extracting(ActionHistory.Entry::member)
        .containsExactly("SCALE d2");
    assertThat(journal.history().since("prod/other", 0, 10)).isEmpty();
  }

  @Test
  void shouldRefuseAMalformedHistoryChangeWhenBuilt() {
    assertThatThrownBy(() -> add("two\nlines", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two");
    assertThatThrownBy(
            () -> new ActionHistory.Change(ActionHistory.Op.ADD, "bad target!", "m", 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad target!");
  }

  /** Adds {@code member} to target prod/cart at {@code at}, keeping 4 s before it. */
  private static ActionHistory.Change add(String member, long at) {
    return new ActionHistory.Change(ActionHistory.Op.ADD, "prod/cart", member, at, at - 4_000);
  }
}
