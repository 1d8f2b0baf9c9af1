package io.rehearsal.sandbox.evaluation;

import io.rehearsal.proto.v1.EvaluateRequest;
import io.rehearsal.rehearse.evaluation.Candidate;
import io.rehearsal.rehearse.evaluation.Objectives;
import io.rehearsal.rehearse.evaluation.ReplicationPolicy;
import io.rehearsal.rehearse.fitting.Symptoms;
import io.rehearsal.store.SnapshotId;
import io.rehearsal.twin.spec.TwinSpec;
import java.util.List;

/**
 * A validated request, mapped to the twin and ready to run.
 *
 * @param id evaluation id: derived from the fork's hash and the request (with its seed), so the
 *     same request on the same twin is the same evaluation
 * @param request the request, as received
 * @param base the stored twin snapshot that was forked (its fidelity is the fork's)
 * @param fork the forked twin
 * @param forkBytes its canonical bytes
 * @param forkHash their SHA-256 (the snapshot id)
 * @param symptoms the incident's symptoms on the fork
 * @param candidates the candidates, in request order
 * @param policy replication policy in force
 * @param objectives objectives in force
 * @param seed base seed (the request's, or derived from it)
 * @param horizonSeconds simulated seconds after the fork
 * @param decisionSeconds seconds from the fork until candidates are decided (the detection delay)
 */
public record PreparedEvaluation(
    String id,
    EvaluateRequest request,
    SnapshotId base,
    TwinSpec fork,
    byte[] forkBytes,
    String forkHash,
    Symptoms symptoms,
    List<Candidate> candidates,
    ReplicationPolicy policy,
    Objectives objectives,
    long seed,
    double horizonSeconds,
    double decisionSeconds) {}
