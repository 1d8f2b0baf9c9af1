package io.rehearsal.policy;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelLateFunctionBindings;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The helper functions rules may call, besides CEL's standard library (whose {@code
 * now.getHours("Europe/Paris")} and {@code now.getDayOfWeek(tz)} are time-zone aware already).
 *
 * <ul>
 *   <li>{@code recent_actions(window)}: actions on the target within {@code window} before now;
 *   <li>{@code recent_actions(kind, window)}: the same, of one kind ({@code "RESTART"});
 *   <li>{@code is_weekend(timestamp, tz)}: Saturday or Sunday in time zone {@code tz};
 *   <li>{@code is_business_hours(timestamp, tz)}: Monday to Friday, 09:00 to 17:00 in {@code tz}.
 * </ul>
 */
final class Functions {

  private static final String RECENT = "recent_actions_duration";
  private static final String RECENT_KIND = "recent_actions_string_duration";

  private Functions() {}

  static List<CelFunctionDecl> declarations() {
    return List.of(
        CelFunctionDecl.newFunctionDeclaration(
            "recent_actions",
            CelOverloadDecl.newGlobalOverload(RECENT, SimpleType.INT, SimpleType.DURATION),
            CelOverloadDecl.newGlobalOverload(
                RECENT_KIND, SimpleType.INT, SimpleType.STRING, SimpleType.DURATION)),
        CelFunctionDecl.newFunctionDeclaration(
            "is_weekend",
            CelOverloadDecl.newGlobalOverload(
                "is_weekend_timestamp_string",
                SimpleType.BOOL,
                SimpleType.TIMESTAMP,
                SimpleType.STRING)),
        CelFunctionDecl.newFunctionDeclaration(
            "is_business_hours",
            CelOverloadDecl.newGlobalOverload(
                "is_business_hours_timestamp_string",
                SimpleType.BOOL,
                SimpleType.TIMESTAMP,
                SimpleType.STRING)));
  }

  /** The pure functions, bound once in the runtime. */
  static List<CelFunctionBinding> staticBindings() {
    return List.of(
        CelFunctionBinding.from(
            "is_weekend_timestamp_string",
            Instant.class,
            String.class,
            (at, tz) -> weekend(local(at, tz).getDayOfWeek())),
        CelFunctionBinding.from(
            "is_business_hours_timestamp_string",
            Instant.class,
            String.class,
            Functions::businessHours));
  }

  /**
   * The functions that read the input, bound for one decision; each call is written to the map
   * {@code trace} holds at the time (the current rule's), so the explanation shows what it saw.
   */
  static CelLateFunctionBindings perInput(
      PolicyInput input, Instant now, AtomicReference<Map<String, String>> trace) {
    return CelLateFunctionBindings.from(
        CelFunctionBinding.from(
            RECENT,
            Duration.class,
            window ->
                traced(
                    trace,
                    "recent_actions(" + Literals.of(window) + ")",
                    count(input, now, null, window))),
        CelFunctionBinding.from(
            RECENT_KIND,
            String.class,
            Duration.class,
            (kind, window) ->
                traced(
                    trace,
                    "recent_actions(" + Literals.of(kind) + ", " + Literals.of(window) + ")",
                    count(input, now, kind, window))));
  }

  private static long traced(AtomicReference<Map<String, String>> trace, String call, long result) {
    trace.get().put(call, Long.toString(result));
    return result;
  }

  static long count(PolicyInput input, Instant now, String kind, Duration window) {
    Instant from = now.minus(window);
    return input.recent().stream()
        .filter(a -> kind == null || a.kind().name().equals(kind))
        .filter(a -> a.at().isAfter(from) && !a.at().isAfter(now))
        .count();
  }

  private static ZonedDateTime local(Instant at, String tz) {
    return at.atZone(ZoneId.of(tz));
  }

  private static boolean weekend(DayOfWeek day) {
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
  }

  private static boolean businessHours(Instant at, String tz) {
    ZonedDateTime local = local(at, tz);
    return !weekend(local.getDayOfWeek()) && local.getHour() >= 9 && local.getHour() < 17;
  }
}
