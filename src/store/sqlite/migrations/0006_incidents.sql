-- 0006: incidents (issue 5, ISO/IEC 42001 A.8.4, EU AI Act Art. 73) and the organisation's time
-- zone, in which times are shown and legal periods are counted.

ALTER TABLE organisations ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';

CREATE TABLE incidents (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  title TEXT NOT NULL, description TEXT NOT NULL, severity TEXT NOT NULL, status TEXT NOT NULL,
  owner INTEGER REFERENCES people (id), affected_people TEXT NOT NULL, occurred_at TEXT,
  aware_at TEXT, serious_incident TEXT NOT NULL, reported_at TEXT, reported_to TEXT NOT NULL,
  timeline TEXT NOT NULL, root_cause TEXT NOT NULL, corrective_actions TEXT NOT NULL,
  communications TEXT NOT NULL
);
CREATE INDEX incidents_status ON incidents (status, retired_at);
CREATE INDEX incidents_owner ON incidents (owner);
CREATE TABLE incidents__systems (
  owner_id INTEGER NOT NULL REFERENCES incidents (id),
  target_id INTEGER NOT NULL REFERENCES ai_systems (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX incidents__systems_target ON incidents__systems (target_id);
CREATE TABLE incidents__risks (
  owner_id INTEGER NOT NULL REFERENCES incidents (id),
  target_id INTEGER NOT NULL REFERENCES risks (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX incidents__risks_target ON incidents__risks (target_id);
