package io.rehearsal.sandbox.evaluation;

import io.rehearsal.proto.v1.EvaluateRequest;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.rehearse.evaluation.Candidate;
import io.rehearsal.sandbox.mapping.CandidateMapper;
import io.rehearsal.sandbox.mapping.Durations;
import io.rehearsal.sandbox.mapping.EvidenceMapper;
import io.rehearsal.sandbox.mapping.InvalidRequestException;
import io.rehearsal.sandbox.mapping.PolicyMapper;
import io.rehearsal.sandbox.mapping.SymptomsMapper;
import io.rehearsal.store.SnapshotId;
import io.rehearsal.store.TwinSnapshots;
import io.rehearsal.twin.spec.InvalidSpecException;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Validates an {@code EvaluateRequest} and maps it to the twin, without simulating: finds the twin
 * snapshot, forks it at the incident, maps symptoms, candidates, policy and objectives, and derives
 * the seed (when unset) and the evaluation id from the fork and the request.
 */
public final class RequestPreparer {

  /** Longest horizon accepted, in seconds (one day). */
  static final double MAX_HORIZON = 86_400;

  private final TwinSnapshots snapshots;
  private final PipelineSettings settings;

  /** A preparer reading twins from {@code snapshots}. */
  public RequestPreparer(TwinSnapshots snapshots, PipelineSettings settings) {
    this.snapshots = snapshots;
    this.settings = settings;
  }

  /**
   * Prepares a request.
   *
   * @throws InvalidRequestException for a malformed request, naming the field and value
   * @throws RequestRejectedException when the twin snapshot is unknown or unusable
   */
  public PreparedEvaluation prepare(EvaluateRequest r) {
    if (!r.hasIncident()) {
      throw new InvalidRequestException("incident", "must be set");
    }
    Incident incident = r.getIncident();
    SnapshotId baseId = snapshotId(r);
    TwinSpec base = twin(r, baseId);
    double horizon = horizon(r);
    TwinSpec fork = fork(base, incident);
    byte[] forkBytes = Fork.canonical(fork);
    String forkHash = EvidenceMapper.sha256(forkBytes);
    double decision = decisionDelay(incident, horizon);
    List<Candidate> candidates =
        new CandidateMapper(fork, settings.warmupSeconds() + decision)
            .candidates(r.getCandidatesList());
    checkScenarios(candidates, fork);
    long seed = r.hasSeed() ? r.getSeed() : derivedSeed(forkHash, r);
    EvaluateRequest seeded = r.toBuilder().setSeed(seed).build();
    return new PreparedEvaluation(
        "ev-" + digest(forkHash, seeded).substring(0, 24),
        r,
        baseId,
        fork,
        forkBytes,
        forkHash,
        SymptomsMapper.symptoms(incident, fork),
        candidates,
        PolicyMapper.policy(r, settings.policy()),
        PolicyMapper.objectives(r, fork),
        seed,
        horizon,
        decision);
  }

  /** The twin snapshot the request names: its own, else the incident's. */
  private static SnapshotId snapshotId(EvaluateRequest r) {
    String hash = snapshotHash(r);
    try {
      return new SnapshotId(hash);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          snapshotField(r),
          "must be 64 lowercase hex characters (a SHA-256), but was '" + hash + "'");
    }
  }

  private static String snapshotField(EvaluateRequest r) {
    return r.hasTwinSnapshotHash() ? "twin_snapshot_hash" : "incident.twin_snapshot_hash";
  }

  private static String snapshotHash(EvaluateRequest r) {
    return r.hasTwinSnapshotHash()
        ? r.getTwinSnapshotHash()
        : r.getIncident().getTwinSnapshotHash();
  }

  private TwinSpec twin(EvaluateRequest r, SnapshotId id) {
    String field = snapshotField(r);
    String hash = id.hex();
    byte[] bytes =
        snapshots
            .get(id)
            .orElseThrow(
                () ->
                    new RequestRejectedException(
                        RequestRejectedException.Reason.NOT_FOUND,
                        field + ": twin snapshot '" + hash + "' not found"));
    try {
      return Fork.parse(bytes);
    } catch (RuntimeException e) {
      throw new RequestRejectedException(
          RequestRejectedException.Reason.FAILED_PRECONDITION,
          field + ": twin snapshot '" + hash + "' is not a valid twin spec: " + e.getMessage());
    }
  }

  private static double horizon(EvaluateRequest r) {
    double h = Durations.seconds(r.getHorizon());
    if (!r.hasHorizon() || !(h > 0) || h > MAX_HORIZON) {
      throw new InvalidRequestException(
          "horizon", "must be > 0 and <= " + MAX_HORIZON + " s, but was " + h + " s");
    }
    return h;
  }

  private static TwinSpec fork(TwinSpec base, Incident incident) {
    Map<String, Double> rates = SymptomsMapper.entryRates(incident, base);
    try {
      return Fork.fork(base, Map.of(), rates);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("incident.symptoms", e.getMessage());
    }
  }

  private static double decisionDelay(Incident incident, double horizon) {
    if (!incident.hasDetectedAt() || !incident.hasOnset()) {
      return 0;
    }
    double d = Durations.seconds(incident.getDetectedAt()) - Durations.seconds(incident.getOnset());
    if (d < 0) {
      throw new InvalidRequestException(
          "incident.detected_at", "must not be before the onset, but was " + d + " s before it");
    }
    return Math.min(d, horizon);
  }

  private static void checkScenarios(List<Candidate> candidates, TwinSpec fork) {
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      try {
        new Scenario(c.name(), List.of(), c.remediations()).validateAgainst(fork);
      } catch (InvalidSpecException e) {
        throw new InvalidRequestException("candidates[" + i + "]", e.getMessage());
      }
    }
  }

  private static long derivedSeed(String forkHash, EvaluateRequest r) {
    byte[] d =
        HexFormat.of().parseHex(digest("seed:" + forkHash, r.toBuilder().clearSeed().build()));
    return ByteBuffer.wrap(d).getLong();
  }

  private static String digest(String prefix, EvaluateRequest r) {
    byte[] head = (prefix + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = EvidenceMapper.deterministic(r);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return EvidenceMapper.sha256(all);
  }
}
