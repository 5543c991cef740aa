package org.headlesspm.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.headlesspm.api.AgentRole;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Which waiting agents a newly available task may wake (API.md 4.3.2, 4.5). */
class TaskAvailableTest {

  private static TaskAvailable task(
      TaskStatus status, AgentRole targetRole, DifficultyLevel difficulty) {
    return new TaskAvailable(1L, 10L, status, targetRole, difficulty);
  }

  @Test
  void qaAgentsAreSuitedByEveryDevDoneTaskWhateverItsRoleAndDifficulty() {
    for (AgentRole target : AgentRole.values()) {
      for (DifficultyLevel difficulty : DifficultyLevel.values()) {
        for (DifficultyLevel level : DifficultyLevel.values()) {
          assertTrue(
              task(TaskStatus.dev_done, target, difficulty).suits(AgentRole.qa, level),
              target + "/" + difficulty + " for a " + level + " QA agent");
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = AgentRole.class, names = "qa", mode = EnumSource.Mode.EXCLUDE)
  void otherAgentsAreNeverSuitedByDevDoneTasks(AgentRole role) {
    for (DifficultyLevel level : DifficultyLevel.values()) {
      assertFalse(
          task(TaskStatus.dev_done, role, DifficultyLevel.junior).suits(role, level),
          role + " " + level);
    }
  }

  @ParameterizedTest(name = "a {0} QA agent")
  @EnumSource(DifficultyLevel.class)
  void qaAgentsAreNotSuitedByCreatedTasksEvenWhenTargetedAtQa(DifficultyLevel level) {
    // 4.5 step 2: the only candidates of a QA agent are dev_done tasks.
    assertFalse(
        task(TaskStatus.created, AgentRole.qa, DifficultyLevel.junior).suits(AgentRole.qa, level));
  }

  @ParameterizedTest(name = "{0} agent, {1} task for {2} at {3}: {4}")
  @CsvSource({
    "backend_dev, senior, backend_dev, junior, true",
    "backend_dev, senior, backend_dev, senior, true",
    "backend_dev, senior, backend_dev, principal, false",
    "backend_dev, principal, frontend_dev, junior, false",
    "frontend_dev, junior, frontend_dev, junior, true",
    "frontend_dev, junior, frontend_dev, senior, false",
    "architect, principal, architect, principal, true",
    "project_pm, junior, project_pm, junior, true",
    "project_pm, principal, global_pm, junior, false",
    "global_pm, senior, global_pm, senior, true",
    "architect, principal, backend_dev, junior, false",
  })
  void othersAreSuitedByCreatedTasksOfTheirRoleUpToTheirLevel(
      AgentRole role,
      DifficultyLevel level,
      AgentRole target,
      DifficultyLevel difficulty,
      boolean suited) {
    assertEquals(suited, task(TaskStatus.created, target, difficulty).suits(role, level));
  }

  @Test
  void createdTasksSuitExactlyTheMatchingRoleAndLevels() {
    for (AgentRole role : AgentRole.values()) {
      if (role == AgentRole.qa) {
        continue;
      }
      for (AgentRole target : AgentRole.values()) {
        for (DifficultyLevel level : DifficultyLevel.values()) {
          for (DifficultyLevel difficulty : DifficultyLevel.values()) {
            boolean expected = role == target && difficulty.compareTo(level) <= 0;
            assertEquals(
                expected,
                task(TaskStatus.created, target, difficulty).suits(role, level),
                role + "/" + level + " vs " + target + "/" + difficulty);
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = TaskStatus.class,
      names = {"created", "dev_done"},
      mode = EnumSource.Mode.EXCLUDE)
  void tasksInOtherStatusesSuitNobody(TaskStatus status) {
    for (AgentRole role : AgentRole.values()) {
      assertFalse(
          task(status, role, DifficultyLevel.junior).suits(role, DifficultyLevel.principal),
          role.toString());
    }
    assertFalse(task(status, AgentRole.qa, DifficultyLevel.junior).makesWorkAvailable());
  }

  @Test
  void createdAndDevDoneTasksMakeWorkAvailable() {
    assertTrue(
        task(TaskStatus.created, AgentRole.backend_dev, DifficultyLevel.junior)
            .makesWorkAvailable());
    assertTrue(
        task(TaskStatus.dev_done, AgentRole.backend_dev, DifficultyLevel.junior)
            .makesWorkAvailable());
  }
}
