package org.headlesspm.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Enumerated inputs (API.md 1.8, 2.1) and the rules the enums carry. */
class WireEnumTest {

  /** Every enum of the api package; {@link #theListCoversEveryEnumOfTheApiPackage} guards it. */
  @SuppressWarnings("unchecked")
  private static final List<Class<? extends Enum<?>>> ENUMS =
      List.of(
          AgentRole.class,
          AgentStatus.class,
          ConnectionType.class,
          DifficultyLevel.class,
          DocumentType.class,
          ServiceStatus.class,
          TaskComplexity.class,
          TaskStatus.class,
          TaskType.class);

  @Test
  void theListCoversEveryEnumOfTheApiPackage() throws IOException, URISyntaxException {
    // The main classes, not the test classes of the same package.
    URL classes = WireEnum.class.getProtectionDomain().getCodeSource().getLocation();
    assertEquals("file", classes.getProtocol(), "the api classes are read from a folder");
    Path folder =
        Path.of(classes.toURI()).resolve(WireEnum.class.getPackageName().replace('.', '/'));
    assertTrue(Files.isDirectory(folder), folder.toString());
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class") && !name.contains("$")) {
          try {
            Class<?> type =
                Class.forName(
                    WireEnum.class.getPackageName() + "." + name.replace(".class", ""),
                    false,
                    WireEnum.class.getClassLoader());
            if (type.isEnum()) {
              found.add(type.getSimpleName());
            }
          } catch (ClassNotFoundException | LinkageError e) {
            throw new AssertionError("cannot load " + name, e);
          }
        }
      }
    }
    Set<String> listed =
        ENUMS.stream().map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(listed, found);
  }

  static Stream<Arguments> everyConstantOfEveryEnum() {
    List<Arguments> all = new ArrayList<>();
    for (Class<? extends Enum<?>> type : ENUMS) {
      for (Enum<?> constant : type.getEnumConstants()) {
        all.add(Arguments.of(type.getSimpleName(), type, constant));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}.{2}")
  @MethodSource("everyConstantOfEveryEnum")
  void everyConstantIsSpelledInLowerCaseAsOnTheWire(String enumName, Class<?> type, Enum<?> c) {
    assertEquals(c.name().toLowerCase(Locale.ROOT), c.name());
    assertEquals(c.name(), c.toString());
  }

  @ParameterizedTest(name = "{0}.{2}")
  @MethodSource("everyConstantOfEveryEnum")
  void parsesEveryConstantWhateverItsCase(String enumName, Class<?> type, Enum<?> constant) {
    String name = constant.name();
    String capitalised = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    for (String raw :
        List.of(name, name.toUpperCase(Locale.ROOT), capitalised, alternating(name), " " + name)) {
      assertSame(constant, parse(type, raw), raw);
    }
  }

  @ParameterizedTest(name = "{0} -> {1}.{2}")
  @CsvSource({
    "BACKEND_DEV, AgentRole, backend_dev",
    "Frontend_Dev, AgentRole, frontend_dev",
    "QA, AgentRole, qa",
    "Global_PM, AgentRole, global_pm",
    "Up, ServiceStatus, up",
    "STARTING, ServiceStatus, starting",
    "Created, TaskStatus, created",
    "UNDER_WORK, TaskStatus, under_work",
    "Dev_Done, TaskStatus, dev_done",
    "PRINCIPAL, DifficultyLevel, principal",
    "Critical_Issue, DocumentType, critical_issue",
    "MCP, ConnectionType, mcp",
    "Minor, TaskComplexity, minor",
    "OFFLINE, AgentStatus, offline",
  })
  void parsesTheContractExamples(String raw, String enumName, String expected) {
    Class<? extends Enum<?>> type = byName(enumName);
    assertEquals(expected, parse(type, raw).name());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"pm", "PM", "Pm", " pm "})
  void mapsLegacyPmToProjectPm(String raw) {
    assertSame(AgentRole.project_pm, AgentRole.parse(raw));
    assertSame(AgentRole.project_pm, WireEnum.parse(AgentRole.class, raw));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "evaluation, qa_done",
    "EVALUATION, qa_done",
    "Evaluation, qa_done",
    "approved, committed",
    "APPROVED, committed",
    "Approved, committed",
  })
  void mapsLegacyTaskStatuses(String raw, TaskStatus expected) {
    assertSame(expected, TaskStatus.parse(raw));
    assertSame(expected, WireEnum.parse(TaskStatus.class, raw));
  }

  @Test
  void legacyValuesAreNeverConstants() {
    for (Class<? extends Enum<?>> type : ENUMS) {
      for (Enum<?> constant : type.getEnumConstants()) {
        assertFalse(
            Set.of("pm", "evaluation", "approved").contains(constant.name()),
            type.getSimpleName() + "." + constant);
      }
    }
  }

  @ParameterizedTest(name = "\"{1}\" is not a {0}")
  @CsvSource({
    "TaskStatus, pm",
    "DifficultyLevel, pm",
    "AgentRole, evaluation",
    "AgentRole, approved",
    "DocumentType, approved",
    "ServiceStatus, evaluation",
    "AgentStatus, pm",
  })
  void appliesLegacyMappingsOnlyToTheirOwnEnum(String enumName, String raw) {
    Class<? extends Enum<?>> type = byName(enumName);
    assertThrows(IllegalArgumentException.class, () -> parse(type, raw));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enumTypes")
  void refusesUnknownValuesNamingEveryAllowedValue(Class<? extends Enum<?>> type) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> parse(type, "no_such_value"));
    assertTrue(error.getMessage().startsWith("Input should be "), error.getMessage());
    for (Enum<?> constant : type.getEnumConstants()) {
      assertTrue(
          error.getMessage().contains("'" + constant.name() + "'"),
          error.getMessage() + " lacks " + constant);
    }
    assertFalse(error.getMessage().contains("no_such_value"), error.getMessage());
  }

  @ParameterizedTest(name = "\"{0}\"")
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "backend dev", "backend-dev", "backenddev", "backend_dev_x"})
  void refusesNearMisses(String raw) {
    assertThrows(IllegalArgumentException.class, () -> AgentRole.parse(raw));
  }

  @Test
  void wordsTheAllowedValuesAsFastApiDoes() {
    assertEquals("'minor' or 'major'", WireEnum.allowed(TaskComplexity.class));
    assertEquals("'junior', 'senior' or 'principal'", WireEnum.allowed(DifficultyLevel.class));
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> DifficultyLevel.parse("expert"));
    assertEquals("Input should be 'junior', 'senior' or 'principal'", error.getMessage());
  }

  @ParameterizedTest(name = "a {0} agent may take a {1} task: {2}")
  @CsvSource({
    "junior, junior, true",
    "junior, senior, false",
    "junior, principal, false",
    "senior, junior, true",
    "senior, senior, true",
    "senior, principal, false",
    "principal, junior, true",
    "principal, senior, true",
    "principal, principal, true",
  })
  void difficultyFollowsTheSkillHierarchy(
      DifficultyLevel agent, DifficultyLevel task, boolean allowed) {
    assertEquals(allowed, agent.canTake(task));
  }

  @Test
  void levelsAreRankedJuniorSeniorPrincipal() {
    assertEquals(
        List.of(DifficultyLevel.junior, DifficultyLevel.senior, DifficultyLevel.principal),
        Arrays.asList(DifficultyLevel.values()));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TaskStatus.class)
  void onlyPendingAndCommittedTasksAreNotLockable(TaskStatus status) {
    boolean expected = status != TaskStatus.pending && status != TaskStatus.committed;
    assertEquals(expected, status.isLockable());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(TaskStatus.class)
  void tasksBetweenCreatedAndCommittedAreInProgress(TaskStatus status) {
    Set<TaskStatus> inProgress =
        EnumSet.of(
            TaskStatus.under_work,
            TaskStatus.dev_done,
            TaskStatus.qa_done,
            TaskStatus.documentation_done);
    assertEquals(inProgress.contains(status), status.isInProgress());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(AgentRole.class)
  void onlyProjectAndGlobalPmArePmRoles(AgentRole role) {
    assertEquals(role == AgentRole.project_pm || role == AgentRole.global_pm, role.isPm());
  }

  @Test
  void eachEnumsOwnParseAgreesWithWireEnum() {
    Function<String, Object> parse;
    parse = AgentStatus::parse;
    assertSame(AgentStatus.working, parse.apply("Working"));
    parse = ConnectionType::parse;
    assertSame(ConnectionType.client, parse.apply("CLIENT"));
    parse = DocumentType::parse;
    assertSame(DocumentType.standup, parse.apply("StandUp"));
    parse = ServiceStatus::parse;
    assertSame(ServiceStatus.down, parse.apply("DOWN"));
    parse = TaskComplexity::parse;
    assertSame(TaskComplexity.major, parse.apply("Major"));
    parse = DifficultyLevel::parse;
    assertSame(DifficultyLevel.senior, parse.apply("SENIOR"));
  }

  static Stream<Class<? extends Enum<?>>> enumTypes() {
    return ENUMS.stream();
  }

  private static Class<? extends Enum<?>> byName(String simpleName) {
    return ENUMS.stream()
        .filter(type -> type.getSimpleName().equals(simpleName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not an api enum: " + simpleName));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Enum<?> parse(Class<?> type, String raw) {
    return WireEnum.parse((Class) type, raw);
  }

  private static String alternating(String name) {
    StringBuilder mixed = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      mixed.append(i % 2 == 0 ? Character.toUpperCase(c) : c);
    }
    return mixed.toString();
  }
}
