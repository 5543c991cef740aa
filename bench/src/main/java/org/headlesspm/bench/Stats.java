package org.headlesspm.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Latencies of one measured operation, and what did not succeed. */
final class Stats {

  private final String name;
  private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
  private long wallNanos;

  Stats(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  void record(long elapsedNanos) {
    nanos.add(elapsedNanos);
  }

  void error(String what) {
    errors.add(what);
  }

  void wall(long elapsedNanos) {
    this.wallNanos = elapsedNanos;
  }

  int count() {
    return nanos.size();
  }

  int errorCount() {
    return errors.size();
  }

  List<String> firstErrors() {
    synchronized (errors) {
      return List.copyOf(errors.subList(0, Math.min(5, errors.size())));
    }
  }

  double medianMillis() {
    return percentileMillis(50);
  }

  double p99Millis() {
    return percentileMillis(99);
  }

  double maxMillis() {
    return percentileMillis(100);
  }

  double throughput() {
    return wallNanos == 0 ? 0 : count() / (wallNanos / 1e9);
  }

  double percentileMillis(double percentile) {
    List<Long> sorted;
    synchronized (nanos) {
      sorted = new ArrayList<>(nanos);
    }
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
  }

  /** One Markdown table row: name, count, rate, median, p99, max, errors. */
  String row() {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %.0f/s | %.1f | %.1f | %.1f | %d |",
        name,
        count(),
        throughput(),
        medianMillis(),
        p99Millis(),
        maxMillis(),
        errorCount());
  }

  static String header() {
    return "| operation | requests | throughput | median ms | p99 ms | max ms | errors |\n"
        + "|---|---:|---:|---:|---:|---:|---:|";
  }
}
