package io.rehearsal.detector.loop;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.IncidentStep;
import io.rehearsal.store.IncidentLifecycle;
import io.rehearsal.store.IncidentLifecycle.Stage;
import io.rehearsal.store.IncidentRecord;
import io.rehearsal.store.IncidentWrite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Writes what the loop did onto the stored incident (its payload, by compare-and-set against the
 * detector's own writes): suspects, proposals, ids, and one {@link IncidentStep} per step. A write
 * that cannot be made (Redis down, incident gone) is logged, never thrown: the loop goes on.
 */
final class IncidentNotes {
  private static final Logger LOG = Logger.getLogger(IncidentNotes.class);
  private static final int ATTEMPTS = 8;

  private final IncidentLifecycle lifecycle;
  private final Clock clock;

  IncidentNotes(IncidentLifecycle lifecycle, Clock clock) {
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  /** The stored incident's payload now, if it is there and readable. */
  Optional<Incident> read(String id) {
    try {
      return lifecycle.get(id).map(IncidentNotes::parse);
    } catch (RuntimeException e) {
      LOG.warnf("Cannot read incident %s: %s", id, e.getMessage());
      return Optional.empty();
    }
  }

  /** Its stage now, if it is there. */
  Optional<Stage> stage(String id) {
    try {
      return lifecycle.get(id).map(IncidentRecord::stage);
    } catch (RuntimeException e) {
      LOG.warnf("Cannot read incident %s: %s", id, e.getMessage());
      return Optional.empty();
    }
  }

  /** Appends a step to incident {@code id}, with {@code change} applied to its payload. */
  void step(
      String id,
      String step,
      String status,
      int attempt,
      String detail,
      UnaryOperator<Incident.Builder> change) {
    IncidentStep entry =
        IncidentStep.newBuilder()
            .setStep(step)
            .setStatus(status)
            .setAt(now())
            .setDetail(detail)
            .setAttempt(attempt)
            .build();
    write(id, Optional.empty(), b -> change.apply(b.addLoopSteps(entry)), step + " " + status);
  }

  /** Appends a step with no other change. */
  void step(String id, String step, String status, int attempt, String detail) {
    step(id, step, status, attempt, detail, b -> b);
  }

  /** Moves an open incident to mitigating (no change when it is not open). */
  void mitigating(String id, String reason) {
    write(id, Optional.of(Stage.MITIGATING), b -> b, reason);
  }

  private void write(
      String id, Optional<Stage> to, UnaryOperator<Incident.Builder> change, String reason) {
    try {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        Optional<IncidentRecord> current = lifecycle.get(id);
        if (current.isEmpty()) {
          LOG.warnf("Incident %s is no longer in Redis; not recorded (%s)", id, reason);
          return;
        }
        IncidentRecord r = current.get();
        Stage stage = to.filter(s -> r.stage() == Stage.OPEN).orElse(r.stage());
        byte[] payload = bytes(change.apply(parse(r).toBuilder()).build());
        IncidentWrite w =
            lifecycle.write(id, r.revision(), stage, Optional.of(payload), clock.millis(), reason);
        if (!(w instanceof IncidentWrite.Conflict)) {
          return;
        }
      }
      LOG.warnf("Incident %s kept changing; not recorded (%s)", id, reason);
    } catch (RuntimeException e) {
      LOG.warnf("Cannot record on incident %s (%s): %s", id, reason, e.getMessage());
    }
  }

  private Timestamp now() {
    long ms = clock.millis();
    return Timestamp.newBuilder()
        .setSeconds(Math.floorDiv(ms, 1000L))
        .setNanos((int) Math.floorMod(ms, 1000L) * 1_000_000)
        .build();
  }

  private static Incident parse(IncidentRecord r) {
    try {
      return Incident.parseFrom(r.payload());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("incident " + r.id() + " is not an Incident: " + e);
    }
  }

  /** Deterministic bytes, as the detector's recorder writes them. */
  private static byte[] bytes(Incident incident) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(incident.getSerializedSize());
      CodedOutputStream coded = CodedOutputStream.newInstance(out);
      coded.useDeterministicSerialization();
      incident.writeTo(coded);
      coded.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
