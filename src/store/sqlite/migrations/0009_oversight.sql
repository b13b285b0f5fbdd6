-- 0009: human oversight and competence (issue 5, ISO/IEC 42001 7.2, A.4.6, A.9; EU AI Act
-- Art. 4 and Art. 14): courses, the training register, and one oversight arrangement per system.

CREATE TABLE courses (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  title TEXT NOT NULL, kind TEXT NOT NULL, provider TEXT NOT NULL, description TEXT NOT NULL,
  validity_months INTEGER NOT NULL, required_of_all INTEGER NOT NULL, requirements TEXT NOT NULL
);
CREATE UNIQUE INDEX courses_key ON courses (title COLLATE NOCASE);
CREATE TABLE courses__for_roles (
  owner_id INTEGER NOT NULL REFERENCES courses (id),
  target_id INTEGER NOT NULL REFERENCES roles (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX courses__for_roles_target ON courses__for_roles (target_id);

CREATE TABLE trainings (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  person INTEGER REFERENCES people (id), course INTEGER REFERENCES courses (id),
  completed_on TEXT, evidence INTEGER REFERENCES evidence (id), notes TEXT NOT NULL
);
CREATE INDEX trainings_person ON trainings (person, course, completed_on);
CREATE INDEX trainings_course ON trainings (course);

CREATE TABLE oversight_arrangements (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  system INTEGER REFERENCES ai_systems (id), stop_procedure TEXT NOT NULL,
  override_procedure TEXT NOT NULL, escalation_procedure TEXT NOT NULL, monitoring TEXT NOT NULL
);
-- One live arrangement per system: "who may stop it" has one answer.
CREATE UNIQUE INDEX oversight_arrangements_system ON oversight_arrangements (system)
  WHERE retired_at IS NULL;
CREATE TABLE oversight_arrangements__can_stop (
  owner_id INTEGER NOT NULL REFERENCES oversight_arrangements (id),
  target_id INTEGER NOT NULL REFERENCES people (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX oversight_arrangements__can_stop_target ON oversight_arrangements__can_stop (target_id);
CREATE TABLE oversight_arrangements__can_override (
  owner_id INTEGER NOT NULL REFERENCES oversight_arrangements (id),
  target_id INTEGER NOT NULL REFERENCES people (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX oversight_arrangements__can_override_target ON oversight_arrangements__can_override (target_id);
CREATE TABLE oversight_arrangements__escalate_to (
  owner_id INTEGER NOT NULL REFERENCES oversight_arrangements (id),
  target_id INTEGER NOT NULL REFERENCES people (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX oversight_arrangements__escalate_to_target ON oversight_arrangements__escalate_to (target_id);
CREATE TABLE oversight_arrangements__required_courses (
  owner_id INTEGER NOT NULL REFERENCES oversight_arrangements (id),
  target_id INTEGER NOT NULL REFERENCES courses (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX oversight_arrangements__required_courses_target ON oversight_arrangements__required_courses (target_id);
