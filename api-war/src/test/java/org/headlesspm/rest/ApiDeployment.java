package org.headlesspm.rest;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment of the integration tests: the api-war Maven built, on a fresh SQLite file,
 * booted with the same Payara command files as {@code ./hpm} (the test JVM exports what hpm
 * exports: see the failsafe configuration).
 */
public final class ApiDeployment {

  private ApiDeployment() {}

  public static Path home() {
    return Path.of(System.getProperty("it.home"));
  }

  public static Path databaseFile() {
    return home().resolve("database/headless-pm.db");
  }

  /** The real WAR on an empty database and empty projects folder. */
  public static WebArchive freshApi() {
    prepareHome();
    return api();
  }

  /** The real WAR with MicroProfile Config properties added (lowest precedence: env wins). */
  public static WebArchive freshApiWith(String configProperties) {
    prepareHome();
    return apiWith(configProperties);
  }

  /**
   * The real WAR on whatever the home holds now: for tests that prepared the home themselves (for
   * example a database written by an older schema version) and want the server to find it.
   */
  public static WebArchive api() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("api.war")));
  }

  /** {@link #api()} with MicroProfile Config properties added (lowest precedence: env wins). */
  public static WebArchive apiWith(String configProperties) {
    return api()
        .addAsResource(
            new StringAsset(configProperties), "META-INF/microprofile-config.properties");
  }

  /** Empties the database and projects folders and writes the post-boot file hpm would write. */
  public static void prepareHome() {
    try {
      Path home = home();
      deleteTree(home.resolve("database"));
      deleteTree(home.resolve("projects"));
      Files.createDirectories(home.resolve("database"));
      Files.createDirectories(home.resolve("projects"));
      Path payara = Path.of(System.getProperty("hpm.repository.root"), "docker", "payara");
      Files.writeString(
          home.resolve("post-boot.asadmin"),
          Files.readString(payara.resolve("post-boot-common.asadmin"))
              + Files.readString(payara.resolve("post-boot-sqlite.asadmin")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
