-- 0004: assessment (issue 4). Risks gain residual scores, a treatment due date, objectives and
-- an approver's acceptance; new record kinds: the risk methodology, AI system impact
-- assessments and their impacts, EU AI Act classifications and the obligations they give rise to.

ALTER TABLE risks ADD COLUMN residual_likelihood INTEGER NOT NULL DEFAULT 0;
ALTER TABLE risks ADD COLUMN residual_impact INTEGER NOT NULL DEFAULT 0;
ALTER TABLE risks ADD COLUMN treatment_due TEXT;
ALTER TABLE risks ADD COLUMN objectives TEXT NOT NULL DEFAULT '[]';
ALTER TABLE risks ADD COLUMN accepted_by INTEGER REFERENCES people (id);
ALTER TABLE risks ADD COLUMN accepted_on TEXT;
ALTER TABLE risks ADD COLUMN acceptance_note TEXT NOT NULL DEFAULT '';
-- Overdue treatments, and the risk counts per residual cell the methodology rescoring reads.
CREATE INDEX risks_treatment_due ON risks (treatment_due, status, retired_at);
CREATE INDEX risks_live_residual ON risks (retired_at, residual_likelihood, residual_impact);

CREATE TABLE risk_methodologies (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  name TEXT NOT NULL, description TEXT NOT NULL, likelihood_scale TEXT NOT NULL,
  impact_scale TEXT NOT NULL, levels TEXT NOT NULL, matrix TEXT NOT NULL, appetite TEXT NOT NULL,
  review_days TEXT NOT NULL, last_rescore TEXT NOT NULL
);
CREATE UNIQUE INDEX risk_methodologies_key ON risk_methodologies (name COLLATE NOCASE);

CREATE TABLE impact_assessments (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  system INTEGER REFERENCES ai_systems (id), version INTEGER NOT NULL, status TEXT NOT NULL,
  intended_uses TEXT NOT NULL, foreseeable_misuses TEXT NOT NULL, affected_parties TEXT NOT NULL,
  vulnerable_groups TEXT NOT NULL, benefits TEXT NOT NULL, use_context TEXT NOT NULL,
  oversight_measures TEXT NOT NULL, remedies TEXT NOT NULL, residual_impact TEXT NOT NULL,
  review_triggers TEXT NOT NULL, drafted_by INTEGER REFERENCES people (id),
  approved_by INTEGER REFERENCES people (id), approved_on TEXT,
  revises INTEGER REFERENCES impact_assessments (id)
);
CREATE INDEX impact_assessments_system ON impact_assessments (system, version);
CREATE TABLE impact_assessments__risks (
  owner_id INTEGER NOT NULL REFERENCES impact_assessments (id),
  target_id INTEGER NOT NULL REFERENCES risks (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX impact_assessments__risks_target ON impact_assessments__risks (target_id);
CREATE TABLE impact_assessments__controls (
  owner_id INTEGER NOT NULL REFERENCES impact_assessments (id),
  target_id INTEGER NOT NULL REFERENCES controls (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX impact_assessments__controls_target ON impact_assessments__controls (target_id);

CREATE TABLE impacts (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  assessment INTEGER REFERENCES impact_assessments (id), kind TEXT NOT NULL,
  description TEXT NOT NULL, affected TEXT NOT NULL, severity INTEGER NOT NULL,
  likelihood INTEGER NOT NULL, reversibility TEXT NOT NULL, scale TEXT NOT NULL,
  vulnerable_groups INTEGER NOT NULL, mitigation TEXT NOT NULL, residual TEXT NOT NULL
);
CREATE INDEX impacts_assessment ON impacts (assessment);
CREATE TABLE impacts__risks (
  owner_id INTEGER NOT NULL REFERENCES impacts (id),
  target_id INTEGER NOT NULL REFERENCES risks (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX impacts__risks_target ON impacts__risks (target_id);
CREATE TABLE impacts__controls (
  owner_id INTEGER NOT NULL REFERENCES impacts (id),
  target_id INTEGER NOT NULL REFERENCES controls (id),
  PRIMARY KEY (owner_id, target_id)
) WITHOUT ROWID;
CREATE INDEX impacts__controls_target ON impacts__controls (target_id);

CREATE TABLE aiact_assessments (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  system INTEGER REFERENCES ai_systems (id), version INTEGER NOT NULL, answers TEXT NOT NULL,
  rules TEXT NOT NULL, as_of TEXT, tier TEXT NOT NULL, gpai TEXT NOT NULL,
  fria_required INTEGER NOT NULL, result TEXT NOT NULL,
  assessed_by INTEGER REFERENCES people (id)
);
CREATE UNIQUE INDEX aiact_assessments_system ON aiact_assessments (system, version);

CREATE TABLE obligations (
  id INTEGER PRIMARY KEY, record_version INTEGER NOT NULL, created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL, retired_at TEXT,
  system INTEGER REFERENCES ai_systems (id), assessment INTEGER REFERENCES aiact_assessments (id),
  rule TEXT NOT NULL, article TEXT NOT NULL, summary TEXT NOT NULL, binds TEXT NOT NULL,
  applies_from TEXT, owner INTEGER REFERENCES people (id), status TEXT NOT NULL,
  notes TEXT NOT NULL
);
CREATE INDEX obligations_system ON obligations (system, rule);
CREATE INDEX obligations_due ON obligations (applies_from, status);
CREATE INDEX obligations_owner ON obligations (owner);
