package io.rehearsal.otlp;

import java.util.Locale;
import java.util.Optional;

/** The two OTLP/HTTP payload encodings and their content types. */
public enum OtlpFormat {
  /** Binary protobuf, {@code application/x-protobuf}. */
  PROTOBUF("application/x-protobuf"),
  /**
   * OTLP/JSON (the protobuf JSON mapping with hex trace and span ids), {@code application/json}.
   */
  JSON("application/json");

  private final String contentType;

  OtlpFormat(String contentType) {
    this.contentType = contentType;
  }

  /** The content type to send and answer with. */
  public String contentType() {
    return contentType;
  }

  /**
   * The format of a {@code Content-Type} header value, ignoring case and parameters such as {@code
   * charset}; empty when the type is neither.
   */
  public static Optional<OtlpFormat> ofContentType(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String type = header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    for (OtlpFormat format : values()) {
      if (format.contentType.equals(type)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
