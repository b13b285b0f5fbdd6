-- 0005: oversight (issue 5). Lifecycle gate requests, with their checklist and story, and the
-- gate policy the AIMS manager edits.

CREATE TABLE gate_requests (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  system INTEGER REFERENCES ai_systems (id), from_stage TEXT NOT NULL, to_stage TEXT NOT NULL,
  status TEXT NOT NULL, requested_by INTEGER REFERENCES people (id), reason TEXT NOT NULL,
  approvers_needed INTEGER NOT NULL, decided_by INTEGER REFERENCES people (id),
  decision_note TEXT NOT NULL, decided_on TEXT, checklist TEXT NOT NULL, events TEXT NOT NULL
);
CREATE INDEX gate_requests_system ON gate_requests (system, status);
CREATE INDEX gate_requests_status ON gate_requests (status, retired_at);
CREATE TABLE gate_requests__approved_by (
  owner_id INTEGER NOT NULL REFERENCES gate_requests (id),
  target_id INTEGER NOT NULL REFERENCES people (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX gate_requests__approved_by_target ON gate_requests__approved_by (target_id);

CREATE TABLE gate_policies (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  name TEXT NOT NULL, rules TEXT NOT NULL
);
CREATE UNIQUE INDEX gate_policies_key ON gate_policies (name COLLATE NOCASE);

-- Concerns (A.3.3): reports by anyone, kept apart from the register so that only handlers read
-- them. The receipt code is stored as its SHA-256; the reporter's address is never stored.
CREATE TABLE concerns (
  id INTEGER PRIMARY KEY, receipt_sha256 BLOB NOT NULL UNIQUE, record_version INTEGER NOT NULL,
  created_us INTEGER NOT NULL, updated_us INTEGER NOT NULL, category TEXT NOT NULL,
  system_named TEXT NOT NULL, system INTEGER REFERENCES ai_systems (id), status TEXT NOT NULL,
  hide_from_owner INTEGER NOT NULL
);
CREATE INDEX concerns_status ON concerns (status, id);
CREATE TABLE concern_messages (
  id INTEGER PRIMARY KEY, concern INTEGER NOT NULL REFERENCES concerns (id),
  at_us INTEGER NOT NULL, author TEXT NOT NULL, body TEXT NOT NULL
);
CREATE INDEX concern_messages_concern ON concern_messages (concern, id);
