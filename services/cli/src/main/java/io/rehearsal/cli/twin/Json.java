package io.rehearsal.cli.twin;

/**
 * A minimal JSON writer for the twin verbs' {@code --json} output: objects and arrays written in
 * order, strings escaped, non-finite numbers as {@code null}. Not a general-purpose library.
 */
final class Json {
  private final StringBuilder out = new StringBuilder();
  private boolean first = true;

  Json beginObject() {
    separate();
    out.append('{');
    first = true;
    return this;
  }

  Json endObject() {
    out.append('}');
    first = false;
    return this;
  }

  Json beginArray(String name) {
    key(name);
    out.append('[');
    first = true;
    return this;
  }

  Json endArray() {
    out.append(']');
    first = false;
    return this;
  }

  /** Starts an object as the value of {@code name}. */
  Json object(String name) {
    key(name);
    out.append('{');
    first = true;
    return this;
  }

  Json field(String name, String value) {
    key(name);
    string(value);
    first = false;
    return this;
  }

  Json field(String name, double value) {
    key(name);
    out.append(Double.isFinite(value) ? number(value) : "null");
    first = false;
    return this;
  }

  Json field(String name, long value) {
    key(name);
    out.append(value);
    first = false;
    return this;
  }

  Json field(String name, boolean value) {
    key(name);
    out.append(value);
    first = false;
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }

  private void key(String name) {
    separate();
    string(name);
    out.append(':');
    first = true;
  }

  private void separate() {
    if (!first) {
      out.append(',');
    }
  }

  private void string(String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
