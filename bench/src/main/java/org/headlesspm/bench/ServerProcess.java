package org.headlesspm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resident memory, live threads and heap of the server process, read from {@code /proc} and {@code
 * jcmd} (same machine only; absent when no pid was given).
 */
final class ServerProcess {

  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  record Sample(long rssKb, int threads, long heapUsedKb) {}

  private final long pid;

  ServerProcess(long pid) {
    this.pid = pid;
  }

  /** Forces a full collection first, so that heap figures compare live data only. */
  Sample sample() {
    jcmd("GC.run");
    try {
      Thread.sleep(2000); // the collector gives memory back to the system shortly after
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long heap = -1;
    Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
    if (used.find()) {
      heap = Long.parseLong(used.group(1));
    }
    long rss = -1;
    int threads = -1;
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = Long.parseLong(line.replaceAll("\\D", ""));
        } else if (line.startsWith("Threads:")) {
          threads = Integer.parseInt(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException e) {
      System.out.println("  cannot read /proc/" + pid + "/status: " + e.getMessage());
    }
    return new Sample(rss, threads, heap);
  }

  private String jcmd(String command) {
    try {
      Process process =
          new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(60, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
