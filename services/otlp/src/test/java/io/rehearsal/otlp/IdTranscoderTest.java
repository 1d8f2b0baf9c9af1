package io.rehearsal.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdTranscoderTest {

  @Test
  void shouldRewriteOnlyIdFieldsWhenTranscoding() throws Exception {
    IdTranscoder.Result result =
        IdTranscoder.transcode(
            "{\"resourceSpans\":[{\"traceId\":\"ff00\",\"name\":\"ff00\",\"n\":1.50,\"b\":true,\"z\":null}]}");

    assertThat(result.json())
        .isEqualTo(
            "{\"resourceSpans\":[{\"traceId\":\"/wA=\",\"name\":\"ff00\",\"n\":1.50,\"b\":true,\"z\":null}]}");
    assertThat(result.topLevelKeys()).containsExactly("resourceSpans");
  }

  @Test
  void shouldKeepEmptyIdWhenTranscoding() {
    assertThat(IdTranscoder.toBase64("")).isEmpty();
  }

  @Test
  void shouldMarkInvalidWhenHexIsOddOrNotHex() {
    assertThat(IdTranscoder.toBase64("abc")).isEqualTo("AA==");
    assertThat(IdTranscoder.toBase64("zz")).isEqualTo("AA==");
  }
}
