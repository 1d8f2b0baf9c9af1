package io.rehearsal.shop.decision;

import java.util.List;

/**
 * One step the arm recorder carries out on the running shop, {@code at} seconds after the decision:
 * a line of {@code run.sh --actions}, {@code AT VERB ARG...}, whose arguments hold no spaces (a
 * route's method and path are two arguments).
 *
 * @param at seconds after the decision (the remediation's {@code at + delay})
 * @param verb {@code scale}, {@code restart}, {@code rollback}, {@code call-policy}, {@code shed}
 *     or {@code rate-limit}
 * @param args the verb's arguments, e.g. {@code [catalog, 4]} for {@code scale}
 */
public record ShopAction(double at, String verb, List<String> args) {
  /** The verbs {@code run.sh} knows. */
  public static final List<String> VERBS =
      List.of("scale", "restart", "rollback", "call-policy", "shed", "rate-limit");

  /** Validates the verb and copies the arguments. */
  public ShopAction {
    if (!(at >= 0)) {
      throw new IllegalArgumentException("at must be >= 0, but was " + at);
    }
    if (!VERBS.contains(verb)) {
      throw new IllegalArgumentException("verb must be one of " + VERBS + ", but was " + verb);
    }
    args = List.copyOf(args);
    for (String a : args) {
      if (a.isEmpty() || a.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException(
            "arguments must hold no spaces, but one was '" + a + "'");
      }
    }
  }

  /** The {@code run.sh --actions} line, e.g. {@code 5 rollback catalog}. */
  public String line() {
    String time = at == Math.rint(at) ? Long.toString((long) at) : Double.toString(at);
    return time + " " + verb + (args.isEmpty() ? "" : " " + String.join(" ", args));
  }
}
