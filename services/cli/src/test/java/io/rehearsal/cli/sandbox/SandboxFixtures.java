package io.rehearsal.cli.sandbox;

import io.rehearsal.rehearse.fitting.Symptoms;
import io.rehearsal.rehearse.incident.Incident;
import io.rehearsal.rehearse.incident.IncidentFiles;
import io.rehearsal.twin.engine.Engine;
import io.rehearsal.twin.run.RunResult;
import io.rehearsal.twin.run.SimulationConfig;
import io.rehearsal.twin.spec.Fault;
import io.rehearsal.twin.spec.FaultKind;
import io.rehearsal.twin.spec.Scenario;
import io.rehearsal.twin.spec.TwinSpec;
import io.rehearsal.twin.spec.TwinSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small rehearsal: a one-service twin (2 replicas x 4 workers, 100 req/s of 20 ms: 25 % busy), an
 * incident whose symptoms come from the twin itself with the self time tripled (75 % busy, p99 near
 * the 0.3-s SLO), and four candidates: the fix (rollback), a costly help (scale up), a harmful one
 * (scale down) and a rate limit whose name needs escaping in HTML.
 */
final class SandboxFixtures {
  static final String TWIN =
      """
      name: api-twin
      services:
        - name: api
          replicas: 2
          workers: 4
          queueLimit: 50
          startup: {type: constant, value: 5}
          endpoints:
            - name: GET /
              selfTime: {type: exponential, mean: 0.02}
      traffic:
        - {endpoint: api/GET /, arrivals: {type: poisson, rate: 100}}
      slos:
        - {endpoint: api/GET /, percentile: 99, latency: 0.3, availability: 0.99}
      """;
  static final String ODD_NAME = "<b>restart</b> \"api\" & 'co'";
  static final String CANDIDATES =
      """
      incident: bad-deploy
      candidates:
        - name: rollback api
          blastRadius: 0.5
          remediations:
            - {kind: ROLLBACK, target: api}
        - name: scale api to 6
          blastRadius: 0.5
          cost: 2
          remediations:
            - {kind: SCALE, target: api, value: 6}
        - name: scale api to 1
          blastRadius: 0.5
          remediations:
            - {kind: SCALE, target: api, value: 1}
        - name: '%s'
          blastRadius: 0.5
          remediations:
            - {kind: RATE_LIMIT, target: api, value: 90}
      """
          .formatted(ODD_NAME.replace("'", "''"));

  private SandboxFixtures() {}

  /** Writes twin.yaml, incident.yaml and candidates.yaml into {@code dir}. */
  static void write(Path dir) throws IOException {
    Files.writeString(dir.resolve("twin.yaml"), TWIN);
    Files.writeString(dir.resolve("candidates.yaml"), CANDIDATES);
    IncidentFiles.write(dir.resolve("incident.yaml"), incident());
  }

  /**
   * 40 s of symptoms in 5-s buckets from the onset of a tripled self time, seen from another seed.
   */
  static Incident incident() {
    TwinSpec twin = TwinSpecs.fromYaml(TWIN);
    Scenario bad =
        new Scenario(
            "bad deploy",
            List.of(new Fault(FaultKind.LATENCY, 30, 0.0, "api", 3.0, null)),
            List.of());
    RunResult run = new Engine(twin).run(bad, new SimulationConfig(70, 0, 5, false), 99, 0);
    Symptoms symptoms = Symptoms.fromRun(run, 30, 8);
    return new Incident(
        "bad-deploy", "api slowed down after a deploy", 0, symptoms, Map.of(), null);
  }

  /**
   * The evaluate arguments for the fixture in {@code dir}, small enough for a unit test; {@code
   * extra} options replace the defaults of the same name ({@code --json} and other flags are
   * added).
   */
  static String[] evaluate(Path dir, String... extra) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("--twin", dir.resolve("twin.yaml").toString());
    options.put("--incident", dir.resolve("incident.yaml").toString());
    options.put("--candidates", dir.resolve("candidates.yaml").toString());
    options.put("--seed", "5");
    options.put("--warmup", "20");
    options.put("--horizon", "90");
    options.put("--bucket", "5");
    options.put("--min-replications", "4");
    options.put("--max-replications", "12");
    options.put("--indifference", "0.02");
    List<String> flags = new ArrayList<>();
    for (int i = 0; i < extra.length; i++) {
      boolean pair = i + 1 < extra.length && !extra[i + 1].startsWith("--");
      if (pair) {
        options.put(extra[i], extra[++i]);
      } else {
        flags.add(extra[i]);
      }
    }
    List<String> args = new ArrayList<>(List.of("sandbox", "evaluate"));
    options.forEach((k, v) -> args.addAll(List.of(k, v)));
    args.addAll(flags);
    return args.toArray(String[]::new);
  }
}
