#include "store/webhook_table.h"

#include "store/statement_rows.h"

namespace aims::store {

namespace {

using internal::EachRow;

constexpr std::string_view kHookColumns = "id, url, secret, events, active, created_us, created_by";
constexpr std::string_view kDeliveryColumns =
    "d.id, d.webhook, d.event_key, e.kind, e.payload, d.status, d.attempts, d.created_ms, d.next_try_ms, "
    "d.last_http_status, d.last_error, d.delivered_ms";

std::string JoinEvents(const std::vector<std::string>& events) {
  std::string out;
  for (const auto& e : events) out += (out.empty() ? "" : ",") + e;
  return out;
}

domain::Webhook ReadHook(Statement* s) {
  domain::Webhook h;
  h.id = s->Int(0);
  h.url = std::string(s->Text(1));
  h.secret = std::string(s->Text(2));
  std::string_view events = s->Text(3);
  for (size_t start = 0; start < events.size();) {
    size_t comma = events.find(',', start);
    if (comma == std::string_view::npos) comma = events.size();
    h.events.emplace_back(events.substr(start, comma - start));
    start = comma + 1;
  }
  h.active = s->Int(4) != 0;
  h.created_at = base::Timestamp(s->Int(5));
  h.created_by = std::string(s->Text(6));
  return h;
}

domain::WebhookDelivery ReadDelivery(Statement* s) {
  domain::WebhookDelivery d;
  d.id = s->Int(0);
  d.webhook = s->Int(1);
  d.event_key = std::string(s->Text(2));
  d.kind = std::string(s->Text(3));
  d.payload = std::string(s->Text(4));
  std::string_view status = s->Text(5);
  d.status = status == "delivered" ? domain::DeliveryStatus::kDelivered
             : status == "failed"  ? domain::DeliveryStatus::kFailed
                                   : domain::DeliveryStatus::kPending;
  d.attempts = static_cast<int>(s->Int(6));
  d.created_ms = s->Int(7);
  d.next_try_ms = s->Int(8);
  d.last_http_status = static_cast<int>(s->Int(9));
  d.last_error = std::string(s->Text(10));
  d.delivered_ms = s->Int(11);
  return d;
}

}  // namespace

base::Result<int64_t> WebhookTable::Add(const domain::Webhook& h) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("INSERT INTO webhooks (url, secret, events, active, created_us, created_by) "
                                      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
  stmt->BindText(1, h.url);
  stmt->BindText(2, h.secret);
  stmt->BindText(3, JoinEvents(h.events));
  stmt->BindInt(4, h.active ? 1 : 0);
  stmt->BindInt(5, h.created_at.micros());
  stmt->BindText(6, h.created_by);
  auto row = stmt->Step();
  int64_t id = row.ok() && *row ? stmt->Int(0) : 0;
  stmt->Reset();
  AIMS_TRY(row.status());
  if (id == 0) return base::Status::Internal("insert returned no id", "webhooks");
  return id;
}

base::Result<std::vector<domain::Webhook>> WebhookTable::List() {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("SELECT " + std::string(kHookColumns) + " FROM webhooks ORDER BY id"));
  std::vector<domain::Webhook> out;
  AIMS_TRY(EachRow(stmt, [&](Statement* row) {
    out.push_back(ReadHook(row));
    return base::Status::OK();
  }));
  return out;
}

base::Result<domain::Webhook> WebhookTable::Get(int64_t id) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("SELECT " + std::string(kHookColumns) + " FROM webhooks WHERE id = ?"));
  stmt->BindInt(1, id);
  std::optional<domain::Webhook> found;
  AIMS_TRY(EachRow(stmt, [&](Statement* row) {
    found = ReadHook(row);
    return base::Status::OK();
  }));
  if (!found) return base::Status::NotFound("no webhook has this id", "webhook " + std::to_string(id));
  return *found;
}

base::Status WebhookTable::Deactivate(int64_t id) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt, conn_.Prepare("UPDATE webhooks SET active = 0 WHERE id = ? RETURNING id"));
  stmt->BindInt(1, id);
  auto row = stmt->Step();
  bool found = row.ok() && *row;
  stmt->Reset();
  AIMS_TRY(row.status());
  if (!found) return base::Status::NotFound("no webhook has this id", "webhook " + std::to_string(id));
  return base::Status::OK();
}

base::Result<bool> WebhookTable::RecordEvent(const std::string& key, const std::string& kind,
                                             const std::string& payload, int64_t now_us) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("INSERT INTO notification_events (key, kind, payload, created_us) "
                                      "VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING RETURNING key"));
  stmt->BindText(1, key);
  stmt->BindText(2, kind);
  stmt->BindText(3, payload);
  stmt->BindInt(4, now_us);
  auto row = stmt->Step();
  bool inserted = row.ok() && *row;
  stmt->Reset();
  AIMS_TRY(row.status());
  return inserted;
}

base::Status WebhookTable::Enqueue(int64_t webhook, const std::string& event_key, int64_t now_ms) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("INSERT INTO webhook_deliveries (webhook, event_key, status, attempts, "
                                      "created_ms, next_try_ms, last_http_status, last_error, delivered_ms) "
                                      "VALUES (?, ?, 'pending', 0, ?, ?, 0, '', 0) "
                                      "ON CONFLICT (webhook, event_key) DO NOTHING"));
  stmt->BindInt(1, webhook);
  stmt->BindText(2, event_key);
  stmt->BindInt(3, now_ms);
  stmt->BindInt(4, now_ms);
  auto row = stmt->Step();
  stmt->Reset();
  return row.status();
}

base::Result<std::vector<domain::WebhookDelivery>> WebhookTable::Due(int64_t now_ms, int64_t limit) {
  AIMS_ASSIGN_OR_RETURN(
      Statement * stmt,
      conn_.Prepare("SELECT " + std::string(kDeliveryColumns) +
                    " FROM webhook_deliveries d JOIN notification_events e ON e.key = d.event_key"
                    " JOIN webhooks w ON w.id = d.webhook"
                    " WHERE d.status = 'pending' AND d.next_try_ms <= ? AND w.active = 1"
                    " ORDER BY d.next_try_ms, d.id LIMIT ?"));
  stmt->BindInt(1, now_ms);
  stmt->BindInt(2, limit);
  std::vector<domain::WebhookDelivery> out;
  AIMS_TRY(EachRow(stmt, [&](Statement* row) {
    out.push_back(ReadDelivery(row));
    return base::Status::OK();
  }));
  return out;
}

base::Status WebhookTable::SaveAttempt(const domain::WebhookDelivery& d) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("UPDATE webhook_deliveries SET status = ?, attempts = ?, next_try_ms = ?, "
                                      "last_http_status = ?, last_error = ?, delivered_ms = ? WHERE id = ?"));
  stmt->BindText(1, domain::DeliveryStatusName(d.status));
  stmt->BindInt(2, d.attempts);
  stmt->BindInt(3, d.next_try_ms);
  stmt->BindInt(4, d.last_http_status);
  stmt->BindText(5, d.last_error);
  stmt->BindInt(6, d.delivered_ms);
  stmt->BindInt(7, d.id);
  auto row = stmt->Step();
  stmt->Reset();
  return row.status();
}

base::Result<std::vector<domain::WebhookDelivery>> WebhookTable::Deliveries(std::optional<int64_t> webhook,
                                                                            int64_t limit) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("SELECT " + std::string(kDeliveryColumns) +
                                      " FROM webhook_deliveries d JOIN notification_events e ON e.key = d.event_key"
                                      " WHERE (? IS NULL OR d.webhook = ?) ORDER BY d.id DESC LIMIT ?"));
  internal::BindOptionalInt(stmt, 1, webhook);
  internal::BindOptionalInt(stmt, 2, webhook);
  stmt->BindInt(3, limit);
  std::vector<domain::WebhookDelivery> out;
  AIMS_TRY(EachRow(stmt, [&](Statement* row) {
    out.push_back(ReadDelivery(row));
    return base::Status::OK();
  }));
  return out;
}

}  // namespace aims::store
