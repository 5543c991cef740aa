package org.headlesspm.dashboard.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.headlesspm.api.TaskStatus;

/** Texts shared by every page: times, status labels, percentages (DASHBOARD.md 2.10). */
@Named("fmt")
@ApplicationScoped
public class Format {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  public String dateTime(Instant instant) {
    return instant == null ? "—" : DATE_TIME.format(instant);
  }

  public String time(Instant instant) {
    return instant == null ? "—" : TIME.format(instant);
  }

  public String iso(Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  public String now() {
    return TIME.format(Instant.now());
  }

  /** "just now", "5 min ago", "3 h ago", "2 d ago"; "never" for null. */
  public String ago(Instant instant) {
    if (instant == null) {
      return "never";
    }
    long seconds = Math.max(0, Duration.between(instant, Instant.now()).getSeconds());
    if (seconds < 60) {
      return "just now";
    }
    if (seconds < 3600) {
      return (seconds / 60) + " min ago";
    }
    if (seconds < 86400) {
      return (seconds / 3600) + " h ago";
    }
    return (seconds / 86400) + " d ago";
  }

  /** Presence of an agent from its last_seen: online (< 5 min), recent (< 60 min), offline. */
  public String presence(Instant lastSeen) {
    return Presence.of(lastSeen, Instant.now()).name().toLowerCase(Locale.ROOT);
  }

  public String presenceLabel(Instant lastSeen) {
    return Presence.of(lastSeen, Instant.now()).label();
  }

  public String statusLabel(Object status) {
    if (status == null) {
      return "—";
    }
    String name = status.toString();
    return switch (name) {
      case "documentation_done" -> "DOCS DONE";
      default -> name.replace('_', ' ').toUpperCase(Locale.ROOT);
    };
  }

  /** "created" for the entry written at creation, else "old → new". */
  public String transition(org.headlesspm.api.ChangelogResponse change) {
    return isCreation(change) ? "created" : change.oldStatus() + " → " + change.newStatus();
  }

  /** The changelog entry written when the task was created (old and new status are equal). */
  public static boolean isCreation(org.headlesspm.api.ChangelogResponse change) {
    return change.oldStatus() == null || change.oldStatus() == change.newStatus();
  }

  public String label(Object value) {
    return value == null ? "—" : value.toString().replace('_', ' ');
  }

  public String percent(long part, long whole) {
    return whole == 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
  }

  public long percentValue(long part, long whole) {
    return whole == 0 ? 0 : Math.round(100.0 * part / whole);
  }

  public TaskStatus[] getBoardStatuses() {
    return Board.COLUMNS.toArray(TaskStatus[]::new);
  }

  public String orDash(Object value) {
    return value == null || value.toString().isBlank() ? "—" : value.toString();
  }
}
