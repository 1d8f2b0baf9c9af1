package io.rehearsal.cli.ml;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.rehearsal.cli.CommandFailure;
import io.rehearsal.ml.incident.Incident;
import io.rehearsal.ml.proposal.Proposal;
import io.rehearsal.ml.proposal.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes proposals in the candidate format {@code rehearsal sandbox evaluate --candidates} reads.
 */
final class CandidateYaml {
  private static final Pattern SLO = Pattern.compile("(.+)=([0-9.]+)@([0-9.]+):([0-9.]+)");

  private CandidateYaml() {}

  static String write(
      Incident incident, Path recording, List<String> slos, List<Proposal> proposals) {
    StringBuilder out = new StringBuilder();
    out.append("# Proposed by `rehearsal ml propose` from ")
        .append(recording.getFileName())
        .append(" for ")
        .append(incident.title())
        .append('\n');
    out.append("incident: ").append(q(incident.id())).append('\n');
    out.append("slos:\n");
    for (String slo : slos) {
      Matcher m = SLO.matcher(slo.trim());
      if (!m.matches()) {
        throw new CommandFailure("--slo: expected SERVICE/ENDPOINT=MS@PCT:AVAIL, but was " + slo);
      }
      double seconds = Double.parseDouble(m.group(2)) / 1000;
      out.append("  - {endpoint: ")
          .append(q(m.group(1)))
          .append(", percentile: ")
          .append(m.group(3))
          .append(", latency: ")
          .append(seconds)
          .append(", availability: ")
          .append(m.group(4))
          .append("}\n");
    }
    out.append("candidates:\n");
    for (Proposal p : proposals) {
      out.append("  # ").append(String.join("; ", p.why()).replace('\n', ' ')).append('\n');
      out.append("  - name: ").append(q(p.name())).append('\n');
      out.append("    blastRadius: ").append(p.blastRadius()).append('\n');
      out.append("    remediations:\n");
      p.steps().forEach(s -> out.append("      - ").append(step(s)).append('\n'));
    }
    return out.toString();
  }

  private static String step(Step s) {
    StringBuilder out = new StringBuilder("{kind: ").append(s.kind().name());
    out.append(", target: ").append(q(s.target()));
    if (s.to() != null) {
      out.append(", to: ").append(q(s.to()));
    }
    if (s.value() != null) {
      out.append(", value: ").append(s.value());
    }
    if (s.delay() != null) {
      out.append(", delay: ").append(s.delay());
    }
    if (s.maxRetries() != null) {
      out.append(", retry: {maxRetries: ")
          .append(s.maxRetries())
          .append(", backoff: ")
          .append(s.backoff())
          .append('}');
    }
    return out.append('}').toString();
  }

  /** A double-quoted YAML scalar (JSON string syntax is valid YAML). */
  private static String q(String text) {
    try {
      return NabJson.JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
