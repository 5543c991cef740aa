package org.headlesspm.api;

/**
 * Body of {@code POST /api/v1/tasks/create}; a null complexity means {@code major}, a null type
 * {@code regular}, and a blank branch is generated from the title (API-ADDENDUM.md A4.6).
 */
public record TaskCreate(
    Long featureId,
    String title,
    String description,
    AgentRole targetRole,
    DifficultyLevel difficulty,
    TaskComplexity complexity,
    String branch,
    TaskType taskType) {

  public TaskCreate(
      Long featureId,
      String title,
      String description,
      AgentRole targetRole,
      DifficultyLevel difficulty,
      TaskComplexity complexity,
      String branch) {
    this(featureId, title, description, targetRole, difficulty, complexity, branch, null);
  }
}
