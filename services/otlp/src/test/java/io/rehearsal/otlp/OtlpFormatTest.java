package io.rehearsal.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OtlpFormatTest {

  @Test
  void shouldRecogniseContentTypeWhenItHasParametersAndCase() {
    assertThat(OtlpFormat.ofContentType("Application/JSON; charset=utf-8"))
        .contains(OtlpFormat.JSON);
    assertThat(OtlpFormat.ofContentType("application/x-protobuf")).contains(OtlpFormat.PROTOBUF);
  }

  @Test
  void shouldBeEmptyWhenContentTypeIsUnsupportedOrMissing() {
    assertThat(OtlpFormat.ofContentType("text/plain")).isEmpty();
    assertThat(OtlpFormat.ofContentType(null)).isEmpty();
  }
}
