package org.headlesspm.agentclient;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The command-line client agents use to work with a Headless PM server: one command per call, JSON
 * on standard output, the API's message on standard error and a non-zero exit code on failure.
 * {@code --help} doubles as the agents' manual.
 *
 * <p>One file on purpose: it runs with nothing but a JDK 17 ({@code java HeadlessPmClient.java} or
 * the {@code headless-pm-client} wrapper next to this module), so it uses only {@code
 * java.net.http} and a small JSON reader and printer of its own. The command names and options are
 * those of the original project's Python client, so agents' instructions keep working.
 */
public final class HeadlessPmClient {

  static final int OK = 0;
  static final int API_ERROR = 1;
  static final int USAGE = 2;
  static final int UNREACHABLE = 3;

  private static final String PROGRAM = "headless-pm-client";
  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private final Settings settings;
  private final PrintStream out;
  private final PrintStream err;

  HeadlessPmClient(Settings settings, PrintStream out, PrintStream err) {
    this.settings = settings;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, UTF8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, UTF8);
    int code;
    try {
      Settings settings = Settings.load(System.getenv(), System.getProperty("headless-pm.root"));
      code = new HeadlessPmClient(settings, out, err).run(args);
    } catch (UsageError e) {
      err.println("error: " + e.getMessage());
      code = USAGE;
    }
    out.flush();
    System.exit(code);
  }

  /** Runs one command line and returns the exit code. */
  int run(String[] argv) {
    String url = settings.url();
    try {
      Invocation invocation = Invocation.parse(argv);
      if (invocation.url() != null) {
        url = Settings.normalizeUrl(invocation.url());
      }
      if (invocation.helpFor() != null) {
        out.print(invocation.helpFor());
        return OK;
      }
      if (invocation.command() == null) {
        out.print(manual());
        return OK;
      }
      String key = invocation.apiKey() != null ? invocation.apiKey() : settings.apiKey();
      Call call = new Call(invocation.command(), invocation.values(), new Api(url, key), settings);
      Object result = invocation.command().handler().run(call);
      out.println(Json.pretty(result));
      return OK;
    } catch (UsageError e) {
      err.println("error: " + e.getMessage());
      err.println("Run '" + PROGRAM + " --help' for the commands and the agent manual.");
      return USAGE;
    } catch (ApiFailure e) {
      err.println("error: " + e.getMessage());
      return API_ERROR;
    } catch (IOException e) {
      err.println(
          "error: cannot reach the Headless PM API at "
              + url
              + " ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + "). Is the server running (./hpm status)? Is HEADLESS_PM_URL right?");
      return UNREACHABLE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("error: interrupted");
      return UNREACHABLE;
    }
  }

  // --- The commands --------------------------------------------------------------------------

  /** Everything the client can do; the order is the order of the help text. */
  static final List<Command> COMMANDS =
      List.of(
          // Agents and context
          new Command(
              "register",
              null,
              "Join a project with a role and a skill level (again after a restart). Answers your"
                  + " agent record, the task you could take next and your unread mentions.",
              "register --agent-id be_bob --role backend_dev --level senior",
              null,
              List.of(
                  Option.required("agent-id", "ID", "your handle: letters, digits, _"),
                  Option.required("role", "ROLE", Manual.ROLES),
                  Option.required("level", "LEVEL", "junior, senior or principal"),
                  Option.text("connection-type", "TYPE", "client (default) or mcp"),
                  Option.number("project-id", "ID", Manual.PROJECT_DEFAULT)),
              c -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("agent_id", c.get("agent-id"));
                body.put("project_id", c.projectIdOrDefault());
                body.put("role", c.get("role"));
                body.put("level", c.get("level"));
                body.put("connection_type", c.getOr("connection-type", "client"));
                return c.api.send("POST", "/register", Map.of(), body);
              }),
          new Command(
              "context",
              null,
              "Where the project's shared files, instructions, docs and repository are.",
              "context",
              null,
              List.of(Option.number("project-id", "ID", Manual.PROJECT_DEFAULT)),
              c -> {
                Long project = c.projectId();
                return c.api.send(
                    "GET", project == null ? "/context" : "/context/" + project, Map.of(), null);
              }),
          new Command(
              "agents",
              "list",
              "The registered agents (all projects, or one).",
              "agents list --project-id 2",
              null,
              List.of(Option.number("project-id", "ID", "only this project")),
              c -> c.api.send("GET", "/agents", c.query("project_id", c.projectId()), null)),
          new Command(
              "agents",
              "delete",
              "A PM removes an agent record from a project.",
              "agents delete --agent-id be_old --requester-agent-id pm_ada",
              null,
              List.of(
                  Option.required("agent-id", "ID", "the agent to delete"),
                  Option.required("requester-agent-id", "ID", "you, a project or global PM"),
                  Option.number(
                      "project-id", "ID", "the project (default: the agent's only project)")),
              c -> {
                String agent = c.get("agent-id");
                Long project = c.projectId();
                if (project == null) {
                  project = c.onlyProjectOf(agent);
                }
                return c.api.send(
                    "DELETE",
                    "/agents/" + Api.segment(agent),
                    c.query(
                        "requester_agent_id", c.get("requester-agent-id"), "project_id", project),
                    null);
              }),
          // Projects
          new Command(
              "projects",
              "create",
              "Create a project (and its folders under projects/).",
              "projects create --name Shop --description \"Web shop\"",
              null,
              withProjectSettings(
                  Option.required("name", "NAME", "unique project name"),
                  Option.required("description", "TEXT", "what the project is about")),
              c -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", c.get("name"));
                body.put("description", c.get("description"));
                c.putProjectSettings(body);
                return c.api.send("POST", "/projects", Map.of(), body);
              }),
          new Command(
              "projects",
              "list",
              "Every project with its counts.",
              "projects list",
              null,
              List.of(),
              c -> c.api.send("GET", "/projects", Map.of(), null)),
          new Command(
              "projects",
              "get",
              "One project.",
              "projects get 2",
              "project-id",
              List.of(),
              c -> c.api.send("GET", "/projects/" + c.id(), Map.of(), null)),
          new Command(
              "projects",
              "update",
              "Change a project's description, paths or repository settings.",
              "projects update 2 --repository-main-branch develop",
              "project-id",
              withProjectSettings(Option.text("description", "TEXT", "new description")),
              c -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("description", c.get("description"));
                c.putProjectSettings(body);
                return c.api.send("PATCH", "/projects/" + c.id(), Map.of(), body);
              }),
          new Command(
              "projects",
              "delete",
              "Delete a project; --force also deletes everything in it.",
              "projects delete 2 --force",
              "project-id",
              List.of(Option.flag("force", "delete even if it has epics, tasks or agents")),
              c ->
                  c.api.send(
                      "DELETE",
                      "/projects/" + c.id(),
                      c.query("force", c.flag("force") ? "true" : null),
                      null)),
          // Planning
          new Command(
              "epics",
              "create",
              "A PM or architect creates an epic.",
              "epics create --name \"User accounts\" --description \"Sign-up, login\""
                  + " --agent-id pm_ada",
              null,
              List.of(
                  Option.required("name", "NAME", "epic name"),
                  Option.required("description", "TEXT", "goal of the epic"),
                  Option.required("agent-id", "ID", "you, a PM or architect"),
                  Option.number("project-id", "ID", "default: your project")),
              c ->
                  c.api.send(
                      "POST",
                      "/epics",
                      c.query("agent_id", c.get("agent-id"), "project_id", c.projectId()),
                      c.body("name", "description"))),
          new Command(
              "epics",
              "list",
              "Epics with their task counts.",
              "epics list",
              null,
              List.of(Option.number("project-id", "ID", "only this project")),
              c -> c.api.send("GET", "/epics", c.query("project_id", c.projectId()), null)),
          new Command(
              "epics",
              "delete",
              "A PM deletes an epic with its features and tasks.",
              "epics delete 3 --agent-id pm_ada",
              "epic-id",
              List.of(Option.required("agent-id", "ID", "you, a PM")),
              c ->
                  c.api.send(
                      "DELETE", "/epics/" + c.id(), c.query("agent_id", c.get("agent-id")), null)),
          new Command(
              "features",
              "create",
              "A PM or architect creates a feature in an epic.",
              "features create --epic-id 3 --name Login --description \"Email and password\""
                  + " --agent-id pm_ada",
              null,
              List.of(
                  Option.number("epic-id", "ID", "the epic").asRequired(),
                  Option.required("name", "NAME", "feature name"),
                  Option.required("description", "TEXT", "what it delivers"),
                  Option.required("agent-id", "ID", "you, a PM or architect")),
              c -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("epic_id", c.number("epic-id"));
                body.putAll(c.body("name", "description"));
                return c.api.send(
                    "POST", "/features", c.query("agent_id", c.get("agent-id")), body);
              }),
          new Command(
              "features",
              "list",
              "The features of an epic.",
              "features list --epic-id 3",
              "epic-id",
              List.of(),
              c -> c.api.send("GET", "/features/" + c.id(), Map.of(), null)),
          new Command(
              "features",
              "delete",
              "A PM deletes a feature with its tasks.",
              "features delete 4 --agent-id pm_ada",
              "feature-id",
              List.of(Option.required("agent-id", "ID", "you, a PM")),
              c ->
                  c.api.send(
                      "DELETE",
                      "/features/" + c.id(),
                      c.query("agent_id", c.get("agent-id")),
                      null)),
          // Tasks
          new Command(
              "tasks",
              "create",
              "Create a task in a feature for a role.",
              "tasks create --feature-id 4 --title \"Login endpoint\" --description \"POST /login\""
                  + " --target-role backend_dev --difficulty senior --complexity minor"
                  + " --agent-id pm_ada",
              null,
              List.of(
                  Option.number("feature-id", "ID", "the feature").asRequired(),
                  Option.required("title", "TEXT", "short title"),
                  Option.required("description", "TEXT", "what to do and how to check it"),
                  Option.required("target-role", "ROLE", "who does it: " + Manual.ROLES),
                  Option.required("difficulty", "LEVEL", "junior, senior or principal"),
                  Option.text("complexity", "C", "minor (commit to main) or major (PR; default)"),
                  Option.text("branch", "NAME", "git branch (default: made from the title)"),
                  Option.text("task-type", "TYPE", "regular (default) or management"),
                  Option.required("agent-id", "ID", "you")),
              c -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("feature_id", c.number("feature-id"));
                body.putAll(c.body("title", "description", "target-role", "difficulty"));
                body.put("complexity", c.get("complexity"));
                body.put("branch", c.getOr("branch", ""));
                body.put("task_type", c.get("task-type"));
                return c.api.send(
                    "POST", "/tasks/create", c.query("agent_id", c.get("agent-id")), body);
              }),
          new Command(
              "tasks",
              "next",
              "The task you should do next. Waits (up to 180 s) until one is available and"
                  + " prints null if none came. Does not lock it.",
              "tasks next --role backend_dev --level senior --agent-id be_bob",
              null,
              List.of(
                  Option.required("role", "ROLE", "your role"),
                  Option.required("level", "LEVEL", "your level"),
                  Option.text("agent-id", "ID", "you (recommended: finds your project)"),
                  Option.number("project-id", "ID", "default: your project"),
                  Option.number("timeout", "SECONDS", "longest wait (default 180)"),
                  Option.flag("simulate", "check once, do not wait")),
              c ->
                  c.api.send(
                      "GET",
                      "/tasks/next",
                      c.query(
                          "role", c.get("role"),
                          "level", c.get("level"),
                          "agent_id", c.get("agent-id"),
                          "project_id", c.projectId(),
                          "timeout", c.number("timeout"),
                          "simulate", c.flag("simulate") ? "true" : null),
                      null)),
          new Command(
              "tasks",
              "list",
              "Tasks, newest first, filtered by status, target role and project.",
              "tasks list --status dev_done",
              null,
              List.of(
                  Option.text("status", "STATUS", Manual.STATUSES),
                  Option.text("role", "ROLE", "target role"),
                  Option.number("project-id", "ID", "only this project"),
                  Option.number("limit", "N", "at most N tasks")),
              c ->
                  c.api.send(
                      "GET",
                      "/tasks",
                      c.query(
                          "status", c.get("status"),
                          "role", c.get("role"),
                          "project_id", c.projectId(),
                          "limit", c.number("limit")),
                      null)),
          new Command(
              "tasks",
              "get",
              "One task with its notes and comments.",
              "tasks get 12",
              "task-id",
              List.of(),
              c -> c.api.send("GET", "/tasks/" + c.id(), Map.of(), null)),
          new Command(
              "tasks",
              "lock",
              "Take a task before you work on it (sets under_work). Fails with 409 if someone"
                  + " was faster or you already hold a lock.",
              "tasks lock 12 --agent-id be_bob",
              "task-id",
              List.of(Option.required("agent-id", "ID", "you")),
              c ->
                  c.api.send(
                      "POST",
                      "/tasks/" + c.id() + "/lock",
                      c.query("agent_id", c.get("agent-id")),
                      null)),
          new Command(
              "tasks",
              "status",
              "Move a task on (releases your lock when it leaves under_work). Answers your next"
                  + " task.",
              "tasks status 12 --status dev_done --agent-id be_bob --notes \"Done, tests green\"",
              "task-id",
              List.of(
                  Option.required("status", "STATUS", Manual.STATUSES),
                  Option.required("agent-id", "ID", "you"),
                  Option.text("notes", "TEXT", "replaces the task's notes; prefer comments")),
              c ->
                  c.api.send(
                      "PUT",
                      "/tasks/" + c.id() + "/status",
                      c.query("agent_id", c.get("agent-id")),
                      c.body("status", "notes"))),
          new Command(
              "tasks",
              "comment",
              "Add a comment to a task; @name mentions an agent.",
              "tasks comment 12 --comment \"@pm_ada token format?\" --agent-id be_bob",
              "task-id",
              List.of(
                  Option.required("comment", "TEXT", "the comment"),
                  Option.required("agent-id", "ID", "you")),
              c ->
                  c.api.send(
                      "POST",
                      "/tasks/" + c.id() + "/comment",
                      c.query("agent_id", c.get("agent-id")),
                      c.body("comment"))),
          new Command(
              "tasks",
              "assign",
              "A project PM hands a task to a named agent (locks it for them).",
              "tasks assign 12 --target-agent-id be_bob --agent-id pm_ada",
              "task-id",
              List.of(
                  Option.required("target-agent-id", "ID", "the agent who gets it"),
                  Option.required("agent-id", "ID", "you, the project PM")),
              c ->
                  c.api.send(
                      "POST",
                      "/tasks/" + c.id() + "/assign",
                      c.query(
                          "target_agent_id",
                          c.get("target-agent-id"),
                          "assigner_agent_id",
                          c.get("agent-id")),
                      null)),
          new Command(
              "tasks",
              "delete",
              "A PM deletes a task.",
              "tasks delete 12 --agent-id pm_ada",
              "task-id",
              List.of(Option.required("agent-id", "ID", "you, a PM")),
              c ->
                  c.api.send(
                      "DELETE", "/tasks/" + c.id(), c.query("agent_id", c.get("agent-id")), null)),
          // Documents and mentions
          new Command(
              "documents",
              "create",
              "Post a document for the team; every @name in it mentions that agent.",
              "documents create --type update --title \"Login API ready\""
                  + " --content \"@qa_quinn please test\" --author-id be_bob",
              null,
              List.of(
                  Option.required("type", "TYPE", Manual.DOC_TYPES),
                  Option.required("title", "TEXT", "title"),
                  Option.text("content", "TEXT", "the text (or --content-file)"),
                  Option.file("content-file", "PATH", "read the text from a file, - for stdin"),
                  Option.required("author-id", "ID", "you"),
                  Option.json("meta-data", "JSON", "a JSON object"),
                  Option.text("expires-at", "TIME", "ISO-8601 time after which it is hidden"),
                  Option.number("project-id", "ID", "default: your project")),
              c -> {
                String content = c.content();
                if (content == null) {
                  throw new UsageError("documents create needs --content or --content-file");
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("doc_type", c.get("type"));
                body.put("title", c.get("title"));
                body.put("content", content);
                body.put("meta_data", c.json("meta-data"));
                body.put("expires_at", c.get("expires-at"));
                return c.api.send(
                    "POST",
                    "/documents",
                    c.query("author_id", c.get("author-id"), "project_id", c.projectId()),
                    body);
              }),
          new Command(
              "documents",
              "list",
              "Documents, newest first.",
              "documents list --type critical_issue",
              null,
              List.of(
                  Option.text("type", "TYPE", Manual.DOC_TYPES),
                  Option.text("author-id", "ID", "only this author"),
                  Option.number("limit", "N", "at most N (default 50)"),
                  Option.number("project-id", "ID", "default: the default project")),
              c ->
                  c.api.send(
                      "GET",
                      "/documents",
                      c.query(
                          "doc_type", c.get("type"),
                          "author_id", c.get("author-id"),
                          "limit", c.number("limit"),
                          "project_id", c.projectId()),
                      null)),
          new Command(
              "documents",
              "get",
              "One document.",
              "documents get 7",
              "document-id",
              List.of(),
              c -> c.api.send("GET", "/documents/" + c.id(), Map.of(), null)),
          new Command(
              "documents",
              "update",
              "Change a document's title, text or metadata (new @names mention again).",
              "documents update 7 --content \"Updated: ...\"",
              "document-id",
              List.of(
                  Option.text("title", "TEXT", "new title"),
                  Option.text("content", "TEXT", "new text"),
                  Option.file("content-file", "PATH", "read the new text from a file, - for stdin"),
                  Option.json("meta-data", "JSON", "new JSON object")),
              c -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("title", c.get("title"));
                body.put("content", c.content());
                body.put("meta_data", c.json("meta-data"));
                return c.api.send("PUT", "/documents/" + c.id(), Map.of(), body);
              }),
          new Command(
              "documents",
              "delete",
              "Delete a document (and its mentions).",
              "documents delete 7",
              "document-id",
              List.of(),
              c -> c.api.send("DELETE", "/documents/" + c.id(), Map.of(), null)),
          new Command(
              "mentions",
              null,
              "Your unread @mentions (--all: read ones too).",
              "mentions --agent-id pm_ada",
              null,
              List.of(
                  Option.text("agent-id", "ID", "you (without it: everyone's)"),
                  Option.flag("all", "include mentions already read"),
                  Option.number("limit", "N", "at most N (default 50)"),
                  Option.number("project-id", "ID", "default: your project")),
              c ->
                  c.api.send(
                      "GET",
                      "/mentions",
                      c.query(
                          "agent_id", c.get("agent-id"),
                          "unread_only", c.flag("all") ? "false" : "true",
                          "limit", c.number("limit"),
                          "project_id", c.projectId()),
                      null)),
          new Command(
              "mention-read",
              null,
              "Mark one of your mentions as read.",
              "mention-read 5 --agent-id pm_ada",
              "mention-id",
              List.of(Option.required("agent-id", "ID", "you, the agent mentioned")),
              c ->
                  c.api.send(
                      "PUT",
                      "/mentions/" + c.id() + "/read",
                      c.query("agent_id", c.get("agent-id")),
                      null)),
          // Services
          new Command(
              "services",
              "register",
              "Register (or take over) a service you run, with its health URL.",
              "services register --name shop-api --ping-url http://localhost:8080/health"
                  + " --port 8080 --agent-id be_bob",
              null,
              List.of(
                  Option.required("name", "NAME", "service name, unique in the project"),
                  Option.required("ping-url", "URL", "health URL the server pings"),
                  Option.required("agent-id", "ID", "you, the owner"),
                  Option.number("port", "PORT", "its port"),
                  Option.text("status", "STATUS", "up (default), down or starting"),
                  Option.json("meta-data", "JSON", "a JSON object"),
                  Option.number("project-id", "ID", "default: your project")),
              c -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("service_name", c.get("name"));
                body.put("ping_url", c.get("ping-url"));
                body.put("port", c.number("port"));
                body.put("status", c.getOr("status", "up"));
                body.put("meta_data", c.json("meta-data"));
                return c.api.send(
                    "POST",
                    "/services/register",
                    c.query("agent_id", c.get("agent-id"), "project_id", c.projectId()),
                    body);
              }),
          new Command(
              "services",
              "list",
              "The project's services and whether they answer.",
              "services list",
              null,
              List.of(Option.number("project-id", "ID", "default: the default project")),
              c -> c.api.send("GET", "/services", c.query("project_id", c.projectId()), null)),
          new Command(
              "services",
              "heartbeat",
              "Tell the server your service is up.",
              "services heartbeat shop-api --agent-id be_bob",
              "name",
              List.of(
                  Option.required("agent-id", "ID", "you, the owner"),
                  Option.number("project-id", "ID", "default: your project")),
              c ->
                  c.api.send(
                      "POST",
                      "/services/" + Api.segment(c.idText()) + "/heartbeat",
                      c.query("agent_id", c.get("agent-id"), "project_id", c.projectId()),
                      null)),
          new Command(
              "services",
              "unregister",
              "Remove your service from the registry.",
              "services unregister shop-api --agent-id be_bob",
              "name",
              List.of(
                  Option.required("agent-id", "ID", "you, the owner"),
                  Option.number("project-id", "ID", "default: your project")),
              c ->
                  c.api.send(
                      "DELETE",
                      "/services/" + Api.segment(c.idText()),
                      c.query("agent_id", c.get("agent-id"), "project_id", c.projectId()),
                      null)),
          // Updates
          new Command(
              "changes",
              null,
              "What happened in the project after a time: tasks, documents, mentions, services."
                  + " Pass the answer's last_timestamp as the next --since.",
              "changes --since 2026-01-01T00:00:00Z --agent-id be_bob",
              null,
              List.of(
                  Option.required("since", "TIME", "ISO-8601 time or Unix seconds"),
                  Option.text("agent-id", "ID", "you (finds your project)"),
                  Option.number("project-id", "ID", "default: your project")),
              c ->
                  c.api.send(
                      "GET",
                      "/changes",
                      c.query(
                          "since",
                          c.get("since"),
                          "agent_id",
                          c.get("agent-id"),
                          "project_id",
                          c.projectId()),
                      null)),
          new Command(
              "changelog",
              null,
              "Recent task status changes, newest first.",
              "changelog --limit 20",
              null,
              List.of(
                  Option.number("limit", "N", "at most N (default 50)"),
                  Option.number("project-id", "ID", "only this project"),
                  Option.number("task-id", "ID", "only this task")),
              c ->
                  c.api.send(
                      "GET",
                      "/changelog",
                      c.query(
                          "limit",
                          c.number("limit"),
                          "project_id",
                          c.projectId(),
                          "task_id",
                          c.number("task-id")),
                      null)));

  private static List<Option> withProjectSettings(Option... first) {
    List<Option> options = new ArrayList<>(List.of(first));
    for (String setting : Call.PROJECT_SETTINGS) {
      options.add(Option.text(setting, "VALUE", "project setting (blank: generated default)"));
    }
    return options;
  }

  // --- Help ----------------------------------------------------------------------------------

  String manual() {
    StringBuilder text = new StringBuilder();
    text.append(
        "Headless PM client: how LLM agents work with a Headless PM server.\n\n"
            + "Usage: "
            + PROGRAM
            + " [--url URL] [--api-key KEY] COMMAND [ARGUMENTS]\n"
            + "       "
            + PROGRAM
            + " COMMAND --help      (the options of one command)\n\n"
            + "Every command prints the API's answer as JSON. IDs may be given as the first\n"
            + "argument or as --<name>-id (tasks lock 12 = tasks lock --task-id 12).\n\n"
            + "COMMANDS\n");
    for (Command command : COMMANDS) {
      text.append(wrap(command.synopsisParts(), "  ", "        ")).append('\n');
      text.append(wrap(words(command.summary()), "      ", "      ")).append('\n');
    }
    text.append('\n').append(Manual.TEXT);
    text.append("\nCONFIGURATION (now: ")
        .append(settings.url())
        .append(settings.envFile() == null ? "" : ", .env: " + settings.envFile())
        .append(")\n")
        .append(Manual.CONFIGURATION);
    if (settings.root() != null) {
      text.append("\nROLE INSTRUCTIONS\n  ")
          .append(settings.root().resolve("agents").resolve("roles"))
          .append("/  (shared.md first, then the file of your role)\n");
    }
    return text.toString();
  }

  /** Breaks text into lines of at most 96 characters (long options stay whole). */
  static String wrap(List<String> words, String indent, String continuation) {
    StringBuilder result = new StringBuilder();
    StringBuilder line = new StringBuilder(indent);
    int start = indent.length();
    for (String word : words) {
      if (line.length() > start && line.length() + word.length() + 1 > 96) {
        result.append(line).append('\n');
        line = new StringBuilder(continuation);
        start = continuation.length();
      }
      if (line.length() > start) {
        line.append(' ');
      }
      line.append(word);
    }
    return result.append(line).toString();
  }

  static List<String> words(String text) {
    return List.of(text.split(" "));
  }

  /** The parts of the manual that are prose. */
  static final class Manual {
    static final String ROLES =
        "frontend_dev, backend_dev, qa, architect, project_pm or global_pm (pm = project_pm)";
    static final String STATUSES =
        "pending, created, under_work, dev_done, qa_done, documentation_done, committed";
    static final String DOC_TYPES = "update, standup, critical_issue or service_status";
    static final String PROJECT_DEFAULT =
        "the project (default: $HEADLESS_PM_PROJECT_ID, else the server's default project)";

    static final String TEXT =
        """
        HOW TO WORK (agent manual)
          1. Register once per session. Keep the same --agent-id for everything you do:
               register --agent-id be_bob --role backend_dev --level senior [--project-id N]
             The answer holds your next task (not yet locked) and your unread mentions.
          2. Ask for work. This waits until a task fits you (up to 180 s); null means none
             came, so simply ask again:
               tasks next --role backend_dev --level senior --agent-id be_bob
          3. Lock the task BEFORE you touch any code. Only a lock makes it yours:
               tasks lock 12 --agent-id be_bob
             409 = another agent was faster, or you still hold a lock: ask for the next one.
          4. Work. Comment as you go (tasks comment), mention who you need (@name), read
             the task again with tasks get 12.
          5. Hand it on; this releases your lock and the answer carries your next task:
               tasks status 12 --status dev_done --agent-id be_bob
             Then lock that next task, or go back to step 2. Never stop the loop on your own.

        STATUSES
          pending             waiting for a PM to release it (only PMs move tasks in or out)
          created             ready for a developer of the task's target role
          under_work          locked by the agent working on it (set by tasks lock)
          dev_done            developer finished; every qa agent gets it from tasks next
          qa_done             QA passed it (QA sends failures back to created, with a comment)
          documentation_done  docs updated
          committed           merged into the main branch: done
          An agent holds at most one lock. A lock without any activity for 30 minutes is
          taken back and the task returns to its previous status.

        WHEN TO LOCK
          Always, before starting work on a task, and only one task at a time. Do not lock
          tasks to reserve them. tasks next and register never lock for you.

        GIT BY COMPLEXITY (see the task's complexity and branch)
          minor  small fix: commit directly to the main branch, then dev_done.
          major  create the task's branch, push it, open a pull request, then dev_done with
                 the PR link in a comment; the task is committed once the PR is merged.

        TALKING TO EACH OTHER
          - @name (letters, digits, _) in a task comment or a document creates a mention for
            that agent. Check yours with: mentions --agent-id YOU, and mark them read with
            mention-read ID --agent-id YOU.
          - Documents (documents create --type update|standup|critical_issue|service_status)
            are for the whole team: decisions, hand-overs, blockers. Blockers are
            critical_issue documents that mention the PM.
          - changes --since TIME shows what happened since you last looked.
        """;

    static final String CONFIGURATION =
        """
          HEADLESS_PM_URL          API address (default http://localhost:$SERVICE_PORT, else :6969)
          API_KEY_HEADLESS_PM, API_KEY, HEADLESS_PM_API_KEY
                                   API key, first one set (default development-key)
          HEADLESS_PM_PROJECT_ID   project for commands that take --project-id
          HEADLESS_PM_ENV_FILE     .env file to read (default: the repository root's .env)
          Variables in the environment win over the .env file; --url and --api-key over both.

        EXIT CODES
          0 success   1 the API refused (its message is on stderr)   2 wrong arguments
          3 the API cannot be reached
        """;

    private Manual() {}
  }

  // --- Command line --------------------------------------------------------------------------

  /** A command of the client: words, options and what it does. */
  record Command(
      String group,
      String action,
      String summary,
      String example,
      String idName,
      List<Option> options,
      Handler handler) {

    String name() {
      return action == null ? group : group + " " + action;
    }

    /** The command, its id and its options, each part one unbreakable piece. */
    List<String> synopsisParts() {
      List<String> parts = new ArrayList<>();
      parts.add(name());
      if (idName != null) {
        parts.add(idName.toUpperCase().replace('-', '_'));
      }
      for (Option option : options) {
        String usage =
            option.flag() ? "--" + option.name() : "--" + option.name() + " " + option.value();
        parts.add(option.required() ? usage : "[" + usage + "]");
      }
      return parts;
    }

    String help() {
      StringBuilder text = new StringBuilder();
      List<String> line = new ArrayList<>(List.of("Usage:", PROGRAM));
      line.addAll(synopsisParts());
      text.append(wrap(line, "", "         ")).append("\n\n");
      text.append(wrap(words(summary), "", "")).append("\n\n");
      if (idName != null) {
        text.append(
            String.format(
                "  %-28s %s%n",
                idName.toUpperCase().replace('-', '_'),
                "required; or --" + idName + " " + idName.toUpperCase().replace('-', '_')));
      }
      for (Option option : options) {
        String usage = "--" + option.name() + (option.flag() ? "" : " " + option.value());
        text.append(
            String.format(
                "  %-28s %s%s%n", usage, option.required() ? "required; " : "", option.help()));
      }
      text.append("\nExample:\n  ").append(PROGRAM).append(' ').append(example).append('\n');
      return text.toString();
    }

    Option option(String name) {
      for (Option option : options) {
        if (option.name().equals(name)) {
          return option;
        }
      }
      return null;
    }
  }

  /** What a command does with its parsed arguments. */
  @FunctionalInterface
  interface Handler {
    Object run(Call call) throws IOException, InterruptedException;
  }

  enum Kind {
    TEXT,
    NUMBER,
    FLAG,
    JSON,
    FILE
  }

  record Option(String name, String value, String help, boolean required, Kind kind) {
    static Option required(String name, String value, String help) {
      return new Option(name, value, help, true, Kind.TEXT);
    }

    static Option text(String name, String value, String help) {
      return new Option(name, value, help, false, Kind.TEXT);
    }

    static Option number(String name, String value, String help) {
      return new Option(name, value, help, false, Kind.NUMBER);
    }

    static Option flag(String name, String help) {
      return new Option(name, null, help, false, Kind.FLAG);
    }

    static Option json(String name, String value, String help) {
      return new Option(name, value, help, false, Kind.JSON);
    }

    static Option file(String name, String value, String help) {
      return new Option(name, value, help, false, Kind.FILE);
    }

    Option asRequired() {
      return new Option(name, value, help, true, kind);
    }

    boolean flag() {
      return kind == Kind.FLAG;
    }
  }

  /** A parsed command line: the command and its values, or a request for help. */
  record Invocation(
      Command command, Map<String, String> values, String url, String apiKey, String helpFor) {

    static Invocation parse(String[] argv) {
      List<String> words = new ArrayList<>();
      String url = null;
      String apiKey = null;
      boolean help = false;
      for (int i = 0; i < argv.length; i++) {
        String arg = argv[i];
        if (arg.equals("--url") || arg.equals("--api-key")) {
          if (i + 1 >= argv.length) {
            throw new UsageError(arg + " needs a value");
          }
          if (arg.equals("--url")) {
            url = argv[++i];
          } else {
            apiKey = argv[++i];
          }
        } else if (arg.startsWith("--url=")) {
          url = arg.substring(6);
        } else if (arg.startsWith("--api-key=")) {
          apiKey = arg.substring(10);
        } else if (arg.equals("--help") || arg.equals("-h")) {
          help = true;
        } else {
          words.add(arg);
        }
      }
      if (words.isEmpty() || words.get(0).equals("help")) {
        if (words.size() > 1) {
          words.remove(0);
          help = true;
        } else {
          return new Invocation(null, Map.of(), url, apiKey, null);
        }
      }
      String group = words.get(0);
      List<Command> candidates =
          COMMANDS.stream().filter(c -> c.group().equals(group)).collect(Collectors.toList());
      if (candidates.isEmpty()) {
        throw new UsageError("unknown command '" + group + "'");
      }
      Command command;
      int next;
      if (candidates.get(0).action() == null) {
        command = candidates.get(0);
        next = 1;
      } else {
        String actions = candidates.stream().map(Command::action).collect(Collectors.joining(", "));
        if (words.size() < 2 || words.get(1).startsWith("-")) {
          if (help) {
            StringBuilder text = new StringBuilder();
            candidates.forEach(c -> text.append(c.help()).append('\n'));
            return new Invocation(null, Map.of(), url, apiKey, text.toString());
          }
          throw new UsageError("'" + group + "' needs one of: " + actions);
        }
        String action = words.get(1);
        command =
            candidates.stream()
                .filter(c -> c.action().equals(action))
                .findFirst()
                .orElseThrow(
                    () ->
                        new UsageError(
                            "unknown command '"
                                + group
                                + " "
                                + action
                                + "'; '"
                                + group
                                + "' has: "
                                + actions));
        next = 2;
      }
      if (help) {
        return new Invocation(null, Map.of(), url, apiKey, command.help());
      }
      return new Invocation(
          command, values(command, words.subList(next, words.size())), url, apiKey, null);
    }

    private static Map<String, String> values(Command command, List<String> args) {
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        if (!arg.startsWith("--")) {
          if (command.idName() == null || values.containsKey(command.idName())) {
            throw new UsageError(command.name() + ": unexpected argument '" + arg + "'");
          }
          values.put(command.idName(), arg);
          continue;
        }
        String name = arg.substring(2);
        String value = null;
        int equals = name.indexOf('=');
        if (equals >= 0) {
          value = name.substring(equals + 1);
          name = name.substring(0, equals);
        }
        Option option = command.option(name);
        if (option == null && !name.equals(command.idName())) {
          throw new UsageError(command.name() + ": unknown option --" + name);
        }
        if (option != null && option.flag()) {
          if (value != null) {
            throw new UsageError(command.name() + ": --" + name + " takes no value");
          }
          values.put(name, "true");
          continue;
        }
        if (value == null) {
          if (i + 1 >= args.size()) {
            throw new UsageError(command.name() + ": --" + name + " needs a value");
          }
          value = args.get(++i);
        }
        if (values.containsKey(name)) {
          throw new UsageError(command.name() + ": --" + name + " given twice");
        }
        values.put(name, value);
      }
      if (command.idName() != null) {
        String id = values.get(command.idName());
        if (id == null) {
          throw new UsageError(
              command.name()
                  + " needs "
                  + command.idName().toUpperCase().replace('-', '_')
                  + ", e.g. "
                  + PROGRAM
                  + " "
                  + command.example());
        }
        if (command.idName().endsWith("-id")) {
          wholeNumber(command, command.idName(), id);
        }
      }
      for (Option option : command.options()) {
        String value = values.get(option.name());
        if (option.required() && value == null) {
          throw new UsageError(
              command.name()
                  + " needs --"
                  + option.name()
                  + ", e.g. "
                  + PROGRAM
                  + " "
                  + command.example());
        }
        if (value != null && option.kind() == Kind.NUMBER) {
          wholeNumber(command, option.name(), value);
        }
        if (value != null && option.kind() == Kind.JSON) {
          try {
            if (!(Json.parse(value) instanceof Map)) {
              throw new UsageError(command.name() + ": --" + option.name() + " must be an object");
            }
          } catch (IllegalArgumentException e) {
            throw new UsageError(
                command.name() + ": --" + option.name() + " is not JSON: " + e.getMessage());
          }
        }
      }
      return values;
    }

    private static void wholeNumber(Command command, String name, String value) {
      try {
        Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new UsageError(
            command.name() + ": " + name + " must be a whole number, not '" + value + "'");
      }
    }
  }

  /** One run of a command: its values, the API, and the defaults from the environment. */
  static final class Call {
    static final List<String> PROJECT_SETTINGS =
        List.of(
            "shared-path",
            "instructions-path",
            "project-docs-path",
            "code-guidelines-path",
            "repository-url",
            "repository-main-branch",
            "repository-clone-path");

    final Command command;
    final Map<String, String> values;
    final Api api;
    final Settings settings;

    Call(Command command, Map<String, String> values, Api api, Settings settings) {
      this.command = command;
      this.values = values;
      this.api = api;
      this.settings = settings;
    }

    String get(String name) {
      return values.get(name);
    }

    String getOr(String name, String fallback) {
      String value = values.get(name);
      return value == null ? fallback : value;
    }

    boolean flag(String name) {
      return values.containsKey(name);
    }

    Long number(String name) {
      String value = values.get(name);
      return value == null ? null : Long.valueOf(value);
    }

    long id() {
      return Long.parseLong(values.get(command.idName()));
    }

    String idText() {
      return values.get(command.idName());
    }

    /** --project-id, else HEADLESS_PM_PROJECT_ID, else null (the server decides). */
    Long projectId() {
      Long given = number("project-id");
      return given != null ? given : settings.projectId();
    }

    /** {@link #projectId()}, else the server's default project. */
    long projectIdOrDefault() throws IOException, InterruptedException {
      Long project = projectId();
      if (project != null) {
        return project;
      }
      Object context = api.send("GET", "/context", Map.of(), null);
      return ((Number) ((Map<?, ?>) context).get("project_id")).longValue();
    }

    /** The project of the agent's only registration. */
    long onlyProjectOf(String agentId) throws IOException, InterruptedException {
      List<Long> projects = new ArrayList<>();
      for (Object agent : (List<?>) api.send("GET", "/agents", Map.of(), null)) {
        Map<?, ?> record = (Map<?, ?>) agent;
        if (agentId.equals(record.get("agent_id"))) {
          projects.add(((Number) record.get("project_id")).longValue());
        }
      }
      if (projects.size() == 1) {
        return projects.get(0);
      }
      throw new ApiFailure(
          projects.isEmpty()
              ? "Agent '" + agentId + "' is not registered in any project"
              : "Agent '"
                  + agentId
                  + "' is registered in projects "
                  + projects
                  + "; say which with --project-id");
    }

    /** --content, or the text of --content-file (- reads standard input). */
    String content() throws IOException {
      String file = values.get("content-file");
      if (file == null) {
        return values.get("content");
      }
      if (values.containsKey("content")) {
        throw new UsageError("give either --content or --content-file, not both");
      }
      if (file.equals("-")) {
        return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
      }
      try {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UsageError("cannot read --content-file " + file + ": " + e.getMessage());
      }
    }

    Object json(String name) {
      String value = values.get(name);
      return value == null ? null : Json.parse(value);
    }

    /** Body fields named like the options (with _ for -). */
    Map<String, Object> body(String... options) {
      Map<String, Object> body = new LinkedHashMap<>();
      for (String option : options) {
        body.put(option.replace('-', '_'), values.get(option));
      }
      return body;
    }

    void putProjectSettings(Map<String, Object> body) {
      for (String setting : PROJECT_SETTINGS) {
        body.put(setting.replace('-', '_'), values.get(setting));
      }
    }

    /** Query parameters from name/value pairs; null values are left out. */
    Map<String, String> query(Object... pairs) {
      Map<String, String> query = new LinkedHashMap<>();
      for (int i = 0; i < pairs.length; i += 2) {
        if (pairs[i + 1] != null) {
          query.put((String) pairs[i], pairs[i + 1].toString());
        }
      }
      return query;
    }
  }

  /** Wrong or missing arguments: exit code 2. */
  static final class UsageError extends RuntimeException {
    UsageError(String message) {
      super(message);
    }
  }

  /** The API answered with an error, or with something that is not JSON: exit code 1. */
  static final class ApiFailure extends RuntimeException {
    ApiFailure(String message) {
      super(message);
    }
  }

  // --- Configuration -------------------------------------------------------------------------

  /** Where the API is and which key to send, from the environment and the .env file. */
  record Settings(String url, String apiKey, Long projectId, Path envFile, Path root) {

    static Settings load(Map<String, String> environment, String root) {
      Path rootDir = root == null || root.isBlank() ? null : Path.of(root);
      String configured = environment.get("HEADLESS_PM_ENV_FILE");
      Path envFile =
          configured != null && !configured.isBlank()
              ? Path.of(configured)
              : rootDir == null ? null : rootDir.resolve(".env");
      Map<String, String> values = new HashMap<>();
      if (envFile != null && Files.isRegularFile(envFile)) {
        try {
          values.putAll(readDotEnv(Files.readAllLines(envFile, StandardCharsets.UTF_8)));
        } catch (IOException e) {
          throw new UsageError("cannot read " + envFile + ": " + e.getMessage());
        }
      } else {
        envFile = null;
      }
      environment.forEach(
          (name, value) -> {
            if (!value.isEmpty()) {
              values.put(name, value);
            }
          });
      String url = first(values, "HEADLESS_PM_URL");
      if (url == null) {
        String port = first(values, "SERVICE_PORT");
        url = "http://localhost:" + (port == null ? "6969" : port);
      }
      String key = first(values, "API_KEY_HEADLESS_PM", "API_KEY", "HEADLESS_PM_API_KEY");
      String project = first(values, "HEADLESS_PM_PROJECT_ID");
      Long projectId;
      try {
        projectId = project == null ? null : Long.valueOf(project.trim());
      } catch (NumberFormatException e) {
        throw new UsageError("HEADLESS_PM_PROJECT_ID must be a project id, not '" + project + "'");
      }
      return new Settings(
          normalizeUrl(url), key == null ? "development-key" : key, projectId, envFile, rootDir);
    }

    /** Accepts http://host:port, with or without a trailing / or /api/v1. */
    static String normalizeUrl(String url) {
      String result = url.trim();
      while (result.endsWith("/")) {
        result = result.substring(0, result.length() - 1);
      }
      if (result.endsWith("/api/v1")) {
        result = result.substring(0, result.length() - "/api/v1".length());
      }
      return result;
    }

    private static String first(Map<String, String> values, String... names) {
      for (String name : names) {
        String value = values.get(name);
        if (value != null && !value.isBlank()) {
          return value;
        }
      }
      return null;
    }

    /** The rules of ./hpm: KEY=VALUE, comments, optional export, one pair of quotes. */
    static Map<String, String> readDotEnv(List<String> lines) {
      Map<String, String> values = new HashMap<>();
      for (String raw : lines) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("export ")) {
          line = line.substring("export ".length());
        }
        int equals = line.indexOf('=');
        if (equals <= 0) {
          continue;
        }
        String name = line.substring(0, equals).strip();
        if (!name.matches("[A-Za-z0-9_]+")) {
          continue;
        }
        String value = line.substring(equals + 1);
        if (value.length() >= 2
            && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
          value = value.substring(1, value.length() - 1);
        }
        values.put(name, value);
      }
      return values;
    }
  }

  // --- HTTP ----------------------------------------------------------------------------------

  /** The REST API under /api/v1, with the key on every request. */
  static final class Api {
    private final String base;
    private final String key;
    private final HttpClient http;

    Api(String url, String key) {
      this.base = url + "/api/v1";
      this.key = key;
      this.http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
    }

    /** Sends a request and answers the parsed JSON; throws ApiFailure for a 4xx or 5xx. */
    Object send(String method, String path, Map<String, String> query, Map<String, Object> body)
        throws IOException, InterruptedException {
      StringJoiner parameters = new StringJoiner("&", "?", "").setEmptyValue("");
      query.forEach(
          (name, value) ->
              parameters.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
      URI uri;
      try {
        uri = URI.create(base + path + parameters);
      } catch (IllegalArgumentException e) {
        throw new UsageError("not a usable API address: " + base + " (" + e.getMessage() + ")");
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("X-API-Key", key);
      request.header("Accept", "application/json");
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        Map<String, Object> present = new LinkedHashMap<>(body);
        present.values().removeIf(value -> value == null);
        request.header("Content-Type", "application/json");
        request.method(
            method,
            HttpRequest.BodyPublishers.ofString(Json.compact(present), StandardCharsets.UTF_8));
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      int status = response.statusCode();
      Object answer;
      try {
        answer = response.body().isBlank() ? null : Json.parse(response.body());
      } catch (IllegalArgumentException e) {
        throw new ApiFailure(
            "HTTP "
                + status
                + " from "
                + method
                + " "
                + path
                + ", not JSON: "
                + abbreviate(response.body()));
      }
      if (status >= 200 && status < 300) {
        return answer;
      }
      throw new ApiFailure("HTTP " + status + ": " + detail(answer, response.body()));
    }

    /** The API's message: {"detail": "..."}, or the field errors of a 422. */
    static String detail(Object answer, String raw) {
      if (answer instanceof Map<?, ?> map && map.containsKey("detail")) {
        Object detail = map.get("detail");
        if (detail instanceof List<?> errors) {
          StringJoiner text = new StringJoiner("; ");
          for (Object error : errors) {
            if (error instanceof Map<?, ?> field) {
              Object location = field.get("loc");
              String where =
                  location instanceof List<?> parts
                      ? parts.stream().map(String::valueOf).collect(Collectors.joining("."))
                      : String.valueOf(location);
              text.add(where + ": " + field.get("msg"));
            } else {
              text.add(String.valueOf(error));
            }
          }
          return text.toString();
        }
        return String.valueOf(detail);
      }
      return abbreviate(raw);
    }

    private static String abbreviate(String text) {
      String flat = text.strip().replaceAll("\\s+", " ");
      return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    /** A path segment such as a service name, percent-encoded. */
    static String segment(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
  }

  // --- JSON ----------------------------------------------------------------------------------

  /** Just enough JSON: objects become LinkedHashMaps, arrays Lists, numbers Long or BigDecimal. */
  static final class Json {
    private final String text;
    private int at;

    private Json(String text) {
      this.text = text;
    }

    static Object parse(String text) {
      Json reader = new Json(text);
      reader.space();
      Object value = reader.value();
      reader.space();
      if (reader.at != text.length()) {
        throw reader.error("unexpected text after the value");
      }
      return value;
    }

    static String pretty(Object value) {
      StringBuilder out = new StringBuilder();
      write(value, out, "");
      return out.toString();
    }

    static String compact(Object value) {
      StringBuilder out = new StringBuilder();
      write(value, out, null);
      return out.toString();
    }

    private Object value() {
      if (at >= text.length()) {
        throw error("unexpected end");
      }
      char c = text.charAt(at);
      switch (c) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return string();
        case 't':
          return literal("true", Boolean.TRUE);
        case 'f':
          return literal("false", Boolean.FALSE);
        case 'n':
          return literal("null", null);
        default:
          if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
          }
          throw error("unexpected '" + c + "'");
      }
    }

    private Map<String, Object> object() {
      Map<String, Object> map = new LinkedHashMap<>();
      at++;
      space();
      if (peek('}')) {
        at++;
        return map;
      }
      while (true) {
        space();
        if (!peek('"')) {
          throw error("expected a name");
        }
        String name = string();
        space();
        expect(':');
        space();
        map.put(name, value());
        space();
        if (peek(',')) {
          at++;
        } else {
          expect('}');
          return map;
        }
      }
    }

    private List<Object> array() {
      List<Object> list = new ArrayList<>();
      at++;
      space();
      if (peek(']')) {
        at++;
        return list;
      }
      while (true) {
        space();
        list.add(value());
        space();
        if (peek(',')) {
          at++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    private String string() {
      StringBuilder out = new StringBuilder();
      at++;
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (at >= text.length()) {
          break;
        }
        char escape = text.charAt(at++);
        switch (escape) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            if (at + 4 > text.length()) {
              throw error("bad \\u escape");
            }
            try {
              out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            } catch (NumberFormatException e) {
              throw error("bad \\u escape");
            }
            at += 4;
          }
          case '"', '\\', '/' -> out.append(escape);
          default -> throw error("bad escape \\" + escape);
        }
      }
      throw error("unterminated string");
    }

    private Object number() {
      int start = at;
      while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
      String token = text.substring(start, at);
      try {
        if (token.matches("-?\\d{1,18}")) {
          return Long.valueOf(token);
        }
        return new BigDecimal(token);
      } catch (NumberFormatException e) {
        throw error("bad number " + token);
      }
    }

    private Object literal(String word, Object value) {
      if (!text.startsWith(word, at)) {
        throw error("unexpected '" + text.charAt(at) + "'");
      }
      at += word.length();
      return value;
    }

    private boolean peek(char c) {
      return at < text.length() && text.charAt(at) == c;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw error("expected '" + c + "'");
      }
      at++;
    }

    private void space() {
      while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
    }

    private IllegalArgumentException error(String message) {
      return new IllegalArgumentException(message + " at character " + (at + 1));
    }

    /** Writes a value; a null indent writes it on one line. */
    private static void write(Object value, StringBuilder out, String indent) {
      if (value == null) {
        out.append("null");
      } else if (value instanceof String s) {
        quote(s, out);
      } else if (value instanceof Number || value instanceof Boolean) {
        out.append(value);
      } else if (value instanceof Map<?, ?> map) {
        if (map.isEmpty()) {
          out.append("{}");
          return;
        }
        String inner = indent == null ? null : indent + "  ";
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          out.append(first ? "" : ",");
          first = false;
          newline(out, inner);
          quote(String.valueOf(entry.getKey()), out);
          out.append(indent == null ? ":" : ": ");
          write(entry.getValue(), out, inner);
        }
        newline(out, indent);
        out.append('}');
      } else if (value instanceof List<?> list) {
        if (list.isEmpty()) {
          out.append("[]");
          return;
        }
        String inner = indent == null ? null : indent + "  ";
        out.append('[');
        boolean first = true;
        for (Object item : list) {
          out.append(first ? "" : ",");
          first = false;
          newline(out, inner);
          write(item, out, inner);
        }
        newline(out, indent);
        out.append(']');
      } else {
        quote(value.toString(), out);
      }
    }

    private static void newline(StringBuilder out, String indent) {
      if (indent != null) {
        out.append('\n').append(indent);
      }
    }

    private static void quote(String s, StringBuilder out) {
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> {
            if (c < 0x20) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      out.append('"');
    }
  }
}
