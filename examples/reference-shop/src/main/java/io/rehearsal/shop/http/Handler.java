package io.rehearsal.shop.http;

/** Serves one route on a worker thread, inside the request's SERVER span. */
@FunctionalInterface
public interface Handler {
  /** The reply; an exception becomes a 500 (or 400 for {@link Request.BadRequestException}). */
  Reply handle(Request request) throws Exception;
}
