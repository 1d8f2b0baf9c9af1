package io.rehearsal.sandbox.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Duration;
import io.rehearsal.proto.v1.EvaluateRequest;
import io.rehearsal.proto.v1.MetricKind;
import io.rehearsal.proto.v1.ReplicationPolicy;
import io.rehearsal.proto.v1.SymptomSeries;
import io.rehearsal.proto.v1.Target;
import io.rehearsal.sandbox.mapping.InvalidRequestException;
import io.rehearsal.sandbox.testing.RedisFixture;
import io.rehearsal.sandbox.testing.ReferenceShop;
import io.rehearsal.twin.spec.ArrivalPattern;
import io.rehearsal.twin.spec.TrafficSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestPreparerTest {

  @TempDir static Path dir;
  static RedisFixture redis;
  static RequestPreparer preparer;
  static String twinHash;
  static EvaluateRequest request;

  @BeforeAll
  static void start() {
    redis = RedisFixture.start(dir);
    twinHash = redis.store.twinSnapshots().put(ReferenceShop.snapshot()).hex();
    preparer = new RequestPreparer(redis.store.twinSnapshots(), EvaluationPipelineTest.SETTINGS);
    request = ReferenceShop.request(twinHash);
  }

  @AfterAll
  static void stop() {
    redis.close();
  }

  @Test
  void shouldDeriveTheSameIdWhenTheSameRequestIsPreparedTwice() {
    PreparedEvaluation a = preparer.prepare(request);
    PreparedEvaluation b = preparer.prepare(request);
    PreparedEvaluation otherSeed = preparer.prepare(request.toBuilder().setSeed(43).build());

    assertThat(a.id()).isEqualTo(b.id()).startsWith("ev-").hasSize(27);
    assertThat(otherSeed.id()).isNotEqualTo(a.id());
    assertThat(a.seed()).isEqualTo(42);
    assertThat(a.decisionSeconds()).isEqualTo(20);
  }

  @Test
  void shouldDeriveASeedFromTheRequestWhenItIsUnset() {
    EvaluateRequest unseeded = request.toBuilder().clearSeed().build();

    long seed = preparer.prepare(unseeded).seed();

    assertThat(preparer.prepare(unseeded).seed()).isEqualTo(seed);
    assertThat(seed).isNotEqualTo(42);
  }

  @Test
  void shouldForkWithTheIncidentsTrafficWhenThroughputBaselinesAreGiven() {
    EvaluateRequest.Builder b = request.toBuilder();
    b.getIncidentBuilder().getSymptomsBuilderList().stream()
        .filter(s -> s.getMetric() == MetricKind.METRIC_KIND_THROUGHPUT)
        .filter(s -> s.getTarget().getEndpoint().equals("GET /browse"))
        .forEach(s -> s.setBaseline(25));

    PreparedEvaluation p = preparer.prepare(b.build());

    TrafficSpec browse =
        p.fork().traffic().stream()
            .filter(t -> t.endpoint().equals("frontend/GET /browse"))
            .findFirst()
            .orElseThrow();
    assertThat(browse.arrivals()).isEqualTo(new ArrivalPattern.Poisson(25));
    assertThat(p.forkHash()).isNotEqualTo(preparer.prepare(request).forkHash());
    assertThat(Fork.canonical(Fork.parse(p.forkBytes()))).isEqualTo(p.forkBytes());
  }

  @Test
  void shouldNameTheFieldWhenCandidatesAreEmpty() {
    assertInvalid(request.toBuilder().clearCandidates().build(), "candidates", "empty");
  }

  @Test
  void shouldNameTheFieldAndValueWhenACandidateTargetIsUnknown() {
    EvaluateRequest bad =
        request.toBuilder().setCandidates(1, ReferenceShop.scale("s", "nosuch", 1)).build();

    assertInvalid(bad, "candidates[1].target.service", "'nosuch'");
  }

  @Test
  void shouldNameTheFieldWhenCandidateIdsRepeat() {
    EvaluateRequest bad =
        request.toBuilder()
            .addCandidates(ReferenceShop.scale("scale-catalog", "catalog", 1))
            .build();

    assertInvalid(bad, "candidates[3].id", "'scale-catalog'");
  }

  @Test
  void shouldNameTheFieldAndValueWhenASymptomEndpointIsUnknown() {
    EvaluateRequest.Builder b = request.toBuilder();
    SymptomSeries first = b.getIncident().getSymptoms(0);
    b.getIncidentBuilder()
        .setSymptoms(
            0,
            first.toBuilder()
                .setTarget(Target.newBuilder().setService("frontend").setEndpoint("GET /nope")));

    assertInvalid(b.build(), "incident.symptoms[0].target", "'frontend/GET /nope'");
  }

  @Test
  void shouldNameTheFieldWhenTheHorizonIsMissing() {
    assertInvalid(request.toBuilder().clearHorizon().build(), "horizon", "> 0");
    assertInvalid(
        request.toBuilder().setHorizon(Duration.newBuilder().setSeconds(-5)).build(),
        "horizon",
        "-5");
  }

  @Test
  void shouldNameTheFieldWhenTheReplicationPolicyIsInconsistent() {
    EvaluateRequest bad =
        request.toBuilder()
            .setReplications(
                ReplicationPolicy.newBuilder().setMinReplications(9).setMaxReplications(3))
            .build();

    assertInvalid(bad, "replications", "maxReplications");
  }

  @Test
  void shouldNameTheFieldWhenTheTwinHashIsMalformed() {
    EvaluateRequest bad = request.toBuilder().setTwinSnapshotHash("abc").build();

    assertInvalid(bad, "twin_snapshot_hash", "'abc'");
  }

  @Test
  void shouldAnswerNotFoundWhenTheTwinSnapshotIsUnknown() {
    String unknown = "a".repeat(64);
    EvaluateRequest bad = request.toBuilder().setTwinSnapshotHash(unknown).build();

    RequestRejectedException e =
        catchThrowableOfType(RequestRejectedException.class, () -> preparer.prepare(bad));

    assertThat(e.reason()).isEqualTo(RequestRejectedException.Reason.NOT_FOUND);
    assertThat(e.getMessage()).contains(unknown);
  }

  @Test
  void shouldAnswerFailedPreconditionWhenTheSnapshotIsNotATwin() {
    String junk = redis.store.twinSnapshots().put("name: [".getBytes(StandardCharsets.UTF_8)).hex();

    RequestRejectedException e =
        catchThrowableOfType(
            RequestRejectedException.class,
            () -> preparer.prepare(request.toBuilder().setTwinSnapshotHash(junk).build()));

    assertThat(e.reason()).isEqualTo(RequestRejectedException.Reason.FAILED_PRECONDITION);
    assertThat(e.getMessage()).contains(junk);
  }

  @Test
  void shouldNameTheFieldWhenTheIncidentIsMissing() {
    assertInvalid(request.toBuilder().clearIncident().build(), "incident", "must be set");
  }

  private static void assertInvalid(EvaluateRequest r, String field, String fragment) {
    assertThatThrownBy(() -> preparer.prepare(r))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining(fragment);
  }
}
