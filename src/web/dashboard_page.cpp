#include "web/dashboard_page.h"

#include <algorithm>
#include <charconv>
#include <memory>
#include <mutex>

#include "base/clock.h"
#include "domain/risk_scoring.h"
#include "service/inbox.h"
#include "service/incidents.h"
#include "web/record_view.h"

namespace aims::web {

namespace {

using domain::EntityKind;

// Fill colours by level, light enough for dark text at WCAG AA contrast.
std::string_view LevelFill(domain::RiskLevel level) {
  switch (level) {
    case domain::RiskLevel::kLow: return "#d9f2e3";
    case domain::RiskLevel::kMedium: return "#fff1c2";
    case domain::RiskLevel::kHigh: return "#ffd8b5";
    case domain::RiskLevel::kCritical: return "#ffc9c9";
  }
  return "#ffffff";
}

template <class T>
base::Result<int64_t> CountOf(store::Tx& tx, const store::RecordQuery& q) {
  AIMS_ASSIGN_OR_RETURN(auto groups, tx.records<T>().CountBy(q));
  return groups.empty() ? 0 : groups[0].count;
}

int64_t ToInt(std::string_view s) {
  int64_t n = 0;
  std::from_chars(s.data(), s.data() + s.size(), n);
  return n;
}

// An entry of a dashboard list: the record's link, display id and name.
Data ListItem(EntityKind kind, domain::Id id, std::string name) {
  Data item;
  item.set("href", RecordPath(kind, id));
  item.set("display_id", domain::DisplayId(kind, id));
  item.set("name", std::move(name));
  return item;
}

struct Tile {
  EntityKind kind;
  std::string label;
  int64_t count = 0;
};

// Everything the dashboard shows, computed in one read transaction.
struct Figures {
  std::vector<Tile> tiles;
  std::array<std::array<int64_t, 5>, 5> heat{};
  std::vector<store::RecordTable<domain::AiSystem>::Group> tiers;
  std::vector<domain::Risk> overdue;
  std::vector<domain::Risk> late_treatments;  // treatment due date passed, still open or treating
  std::vector<domain::Evidence> expiring;
  std::vector<domain::GateRequest> pending_gates;  // waiting for approval, oldest first
  std::vector<domain::GateRequest> overrides;      // emergency overrides, newest first
  int64_t overdue_count = 0, late_treatment_count = 0, expiring_count = 0;
  int64_t pending_gate_count = 0, override_count = 0;
};

base::Status Compute(store::Tx& tx, base::Date today, Figures* f) {
  const base::Date soon = today.AddDays(30);
  f->tiles = {{EntityKind::kAiSystem, "AI systems"}, {EntityKind::kModel, "models"},
              {EntityKind::kDataset, "datasets"},    {EntityKind::kSupplier, "suppliers"},
              {EntityKind::kRisk, "open risks"},     {EntityKind::kControl, "controls"},
              {EntityKind::kEvidence, "evidence records"}};
  store::RecordQuery all;
  store::RecordQuery open_risks;
  open_risks.not_equals.emplace_back("status", "closed");
  for (auto& tile : f->tiles) {
    base::Status s;
    domain::VisitRecordType(tile.kind, [&]<class T>() {
      auto n = CountOf<T>(tx, tile.kind == EntityKind::kRisk ? open_risks : all);
      if (n.ok()) tile.count = *n;
      else s = n.status();
    });
    AIMS_TRY(s);
  }
  static const std::string kHeatGroups[] = {"likelihood", "impact"};
  AIMS_ASSIGN_OR_RETURN(auto cells, tx.records<domain::Risk>().CountBy(open_risks, kHeatGroups));
  for (const auto& g : cells) {
    int64_t l = ToInt(g.values[0]), i = ToInt(g.values[1]);
    if (l >= 1 && l <= 5 && i >= 1 && i <= 5) f->heat[i - 1][l - 1] += g.count;
  }
  static const std::string kTierGroup[] = {"ai_act_tier"};
  AIMS_ASSIGN_OR_RETURN(f->tiers, tx.records<domain::AiSystem>().CountBy(all, kTierGroup));

  store::RecordQuery late = open_risks;
  late.before.emplace_back("review_date", today.ToString());
  AIMS_ASSIGN_OR_RETURN(f->overdue_count, CountOf<domain::Risk>(tx, late));
  late.sort = "review_date";
  late.limit = 10;
  std::optional<store::PageKey> next;
  AIMS_TRY(tx.records<domain::Risk>().Query(late, &f->overdue, &next));

  // As domain::TreatmentOverdue: only a treatment still under way can be late.
  store::RecordQuery untreated = open_risks;
  untreated.not_equals.emplace_back("status", "accepted");
  untreated.before.emplace_back("treatment_due", today.ToString());
  AIMS_ASSIGN_OR_RETURN(f->late_treatment_count, CountOf<domain::Risk>(tx, untreated));
  untreated.sort = "treatment_due";
  untreated.limit = 10;
  AIMS_TRY(tx.records<domain::Risk>().Query(untreated, &f->late_treatments, &next));

  // Lifecycle gates: those waiting for approvers, and every emergency override (always reported).
  store::RecordQuery gates;
  gates.equals.emplace_back("status", "pending");
  AIMS_ASSIGN_OR_RETURN(f->pending_gate_count, CountOf<domain::GateRequest>(tx, gates));
  gates.limit = 10;
  AIMS_TRY(tx.records<domain::GateRequest>().Query(gates, &f->pending_gates, &next));
  store::RecordQuery overridden;
  overridden.equals.emplace_back("status", "overridden");
  AIMS_ASSIGN_OR_RETURN(f->override_count, CountOf<domain::GateRequest>(tx, overridden));
  overridden.descending = true;
  overridden.limit = 10;
  AIMS_TRY(tx.records<domain::GateRequest>().Query(overridden, &f->overrides, &next));

  store::RecordQuery ending;
  ending.before.emplace_back("expires_on", soon.AddDays(1).ToString());
  AIMS_ASSIGN_OR_RETURN(f->expiring_count, CountOf<domain::Evidence>(tx, ending));
  ending.sort = "expires_on";
  ending.limit = 10;
  return tx.records<domain::Evidence>().Query(ending, &f->expiring, &next);
}

// The figures of the register as of a ledger size and a day. Every change to the register
// appends to the ledger in its own transaction, so while the ledger has not grown (and the day
// has not turned) the figures cannot have changed: the server computes them once per change,
// not once per visit. Shared by all threads.
base::Result<std::shared_ptr<const Figures>> CurrentFigures(service::Workspace& ws, base::Date today) {
  static std::mutex mu;
  static std::shared_ptr<const Figures> cached;
  static std::pair<int64_t, int64_t> cached_key{-1, -1};
  std::shared_ptr<const Figures> out;
  AIMS_TRY(ws.Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(int64_t seq, tx.ledger().LastSeq());
    std::pair<int64_t, int64_t> key{seq, today.DaysSinceEpoch()};
    {
      std::lock_guard lock(mu);
      if (cached && cached_key == key) {
        out = cached;
        return base::Status::OK();
      }
    }
    auto fresh = std::make_shared<Figures>();
    AIMS_TRY(Compute(tx, today, fresh.get()));
    out = fresh;
    std::lock_guard lock(mu);
    if (cached_key.first <= key.first) {
      cached = fresh;
      cached_key = key;
    }
    return base::Status::OK();
  }));
  return out;
}

base::Result<api::Response> Dashboard(api::RequestContext& ctx) {
  const base::Date today = base::Now().date();
  AIMS_ASSIGN_OR_RETURN(std::shared_ptr<const Figures> figures, CurrentFigures(*ctx.ws, today));
  const auto& tiles = figures->tiles;
  const auto& heat = figures->heat;
  const auto& tiers = figures->tiers;
  const auto& overdue = figures->overdue;
  const auto& expiring = figures->expiring;
  const int64_t overdue_count = figures->overdue_count, expiring_count = figures->expiring_count;

  Data d;
  DataList counts;
  for (const auto& tile : tiles) {
    Data t;
    t.set("href", KindPath(tile.kind));
    t.set("count", std::to_string(tile.count));
    t.set("label", tile.label);
    counts.push_back(std::move(t));
  }
  d.set("counts", counts);
  d.set("heatmap", HeatMapSvg(heat));
  DataList likelihoods;
  for (int l = 1; l <= 5; ++l) likelihoods.push_back(Data(std::to_string(l)));
  d.set("likelihoods", likelihoods);
  DataList heat_rows;
  for (int i = 5; i >= 1; --i) {
    Data row;
    row.set("impact", std::to_string(i));
    DataList cells;
    for (int l = 1; l <= 5; ++l) {
      Data c;
      c.set("count", std::to_string(heat[i - 1][l - 1]));
      cells.push_back(std::move(c));
    }
    row.set("cells", cells);
    heat_rows.push_back(std::move(row));
  }
  d.set("heat_rows", heat_rows);
  DataList tier_rows;
  for (auto name : domain::EnumNames<domain::AiActTier>()) {
    int64_t n = 0;
    for (const auto& g : tiers) {
      if (g.values[0] == name) n = g.count;
    }
    Data t;
    t.set("value", std::string(name));
    t.set("label", EnumLabel(name));
    t.set("count", std::to_string(n));
    tier_rows.push_back(std::move(t));
  }
  d.set("tiers", tier_rows);
  // Risks with the date that makes them late.
  auto late_list = [](const std::vector<domain::Risk>& risks, auto date_of) {
    DataList out;
    for (const auto& r : risks) {
      Data item = ListItem(EntityKind::kRisk, r.meta.id, r.title);
      const std::optional<base::Date>& date = date_of(r);
      item.set("date", date ? date->ToString() : std::string());
      out.push_back(std::move(item));
    }
    return out;
  };
  DataList o = late_list(overdue, [](const domain::Risk& r) -> const auto& { return r.review_date; });
  d.set("overdue", o);
  DataList t = late_list(figures->late_treatments, [](const domain::Risk& r) -> const auto& { return r.treatment_due; });
  d.set("late_treatments", t);
  d.set("late_treatment_count", std::to_string(figures->late_treatment_count));
  d.set("late_treatment_count_nonzero", figures->late_treatment_count > 0);
  d.set("overdue_count", std::to_string(overdue_count));
  d.set("overdue_count_nonzero", overdue_count > 0);
  DataList e;
  for (const auto& ev : expiring) {
    Data item = ListItem(EntityKind::kEvidence, ev.meta.id, ev.title);
    std::string when = ev.expires_on ? ev.expires_on->ToString() : "";
    item.set("note", std::string(ev.expires_on && *ev.expires_on < today ? "expired " : "expires ") + when);
    e.push_back(std::move(item));
  }
  d.set("expiring", e);
  d.set("expiring_count", std::to_string(expiring_count));
  d.set("expiring_count_nonzero", expiring_count > 0);
  NameCache names(*ctx.ws);
  auto gate_list = [&](const std::vector<domain::GateRequest>& gates, bool overrides) {
    DataList out;
    for (const auto& g : gates) {
      Data item = ListItem(EntityKind::kGateRequest, g.meta.id,
                           g.system ? names.Name(EntityKind::kAiSystem, *g.system) : std::string());
      std::string to = EnumLabel(domain::EnumName(g.to_stage));
      item.set("note", overrides ? "to " + to + (g.decided_on ? " on " + g.decided_on->ToString() : "") + ": " +
                                       g.decision_note
                                 : "to " + to + ", " + std::to_string(g.approved_by.size()) + " of " +
                                       std::to_string(g.approvers_needed) + " approvals");
      out.push_back(std::move(item));
    }
    return out;
  };
  d.set("pending_gates", gate_list(figures->pending_gates, false));
  d.set("pending_gate_count", std::to_string(figures->pending_gate_count));
  d.set("overrides", gate_list(figures->overrides, true));
  d.set("override_count", std::to_string(figures->override_count));
  d.set("has_overrides", figures->override_count > 0);
  // Reporting clocks run by the minute: read now, not from the figures cached per ledger size.
  std::vector<service::ClockedIncident> clocks;
  base::TimeZone zone = names.Zone();
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(clocks, service::IncidentClocks(tx, base::Now(), true));
    return base::Status::OK();
  }));
  DataList c;
  bool any_overdue = false;
  for (const auto& clock : clocks) {
    Data item = ListItem(EntityKind::kIncident, clock.incident.meta.id, clock.incident.title);
    any_overdue = any_overdue || clock.clock.state.overdue;
    item.set("overdue", clock.clock.state.overdue);
    item.set("note", (clock.clock.state.overdue ? "OVERDUE: " : "") + clock.clock.state.text + ", due by " +
                         zone.Format(clock.clock.clock.deadline) + " (" + clock.clock.clock.article + ")");
    c.push_back(std::move(item));
  }
  d.set("incident_clocks", c);
  d.set("incident_clock_count", std::to_string(clocks.size()));
  d.set("incident_clock_overdue", any_overdue);
  std::vector<service::InboxItem> inbox;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(inbox, service::InboxFor(tx, ctx.principal->person, ctx.principal->permissions, base::Now()));
    return base::Status::OK();
  }));
  d.set("inbox_count", std::to_string(inbox.size()));
  d.set("inbox_overdue", std::any_of(inbox.begin(), inbox.end(), [](const auto& i) { return i.overdue; }));
  return Page(ctx, {"Dashboard", "Dashboard"}, Render("dashboard", d));
}

}  // namespace

std::string HeatMapSvg(const std::array<std::array<int64_t, 5>, 5>& counts) {
  constexpr int kCell = 56, kLeft = 56, kTop = 8, kBottom = 48;
  const int width = kLeft + 5 * kCell + 8, height = kTop + 5 * kCell + kBottom;
  int64_t total = 0;
  for (const auto& row : counts) {
    for (int64_t n : row) total += n;
  }
  std::string svg = "<svg class=\"heatmap\" id=\"heatmap\" role=\"group\" viewBox=\"0 0 " + std::to_string(width) + " " +
                    std::to_string(height) + "\" width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(height) +
                    "\" aria-label=\"Risk heat map: " + std::to_string(total) + " open risks\" data-total=\"" +
                    std::to_string(total) + "\">";
  for (int impact = 5; impact >= 1; --impact) {
    int y = kTop + (5 - impact) * kCell;
    svg += "<text x=\"" + std::to_string(kLeft - 10) + "\" y=\"" + std::to_string(y + kCell / 2 + 5) +
           "\" text-anchor=\"end\" aria-hidden=\"true\">" + std::to_string(impact) + "</text>";
    for (int l = 1; l <= 5; ++l) {
      int x = kLeft + (l - 1) * kCell;
      int64_t n = counts[impact - 1][l - 1];
      auto level = domain::LevelForScore(static_cast<int64_t>(l) * impact);
      std::string label = "Likelihood " + std::to_string(l) + ", impact " + std::to_string(impact) + ": " + std::to_string(n) +
                          (n == 1 ? " open risk" : " open risks") + " (" + std::string(domain::EnumName(level)) + ")";
      svg += "<a href=\"/risks?likelihood=" + std::to_string(l) + "&amp;impact=" + std::to_string(impact) + "\" aria-label=\"" +
             label + "\" data-cell=\"" + std::to_string(l) + "-" + std::to_string(impact) + "\" data-count=\"" + std::to_string(n) +
             "\"><rect x=\"" + std::to_string(x + 1) + "\" y=\"" + std::to_string(y + 1) + "\" width=\"" +
             std::to_string(kCell - 2) + "\" height=\"" + std::to_string(kCell - 2) + "\" rx=\"4\" fill=\"" +
             std::string(LevelFill(level)) + "\"/>";
      svg += "<text x=\"" + std::to_string(x + kCell / 2) + "\" y=\"" + std::to_string(y + kCell / 2 + 6) +
             "\" text-anchor=\"middle\" class=\"" + (n ? "n" : "n zero") + "\">" + (n ? std::to_string(n) : "·") + "</text></a>";
    }
  }
  for (int l = 1; l <= 5; ++l) {
    svg += "<text x=\"" + std::to_string(kLeft + (l - 1) * kCell + kCell / 2) + "\" y=\"" + std::to_string(kTop + 5 * kCell + 18) +
           "\" text-anchor=\"middle\" aria-hidden=\"true\">" + std::to_string(l) + "</text>";
  }
  svg += "<text x=\"" + std::to_string(kLeft + 5 * kCell / 2) + "\" y=\"" + std::to_string(height - 6) +
         "\" text-anchor=\"middle\" class=\"axis\" aria-hidden=\"true\">likelihood →</text>";
  svg += "<text x=\"14\" y=\"" + std::to_string(kTop + 5 * kCell / 2) + "\" text-anchor=\"middle\" class=\"axis\" transform=\"rotate(-90 14 " +
         std::to_string(kTop + 5 * kCell / 2) + ")\" aria-hidden=\"true\">impact →</text>";
  return svg + "</svg>";
}

void AddDashboardPage(api::Router& router) {
  api::Route route{api::http::verb::get, "/", api::Access::Needs(domain::Permission::kRegisterRead), {}, Dashboard};
  route.page = true;
  router.Add(std::move(route));
}

}  // namespace aims::web
