package io.rehearsal.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;

/**
 * OTLP/JSON as the specification's "JSON Protobuf Encoding" defines it: lowerCamelCase keys (the
 * original field names are accepted too), trace and span ids as hex strings, enums as integers or
 * names, 64-bit integers as strings or numbers, unknown fields ignored.
 */
public final class OtlpJson {

  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().omittingInsignificantWhitespace();

  private OtlpJson() {}

  /** Parses an OTLP/JSON trace export request. */
  public static ExportTraceServiceRequest traces(String json) throws OtlpPayloadException {
    ExportTraceServiceRequest.Builder builder = ExportTraceServiceRequest.newBuilder();
    merge(transcode(json).json(), builder);
    return builder.build();
  }

  /** Parses an OTLP/JSON metrics export request. */
  public static ExportMetricsServiceRequest metrics(String json) throws OtlpPayloadException {
    ExportMetricsServiceRequest.Builder builder = ExportMetricsServiceRequest.newBuilder();
    merge(transcode(json).json(), builder);
    return builder.build();
  }

  /**
   * Prints a message as compact protobuf JSON, e.g. an export response or a {@code
   * google.rpc.Status}. (Responses carry no trace or span ids, so no hex rewriting is needed.)
   */
  public static String print(MessageOrBuilder message) {
    try {
      return PRINTER.print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot print " + message.getClass().getSimpleName(), e);
    }
  }

  static IdTranscoder.Result transcode(String json) throws OtlpPayloadException {
    try {
      return IdTranscoder.transcode(json);
    } catch (IOException | RuntimeException e) {
      throw malformed(e);
    }
  }

  static void merge(String protoJson, Message.Builder builder) throws OtlpPayloadException {
    try {
      PARSER.merge(protoJson, builder);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw malformed(e);
    }
  }

  private static OtlpPayloadException malformed(Exception e) {
    return new OtlpPayloadException(
        OtlpPayloadException.Problem.MALFORMED,
        "body is not valid OTLP/JSON: " + e.getMessage(),
        e);
  }
}
