package org.headlesspm.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseProbeTest {

  @TempDir Path folder;

  @Test
  void aPresentWritableFileHasNoProblem() throws Exception {
    Path file = Files.createFile(folder.resolve("headless-pm.db"));
    assertNull(DatabaseProbe.fileProblem(file.toString()));
  }

  @Test
  void aDeletedFileIsReportedGone() {
    Path file = folder.resolve("headless-pm.db");
    assertEquals(
        "The database file " + file + " is gone", DatabaseProbe.fileProblem(file.toString()));
  }

  @Test
  void inMemoryDatabasesAreNotFiles() {
    assertNull(DatabaseProbe.fileProblem(":memory:"));
  }
}
