package io.rehearsal.detector.recording;

import com.google.protobuf.MessageOrBuilder;
import io.rehearsal.otlp.OtlpJson;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One export request as a line of OTLP/JSON, the OpenTelemetry Collector file exporter's format:
 * compact protobuf JSON with trace and span ids in hex (the protobuf JSON mapping writes them in
 * base64).
 */
final class OtlpJsonLine {

  /**
   * An id field of the compact printer's output. Inside a JSON string a quote is escaped, so this
   * never matches attribute text; base64 has no quote either.
   */
  private static final Pattern ID =
      Pattern.compile("\"(traceId|spanId|parentSpanId)\":\"([A-Za-z0-9+/=]*)\"");

  private OtlpJsonLine() {}

  /** The request as one line of OTLP/JSON, without the line break. */
  static String print(MessageOrBuilder request) {
    Matcher m = ID.matcher(OtlpJson.print(request));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String hex = HexFormat.of().formatHex(Base64.getDecoder().decode(m.group(2)));
      m.appendReplacement(out, "\"" + m.group(1) + "\":\"" + hex + "\"");
    }
    m.appendTail(out);
    return out.toString();
  }
}
