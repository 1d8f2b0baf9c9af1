package io.rehearsal.cli.incidents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rehearsal.proto.v1.Incident;
import io.rehearsal.proto.v1.IncidentState;
import io.rehearsal.proto.v1.ListIncidentsRequest;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal incidents}: the detector's incidents, most recently detected first, as a table
 * or JSON; {@code rehearsal incidents show ID} for one. Talks gRPC to a running detector.
 */
@Command(
    name = "incidents",
    mixinStandardHelpOptions = true,
    description = "List the detector's incidents; 'show ID' for one.",
    subcommands = {IncidentsShowCommand.class, ReplayEvalCommand.class},
    footer = {
      "",
      "Columns: ID, STATE, SEVERITY, TITLE, ONSET (of the first symptom), AGE (since detection).",
      "Exit codes: 0 listed (possibly nothing), 1 detector unreachable or failing, 2 usage error."
    })
public final class IncidentsCommand implements Callable<Integer> {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Mixin DetectorOptions options;

  @Option(
      names = "--state",
      split = ",",
      paramLabel = "STATE",
      description = "Only these states: open, mitigating, resolved (default: all).")
  List<String> states = List.of();

  @Option(
      names = "--limit",
      paramLabel = "N",
      description =
          "At most N incidents (default: ${DEFAULT-VALUE}; the detector caps it at 1000).")
  int limit = 50;

  /** The clock ages are measured against; tests set their own. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws Exception {
    if (limit < 1) {
      throw new ParameterException(spec.commandLine(), "--limit must be >= 1, but was " + limit);
    }
    ListIncidentsRequest.Builder request = ListIncidentsRequest.newBuilder().setLimit(limit);
    states.forEach(s -> request.addStates(state(s)));
    List<Incident> incidents = new DetectorClient(options.detector).list(request.build());
    PrintWriter out = spec.commandLine().getOut();
    Instant now = clock.instant();
    if (options.json) {
      out.println(
          JSON.writeValueAsString(
              Map.of(
                  "incidents",
                  incidents.stream().map(i -> IncidentText.summary(i, now)).toList())));
    } else {
      IncidentText.table(incidents, now, out);
    }
    out.flush();
    return 0;
  }

  private IncidentState state(String name) {
    try {
      IncidentState state =
          IncidentState.valueOf("INCIDENT_STATE_" + name.trim().toUpperCase(Locale.ROOT));
      if (state != IncidentState.INCIDENT_STATE_UNSPECIFIED) {
        return state;
      }
    } catch (IllegalArgumentException e) {
      // falls through to the usage error
    }
    throw new ParameterException(
        spec.commandLine(), "--state must be open, mitigating or resolved, but was '" + name + "'");
  }
}
