package io.rehearsal.cli.ml;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rehearsal.ml.nab.CostProfile;
import io.rehearsal.ml.nab.NabScore;
import io.rehearsal.ml.nab.NabScorer;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * NAB scores as JSON objects and as a text table, shared by {@code ml nab} and {@code nab-score}.
 */
final class NabJson {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private NabJson() {}

  /** The three profiles of one detector, keyed by NAB's profile names. */
  static Map<String, Object> profiles(NabScorer scorer) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (CostProfile p : CostProfile.values()) {
      out.put(p.nabName(), profile(scorer.score(p)));
    }
    return out;
  }

  private static Map<String, Object> profile(NabScore s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("normalized", round(s.normalized(), 2));
    out.put("raw", round(s.raw(), 3));
    out.put("threshold", s.threshold());
    out.put("null_score", s.nullScore());
    out.put("perfect_score", round(s.perfectScore(), 3));
    out.put("windows", s.windows());
    out.put("detected_windows", s.detectedWindows());
    out.put("false_positive_rows", s.falsePositiveRows());
    Map<String, Object> categories = new LinkedHashMap<>();
    s.categories()
        .forEach(
            (name, c) ->
                categories.put(
                    name,
                    Map.of(
                        "raw", round(c.raw(), 3),
                        "windows", c.windows(),
                        "detected_windows", c.detectedWindows(),
                        "false_positive_rows", c.falsePositiveRows(),
                        "files", c.files().size())));
    out.put("categories", categories);
    return out;
  }

  /** One text line per profile. */
  static void printText(PrintWriter out, String detector, NabScorer scorer) {
    for (CostProfile p : CostProfile.values()) {
      NabScore s = scorer.score(p);
      out.println(
          String.format(
              Locale.ROOT,
              "%-20s %-20s %7.2f  raw %8.3f  threshold %-10s windows %d/%d  FP rows %d",
              detector,
              p.nabName(),
              s.normalized(),
              s.raw(),
              s.threshold(),
              s.detectedWindows(),
              s.windows(),
              s.falsePositiveRows()));
    }
  }

  static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
