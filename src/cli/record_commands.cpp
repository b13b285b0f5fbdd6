#include "cli/record_commands.h"

#include "domain/control_status.h"
#include "domain/risk_scoring.h"
#include "service/soa_report.h"

namespace aims::cli {

std::vector<std::pair<std::string, std::string>> Extras(service::Workspace& ws, const domain::Risk& r) {
  base::Date today = base::Now().date();
  std::vector<std::pair<std::string, std::string>> out;
  domain::RiskMethodology methodology;
  base::Status read = ws.Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(methodology, service::CurrentMethodology(tx));
    return base::Status::OK();
  });
  auto scale = read.ok() ? domain::RiskScale::Compile(methodology) : base::Result<domain::RiskScale>(read);
  if (scale.ok()) {
    int inherent = domain::InherentRank(*scale, r), residual = domain::ResidualRank(*scale, r);
    if (inherent >= 0) out.emplace_back("inherent_level", scale->LevelName(inherent));
    out.emplace_back("residual_level", residual >= 0 ? scale->LevelName(residual) : "not assessed");
    int effective = domain::EffectiveRank(*scale, r);
    if (effective >= 0 && scale->AboveAppetite(effective)) {
      out.emplace_back("appetite", "ABOVE (" + scale->LevelName(scale->appetite()) + ")" +
                                       (r.accepted_by ? ", accepted by an approver" : ""));
    }
  }
  if (domain::ReviewOverdue(r, today)) out.emplace_back("review", "OVERDUE since " + r.review_date->ToString());
  if (domain::TreatmentOverdue(r, today)) out.emplace_back("treatment", "OVERDUE since " + r.treatment_due->ToString());
  return out;
}

std::string ListFlag(const domain::Risk& r, std::string_view field, base::Date today) {
  for (const auto& late : domain::OverdueDates(r, today)) {
    if (late.field == field) return " OVERDUE";
  }
  return {};
}

std::vector<std::pair<std::string, std::string>> Extras(service::Workspace& ws, const domain::Control& c) {
  auto views = service::ControlStatuses(ws, base::Now().date(), true);
  if (!views.ok()) return {};
  for (const auto& view : *views) {
    if (view.control.meta.id != c.meta.id) continue;
    return {{"effective_status", std::string(domain::EnumName(view.status))},
            {"evidence", std::to_string(view.evidence) + " (" + std::to_string(view.current_evidence) + " current)"}};
  }
  return {};
}

std::vector<std::pair<std::string, std::string>> Extras(service::Workspace&, const domain::Evidence& e) {
  return {{"state", domain::EvidenceCurrent(e, base::Now().date()) ? "current" : "expired"}};
}

base::Status BeforeCreate(store::Tx& tx, domain::ScopeStatement* scope) {
  AIMS_ASSIGN_OR_RETURN(int64_t n, tx.records<domain::ScopeStatement>().Count(true));
  scope->revision = n + 1;
  return base::Status::OK();
}

base::Result<domain::Id> ResolveArg(service::Workspace& ws, domain::EntityKind kind,
                                    const std::string& token) {
  base::Result<domain::Id> id = base::Status::Internal("unresolved");
  AIMS_TRY(ws.Read([&](store::Tx& tx) -> base::Status {
    id = ResolveRef(tx, kind, token);
    return base::Status::OK();
  }));
  return id;
}

base::Status PrintHistory(service::Workspace& ws, domain::EntityKind kind, domain::Id id, bool json) {
  std::vector<ledger::LedgerEntry> entries;
  AIMS_TRY(ws.Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(entries, tx.ledger().HistoryOf(domain::Info(kind).name, id));
    return base::Status::OK();
  }));
  if (json) {
    std::string out = "[";
    for (size_t i = 0; i < entries.size(); ++i) {
      const auto& e = entries[i];
      out += (i ? ",\n  " : "\n  ");
      out += "{\"seq\": " + std::to_string(e.seq) + ", \"time\": \"" + e.time.ToString() + "\", \"actor\": ";
      base::AppendJsonString(&out, e.actor);
      out += ", \"action\": ";
      base::AppendJsonString(&out, e.action);
      out += ", \"state_hash\": \"" + base::ToHex(e.state_hash) + "\"}";
    }
    Print(out + (entries.empty() ? "]\n" : "\n]\n"));
    return base::Status::OK();
  }
  Table table({"seq", "time", "actor", "action", "state hash"}, 64);
  for (const auto& e : entries) {
    table.AddRow({std::to_string(e.seq), e.time.ToString(), e.actor, e.action,
                  base::ToHex(e.state_hash).substr(0, 16)});
  }
  Print(table.Render());
  return base::Status::OK();
}

}  // namespace aims::cli
