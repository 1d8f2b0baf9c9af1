package io.rehearsal.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.rehearsal.gateway.decision.DecisionDesk;
import io.rehearsal.proto.v1.ArmPrediction;
import io.rehearsal.proto.v1.Decision;
import io.rehearsal.proto.v1.Evaluation;
import io.rehearsal.proto.v1.PredictedSeries;
import io.rehearsal.store.RedisStore;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The plots' JSON endpoint: what it serves comes from the evaluation stored under the decision's
 * evaluation id (never from the request), as per-arm predicted series with their band, or as flat
 * means, said so, for an evaluation stored without series.
 */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class ReviewPagePlotsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject RedisStore store;
  @Inject DecisionDesk desk;

  @TestHTTPResource("/")
  URI base;

  @Test
  void shouldServeEveryArmsStoredMedianAndBandWhenTheEvaluationHasSeries() throws Exception {
    String run = "plots-" + UUID.randomUUID().toString().substring(0, 8);
    Instant at = Instant.parse("2027-03-01T03:00:00Z");
    Evaluation e = WebFixtures.store(store, run, at);
    Decision d = desk.submit(WebFixtures.request(run, e, 0)).decision();

    JsonNode plots = plots(d);

    assertThat(plots.get("predicted").asBoolean()).isTrue();
    assertThat(plots.get("note").asText()).contains("10–90 %").doesNotContain("held flat");
    PredictedSeries stored = e.getPredictedSeries();
    double fork = stored.getForkTime().getSeconds();
    assertThat(plots.get("decision").asDouble()).isEqualTo(fork + 120);
    JsonNode p99 = plots.get("p99");
    assertThat(labels(p99))
        .containsExactly(
            "observed checkout",
            "do nothing",
            "rollback-checkout (acts +150 s)",
            "scale-checkout (acts +150 s)",
            "restart-checkout (acts +150 s)");
    ArmPrediction nothing = stored.getArms(0);
    for (int b = 0; b < PredictedFixture.BUCKETS; b++) {
      double x = fork + (b + 1) * PredictedFixture.WIDTH;
      assertThat(at(p99, 1, "values", x)).isEqualTo(nothing.getP99LatencyMs().getP50(b));
      assertThat(at(p99, 1, "low", x)).isEqualTo(nothing.getP99LatencyMs().getP10(b));
      assertThat(at(p99, 1, "high", x)).isEqualTo(nothing.getP99LatencyMs().getP90(b));
    }
    // the rollback's line starts where it acts (bucket end +150 s) and reaches 180 ms within 40 s
    ArmPrediction rollback = stored.getArms(1);
    assertThat(at(p99, 2, "values", fork + 140)).isNull();
    assertThat(at(p99, 2, "values", fork + 150)).isEqualTo(nothing.getP99LatencyMs().getP50(14));
    assertThat(at(p99, 2, "values", fork + 190))
        .isEqualTo(rollback.getP99LatencyMs().getP50(18))
        .isLessThan(200);
    assertThat(at(p99, 3, "values", fork + 190))
        .as("the scale-out still starting containers")
        .isEqualTo(nothing.getP99LatencyMs().getP50(18))
        .isGreaterThan(600);
    assertThat(at(plots.get("errorRate"), 2, "high", fork + 900))
        .isEqualTo(rollback.getErrorRate().getP90(89));
  }

  @Test
  void shouldDrawFlatMeansAndSaySoWhenTheEvaluationHasNoSeries() throws Exception {
    String run = "flat-" + UUID.randomUUID().toString().substring(0, 8);
    Evaluation e = WebFixtures.store(store, run, Instant.now(), false);
    Decision d = desk.submit(WebFixtures.request(run, e, 0)).decision();

    JsonNode plots = plots(d);

    assertThat(plots.get("predicted").asBoolean()).isFalse();
    assertThat(plots.get("note").asText()).contains("held flat");
    JsonNode rollback = plots.get("p99").get("series").get(2);
    assertThat(rollback.get("label").asText()).isEqualTo("rollback-checkout");
    assertThat(rollback.has("low")).isFalse();
    List<Double> values = new ArrayList<>();
    rollback.get("values").forEach(v -> values.add(v.isNull() ? null : v.asDouble()));
    assertThat(values).filteredOn(v -> v != null).containsOnly(180.0).hasSize(2);
  }

  private JsonNode plots(Decision d) throws Exception {
    WebClient alice = new WebClient(base);
    alice.signIn("alice", WebTestProfile.password("alice"));
    HttpResponse<String> answer = alice.get("/ui/decisions/" + d.getId() + "/plots");
    assertThat(answer.statusCode()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static List<String> labels(JsonNode plot) {
    List<String> out = new ArrayList<>();
    plot.get("series").forEach(s -> out.add(s.get("label").asText()));
    return out;
  }

  /** Column {@code column} of series {@code series} at {@code x}; null where it has no value. */
  private static Double at(JsonNode plot, int series, String column, double x) {
    JsonNode xs = plot.get("x");
    for (int i = 0; i < xs.size(); i++) {
      if (xs.get(i).asDouble() == x) {
        JsonNode v = plot.get("series").get(series).get(column).get(i);
        return v.isNull() ? null : v.asDouble();
      }
    }
    throw new AssertionError("no x = " + x + " in " + xs);
  }
}
