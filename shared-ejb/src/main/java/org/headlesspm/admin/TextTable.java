package org.headlesspm.admin;

import static org.headlesspm.api.JsonFactory.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A table in the grid style of Python's {@code tabulate} (what the reference CLI printed): numbers
 * right-aligned, text left-aligned, a double rule under the header. The same rows become a JSON
 * array whose keys are the column keys.
 */
public final class TextTable {

  /** A column: its JSON key and its printed header. */
  public record Column(String key, String header) {}

  private static final DateTimeFormatter DAY_MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MONTH_MINUTE =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private final List<Column> columns;
  private final List<List<Object>> rows = new ArrayList<>();

  private TextTable(List<Column> columns) {
    this.columns = columns;
  }

  /** Columns given as key, header, key, header, ... */
  public static TextTable of(String... keysAndHeaders) {
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i + 1 < keysAndHeaders.length; i += 2) {
      columns.add(new Column(keysAndHeaders[i], keysAndHeaders[i + 1]));
    }
    return new TextTable(columns);
  }

  /** One row; null cells print empty and become JSON null. */
  public TextTable row(Object... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells for " + columns.size() + " columns");
    }
    List<Object> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(cell);
    }
    rows.add(row);
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  public int size() {
    return rows.size();
  }

  /** The grid, ending with a line break. */
  public String render() {
    int[] widths = new int[columns.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = columns.get(c).header().length();
      for (List<Object> row : rows) {
        widths[c] = Math.max(widths[c], text(row.get(c)).length());
      }
    }
    StringBuilder out = new StringBuilder();
    rule(out, widths, '-');
    List<Object> headers = new ArrayList<>();
    columns.forEach(column -> headers.add(column.header()));
    line(out, widths, headers);
    rule(out, widths, '=');
    for (List<Object> row : rows) {
      line(out, widths, row);
      rule(out, widths, '-');
    }
    if (rows.isEmpty()) {
      // tabulate closes an empty grid under its header with a plain rule
      out.setLength(out.length() - (lineLength(widths) + 1));
      rule(out, widths, '-');
    }
    return out.toString();
  }

  /** The rows as JSON objects keyed by column key. */
  public JsonArrayBuilder json() {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (List<Object> row : rows) {
      JsonObjectBuilder item = JSON.createObjectBuilder();
      for (int c = 0; c < columns.size(); c++) {
        Object cell = row.get(c);
        String key = columns.get(c).key();
        if (cell == null) {
          item.addNull(key);
        } else if (cell instanceof Long || cell instanceof Integer) {
          item.add(key, ((Number) cell).longValue());
        } else if (cell instanceof Number n) {
          item.add(key, n.doubleValue());
        } else {
          item.add(key, cell.toString());
        }
      }
      array.add(item);
    }
    return array;
  }

  /** {@code text} cut to {@code max} characters followed by "..." when longer (reference). */
  public static String truncate(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() > max ? text.substring(0, max) + "..." : text;
  }

  /** "under_work" as "Under Work" (reference status lines). */
  public static String titleCase(String value) {
    StringBuilder out = new StringBuilder();
    for (String word : value.split("_")) {
      if (!word.isEmpty()) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return out.toString();
  }

  /** {@code YYYY-MM-DD HH:MM} in UTC, or {@code fallback} for no time. */
  public static String dayMinute(Instant time, String fallback) {
    return time == null ? fallback : DAY_MINUTE.format(time);
  }

  /** {@code MM-DD HH:MM} in UTC. */
  public static String monthMinute(Instant time) {
    return time == null ? "" : MONTH_MINUTE.format(time);
  }

  /** {@code HH:MM:SS} in UTC, or {@code fallback} for no time. */
  public static String clock(Instant time, String fallback) {
    return time == null ? fallback : CLOCK.format(time);
  }

  private static String text(Object cell) {
    return cell == null ? "" : cell.toString();
  }

  private static int lineLength(int[] widths) {
    int length = 1;
    for (int width : widths) {
      length += width + 3;
    }
    return length;
  }

  private static void rule(StringBuilder out, int[] widths, char fill) {
    out.append('+');
    for (int width : widths) {
      out.append(String.valueOf(fill).repeat(width + 2)).append('+');
    }
    out.append('\n');
  }

  private static void line(StringBuilder out, int[] widths, List<Object> cells) {
    out.append('|');
    for (int c = 0; c < widths.length; c++) {
      Object cell = cells.get(c);
      String text = text(cell);
      String pad = " ".repeat(widths[c] - text.length());
      boolean number = cell instanceof Number;
      out.append(' ').append(number ? pad + text : text + pad).append(" |");
    }
    out.append('\n');
  }
}
