package io.rehearsal.cli.incidents;

import io.rehearsal.proto.v1.Incident;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rehearsal incidents show ID}: one incident — symptoms, suspects, the timeline of its state
 * changes, and the later steps (proposals, evaluation, decision) once they exist.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Show one incident: symptoms, suspects, timeline, proposals, evaluation, decision.",
    footer = {
      "",
      "Exit codes: 0 shown, 1 no such incident or detector unreachable, 2 usage error (e.g. an",
      "ID that is not inc-YYYYMMDD-NNNN)."
    })
public final class IncidentsShowCommand implements Callable<Integer> {

  private static final Pattern ID = Pattern.compile("inc-\\d{8}-\\d{4,9}");

  @Spec CommandSpec spec;

  @Mixin DetectorOptions options;

  @Parameters(paramLabel = "ID", description = "The incident's id, e.g. inc-20261207-0001.")
  String id;

  /** The clock the age is measured against; tests set their own. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws Exception {
    if (!ID.matcher(id).matches()) {
      throw new ParameterException(
          spec.commandLine(), "ID must look like inc-YYYYMMDD-NNNN, but was '" + id + "'");
    }
    Incident incident = new DetectorClient(options.detector).get(id);
    PrintWriter out = spec.commandLine().getOut();
    Instant now = clock.instant();
    if (options.json) {
      out.println(IncidentsCommand.JSON.writeValueAsString(IncidentText.full(incident, now)));
    } else {
      IncidentText.details(incident, now, out);
    }
    out.flush();
    return 0;
  }
}
