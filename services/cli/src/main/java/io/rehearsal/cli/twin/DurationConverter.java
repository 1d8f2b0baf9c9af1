package io.rehearsal.cli.twin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a duration into seconds: {@code 600}, {@code 90s}, {@code 10m}, {@code 1.5h}, {@code
 * 1h30m}.
 */
final class DurationConverter implements ITypeConverter<Double> {
  private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
  private static final Pattern DURATION =
      Pattern.compile("(?:" + NUMBER + "h)?(?:" + NUMBER + "m)?(?:" + NUMBER + "s?)?");

  @Override
  public Double convert(String value) {
    Matcher m = DURATION.matcher(value.trim());
    if (value.isBlank() || !m.matches()) {
      throw new TypeConversionException(
          "'" + value + "' is not a duration (e.g. 600, 90s, 10m, 1h30m)");
    }
    return part(m.group(1)) * 3600 + part(m.group(2)) * 60 + part(m.group(3));
  }

  private static double part(String group) {
    return group == null ? 0 : Double.parseDouble(group);
  }
}
