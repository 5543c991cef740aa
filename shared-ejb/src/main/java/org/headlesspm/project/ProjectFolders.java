package org.headlesspm.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.headlesspm.config.HeadlessPmConfig;

/** The folders of a project under {@code projects/<dir>/} (API.md 4.11.2); never deleted here. */
@ApplicationScoped
public class ProjectFolders {

  @Inject HeadlessPmConfig config;

  public Path root(String directory) {
    return config.projectsDir().resolve(directory);
  }

  public Path docs(String directory) {
    return root(directory).resolve("docs");
  }

  /** Creates the three folders if missing; existing content is left alone. */
  public void create(String directory) {
    try {
      Path root = root(directory);
      Files.createDirectories(root.resolve("docs"));
      Files.createDirectories(root.resolve("shared"));
      Files.createDirectories(root.resolve("instructions"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the folders of project " + directory, e);
    }
  }
}
