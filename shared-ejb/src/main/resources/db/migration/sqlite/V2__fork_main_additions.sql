-- Version 2: what the fork's main branch added (API-ADDENDUM.md A4.9), with its column and table
-- names so that databases written by it keep their data.
--   * project repository settings (A4.5); values are generated or back-filled at start-up;
--   * task.task_type: regular or management (A4.3);
--   * timeentry: time spent on a task, deleted with it (A2.2).

ALTER TABLE project ADD COLUMN repository_url TEXT;
ALTER TABLE project ADD COLUMN repository_main_branch TEXT DEFAULT 'main';
ALTER TABLE project ADD COLUMN repository_clone_path TEXT;

ALTER TABLE task ADD COLUMN task_type VARCHAR NOT NULL DEFAULT 'regular';

CREATE TABLE timeentry (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id     INTEGER NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    minutes     INTEGER NOT NULL,
    description VARCHAR,
    created_by  VARCHAR NOT NULL,
    created_at  DATETIME NOT NULL
);
CREATE INDEX ix_timeentry_task_id ON timeentry (task_id);
