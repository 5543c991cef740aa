package org.headlesspm.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one place that resolves configuration (OPERATIONS.md 1.1). Each setting tries the reference's
 * environment variable first, then aliases, then a {@code headless-pm.*} property (whose
 * environment form is {@code HEADLESS_PM_*}), then its default.
 */
@ApplicationScoped
public class HeadlessPmConfig {

  /** Accepted when no key variable is set at all (API.md 1.2). */
  public static final String DEVELOPMENT_KEY = "development-key";

  private static final Logger LOG = Logger.getLogger(HeadlessPmConfig.class.getName());
  private static final Set<String> PLACEHOLDER_KEYS =
      Set.of("development-key", "XXXXXX", "change-me", "your-secret-api-key");

  private final Config config = ConfigProvider.getConfig();

  /** Every key the API accepts: all that are set among the three variables, else the dev key. */
  public Set<String> apiKeys() {
    Set<String> keys = new LinkedHashSet<>();
    for (String name : List.of("API_KEY", "API_KEY_HEADLESS_PM", "headless-pm.api.key")) {
      value(name).ifPresent(keys::add);
    }
    return keys.isEmpty() ? Set.of(DEVELOPMENT_KEY) : keys;
  }

  public String environment() {
    return first("development", "ENVIRONMENT", "headless-pm.environment");
  }

  public boolean isProduction() {
    return "production".equalsIgnoreCase(environment());
  }

  /** In production a missing or template key keeps the API from becoming ready. */
  public Optional<String> apiKeyProblem() {
    if (!isProduction()) {
      return Optional.empty();
    }
    for (String key : apiKeys()) {
      if (PLACEHOLDER_KEYS.contains(key)) {
        return Optional.of(
            "ENVIRONMENT=production needs a real API_KEY; '" + key + "' is a placeholder");
      }
    }
    return Optional.empty();
  }

  public boolean taskApprovalRequired() {
    return Boolean.parseBoolean(
        first("false", "TASK_APPROVAL_REQUIRED", "headless-pm.tasks.approval-required").trim());
  }

  /** Base of every relative path: the repository root locally, {@code /app} in containers. */
  public Path home() {
    return Path.of(first(System.getProperty("user.dir"), "HEADLESS_PM_HOME", "headless-pm.home"))
        .toAbsolutePath()
        .normalize();
  }

  public Path projectsDir() {
    return value("HEADLESS_PM_PROJECTS_DIR")
        .or(() -> value("headless-pm.projects.dir"))
        .map(dir -> home().resolve(dir).normalize())
        .orElse(home().resolve("projects"));
  }

  /** Where online backups go: {@code HEADLESS_PM_BACKUP_DIR}, else {@code backups/} under home. */
  public Path backupDir() {
    return value("HEADLESS_PM_BACKUP_DIR")
        .or(() -> value("headless-pm.backup.dir"))
        .map(dir -> home().resolve(dir).normalize())
        .orElse(home().resolve("backups"));
  }

  /** The administration routes of OPERATIONS.md 5.3 (default on). */
  public boolean adminEnabled() {
    return Boolean.parseBoolean(
        first("true", "HEADLESS_PM_ADMIN_ENABLED", "headless-pm.admin.enabled").trim());
  }

  /** Whether {@code reset} may run when {@code ENVIRONMENT=production}. */
  public boolean adminResetAllowed() {
    return Boolean.parseBoolean(
        first("false", "HEADLESS_PM_ADMIN_ALLOW_RESET", "headless-pm.admin.allow-reset").trim());
  }

  /** As configured, for reporting only: the pool was built from it by the launcher. */
  public String databaseUrl() {
    return first("sqlite:///database/headless-pm.db", "DATABASE_URL", "headless-pm.database.url");
  }

  public boolean migrateOnStart() {
    return Boolean.parseBoolean(
        first("true", "HEADLESS_PM_DATABASE_MIGRATE", "headless-pm.database.migrate").trim());
  }

  public Duration serviceCheckInterval() {
    return Duration.ofSeconds(
        number(
            30,
            "HEADLESS_PM_SERVICE_CHECK_INTERVAL_SECONDS",
            "headless-pm.service-check.interval-seconds"));
  }

  public Duration serviceCheckTimeout() {
    return Duration.ofSeconds(
        number(
            10,
            "HEADLESS_PM_SERVICE_CHECK_TIMEOUT_SECONDS",
            "headless-pm.service-check.timeout-seconds"));
  }

  /**
   * How long a lock holder may stay silent before its lock is reclaimed (API.md 4.4.4: 30 minutes);
   * shorter values suit tests and short-lived agents.
   */
  public Duration staleLockThreshold() {
    long seconds =
        number(1800, "HEADLESS_PM_STALE_LOCK_SECONDS", "headless-pm.tasks.stale-lock-seconds");
    return Duration.ofSeconds(seconds > 0 ? seconds : 1800);
  }

  /** Allowed CORS origins; empty means the contract's permissive behaviour (echo any origin). */
  public List<String> corsAllowedOrigins() {
    return value("headless-pm.api.cors.allowed-origins")
        .map(v -> List.of(v.split("\\s*,\\s*")))
        .orElse(List.of());
  }

  /** Host of generated repository URLs (API-ADDENDUM.md A4.10); may be blank. */
  public String gitHttpHost() {
    return first("", "GIT_HTTP_HOST", "headless-pm.git.http-host");
  }

  /** The machine's host name as the environment says, the second choice for repository URLs. */
  public String hostname() {
    return first("", "HOSTNAME");
  }

  /** Port of generated repository URLs; nothing listens on it. */
  public String gitHttpPort() {
    return first("", "GIT_HTTP_PORT", "headless-pm.git.http-port");
  }

  public String version() {
    return first("2.0.0", "headless-pm.version");
  }

  /** One line per setting with the key it came from; secrets masked (OPERATIONS.md 1.1). */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add(describe("api key", true, "API_KEY", "API_KEY_HEADLESS_PM", "headless-pm.api.key"));
    lines.add(describe("environment", false, "ENVIRONMENT", "headless-pm.environment"));
    lines.add(describe("home", false, "HEADLESS_PM_HOME", "headless-pm.home"));
    lines.add(describe("database url", false, "DATABASE_URL", "headless-pm.database.url"));
    lines.add(
        describe(
            "task approval required",
            false,
            "TASK_APPROVAL_REQUIRED",
            "headless-pm.tasks.approval-required"));
    lines.add("projects dir = " + projectsDir());
    return lines;
  }

  public void logResolvedSettings() {
    describe().forEach(line -> LOG.info("Setting " + line));
  }

  private String describe(String label, boolean secret, String... keys) {
    for (String key : keys) {
      Optional<String> found = value(key);
      if (found.isPresent()) {
        return label + " = " + (secret ? "***" : found.get()) + " (from " + key + ")";
      }
    }
    return label + " = (default)";
  }

  private Optional<String> value(String key) {
    return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
  }

  private String first(String fallback, String... keys) {
    for (String key : keys) {
      Optional<String> found = value(key);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return fallback;
  }

  private long number(long fallback, String... keys) {
    String raw = first(Long.toString(fallback), keys);
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      LOG.warning("Ignoring non-numeric setting " + keys[0] + "=" + raw);
      return fallback;
    }
  }
}
