package org.headlesspm.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository root: the {@code hpm.repository.root} property, else the nearest parent
 * folder holding {@code hpm} and {@code pom.xml}.
 */
final class Repository {

  private Repository() {}

  static Path root() {
    String configured = System.getProperty("hpm.repository.root");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("hpm")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("cannot find the repository root; set -Dhpm.repository.root");
  }
}
