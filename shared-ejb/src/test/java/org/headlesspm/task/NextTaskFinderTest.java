package org.headlesspm.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.headlesspm.api.DifficultyLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The levels a next-task check offers to an agent (API.md 4.5 step 3). */
class NextTaskFinderTest {

  @Test
  void juniorAgentsMayTakeOnlyJuniorTasks() {
    assertEquals(
        List.of(DifficultyLevel.junior), NextTaskFinder.levelsUpTo(DifficultyLevel.junior));
  }

  @Test
  void seniorAgentsMayTakeJuniorAndSeniorTasks() {
    assertEquals(
        List.of(DifficultyLevel.junior, DifficultyLevel.senior),
        NextTaskFinder.levelsUpTo(DifficultyLevel.senior));
  }

  @Test
  void principalAgentsMayTakeEveryTask() {
    assertEquals(
        List.of(DifficultyLevel.junior, DifficultyLevel.senior, DifficultyLevel.principal),
        NextTaskFinder.levelsUpTo(DifficultyLevel.principal));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(DifficultyLevel.class)
  void levelsUpToAlwaysIncludeTheAgentsOwnLevelAndNothingAbove(DifficultyLevel level) {
    List<DifficultyLevel> levels = NextTaskFinder.levelsUpTo(level);
    assertTrue(levels.contains(level));
    assertTrue(levels.stream().allMatch(l -> l.compareTo(level) <= 0), levels.toString());
  }
}
