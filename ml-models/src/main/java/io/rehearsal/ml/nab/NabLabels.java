package io.rehearsal.ml.nab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * NAB's anomaly windows ({@code labels/combined_windows.json}): for each series name ({@code
 * category/file.csv}) a list of {@code [start, end]} timestamps, in time order.
 */
public final class NabLabels {

  /** One anomaly window, both ends inclusive. */
  public record Window(LocalDateTime start, LocalDateTime end) {
    /** Validates that the window does not end before it starts. */
    public Window {
      if (end.isBefore(start)) {
        throw new IllegalArgumentException("window ends before it starts: " + start + " " + end);
      }
    }
  }

  private final Map<String, List<Window>> windows;

  private NabLabels(Map<String, List<Window>> windows) {
    this.windows = windows;
  }

  /**
   * Parses a combined-windows JSON document.
   *
   * @param source the file name, for messages
   * @param json the document
   */
  public static NabLabels parse(String source, String json) {
    Map<String, List<List<String>>> raw;
    try {
      raw = new ObjectMapper().readValue(json, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new NabFormatException(
          source
              + ": not a NAB windows file (name → [[start, end], ...]): "
              + e.getOriginalMessage(),
          e);
    }
    Map<String, List<Window>> windows = new LinkedHashMap<>();
    raw.forEach((name, list) -> windows.put(name, windows(source, name, list)));
    return new NabLabels(windows);
  }

  private static List<Window> windows(String source, String name, List<List<String>> list) {
    List<Window> out = new ArrayList<>();
    for (List<String> pair : list == null ? List.<List<String>>of() : list) {
      if (pair == null || pair.size() != 2) {
        throw new NabFormatException(source + ": " + name + ": a window needs [start, end]");
      }
      LocalDateTime start = NabTime.parse(pair.get(0));
      LocalDateTime end = NabTime.parse(pair.get(1));
      if (start == null || end == null) {
        throw new NabFormatException(source + ": " + name + ": bad window timestamp in " + pair);
      }
      out.add(new Window(start, end));
    }
    out.sort((a, b) -> a.start().compareTo(b.start()));
    return List.copyOf(out);
  }

  /** The series names the labels cover. */
  public Set<String> names() {
    return windows.keySet();
  }

  /** Whether the labels cover a series. */
  public boolean covers(String name) {
    return windows.containsKey(name);
  }

  /** The windows of a series, empty when it has none or is not covered. */
  public List<Window> windows(String name) {
    return windows.getOrDefault(name, List.of());
  }

  /** Per row of the series, 1 inside a window and 0 outside (the result files' label column). */
  public int[] rowLabels(NabSeries series) {
    int[] labels = new int[series.size()];
    long[] seconds = series.epochSeconds();
    for (Window w : windows(series.name())) {
      long start = NabTime.epochSeconds(w.start());
      long end = NabTime.epochSeconds(w.end());
      for (int i = 0; i < seconds.length; i++) {
        if (seconds[i] >= start && seconds[i] <= end) {
          labels[i] = 1;
        }
      }
    }
    return labels;
  }
}
