package io.rehearsal.detector;

import com.google.protobuf.Message;
import com.google.rpc.Code;
import io.rehearsal.otlp.OtlpDecoder;
import io.rehearsal.otlp.OtlpFormat;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Function;

/**
 * OTLP/HTTP receivers on the HTTP port (4318): {@code POST /v1/traces} and {@code /v1/metrics} with
 * {@code application/x-protobuf} or {@code application/json} bodies, optionally {@code
 * Content-Encoding: gzip}. Responses come in the request's content type: 200 with the export
 * response (partial success when items were rejected), 400 with a {@code google.rpc.Status} when
 * the body does not decode, 413 when it is too large, 415 for other content types or encodings, 429
 * with {@code Retry-After} when the detector is overloaded.
 *
 * <p>Runs on the event loop: decoding and admission never block, so bodies are not queued for
 * worker threads (memory stays bounded by connections times the body limit).
 */
@Path("/v1")
public class OtlpHttpResource {

  private static final int TOO_MANY_REQUESTS = 429;
  private static final int PAYLOAD_TOO_LARGE = 413;

  private final OtlpExports exports;

  OtlpHttpResource(OtlpExports exports) {
    this.exports = exports;
  }

  /** OTLP/HTTP trace export. */
  @POST
  @Path("traces")
  @NonBlocking
  public Response traces(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding,
      byte[] body) {
    return export(
        contentType,
        contentEncoding,
        format -> exports.traces(body, format, isGzip(contentEncoding)),
        OtlpTraceReceiver::response);
  }

  /** OTLP/HTTP metrics export. */
  @POST
  @Path("metrics")
  @NonBlocking
  public Response metrics(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam(HttpHeaders.CONTENT_ENCODING) String contentEncoding,
      byte[] body) {
    return export(
        contentType,
        contentEncoding,
        format -> exports.metrics(body, format, isGzip(contentEncoding)),
        OtlpMetricsReceiver::response);
  }

  private static Response export(
      String contentType,
      String contentEncoding,
      Function<OtlpFormat, ExportResult> handle,
      Function<ExportResult.Accepted, ? extends Message> response) {
    Optional<OtlpFormat> format = OtlpFormat.ofContentType(contentType);
    if (format.isEmpty()) {
      return unsupported(
          "Content-Type must be application/x-protobuf or application/json, but was "
              + contentType);
    }
    if (!isGzip(contentEncoding) && !isIdentity(contentEncoding)) {
      return unsupported("Content-Encoding must be gzip or identity, but was " + contentEncoding);
    }
    return answer(handle.apply(format.get()), format.get(), response);
  }

  private static Response answer(
      ExportResult result,
      OtlpFormat format,
      Function<ExportResult.Accepted, ? extends Message> response) {
    if (result instanceof ExportResult.Accepted accepted) {
      return body(Response.ok(), response.apply(accepted), format);
    }
    if (result instanceof ExportResult.Malformed malformed) {
      return body(
          Response.status(Response.Status.BAD_REQUEST),
          status(Code.INVALID_ARGUMENT, malformed.reason()),
          format);
    }
    if (result instanceof ExportResult.TooLarge tooLarge) {
      return body(
          Response.status(PAYLOAD_TOO_LARGE),
          status(Code.RESOURCE_EXHAUSTED, tooLarge.reason()),
          format);
    }
    ExportResult.Throttled throttled = (ExportResult.Throttled) result;
    long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
    return body(
        Response.status(TOO_MANY_REQUESTS).header("Retry-After", seconds),
        status(Code.RESOURCE_EXHAUSTED, throttled.reason()),
        format);
  }

  private static Response body(
      Response.ResponseBuilder builder, Message message, OtlpFormat format) {
    return builder.type(format.contentType()).entity(OtlpDecoder.encode(message, format)).build();
  }

  private static com.google.rpc.Status status(Code code, String message) {
    return com.google.rpc.Status.newBuilder().setCode(code.getNumber()).setMessage(message).build();
  }

  private static Response unsupported(String reason) {
    return Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE)
        .type(MediaType.TEXT_PLAIN)
        .entity(reason)
        .build();
  }

  private static boolean isGzip(String contentEncoding) {
    return contentEncoding != null && contentEncoding.trim().equalsIgnoreCase("gzip");
  }

  private static boolean isIdentity(String contentEncoding) {
    return contentEncoding == null
        || contentEncoding.isBlank()
        || contentEncoding.trim().equalsIgnoreCase("identity");
  }
}
