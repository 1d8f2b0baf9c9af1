package io.rehearsal.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem bodies for the review page's refusals. */
final class Problems {

  static final String TYPE = "application/problem+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {}

  static String json(int status, String title, String detail) {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    return body.toString();
  }

  static Response response(int status, String title, String detail) {
    return Response.status(status).type(TYPE).entity(json(status, title, detail)).build();
  }
}
