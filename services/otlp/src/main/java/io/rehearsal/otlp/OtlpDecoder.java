package io.rehearsal.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Decodes OTLP export requests as OTLP/HTTP receives them: binary protobuf or OTLP/JSON, optionally
 * gzip-compressed, never inflating more than {@code maxDecodedBytes} (a gzip bomb is refused as too
 * large, not buffered).
 *
 * <pre>{@code
 * OtlpDecoder decoder = new OtlpDecoder(8 << 20);
 * ExportTraceServiceRequest request = decoder.traces(body, OtlpFormat.JSON, true);
 * }</pre>
 */
public final class OtlpDecoder {

  private static final int CHUNK = 16 * 1024;

  private final int maxDecodedBytes;

  /**
   * A decoder refusing payloads larger than {@code maxDecodedBytes} after decompression.
   *
   * @throws IllegalArgumentException if the limit is not positive
   */
  public OtlpDecoder(int maxDecodedBytes) {
    if (maxDecodedBytes < 1) {
      throw new IllegalArgumentException(
          "maxDecodedBytes must be >= 1, but was " + maxDecodedBytes);
    }
    this.maxDecodedBytes = maxDecodedBytes;
  }

  /** Decodes a trace export request. */
  public ExportTraceServiceRequest traces(byte[] body, OtlpFormat format, boolean gzip)
      throws OtlpPayloadException {
    byte[] bytes = inflate(body, gzip);
    if (format == OtlpFormat.JSON) {
      return OtlpJson.traces(new String(bytes, StandardCharsets.UTF_8));
    }
    try {
      return ExportTraceServiceRequest.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw malformedProtobuf(e);
    }
  }

  /** Decodes a metrics export request. */
  public ExportMetricsServiceRequest metrics(byte[] body, OtlpFormat format, boolean gzip)
      throws OtlpPayloadException {
    byte[] bytes = inflate(body, gzip);
    if (format == OtlpFormat.JSON) {
      return OtlpJson.metrics(new String(bytes, StandardCharsets.UTF_8));
    }
    try {
      return ExportMetricsServiceRequest.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw malformedProtobuf(e);
    }
  }

  /** Encodes a response in the format of the request it answers. */
  public static byte[] encode(Message response, OtlpFormat format) {
    return format == OtlpFormat.JSON
        ? OtlpJson.print(response).getBytes(StandardCharsets.UTF_8)
        : response.toByteArray();
  }

  /** The limit on decoded payloads, in bytes. */
  public int maxDecodedBytes() {
    return maxDecodedBytes;
  }

  private byte[] inflate(byte[] body, boolean gzip) throws OtlpPayloadException {
    if (body.length > maxDecodedBytes) {
      throw tooLarge(body.length);
    }
    if (!gzip) {
      return body;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), CHUNK)) {
      return readAtMost(in);
    } catch (IOException e) {
      throw new OtlpPayloadException(
          OtlpPayloadException.Problem.MALFORMED, "body is not valid gzip: " + e.getMessage(), e);
    }
  }

  private byte[] readAtMost(InputStream in) throws IOException, OtlpPayloadException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK);
    byte[] chunk = new byte[CHUNK];
    for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
      if (out.size() + n > maxDecodedBytes) {
        throw new OtlpPayloadException(
            OtlpPayloadException.Problem.TOO_LARGE,
            "decompressed body exceeds the limit of " + maxDecodedBytes + " bytes");
      }
      out.write(chunk, 0, n);
    }
    return out.toByteArray();
  }

  private OtlpPayloadException tooLarge(int length) {
    return new OtlpPayloadException(
        OtlpPayloadException.Problem.TOO_LARGE,
        "body of " + length + " bytes exceeds the limit of " + maxDecodedBytes + " bytes");
  }

  private static OtlpPayloadException malformedProtobuf(InvalidProtocolBufferException e) {
    return new OtlpPayloadException(
        OtlpPayloadException.Problem.MALFORMED, "body is not valid protobuf: " + e.getMessage(), e);
  }
}
