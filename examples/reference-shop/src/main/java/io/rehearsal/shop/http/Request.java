package io.rehearsal.shop.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An incoming request as a handler sees it.
 *
 * @param method HTTP method
 * @param path URL path without query
 * @param query decoded query parameters
 * @param body request body (may be empty)
 */
public record Request(String method, String path, Map<String, String> query, byte[] body) {

  /** Copies. */
  public Request {
    query = Map.copyOf(query);
  }

  /** Parses a raw query string such as {@code a=1&b=x}. */
  public static Map<String, String> parseQuery(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(decode(key), decode(value));
    }
    return out;
  }

  /** A required query parameter. */
  public String param(String name) {
    String value = query.get(name);
    if (value == null) {
      throw new BadRequestException("missing query parameter " + name);
    }
    return value;
  }

  /** An integer query parameter with a default. */
  public int intParam(String name, int fallback) {
    String value = query.get(name);
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new BadRequestException("query parameter " + name + " is not an integer: " + value);
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** A client error: answered 400 with its message. */
  public static final class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With the reason shown to the client. */
    public BadRequestException(String message) {
      super(message);
    }
  }
}
