package io.rehearsal.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  @Test
  void shouldSplitLinesAndDropCarriageReturnsWhenReading() throws Exception {
    LineReader reader = new LineReader(new StringReader("a\r\nbb\n\nlast"), 10);

    assertThat(reader.next()).isEqualTo(new LineReader.Line(1, "a", false));
    assertThat(reader.next()).isEqualTo(new LineReader.Line(2, "bb", false));
    assertThat(reader.next()).isEqualTo(new LineReader.Line(3, "", false));
    assertThat(reader.next()).isEqualTo(new LineReader.Line(4, "last", false));
    assertThat(reader.next()).isNull();
  }

  @Test
  void shouldSkipLongLineAndContinueWhenLineExceedsBound() throws Exception {
    String longLine = "x".repeat(200_000);
    LineReader reader = new LineReader(new StringReader("ok\n" + longLine + "\nnext\n"), 1_000);

    assertThat(reader.next().text()).isEqualTo("ok");
    assertThat(reader.next()).isEqualTo(new LineReader.Line(2, null, true));
    assertThat(reader.next()).isEqualTo(new LineReader.Line(3, "next", false));
    assertThat(reader.next()).isNull();
  }
}
