#include "web/ledger_page.h"

#include <charconv>

#include "service/ledger_proofs.h"
#include "service/ledger_verifier.h"
#include "web/record_view.h"

namespace aims::web {

namespace {

constexpr int64_t kPage = 50;

base::Result<api::Response> LedgerList(api::RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(std::optional<ledger::TreeHead> head, service::LatestHead(*ctx.ws));
  int64_t last = 0;
  std::vector<ledger::LedgerEntry> entries;
  int64_t highlight = 0;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(last, tx.ledger().LastSeq());
    int64_t to = last;
    auto number = [](const std::optional<std::string>& s) -> int64_t {
      int64_t n = 0;
      if (s) std::from_chars(s->data(), s->data() + s->size(), n);
      return n;
    };
    if (int64_t before = number(ctx.Query("before")); before > 0) to = std::min(last, before - 1);
    if (int64_t seq = number(ctx.Query("seq")); seq > 0 && seq <= last) {
      highlight = seq;
      to = std::min(last, seq + kPage / 2);
    }
    int64_t from = std::max<int64_t>(1, to - kPage + 1);
    if (to < 1) return base::Status::OK();
    return tx.ledger().ScanEntries(from, to, [&](const store::StoredEntry& e) {
      entries.push_back(e.entry);
      return base::Status::OK();
    });
  }));
  Data d;
  if (head) {
    Data h;
    h.set("size", std::to_string(head->size));
    h.set("time", head->time.ToString());
    h.set("root", base::ToHex(head->root));
    d.set("head", h);
  }
  DataList rows;
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    Data row;
    row.set("seq", std::to_string(it->seq));
    row.set("time", it->time.ToString());
    row.set("actor", it->actor);
    row.set("action", it->action);
    row.set("highlight", it->seq == highlight);
    row.set("hash", base::ToHex(it->state_hash).substr(0, 16));
    auto kind = domain::EntityKindFromName(it->entity_type);
    if (kind && *kind != domain::EntityKind::kNone && it->entity_id > 0) {
      row.set("record", domain::DisplayId(*kind, it->entity_id));
      bool has_page = domain::VisitRecordType(*kind, []<class T>() {});
      if (has_page) row.set("href", RecordPath(*kind, it->entity_id));
    } else {
      row.set("record", it->entity_type + (it->entity_id ? " " + std::to_string(it->entity_id) : ""));
    }
    rows.push_back(std::move(row));
  }
  d.set("entries", rows);
  if (!entries.empty() && entries.front().seq > 1) d.set("older_href", "/ledger?before=" + std::to_string(entries.front().seq));
  if (!entries.empty() && entries.back().seq < last) d.set("newer_href", std::string("/ledger"));
  return Page(ctx, {"Ledger", "Ledger"}, Render("ledger", d));
}

base::Result<api::Response> LedgerVerify(api::RequestContext& ctx) {
  service::VerifyOptions options;
  AIMS_ASSIGN_OR_RETURN(service::VerifyReport report, service::VerifyLedger(*ctx.ws, options));
  Data d;
  d.set("ok", report.ok());
  d.set("entries", std::to_string(report.entries));
  d.set("records", std::to_string(report.records));
  d.set("files", std::to_string(report.evidence_files));
  d.set("heads", std::to_string(report.heads));
  d.set("root", base::ToHex(report.root));
  d.set("count", std::to_string(report.problems.size()));
  DataList problems;
  for (size_t i = 0; i < report.problems.size() && i < 10; ++i) {
    Data p;
    p.set("where", report.problems[i].where);
    p.set("what", report.problems[i].what);
    problems.push_back(std::move(p));
  }
  d.set("problems", problems);
  std::string fragment = Render("verify", d);
  if (IsHtmx(ctx)) return HtmlResponse(api::http::status::ok, std::move(fragment));
  return Page(ctx, {"Ledger verification", "Ledger"}, "<div id=\"verify-result\">" + fragment + "</div>");
}

}  // namespace

void AddLedgerPage(api::Router& router) {
  api::Access access = api::Access::Needs(domain::Permission::kLedgerRead);
  api::Route list{api::http::verb::get, "/ledger", access, {}, LedgerList};
  list.page = true;
  router.Add(std::move(list));
  api::Route verify{api::http::verb::get, "/ledger/verify", access, {}, LedgerVerify};
  verify.page = true;
  router.Add(std::move(verify));
}

}  // namespace aims::web
