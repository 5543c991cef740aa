package org.headlesspm.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.headlesspm.api.AgentRegistration;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.ChangelogResponse;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.DocumentCreate;
import org.headlesspm.api.DocumentType;
import org.headlesspm.api.EpicCreate;
import org.headlesspm.api.EpicResponse;
import org.headlesspm.api.FeatureCreate;
import org.headlesspm.api.FeatureResponse;
import org.headlesspm.api.ProjectCreate;
import org.headlesspm.api.ProjectResponse;
import org.headlesspm.api.ServiceRegistration;
import org.headlesspm.api.TaskComment;
import org.headlesspm.api.TaskComplexity;
import org.headlesspm.api.TaskCreate;
import org.headlesspm.api.TaskResponse;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.api.TaskStatusUpdate;
import org.headlesspm.client.HeadlessPmApi;
import org.headlesspm.testing.HeadlessPmStack;
import org.headlesspm.testing.PayaraService.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in real headless Chromium against the real dashboard-war and api-war on SQLite,
 * seeded through the typed client. Test ids follow DASHBOARD.md section 8. Every page is saved as a
 * screenshot under target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

  private static final String DASHBOARD_USER = "dashboard-user";

  private static HeadlessPmStack stack;
  private static HeadlessPmApi api;
  private static ChromeDriver browser;

  /** A failed test leaves the page it saw, to read what the browser got. */
  @RegisterExtension
  static final TestWatcher PAGE_ON_FAILURE =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          if (browser == null) {
            return;
          }
          String name = context.getRequiredTestMethod().getName();
          try {
            Path dir = Path.of("target/failed-pages");
            Files.createDirectories(dir);
            Files.writeString(
                dir.resolve(name + ".html"),
                "<!-- " + browser.getCurrentUrl() + " -->\n" + browser.getPageSource());
          } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
          }
        }
      };

  private static String base;
  private static long project;
  private static long emptyProject;
  private static List<EpicResponse> epics;
  private static long createdTask;
  private static long detailTask;

  @BeforeAll
  static void start() {
    stack =
        HeadlessPmStack.builder()
            .withDashboard()
            .env("DASHBOARD_REFRESH_SECONDS", "0")
            // CI machines run several Payara processes on two cores: allow slow answers.
            .env("DASHBOARD_API_READ_TIMEOUT_SECONDS", "20")
            .start();
    base = stack.url(Kind.DASHBOARD);
    System.setProperty("headless-pm.api.key", stack.apiKey());
    api =
        RestClientBuilder.newBuilder()
            .baseUri(URI.create(stack.apiUrl()))
            .build(HeadlessPmApi.class);
    seed();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver")).toFile())
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (stack != null) {
      stack.close();
    }
  }

  /** P1 (the default project) with 3 epics, 4 features, 12 tasks in every status; P2 empty. */
  static void seed() {
    project =
        api.listProjects().stream()
            .filter(p -> p.name().equals("Headless-PM"))
            .findFirst()
            .orElseThrow()
            .id();
    emptyProject = api.createProject(new ProjectCreate("Empty", "A project without data")).id();
    for (String[] agent :
        new String[][] {
          {"backend_dev_002", "backend_dev"},
          {"qa_senior_001", "qa"},
          {"frontend_dev_001", "frontend_dev"},
          {"architect_001", "architect"}
        }) {
      api.register(
          new AgentRegistration(
              agent[0], project, AgentRole.parse(agent[1]), DifficultyLevel.senior, null));
    }
    long auth =
        api.createEpic(
                DASHBOARD_USER, project, new EpicCreate("Authentication", "Login and sessions"))
            .id();
    long reports =
        api.createEpic(DASHBOARD_USER, project, new EpicCreate("Reporting", "Charts and exports"))
            .id();
    long infra = api.createEpic(DASHBOARD_USER, project, new EpicCreate("Infrastructure", "")).id();
    long[] features = {
      api.createFeature(DASHBOARD_USER, new FeatureCreate(auth, "Login form", "")).id(),
      api.createFeature(DASHBOARD_USER, new FeatureCreate(auth, "Sessions", "")).id(),
      api.createFeature(DASHBOARD_USER, new FeatureCreate(reports, "Exports", "")).id(),
      api.createFeature(DASHBOARD_USER, new FeatureCreate(infra, "CI", "")).id()
    };
    TaskStatus[] statuses = {
      TaskStatus.created,
      TaskStatus.created,
      TaskStatus.under_work,
      TaskStatus.under_work,
      TaskStatus.dev_done,
      TaskStatus.dev_done,
      TaskStatus.qa_done,
      TaskStatus.qa_done,
      TaskStatus.documentation_done,
      TaskStatus.committed,
      TaskStatus.committed,
      TaskStatus.committed
    };
    String[] titles = {
      "Login page",
      "Logout button",
      "Session timeout",
      "Password reset",
      "CSV export",
      "PDF export",
      "Login audit",
      "Chart colours",
      "API docs",
      "CI pipeline",
      "Build cache",
      "Release script"
    };
    for (int i = 0; i < titles.length; i++) {
      String description =
          i == 0
              ? "## Goal\n\n- a **login** form\n- tests\n\n<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">"
              : "Work on " + titles[i].toLowerCase();
      TaskResponse task =
          api.createTask(
              DASHBOARD_USER,
              new TaskCreate(
                  features[i % 4],
                  titles[i],
                  description,
                  i % 2 == 0 ? AgentRole.backend_dev : AgentRole.frontend_dev,
                  DifficultyLevel.senior,
                  TaskComplexity.minor,
                  ""));
      if (statuses[i] != TaskStatus.created) {
        api.updateTaskStatus(task.id(), DASHBOARD_USER, new TaskStatusUpdate(statuses[i], null));
      }
      if (i == 0) {
        detailTask = task.id();
      }
    }
    TaskResponse locked = api.listTasks(TaskStatus.created, null, project, null).get(0);
    api.lockTask(locked.id(), "backend_dev_002");
    api.registerService(
        "backend_dev_002",
        project,
        new ServiceRegistration("web", "http://localhost:9/health", 9, null, null));
    for (int i = 1; i <= 4; i++) {
      api.createDocument(
          "backend_dev_002",
          project,
          new DocumentCreate(
              DocumentType.update,
              "Update " + i,
              i == 4 ? "# Status\n\n- done\n\nping @qa_senior_001" : "Progress " + i,
              null,
              null));
    }
    epics = api.listEpics(project);
  }

  // --- helpers
  // ------------------------------------------------------------------------------------

  /**
   * Loads a page and waits until it has replaced the previous one and is complete. Failed runs read
   * a board with fewer columns than the page finally had, right after {@code get} returned.
   */
  private static void open(String path) {
    WebElement previous = browser.findElement(By.tagName("html"));
    browser.get(base + path);
    untilReplaced(previous);
  }

  private static void untilReplaced(WebElement previous) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(previous));
    wait.until(d -> documentComplete());
  }

  /** After a script-driven navigation: waits for the new address and a complete document. */
  private static void untilAt(java.util.function.Predicate<String> address) {
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> address.test(d.getCurrentUrl()) && documentComplete());
  }

  private static boolean documentComplete() {
    return "complete".equals(js("return document.readyState"));
  }

  private static List<WebElement> all(String testId) {
    return browser.findElements(By.cssSelector("[data-testid='" + testId + "']"));
  }

  private static WebElement one(String testId) {
    return browser.findElement(By.cssSelector("[data-testid='" + testId + "']"));
  }

  private static void screenshot(String name) {
    try {
      Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
      Files.createDirectories(dir);
      Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Clicks a control that submits a form and waits until the next page is complete. */
  private static void submit(WebElement control) {
    WebElement page = browser.findElement(By.tagName("html"));
    control.click();
    untilReplaced(page);
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private static HttpResponse<String> http(String method, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  // --- G1, G3: every page
  // -------------------------------------------------------------------------

  @Test
  @Order(1)
  void everyPageHasTitleOneHeadingLandmarksAndSkipLink() {
    String[][] pages = {
      {"/", "Overview"},
      {"/projects", "Projects"},
      {"/tasks", "Tasks"},
      {"/agents", "Agents"},
      {"/communications", "Communications"},
      {"/analytics", "Analytics"},
      {"/system-health", "System Health"},
      {"/settings", "Settings"}
    };
    for (String[] page : pages) {
      open(page[0] + "?project=" + project);
      assertTrue(browser.getTitle().contains(page[1]), page[0] + " title: " + browser.getTitle());
      assertEquals(1, browser.findElements(By.tagName("h1")).size(), page[0]);
      for (String landmark : List.of("header", "nav", "main")) {
        assertFalse(browser.findElements(By.tagName(landmark)).isEmpty(), page[0] + " " + landmark);
      }
      Object first =
          js(
              "return document.querySelector('a[href],button,input,select,textarea,summary,[tabindex]').className");
      assertEquals("skip-link", first, page[0]);
      assertFalse(browser.getPageSource().contains(stack.apiKey() + "\""), "API key in " + page[0]);
      String port = ":" + stack.service(Kind.API).port() + "/";
      assertEquals(
          0L,
          js(
              "return document.querySelectorAll('[src*=\""
                  + port
                  + "\"],[action*=\""
                  + port
                  + "\"]').length"),
          page[0] + " makes the browser call the API");
      screenshot("page" + page[0].replace('/', '-').replaceAll("^-$", "-overview"));
    }
    open("/tasks?project=" + project);
    WebElement active = browser.findElement(By.cssSelector(".tab-row a[aria-current='page']"));
    assertEquals("Tasks", active.getText().replaceAll("[^A-Za-z ]", "").strip());
  }

  // --- Overview
  // -------------------------------------------------------------------------------------

  @Test
  @Order(2)
  void overviewShowsTheProjectsRealNumbers() {
    open("/?project=" + project);
    List<TaskResponse> tasks = api.listTasks(null, null, project, null);
    long committed = tasks.stream().filter(t -> t.status() == TaskStatus.committed).count();
    assertEquals(Integer.toString(tasks.size()), one("stat-total-tasks").getText());
    assertEquals(Long.toString(committed), one("stat-completed").getText());
    assertEquals(
        Math.round(100.0 * committed / tasks.size()) + "% completion rate",
        one("stat-completion-rate").getText());
    assertEquals("4/4", one("stat-active-agents").getText());
    assertTrue(one("stat-services").getText().endsWith("/1"));
    assertFalse(browser.getPageSource().contains("+12%"));
    assertEquals(3, all("epic-card").size());
    assertTrue(all("epic-card").get(0).getAttribute("href").contains("/tasks?epic="));
    List<WebElement> activity = all("activity-item");
    assertFalse(activity.isEmpty());
    for (int i = 1; i < activity.size(); i++) {
      assertTrue(
          activity
                  .get(i - 1)
                  .getAttribute("data-at")
                  .compareTo(activity.get(i).getAttribute("data-at"))
              >= 0,
          "recent activity newest first");
    }
    assertTrue(one("attention-card").getText().contains("unread mention"));
    screenshot("overview");
  }

  @Test
  @Order(3)
  void emptyProjectShowsEmptyStatesAndStaysSelected() {
    open("/");
    new Select(one("project-selector")).selectByVisibleText("Empty");
    untilAt(url -> url.contains("project=" + emptyProject));
    open("/");
    assertEquals(
        Long.toString(emptyProject),
        new Select(one("project-selector")).getFirstSelectedOption().getAttribute("value"));
    assertTrue(browser.findElement(By.tagName("main")).getText().contains("No epics yet"));
    assertEquals("0", one("stat-total-tasks").getText());
    assertEquals("0% completion rate", one("stat-completion-rate").getText());
    open("/?project=" + project);
  }

  // --- Projects
  // -------------------------------------------------------------------------------------

  @Test
  @Order(10)
  void creatingAProjectValidatesAndStoresIt() {
    open("/projects?new=1");
    submit(one("create-project-submit"));
    assertTrue(
        browser.findElement(By.id("create-form")).getText().contains("Project name is required"));
    one("project-name").sendKeys("Headless-PM");
    submit(one("create-project-submit"));
    assertTrue(
        browser.findElement(By.id("create-form")).getText().toLowerCase().contains("exist"),
        "duplicate name: API message shown");
    WebElement name = one("project-name");
    name.clear();
    name.sendKeys("Demo");
    submit(one("create-project-submit"));
    assertTrue(one("project-created").getText().contains("assigned by the server"));
    assertTrue(all("project-card").stream().anyMatch(c -> c.getText().contains("Demo")));
    assertEquals("Demo", new Select(one("project-selector")).getFirstSelectedOption().getText());
    assertTrue(api.listProjects().stream().anyMatch(p -> p.name().equals("Demo")));
    screenshot("projects");
  }

  @Test
  @Order(11)
  void editingAProjectKeepsTheNameAndRequiresPaths() {
    ProjectResponse demo =
        api.listProjects().stream().filter(p -> p.name().equals("Demo")).findFirst().orElseThrow();
    open("/projects?edit=" + demo.id());
    assertFalse(one("edit-name").isEnabled());
    one("edit-shared-path").clear();
    submit(one("update-project-submit"));
    assertTrue(
        browser.findElement(By.id("edit-form")).getText().contains("Shared path is required"));
    one("edit-shared-path").sendKeys(demo.sharedPath());
    one("edit-description").clear();
    one("edit-description").sendKeys("Edited in the browser");
    submit(one("update-project-submit"));
    assertEquals("Edited in the browser", api.getProject(demo.id()).description());
    assertTrue(
        all("project-card").stream().anyMatch(c -> c.getText().contains("Edited in the browser")));
  }

  @Test
  @Order(12)
  void deletingAProjectNeedsTheExactName() {
    ProjectResponse demo =
        api.listProjects().stream().filter(p -> p.name().equals("Demo")).findFirst().orElseThrow();
    open("/projects?delete=" + demo.id());
    assertFalse(one("delete-project-submit").isEnabled());
    one("delete-confirm-name").sendKeys("Demo");
    assertTrue(one("delete-project-submit").isEnabled());
    submit(one("delete-project-submit"));
    assertTrue(api.listProjects().stream().noneMatch(p -> p.name().equals("Demo")));
    assertTrue(all("project-card").stream().noneMatch(c -> c.getText().contains("Demo")));
  }

  // --- Tasks
  // ----------------------------------------------------------------------------------------

  @Test
  @Order(20)
  void boardHasSixColumnsWhoseCountsMatchTheCards() {
    open("/tasks?project=" + project);
    String[] columns = {
      "created", "under_work", "dev_done", "qa_done", "documentation_done", "committed"
    };
    List<WebElement> found =
        browser.findElements(By.cssSelector("[data-testid^='kanban-column-']"));
    assertEquals(6, found.size());
    int sum = 0;
    for (int i = 0; i < 6; i++) {
      assertEquals("kanban-column-" + columns[i], found.get(i).getAttribute("data-testid"));
      sum +=
          Integer.parseInt(
              found.get(i).findElement(By.cssSelector("[data-testid='column-count']")).getText());
    }
    assertEquals(all("task-card").size(), sum);
    assertEquals(12, sum);
    screenshot("tasks-board");
  }

  @Test
  @Order(21)
  void filtersNarrowTheBoardAndLiveInTheUrl() {
    open("/tasks?project=" + project + "&status=dev_done");
    assertEquals(2, all("task-card").size());
    assertTrue(
        all("task-card").stream().allMatch(c -> "dev_done".equals(c.getAttribute("data-status"))));
    assertEquals("dev_done", new Select(one("filter-status")).getFirstSelectedOption().getText());
    submit(one("clear-filters"));
    assertFalse(browser.getCurrentUrl().contains("status="));
    assertEquals(12, all("task-card").size());

    EpicResponse auth =
        epics.stream().filter(e -> e.name().equals("Authentication")).findFirst().orElseThrow();
    assertFalse(one("filter-feature").isEnabled());
    new Select(one("filter-epic")).selectByVisibleText("Authentication");
    untilAt(url -> url.contains("epic=" + auth.id()));
    assertTrue(one("filter-feature").isEnabled());
    long expected =
        api.listTasks(null, null, project, null).stream()
            .filter(t -> t.epicId() == auth.id())
            .count();
    assertEquals(expected, all("task-card").size());
    submit(one("view-timeline"));
    assertTrue(browser.getCurrentUrl().contains("epic=" + auth.id()));

    open("/tasks?project=" + project + "&q=LOGIN");
    long logins =
        api.listTasks(null, null, project, null).stream()
            .filter(
                t ->
                    (t.title() + " " + t.description())
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("login"))
            .count();
    assertTrue(logins >= 2);
    assertEquals(logins, all("task-card").size());
    open("/tasks?project=" + project + "&q=%23" + detailTask);
    assertEquals(1, all("task-card").size());
  }

  @Test
  @Order(22)
  void movingACardWithTheMenuChangesOnlyTheStatus() {
    TaskResponse task =
        api.listTasks(TaskStatus.created, null, project, null).stream()
            .filter(t -> t.lockedBy() == null)
            .findFirst()
            .orElseThrow();
    api.commentOnTask(task.id(), DASHBOARD_USER, new TaskComment("keep this note"));
    String notes = api.getTask(task.id()).notes();
    open("/tasks?project=" + project + "&role=" + task.targetRole());
    WebElement card = browser.findElement(By.id("task-" + task.id()));
    new Select(card.findElement(By.cssSelector("[data-testid='move-select']")))
        .selectByValue("under_work");
    submit(card.findElement(By.cssSelector("[data-testid='move-submit']")));
    assertTrue(
        browser.getCurrentUrl().contains("role=" + task.targetRole()),
        "back on the same filtered board");
    WebElement moved = browser.findElement(By.id("task-" + task.id()));
    assertEquals("under_work", moved.getAttribute("data-status"));
    assertNotNull(
        browser.findElement(
            By.cssSelector("[data-testid='kanban-column-under_work'] #task-" + task.id())));
    TaskResponse after = api.getTask(task.id());
    assertEquals(TaskStatus.under_work, after.status());
    assertEquals(notes, after.notes());
    ChangelogResponse change = api.changelog(1, null, task.id()).get(0);
    assertEquals(DASHBOARD_USER, change.changedBy());
    assertEquals(TaskStatus.under_work, change.newStatus());
  }

  @Test
  @Order(23)
  void dragAndDropAndKeyboardMoveCards() {
    TaskResponse task = api.listTasks(TaskStatus.dev_done, null, project, null).get(0);
    open("/tasks?project=" + project);
    js(
        "var card = document.getElementById('task-' + arguments[0]);"
            + "var column = document.querySelector(\"[data-testid='kanban-column-documentation_done']\");"
            + "var data = new DataTransfer();"
            + "card.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: data}));"
            + "column.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));"
            + "column.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));",
        task.id());
    untilAt(url -> url.contains("moved=" + task.id()));
    assertEquals(TaskStatus.documentation_done, api.getTask(task.id()).status());

    WebElement card = browser.findElement(By.id("task-" + task.id()));
    card.sendKeys("]");
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> api.getTask(task.id()).status() == TaskStatus.committed);
    open("/tasks?project=" + project);
    browser.findElement(By.id("task-" + task.id())).sendKeys(Keys.ENTER);
    untilAt(url -> url.endsWith("/tasks/" + task.id()));
  }

  @Test
  @Order(24)
  void epicFeatureAndTaskAreCreatedThroughTheDialogs() {
    open("/tasks?project=" + project + "&new=task");
    submit(one("create-task-submit"));
    String form = browser.findElement(By.id("task-form")).getText();
    for (String error :
        List.of(
            "Title is required",
            "Epic is required",
            "Feature is required",
            "Role is required",
            "Difficulty is required",
            "Complexity is required")) {
      assertTrue(form.contains(error), error);
    }
    submit(one("add-epic"));
    submit(one("create-epic-submit"));
    assertTrue(browser.findElement(By.id("epic-form")).getText().contains("Epic name is required"));
    one("epic-name").sendKeys("Browser epic");
    submit(one("create-epic-submit"));
    EpicResponse epic =
        api.listEpics(project).stream()
            .filter(e -> e.name().equals("Browser epic"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        Long.toString(epic.id()),
        new Select(one("task-epic")).getFirstSelectedOption().getAttribute("value"));

    submit(one("add-feature"));
    new Select(one("feature-epic")).selectByVisibleText("Browser epic");
    one("feature-name").sendKeys("Browser feature");
    submit(one("create-feature-submit"));
    FeatureResponse feature = api.listFeatures(epic.id()).get(0);
    assertEquals("Browser feature", feature.name());
    assertEquals(
        Long.toString(feature.id()),
        new Select(one("task-feature")).getFirstSelectedOption().getAttribute("value"));

    one("task-title").sendKeys("Made in the browser");
    new Select(one("task-role")).selectByValue("qa");
    new Select(one("task-difficulty")).selectByValue("junior");
    new Select(one("task-complexity")).selectByValue("major");
    screenshot("tasks-new-task");
    submit(one("create-task-submit"));
    TaskResponse created =
        api.listTasks(null, null, project, null).stream()
            .filter(t -> t.title().equals("Made in the browser"))
            .findFirst()
            .orElseThrow();
    createdTask = created.id();
    assertEquals(AgentRole.qa, created.targetRole());
    assertEquals(feature.id(), created.featureId());
    assertTrue(
        created.branch() != null && created.branch().contains("made-in-the-browser"),
        created.branch());
    assertNotNull(
        browser.findElement(
            By.cssSelector("[data-testid='kanban-column-created'] #task-" + createdTask)));
  }

  @Test
  @Order(25)
  void timelineAndAnalyticsViewsShowRealData() {
    open("/tasks?project=" + project + "&view=timeline&range=24h");
    assertFalse(all("timeline-row").isEmpty());
    assertNotNull(one("timeline-table"));
    screenshot("tasks-timeline");
    open("/tasks?project=" + project + "&view=analytics");
    assertFalse(browser.getPageSource().contains("3.2d"));
    screenshot("tasks-analytics");
  }

  // --- Task detail
  // ----------------------------------------------------------------------------------

  @Test
  @Order(30)
  void taskDetailShowsFactsSafeMarkdownAndHistory() {
    open("/tasks/" + detailTask);
    TaskResponse task = api.getTask(detailTask);
    assertEquals("#" + detailTask, one("task-id").getText());
    assertEquals(task.title(), one("task-title").getText());
    assertEquals(task.branch(), one("task-branch").getText());
    assertTrue(one("task-breadcrumb").getText().contains("Authentication"));
    assertFalse(
        one("task-description").findElements(By.tagName("li")).isEmpty(), "Markdown list rendered");
    assertTrue(one("task-description").findElements(By.tagName("script")).isEmpty());
    assertTrue(one("task-description").findElements(By.cssSelector("img")).isEmpty());
    assertEquals(null, js("return window.pwned === undefined ? null : window.pwned"));
    List<WebElement> history = all("history-entry");
    assertTrue(history.get(0).getText().toLowerCase(java.util.Locale.ROOT).startsWith("created"));
    screenshot("task-detail");
  }

  @Test
  @Order(31)
  void aCommentWithAMentionCreatesTheMention() {
    int before = api.listMentions(project, "qa_senior_001", null, 500).size();
    open("/tasks/" + detailTask);
    one("comment-text").sendKeys("Please review @qa_senior_001");
    submit(one("comment-submit"));
    assertTrue(
        api.getTask(detailTask).notes().endsWith("dashboard-user: Please review @qa_senior_001"));
    assertEquals(before + 1, api.listMentions(project, "qa_senior_001", null, 500).size());
    assertTrue(all("comment").stream().anyMatch(c -> c.getText().contains("Please review")));
    assertTrue(all("comment-author").stream().anyMatch(a -> a.getText().equals(DASHBOARD_USER)));
  }

  @Test
  @Order(32)
  void unknownTaskShowsNotFound() {
    open("/tasks/999999");
    assertEquals("Task not found", one("task-not-found").getText());
  }

  // --- Agents, communications, analytics, health, settings
  // -------------------------------------------

  @Test
  @Order(40)
  void agentsPageFiltersAndAgentDetail() {
    open("/agents?project=" + project);
    assertEquals("4", one("stat-total-agents").getText());
    assertEquals(4, all("agent-card").size());
    open("/agents?project=" + project + "&role=qa");
    assertEquals(1, all("agent-card").size());
    assertEquals(1, all("filter-chip").size());
    open("/agents/qa_senior_001?project=" + project);
    assertEquals("qa_senior_001", one("agent-id").getText());
    assertFalse(all("mark-read").isEmpty());
    assertFalse(all("mark-read").get(0).isEnabled(), "only the mentioned agent may mark read");
    screenshot("agent-detail");
  }

  @Test
  @Order(41)
  void communicationsListsDocumentsAndUnreadMentions() {
    open("/communications?project=" + project);
    assertEquals(4, all("document-item").size());
    assertTrue(all("document-item").get(0).getText().contains("Update 4"));
    submit(all("document-link").get(0));
    assertTrue(browser.getCurrentUrl().contains("/documents/"));
    assertEquals("qa_senior_001", one("document-mention").getText().substring(1));
    screenshot("document-detail");
    open("/communications?project=" + project + "&tab=mentions&unread=1");
    long unread = api.listMentions(project, null, true, 500).size();
    assertEquals(unread, all("mention-item").size());
    open("/communications?project=" + project + "&tab=compose");
    List<String> types =
        new Select(one("document-type")).getOptions().stream().map(WebElement::getText).toList();
    assertEquals(List.of("update", "standup", "critical_issue", "service_status"), types);
    new Select(one("document-author")).selectByValue("architect_001");
    one("document-title").sendKeys("From the browser");
    one("document-content").sendKeys("Hello @backend_dev_002");
    submit(one("create-document-submit"));
    assertNotNull(one("document-created"));
    var stored = api.listDocuments(project, null, "architect_001", null);
    assertEquals("From the browser", stored.get(0).title());
    assertEquals(project, stored.get(0).projectId());
    screenshot("communications");
  }

  @Test
  @Order(42)
  void analyticsComputesFromTheChangelog() {
    open("/analytics?project=" + project);
    List<TaskResponse> tasks = api.listTasks(null, null, project, null);
    long committed = tasks.stream().filter(t -> t.status() == TaskStatus.committed).count();
    assertEquals(
        String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * committed / tasks.size()),
        one("completion-rate").getText());
    long velocity =
        api.changelog(1000, project, null).stream()
            .filter(c -> c.newStatus() == TaskStatus.committed && c.oldStatus() != null)
            .count();
    assertEquals(Long.toString(velocity), one("velocity").getText());
    screenshot("analytics");
    open("/analytics?project=" + emptyProject);
    assertNotNull(one("analytics-no-data"));
    assertEquals("0.0%", one("completion-rate").getText());
  }

  @Test
  @Order(43)
  void systemHealthShowsTheApiAndTheRegistry() {
    open("/system-health?project=" + project);
    assertEquals(api.health().version(), one("api-version").getText());
    assertEquals(api.health().database(), one("api-database").getText());
    open("/system-health?project=" + project + "&tab=services");
    assertEquals(1, all("service-row").size());
    screenshot("system-health");
  }

  @Test
  @Order(44)
  void settingsThemeAndActingIdentity() throws Exception {
    open("/settings");
    assertEquals("configured", one("settings-api-key").getText());
    assertFalse(browser.getPageSource().contains(stack.apiKey() + "<"));
    new Select(one("pref-theme")).selectByValue("dark");
    new Select(one("pref-actor")).selectByValue("qa_senior_001");
    submit(one("save-preferences"));
    assertEquals("dark", browser.findElement(By.tagName("html")).getAttribute("data-theme"));
    assertTrue(one("actor-chip").getText().contains("qa_senior_001"));
    open("/agents/qa_senior_001?project=" + project);
    assertTrue(all("mark-read").get(0).isEnabled());
    screenshot("agent-detail-dark");
    open("/tasks?project=" + project);
    screenshot("tasks-board-dark");
    open("/settings");
    submit(one("reset-preferences"));
    assertEquals("system", browser.findElement(By.tagName("html")).getAttribute("data-theme"));
    assertTrue(one("actor-chip").getText().contains(DASHBOARD_USER));
  }

  @Test
  @Order(45)
  void narrowScreenUsesTheCollapsedMenu() {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(375, 667));
    try {
      open("/?project=" + project);
      WebElement menu = one("nav-menu");
      assertTrue(menu.isDisplayed());
      menu.findElement(By.tagName("summary")).click();
      assertEquals(7, menu.findElements(By.tagName("a")).size());
      assertEquals(
          Boolean.FALSE, js("return document.documentElement.scrollWidth > window.innerWidth"));
      screenshot("overview-phone");
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }
  }

  @Test
  @Order(50)
  void healthEndpointReportsTheApi() throws Exception {
    HttpResponse<String> health = http("GET", "/api/health");
    assertEquals(200, health.statusCode());
    assertTrue(health.body().contains("\"status\":\"healthy\""), health.body());
    assertTrue(health.body().contains("\"service\":\"headless-pm-dashboard\""));
    assertTrue(health.body().contains("\"api_backend\":\"healthy\""));
    assertFalse(health.body().contains(stack.apiKey()));
    assertEquals(404, http("GET", "/test").statusCode());
  }

  // --- API down (last: stops the API)
  // ---------------------------------------------------------------

  @Test
  @Order(99)
  void pagesRenderABannerWhenTheApiIsStopped() throws Exception {
    stack.service(Kind.API).close();
    open("/tasks?project=" + project);
    WebElement banner = one("api-error-banner");
    assertTrue(banner.getText().contains(stack.apiUrl()), banner.getText());
    assertTrue(banner.findElement(By.linkText("Retry")).isDisplayed());
    assertEquals("API unreachable", one("health-indicator").getText().strip());
    assertEquals(1, browser.findElements(By.tagName("h1")).size());
    screenshot("api-down");
    HttpResponse<String> health = http("GET", "/api/health");
    assertEquals(200, health.statusCode());
    assertTrue(health.body().contains("\"status\":\"degraded\""), health.body());
    assertTrue(health.body().contains("\"api_backend\":\"unreachable"), health.body());
    assertEquals(503, http("HEAD", "/api/health").statusCode());
  }
}
