-- 0010: outgoing webhooks (issue 5, notifications): endpoints, the notification events already
-- announced (so each is sent once), and the delivery queue that is also the delivery log.
-- Not register records: no ledger entries, not exported (the secrets stay here).

CREATE TABLE webhooks (
  id INTEGER PRIMARY KEY, url TEXT NOT NULL, secret TEXT NOT NULL, events TEXT NOT NULL,
  active INTEGER NOT NULL, created_us INTEGER NOT NULL, created_by TEXT NOT NULL
);

CREATE TABLE notification_events (
  key TEXT PRIMARY KEY, kind TEXT NOT NULL, payload TEXT NOT NULL, created_us INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE webhook_deliveries (
  id INTEGER PRIMARY KEY, webhook INTEGER NOT NULL REFERENCES webhooks (id),
  event_key TEXT NOT NULL REFERENCES notification_events (key), status TEXT NOT NULL,
  attempts INTEGER NOT NULL, created_ms INTEGER NOT NULL, next_try_ms INTEGER NOT NULL,
  last_http_status INTEGER NOT NULL, last_error TEXT NOT NULL, delivered_ms INTEGER NOT NULL,
  UNIQUE (webhook, event_key)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_try_ms);
