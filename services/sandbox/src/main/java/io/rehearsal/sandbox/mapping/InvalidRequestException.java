package io.rehearsal.sandbox.mapping;

/**
 * A request field the sandbox cannot accept; the service answers {@code INVALID_ARGUMENT} with a
 * {@code BadRequest} field violation naming {@link #field()}.
 */
public final class InvalidRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * A violation.
   *
   * @param field path of the field in the request, e.g. {@code candidates[2].target.service}
   * @param problem what is wrong, naming the bad value, e.g. {@code unknown service 'chekout'}
   */
  public InvalidRequestException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  /** Path of the bad field in the request. */
  public String field() {
    return field;
  }

  /** What is wrong with it (the message without the field path). */
  public String problem() {
    return getMessage().substring(field.length() + 2);
  }
}
