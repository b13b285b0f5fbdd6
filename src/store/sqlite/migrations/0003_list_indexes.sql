-- 0003: indexes for the web application's dashboard and lists at scale (100k systems and risks;
-- docs/benchmarks.md). Each serves a query that otherwise reads every row of a wide table:
-- live-record counts and the EU AI Act tier breakdown, the risk heat map and overdue reviews
-- (covering: the index alone answers them), expiring evidence, and the default sorts of the
-- largest lists (by the same expression as the keyset query, so that a page is an index walk).
CREATE INDEX ai_systems_live_tier ON ai_systems (retired_at, ai_act_tier);
CREATE INDEX ai_systems_name_sort ON ai_systems (COALESCE(name, '') COLLATE NOCASE, id);
CREATE INDEX risks_live_heat ON risks (retired_at, status, likelihood, impact);
CREATE INDEX risks_review ON risks (review_date, status, retired_at);
CREATE INDEX risks_review_sort ON risks (COALESCE(review_date, '') COLLATE NOCASE, id);
CREATE INDEX evidence_expires_on ON evidence (expires_on);
CREATE INDEX controls_live ON controls (retired_at);
CREATE INDEX models_live ON models (retired_at);
CREATE INDEX datasets_live ON datasets (retired_at);
