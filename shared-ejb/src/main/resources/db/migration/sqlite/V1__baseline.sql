-- Headless PM schema, version 1.
-- Tables, columns, constraint and index names follow the reference Python server (OPERATIONS.md 6.2)
-- so both can read the same file. Deliberate differences:
--   * primary keys are AUTOINCREMENT, so ids are never reused after a delete (API.md 1.9);
--   * task.created_by keeps the creator's handle and task.created_by_id is nullable, so deleting an
--     agent keeps the history (API.md 2.2);
--   * task.status_before_lock remembers what a lock replaced, so a reclaimed lock can restore it
--     (API.md 4.4.4).
-- Enumerations are lower-case text, timestamps UTC text 'YYYY-MM-DD HH:MM:SS.ffffff'.

CREATE TABLE project (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    name                 VARCHAR NOT NULL,
    description          TEXT    NOT NULL DEFAULT '',
    shared_path          VARCHAR NOT NULL,
    instructions_path    VARCHAR NOT NULL,
    project_docs_path    VARCHAR NOT NULL,
    code_guidelines_path VARCHAR,
    created_at           DATETIME NOT NULL,
    updated_at           DATETIME NOT NULL
);
CREATE UNIQUE INDEX ix_project_name ON project (name);

CREATE TABLE agent (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    agent_id        VARCHAR NOT NULL,
    project_id      INTEGER NOT NULL REFERENCES project (id),
    role            VARCHAR NOT NULL,
    level           VARCHAR NOT NULL,
    connection_type VARCHAR NOT NULL DEFAULT 'client',
    status          VARCHAR NOT NULL DEFAULT 'idle',
    current_task_id INTEGER REFERENCES task (id),
    last_seen       DATETIME NOT NULL,
    last_activity   DATETIME NOT NULL,
    CONSTRAINT uq_agent_project UNIQUE (agent_id, project_id)
);
CREATE INDEX ix_agent_agent_id ON agent (agent_id);
CREATE INDEX ix_agent_project_id ON agent (project_id);
CREATE INDEX ix_agent_status ON agent (status);

CREATE TABLE epic (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id  INTEGER NOT NULL REFERENCES project (id),
    name        VARCHAR NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    created_at  DATETIME NOT NULL
);
CREATE INDEX ix_epic_project_id ON epic (project_id);

CREATE TABLE feature (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    epic_id     INTEGER NOT NULL REFERENCES epic (id),
    name        VARCHAR NOT NULL,
    description TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX ix_feature_epic_id ON feature (epic_id);

CREATE TABLE task (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    feature_id         INTEGER NOT NULL REFERENCES feature (id),
    title              VARCHAR NOT NULL,
    description        TEXT    NOT NULL DEFAULT '',
    created_by_id      INTEGER REFERENCES agent (id),
    created_by         VARCHAR NOT NULL DEFAULT '',
    target_role        VARCHAR NOT NULL,
    difficulty         VARCHAR NOT NULL,
    complexity         VARCHAR NOT NULL DEFAULT 'major',
    branch             VARCHAR NOT NULL,
    status             VARCHAR NOT NULL,
    locked_by_id       INTEGER REFERENCES agent (id),
    locked_at          DATETIME,
    status_before_lock VARCHAR,
    notes              TEXT,
    created_at         DATETIME NOT NULL,
    updated_at         DATETIME NOT NULL
);
CREATE INDEX ix_task_feature_id ON task (feature_id);
CREATE INDEX ix_task_status ON task (status);
CREATE INDEX ix_task_locked_by_id ON task (locked_by_id);

CREATE TABLE taskevaluation (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id      INTEGER NOT NULL REFERENCES task (id),
    evaluated_by VARCHAR NOT NULL,
    approved     BOOLEAN NOT NULL,
    comment      TEXT,
    evaluated_at DATETIME NOT NULL
);

CREATE TABLE changelog (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id    INTEGER NOT NULL REFERENCES task (id),
    old_status VARCHAR NOT NULL,
    new_status VARCHAR NOT NULL,
    changed_by VARCHAR NOT NULL,
    notes      TEXT,
    changed_at DATETIME NOT NULL
);
CREATE INDEX ix_changelog_task_id ON changelog (task_id);
CREATE INDEX ix_changelog_changed_at ON changelog (changed_at);

CREATE TABLE document (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL REFERENCES project (id),
    doc_type   VARCHAR NOT NULL,
    author_id  VARCHAR NOT NULL,
    title      VARCHAR NOT NULL,
    content    TEXT    NOT NULL,
    meta_data  JSON,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    expires_at DATETIME
);
CREATE INDEX ix_document_project_id ON document (project_id);
CREATE INDEX ix_document_doc_type ON document (doc_type);
CREATE INDEX ix_document_author_id ON document (author_id);

CREATE TABLE service (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id        INTEGER NOT NULL REFERENCES project (id),
    service_name      VARCHAR NOT NULL,
    owner_agent_id    VARCHAR NOT NULL,
    ping_url          VARCHAR NOT NULL,
    port              INTEGER,
    status            VARCHAR NOT NULL DEFAULT 'down',
    last_heartbeat    DATETIME,
    last_ping_at      DATETIME,
    last_ping_success BOOLEAN,
    meta_data         JSON,
    updated_at        DATETIME NOT NULL,
    CONSTRAINT uq_service_project UNIQUE (service_name, project_id)
);
CREATE INDEX ix_service_project_id ON service (project_id);
CREATE INDEX ix_service_service_name ON service (service_name);

CREATE TABLE mention (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id         INTEGER NOT NULL REFERENCES project (id),
    document_id        INTEGER REFERENCES document (id),
    task_id            INTEGER REFERENCES task (id),
    mentioned_agent_id VARCHAR NOT NULL,
    created_by         VARCHAR NOT NULL,
    is_read            BOOLEAN NOT NULL DEFAULT 0,
    created_at         DATETIME NOT NULL
);
CREATE INDEX ix_mention_project_id ON mention (project_id);
CREATE INDEX ix_mention_mentioned_agent_id ON mention (mentioned_agent_id);
CREATE INDEX ix_mention_document_id ON mention (document_id);
CREATE INDEX ix_mention_task_id ON mention (task_id);
