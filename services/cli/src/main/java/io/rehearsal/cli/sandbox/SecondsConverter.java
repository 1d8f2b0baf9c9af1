package io.rehearsal.cli.sandbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations for options: {@code 300}, {@code 90s}, {@code 5m}, {@code 1h}, {@code 2.5s}. */
final class SecondsConverter implements ITypeConverter<Double> {
  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)([smh]?)");

  @Override
  public Double convert(String value) {
    Matcher m = FORM.matcher(value.trim());
    if (!m.matches()) {
      throw new TypeConversionException(
          "'" + value + "' is not a duration (e.g. 300, 90s, 5m, 1h)");
    }
    double n = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "m" -> n * 60;
      case "h" -> n * 3600;
      default -> n;
    };
  }
}
