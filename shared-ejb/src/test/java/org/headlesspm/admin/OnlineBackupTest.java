package org.headlesspm.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnlineBackupTest {

  @TempDir Path dir;

  @Test
  void namesCarryTheUtcTimeAndACounterOnCollision() throws Exception {
    String base = "backup_" + OnlineBackup.STAMP.format(Instant.parse("2026-01-02T03:04:05Z"));
    assertEquals("backup_20260102_030405", base);
    assertEquals(dir.resolve(base + ".db"), OnlineBackup.freeName(dir, base));
    Files.createFile(dir.resolve(base + ".db"));
    assertEquals(dir.resolve(base + "_2.db"), OnlineBackup.freeName(dir, base));
    Files.createFile(dir.resolve(base + "_2.db"));
    assertEquals(dir.resolve(base + "_3.db"), OnlineBackup.freeName(dir, base));
  }
}
