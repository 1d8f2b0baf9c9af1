package io.rehearsal.ml.nab;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/** NAB timestamps: {@code yyyy-MM-dd HH:mm:ss} with optional fractional seconds, no zone. */
final class NabTime {

  private static final DateTimeFormatter FORMAT =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter();

  private NabTime() {}

  /** Parses a NAB timestamp, or returns null when the text is not one. */
  static LocalDateTime parse(String text) {
    try {
      return LocalDateTime.parse(text.trim(), FORMAT);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Seconds since the epoch, reading the zone-less timestamp as UTC. */
  static long epochSeconds(LocalDateTime time) {
    return time.toEpochSecond(ZoneOffset.UTC);
  }
}
