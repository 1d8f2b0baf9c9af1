package io.rehearsal.ml.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class NabCsvTest {

  @Test
  void shouldReadBackTheSameSeriesWhenAResultFileIsWritten() throws IOException {
    NabSeries data =
        read(
            "c/f.csv",
            "timestamp,value\n2011-07-01 00:00:01,0.0819647355164\n" + "2011-07-01 01:00:01,12\n",
            false);
    NabSeries scored = data.withScores(new double[] {0.125, 1e-7});
    StringWriter out = new StringWriter();
    NabCsv.writeResult(scored, new int[] {0, 1}, out);
    assertThat(out.toString())
        .startsWith(
            "timestamp,value,anomaly_score,label\n"
                + "2011-07-01 00:00:01,0.0819647355164,0.125,0\n");
    assertThat(read("c/f.csv", out.toString(), true)).isEqualTo(scored);
  }

  @Test
  void shouldNameFileAndLineWhenATimestampIsBad() {
    assertThatThrownBy(
            () -> read("c/f.csv", "timestamp,value\n2011-07-01 00:00:01,1\nyesterday,2\n", false))
        .isInstanceOf(NabFormatException.class)
        .hasMessage("c/f.csv:3: bad timestamp 'yesterday'");
  }

  @Test
  void shouldRefuseWhenTheHeaderLacksTheScoreColumnOfAResultFile() {
    assertThatThrownBy(() -> read("r.csv", "timestamp,value\n", true))
        .hasMessageContaining("r.csv:1: header must name timestamp,value,anomaly_score");
  }

  private static NabSeries read(String name, String text, boolean scores) throws IOException {
    return NabCsv.read(name, new BufferedReader(new StringReader(text)), scores);
  }
}
