package io.rehearsal.store;

import java.util.List;

/** Typed access to script replies, failing loudly on a reply the script cannot produce. */
final class Replies {

  private Replies() {}

  static long longAt(List<Object> reply, int index) {
    return (Long) at(reply, index, Long.class);
  }

  static String textAt(List<Object> reply, int index) {
    return Keys.text((byte[]) at(reply, index, byte[].class));
  }

  private static Object at(List<Object> reply, int index, Class<?> type) {
    Object value = reply != null && reply.size() > index ? reply.get(index) : null;
    if (!type.isInstance(value)) {
      throw new StoreIntegrityException(
          "unexpected script reply " + reply + ": element " + index + " is not " + type);
    }
    return value;
  }
}
