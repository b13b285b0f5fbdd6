-- 0001: the governance register and its ledger.
-- Layout convention (store/table_sql.h): every record table starts with
-- id, record_version, created_at, updated_at, retired_at, then one column per scalar field;
-- each reference-list field is a table <table>__<field>(owner_id, target_id).
-- Shipped migrations are never edited: fix a mistake in a new, higher-numbered file.

CREATE TABLE organisations (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  name TEXT NOT NULL, legal_name TEXT NOT NULL, sector TEXT NOT NULL,
  description TEXT NOT NULL, isms_scope TEXT NOT NULL
);
CREATE UNIQUE INDEX organisations_key ON organisations (name COLLATE NOCASE);

CREATE TABLE catalogs (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  kind TEXT NOT NULL, library TEXT NOT NULL, edition TEXT NOT NULL, revision INTEGER NOT NULL,
  title TEXT NOT NULL, origin TEXT NOT NULL, sha256 TEXT NOT NULL, content TEXT NOT NULL
);
CREATE UNIQUE INDEX catalogs_key ON catalogs (library COLLATE NOCASE, edition COLLATE NOCASE, revision);

CREATE TABLE roles (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  name TEXT NOT NULL, description TEXT NOT NULL, responsibilities TEXT NOT NULL
);
CREATE UNIQUE INDEX roles_key ON roles (name COLLATE NOCASE);

CREATE TABLE people (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  name TEXT NOT NULL, email TEXT NOT NULL, job_title TEXT NOT NULL, business_unit TEXT NOT NULL
);
CREATE UNIQUE INDEX people_key ON people (email COLLATE NOCASE);
CREATE TABLE people__roles (
  owner_id INTEGER NOT NULL REFERENCES people (id),
  target_id INTEGER NOT NULL REFERENCES roles (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX people__roles_target ON people__roles (target_id);

CREATE TABLE scope_statements (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  revision INTEGER NOT NULL, statement TEXT NOT NULL, boundaries TEXT NOT NULL,
  exclusions TEXT NOT NULL, effective_date TEXT,
  approved_by INTEGER REFERENCES people (id)
);
CREATE UNIQUE INDEX scope_statements_key ON scope_statements (revision);

CREATE TABLE context_issues (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  title TEXT NOT NULL, origin TEXT NOT NULL, category TEXT NOT NULL, description TEXT NOT NULL
);
CREATE UNIQUE INDEX context_issues_key ON context_issues (title COLLATE NOCASE);

CREATE TABLE interested_parties (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  name TEXT NOT NULL, origin TEXT NOT NULL, description TEXT NOT NULL
);
CREATE UNIQUE INDEX interested_parties_key ON interested_parties (name COLLATE NOCASE);

CREATE TABLE party_requirements (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  party INTEGER REFERENCES interested_parties (id), requirement TEXT NOT NULL,
  addressed INTEGER NOT NULL, how_addressed TEXT NOT NULL
);
CREATE INDEX party_requirements_party ON party_requirements (party);

CREATE TABLE suppliers (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT NOT NULL, contact TEXT NOT NULL,
  contract_ref TEXT NOT NULL, due_diligence TEXT NOT NULL
);
CREATE UNIQUE INDEX suppliers_key ON suppliers (name COLLATE NOCASE);

CREATE TABLE datasets (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  name TEXT NOT NULL, description TEXT NOT NULL, provenance TEXT NOT NULL,
  personal_data INTEGER NOT NULL, personal_data_categories TEXT NOT NULL, licence TEXT NOT NULL,
  quality_notes TEXT NOT NULL, supplier INTEGER REFERENCES suppliers (id)
);
CREATE UNIQUE INDEX datasets_key ON datasets (name COLLATE NOCASE);

CREATE TABLE models (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  name TEXT NOT NULL, version TEXT NOT NULL, model_type TEXT NOT NULL, source TEXT NOT NULL,
  provenance TEXT NOT NULL, licence TEXT NOT NULL, supplier INTEGER REFERENCES suppliers (id)
);
CREATE UNIQUE INDEX models_key ON models (name COLLATE NOCASE, version COLLATE NOCASE);
CREATE TABLE models__datasets (
  owner_id INTEGER NOT NULL REFERENCES models (id),
  target_id INTEGER NOT NULL REFERENCES datasets (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX models__datasets_target ON models__datasets (target_id);

CREATE TABLE ai_systems (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  name TEXT NOT NULL, purpose TEXT NOT NULL, intended_use TEXT NOT NULL,
  description TEXT NOT NULL, iso22989_roles TEXT NOT NULL, ai_act_role TEXT NOT NULL,
  ai_act_tier TEXT NOT NULL, owner INTEGER REFERENCES people (id), business_unit TEXT NOT NULL,
  lifecycle_stage TEXT NOT NULL, autonomy TEXT NOT NULL, human_oversight TEXT NOT NULL,
  affected_stakeholders TEXT NOT NULL, deployment_context TEXT NOT NULL
);
CREATE UNIQUE INDEX ai_systems_key ON ai_systems (name COLLATE NOCASE);
CREATE INDEX ai_systems_owner ON ai_systems (owner);
CREATE TABLE ai_systems__models (
  owner_id INTEGER NOT NULL REFERENCES ai_systems (id),
  target_id INTEGER NOT NULL REFERENCES models (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX ai_systems__models_target ON ai_systems__models (target_id);
CREATE TABLE ai_systems__datasets (
  owner_id INTEGER NOT NULL REFERENCES ai_systems (id),
  target_id INTEGER NOT NULL REFERENCES datasets (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX ai_systems__datasets_target ON ai_systems__datasets (target_id);
CREATE TABLE ai_systems__suppliers (
  owner_id INTEGER NOT NULL REFERENCES ai_systems (id),
  target_id INTEGER NOT NULL REFERENCES suppliers (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX ai_systems__suppliers_target ON ai_systems__suppliers (target_id);

CREATE TABLE pipelines (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  name TEXT NOT NULL, description TEXT NOT NULL, system INTEGER REFERENCES ai_systems (id),
  tooling TEXT NOT NULL
);
CREATE UNIQUE INDEX pipelines_key ON pipelines (name COLLATE NOCASE);
CREATE TABLE pipelines__models (
  owner_id INTEGER NOT NULL REFERENCES pipelines (id),
  target_id INTEGER NOT NULL REFERENCES models (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE TABLE pipelines__datasets (
  owner_id INTEGER NOT NULL REFERENCES pipelines (id),
  target_id INTEGER NOT NULL REFERENCES datasets (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;

CREATE TABLE controls (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  code TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL,
  owner INTEGER REFERENCES people (id), status TEXT NOT NULL, requirements TEXT NOT NULL
);
CREATE UNIQUE INDEX controls_key ON controls (code COLLATE NOCASE);

CREATE TABLE risks (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  title TEXT NOT NULL, description TEXT NOT NULL, source TEXT NOT NULL,
  likelihood INTEGER NOT NULL, impact INTEGER NOT NULL, owner INTEGER REFERENCES people (id),
  treatment TEXT NOT NULL, treatment_plan TEXT NOT NULL, status TEXT NOT NULL,
  review_date TEXT
);
CREATE TABLE risks__systems (
  owner_id INTEGER NOT NULL REFERENCES risks (id),
  target_id INTEGER NOT NULL REFERENCES ai_systems (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX risks__systems_target ON risks__systems (target_id);
CREATE TABLE risks__controls (
  owner_id INTEGER NOT NULL REFERENCES risks (id),
  target_id INTEGER NOT NULL REFERENCES controls (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX risks__controls_target ON risks__controls (target_id);

CREATE TABLE soa_entries (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  framework TEXT NOT NULL, requirement TEXT NOT NULL, catalog_version TEXT NOT NULL,
  catalog_revision INTEGER NOT NULL, applicable TEXT NOT NULL, justification TEXT NOT NULL
);
CREATE UNIQUE INDEX soa_entries_key ON soa_entries (framework COLLATE NOCASE, requirement COLLATE NOCASE);

CREATE TABLE evidence (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  title TEXT NOT NULL, description TEXT NOT NULL, file_name TEXT NOT NULL,
  media_type TEXT NOT NULL, size_bytes INTEGER NOT NULL, sha256 TEXT NOT NULL,
  collected_by INTEGER REFERENCES people (id), source TEXT NOT NULL, effective_date TEXT,
  observed_from TEXT, observed_to TEXT, expires_on TEXT
);
CREATE INDEX evidence_sha256 ON evidence (sha256);
CREATE TABLE evidence__controls (
  owner_id INTEGER NOT NULL REFERENCES evidence (id),
  target_id INTEGER NOT NULL REFERENCES controls (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX evidence__controls_target ON evidence__controls (target_id);

-- The ledger (docs/ledger-format.md). Entries and tree heads are append-only: the triggers
-- stop accidental edits; `aims ledger verify` detects deliberate ones.
CREATE TABLE ledger_entries (
  seq INTEGER PRIMARY KEY, time_us INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
  entity_type TEXT NOT NULL, entity_id INTEGER NOT NULL, state_hash BLOB NOT NULL,
  leaf_hash BLOB NOT NULL
);
CREATE INDEX ledger_entries_entity ON ledger_entries (entity_type, entity_id, seq);
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;

CREATE TABLE ledger_state (
  id INTEGER PRIMARY KEY CHECK (id = 1), compact_range BLOB NOT NULL
);

CREATE TABLE tree_heads (
  size INTEGER PRIMARY KEY, time_us INTEGER NOT NULL, root BLOB NOT NULL, signature BLOB NOT NULL
);
CREATE TRIGGER tree_heads_no_update BEFORE UPDATE ON tree_heads
BEGIN SELECT RAISE(ABORT, 'tree heads are append-only'); END;
CREATE TRIGGER tree_heads_no_delete BEFORE DELETE ON tree_heads
BEGIN SELECT RAISE(ABORT, 'tree heads are append-only'); END;

CREATE TABLE ledger_keys (
  id INTEGER PRIMARY KEY CHECK (id = 1), public_key BLOB NOT NULL
);
