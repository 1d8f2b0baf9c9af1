package io.rehearsal.gateway.web;

import com.google.protobuf.Timestamp;
import io.rehearsal.proto.v1.ConfidenceInterval;
import io.rehearsal.proto.v1.PairedDifference;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the page writes numbers, times and enum names (one place, so every table agrees). */
final class Format {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private Format() {}

  static String time(Timestamp t) {
    return t.getSeconds() == 0 && t.getNanos() == 0 ? "—" : TIME.format(instant(t));
  }

  static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  static String number(double v, int digits) {
    return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%." + digits + "f", v);
  }

  static String percent(double fraction) {
    return number(100 * fraction, 1) + " %";
  }

  /** {@code mean [lower, upper] @level}. */
  static String paired(PairedDifference d, int digits) {
    ConfidenceInterval ci = d.getCi();
    return number(d.getMean(), digits)
        + " ["
        + number(ci.getLower(), digits)
        + ", "
        + number(ci.getUpper(), digits)
        + "]"
        + (ci.getLevel() > 0 ? " @" + number(ci.getLevel(), 2) : "");
  }

  static String age(Duration d) {
    if (d.isNegative()) {
      return "in the future";
    }
    long minutes = d.toMinutes();
    return minutes < 120 ? minutes + " min" : d.toHours() + " h";
  }

  /** {@code DECISION_STATE_PENDING_APPROVAL} → {@code PENDING_APPROVAL}. */
  static String name(Enum<?> value, String prefix) {
    String n = value.name();
    return n.startsWith(prefix) ? n.substring(prefix.length()) : n;
  }
}
