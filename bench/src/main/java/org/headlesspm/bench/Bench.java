package org.headlesspm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures a running Headless PM through its REST API and prints a Markdown report (issue 6). Any
 * server speaking this API can be measured: give its base URL and key. Run through {@code
 * bench/run}, which starts a fresh stack when no URL is given.
 */
public final class Bench {

  private static final String USAGE =
      """
      usage: bench/run [options]
        --url URL              server to measure (default: a fresh stack started by bench/run)
        --key KEY              its API key (default: $API_KEY)
        --pid PID              server process id, for memory and thread figures (same machine)
        --rate N               requests per second of the request scenarios (default 200)
        --seconds N            length of each request scenario (default 15)
        --stored LIST          tasks stored for the list scenarios (default 1000,10000)
        --waiters LIST         long-poll waiter counts (default 1,100,1000)
        --rounds N             wake-ups measured per waiter count (default 20)
        --agents N             agents of the simulated workday (default 200)
        --workday-minutes N    length of the workday (default 10)
        --only LIST            subset of: requests,longpoll,workday (default all)
        --cold-start TEXT      start-up figures measured by bench/run, copied into the report
        --out FILE             also write the report there
        --quick                short smoke run: 5 s scenarios, 5 wake-ups, 1-minute workday
      """;

  private Bench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    Api api =
        new Api(
            options.getOrDefault("url", "http://localhost:6969"),
            options.getOrDefault(
                "key", System.getenv().getOrDefault("API_KEY", "development-key")));
    int rate = Integer.parseInt(options.getOrDefault("rate", "200"));
    Duration length = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "15")));
    Set<String> only = Set.of(options.getOrDefault("only", "requests,longpoll,workday").split(","));
    ServerProcess server =
        options.containsKey("pid") ? new ServerProcess(Long.parseLong(options.get("pid"))) : null;
    String run =
        DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
    Fixtures fixtures = new Fixtures(api, run);
    api.getNow("/api/v1/projects").expect200("the API answers with this key");

    StringBuilder report = new StringBuilder();
    report
        .append("# Headless PM benchmark, ")
        .append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
        .append("\n\n")
        .append(Machine.describe(api.base()))
        .append('\n');
    if (options.containsKey("cold-start")) {
      report.append("## Cold start to ready\n\n").append(options.get("cold-start")).append("\n\n");
    }
    if (only.contains("requests")) {
      System.out.println("Request scenarios at " + rate + "/s, " + length.toSeconds() + " s each");
      List<Integer> stored =
          Arrays.stream(options.getOrDefault("stored", "1000,10000").split(","))
              .map(String::trim)
              .map(Integer::valueOf)
              .toList();
      List<Stats> results = new RequestScenarios(api, fixtures, rate, length, stored).run();
      report
          .append("## Requests at ")
          .append(rate)
          .append("/s (open loop, latency from the instant each request was due)\n\n")
          .append(Stats.header())
          .append('\n');
      results.forEach(s -> report.append(s.row()).append('\n'));
      results.stream()
          .filter(s -> s.errorCount() > 0)
          .forEach(
              s ->
                  report
                      .append("\nErrors of ")
                      .append(s.name())
                      .append(": ")
                      .append(s.firstErrors())
                      .append('\n'));
      report.append('\n');
      System.out.println(report);
    }
    if (only.contains("longpoll")) {
      int rounds = Integer.parseInt(options.getOrDefault("rounds", "20"));
      LongPollScenario scenario = new LongPollScenario(api, fixtures, server, rounds);
      List<LongPollScenario.Footprint> footprints = new ArrayList<>();
      StringBuilder section =
          new StringBuilder(
              "## Long-poll wake-up (E27): task commit → waiting agent has it\n\n"
                  + "| waiting agents | wake-ups | median ms | p99 ms | max ms |"
                  + " create sent → answer median ms | p99 ms |\n"
                  + "|---:|---:|---:|---:|---:|---:|---:|\n");
      for (String count : options.getOrDefault("waiters", "1,100,1000").split(",")) {
        int waiters = Integer.parseInt(count.trim());
        System.out.println("Long-poll with " + waiters + " waiting agents");
        LongPollScenario.WakeUp wake = scenario.wakeUp(waiters, footprints);
        section.append(wake.row()).append('\n');
        if (wake.fromCommit().errorCount() > 0) {
          section.append("\nErrors: ").append(wake.fromCommit().firstErrors()).append('\n');
        }
      }
      if (!footprints.isEmpty()) {
        section.append(
            "\n### Cost of parked long-polls (after a full GC)\n\n"
                + "| waiting agents | RSS before → parked MB | threads before → parked |"
                + " heap used before → parked MB |\n|---:|---|---|---|\n");
        for (LongPollScenario.Footprint f : footprints) {
          section.append(
              String.format(
                  Locale.ROOT,
                  "| %,d | %d → %d (%+d) | %d → %d (%+d) | %d → %d (%+d) |%n",
                  f.waiters(),
                  f.idle().rssKb() / 1024,
                  f.parked().rssKb() / 1024,
                  (f.parked().rssKb() - f.idle().rssKb()) / 1024,
                  f.idle().threads(),
                  f.parked().threads(),
                  f.parked().threads() - f.idle().threads(),
                  f.idle().heapUsedKb() / 1024,
                  f.parked().heapUsedKb() / 1024,
                  (f.parked().heapUsedKb() - f.idle().heapUsedKb()) / 1024));
        }
      }
      report.append(section).append('\n');
      System.out.println(section);
    }
    if (only.contains("workday")) {
      int agents = Integer.parseInt(options.getOrDefault("agents", "200"));
      Duration day =
          Duration.ofMinutes(Long.parseLong(options.getOrDefault("workday-minutes", "10")));
      System.out.println("Workday: " + agents + " agents for " + day.toMinutes() + " min");
      Workday.Result result = new Workday(api, fixtures, agents, day).run();
      StringBuilder section =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "## Simulated workday: %d agents, %d min\n\n"
                      + "Tasks finished by developers: %d; verified by QA: %d; lost lock races"
                      + " (409, expected): %d; **errors: %d**\n\n",
                  agents,
                  day.toMinutes(),
                  result.devDone(),
                  result.qaDone(),
                  result.lostRaces(),
                  result.errors()));
      section.append(Stats.header()).append('\n');
      result.operations().forEach(s -> section.append(s.row()).append('\n'));
      result.operations().stream()
          .filter(s -> s.errorCount() > 0)
          .forEach(
              s ->
                  section
                      .append("\nErrors of ")
                      .append(s.name())
                      .append(": ")
                      .append(s.firstErrors())
                      .append('\n'));
      report.append(section).append('\n');
      System.out.println(section);
    }
    report
        .append("Requests sent again after the server closed an idle kept-alive connection: ")
        .append(Api.RETRIES.get())
        .append('\n');
    if (options.containsKey("out")) {
      Path out = Path.of(options.get("out"));
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      Files.writeString(out, report);
      System.out.println("Report written to " + out);
    }
    System.exit(0);
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("-h") || args[i].equals("--help")) {
        System.out.print(USAGE);
        System.exit(0);
      }
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        System.err.print("bench: bad arguments " + Arrays.toString(args) + "\n" + USAGE);
        System.exit(2);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  /** The machine the figures were measured on. */
  static final class Machine {
    private Machine() {}

    static String describe(String url) throws IOException {
      String cpu = "unknown CPU";
      Path cpuinfo = Path.of("/proc/cpuinfo");
      if (Files.exists(cpuinfo)) {
        cpu =
            Files.readAllLines(cpuinfo).stream()
                .filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst()
                .orElse(cpu);
      }
      long memory = 0;
      Path meminfo = Path.of("/proc/meminfo");
      if (Files.exists(meminfo)) {
        memory =
            Files.readAllLines(meminfo).stream()
                    .filter(l -> l.startsWith("MemTotal"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                    .findFirst()
                    .orElse(0)
                / 1024
                / 1024;
      }
      return String.format(
          Locale.ROOT,
          "Machine: %d cores (%s), %d GiB RAM, %s %s, Java %s; driver and server on the same"
              + " machine, over loopback. Server: %s%n",
          Runtime.getRuntime().availableProcessors(),
          cpu,
          memory,
          System.getProperty("os.name"),
          System.getProperty("os.version"),
          System.getProperty("java.version"),
          url);
    }
  }
}
