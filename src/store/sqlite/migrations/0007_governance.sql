-- 0007: governance (issue 5, ISO/IEC 42001 5.2, 5.3, A.2, A.3.2): policies as versioned,
-- approved documents with a review cycle, and the RACI matrix.

CREATE TABLE policies (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  title TEXT NOT NULL, kind TEXT NOT NULL, version TEXT NOT NULL, summary TEXT NOT NULL,
  document INTEGER REFERENCES evidence (id), owner INTEGER REFERENCES people (id),
  requirements TEXT NOT NULL, review_months INTEGER NOT NULL, status TEXT NOT NULL,
  approved_by INTEGER REFERENCES people (id), approved_on TEXT, next_review TEXT
);
CREATE UNIQUE INDEX policies_key ON policies (title COLLATE NOCASE);
CREATE INDEX policies_review ON policies (status, next_review);

CREATE TABLE responsibilities (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  activity TEXT NOT NULL, system INTEGER REFERENCES ai_systems (id),
  accountable INTEGER REFERENCES people (id), notes TEXT NOT NULL
);
-- One row per activity and system (or the AIMS): its one accountable person is never ambiguous.
CREATE UNIQUE INDEX responsibilities_activity ON responsibilities
  (lower(trim(activity)), coalesce(system, 0)) WHERE retired_at IS NULL;
CREATE INDEX responsibilities_accountable ON responsibilities (accountable);
CREATE TABLE responsibilities__responsible (
  owner_id INTEGER NOT NULL REFERENCES responsibilities (id),
  target_id INTEGER NOT NULL REFERENCES people (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX responsibilities__responsible_target ON responsibilities__responsible (target_id);
CREATE TABLE responsibilities__consulted (
  owner_id INTEGER NOT NULL REFERENCES responsibilities (id),
  target_id INTEGER NOT NULL REFERENCES people (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX responsibilities__consulted_target ON responsibilities__consulted (target_id);
CREATE TABLE responsibilities__informed (
  owner_id INTEGER NOT NULL REFERENCES responsibilities (id),
  target_id INTEGER NOT NULL REFERENCES people (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX responsibilities__informed_target ON responsibilities__informed (target_id);
