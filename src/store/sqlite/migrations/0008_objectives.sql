-- 0008: AI objectives (issue 5, ISO/IEC 42001 6.2) and their measurements over time.

CREATE TABLE objectives (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  title TEXT NOT NULL, description TEXT NOT NULL, metric TEXT NOT NULL, unit TEXT NOT NULL,
  direction TEXT NOT NULL, target TEXT NOT NULL, owner INTEGER REFERENCES people (id), due TEXT,
  requirements TEXT NOT NULL
);
CREATE UNIQUE INDEX objectives_key ON objectives (title COLLATE NOCASE);
CREATE INDEX objectives_owner ON objectives (owner);
CREATE TABLE objectives__systems (
  owner_id INTEGER NOT NULL REFERENCES objectives (id),
  target_id INTEGER NOT NULL REFERENCES ai_systems (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX objectives__systems_target ON objectives__systems (target_id);

CREATE TABLE measurements (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  objective INTEGER REFERENCES objectives (id), measured_on TEXT, value TEXT NOT NULL,
  note TEXT NOT NULL, evidence INTEGER REFERENCES evidence (id)
);
CREATE INDEX measurements_objective ON measurements (objective, measured_on);
