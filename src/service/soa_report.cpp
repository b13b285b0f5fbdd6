#include "service/soa_report.h"

#include <algorithm>
#include <map>
#include <set>

#include "domain/risk.h"

namespace aims::service {

namespace {

struct Snapshot {
  std::vector<ControlView> controls;
  std::map<domain::Id, std::vector<domain::Id>> risks_by_control;
  std::map<std::string, domain::SoaEntry> soa;  // requirement id -> entry
};

base::Status Load(store::Tx& tx, std::string_view framework, base::Date today, bool include_retired,
                  Snapshot* snap) {
  std::map<domain::Id, domain::EvidenceTally> tallies;
  std::map<domain::Id, int> evidence_counts;
  AIMS_TRY(tx.records<domain::Evidence>().Scan({}, [&](domain::Evidence& ev) -> base::Status {
    bool current = domain::EvidenceCurrent(ev, today);
    for (domain::Id c : ev.controls) {
      if (ev.meta.retired()) continue;
      ++evidence_counts[c];
      if (current) ++tallies[c].current; else ++tallies[c].expired;
    }
    return base::Status::OK();
  }));
  AIMS_TRY(tx.records<domain::Control>().Scan(
      {.include_retired = include_retired}, [&](domain::Control& c) -> base::Status {
        ControlView view;
        view.status = domain::EffectiveControlStatus(c.status, tallies[c.meta.id]);
        view.evidence = evidence_counts[c.meta.id];
        view.current_evidence = tallies[c.meta.id].current;
        view.control = std::move(c);
        snap->controls.push_back(std::move(view));
        return base::Status::OK();
      }));
  // Only the risk-to-control links: a register may hold far more risks than the SoA needs.
  AIMS_TRY(tx.records<domain::Risk>().ScanLinks("controls", [&](domain::Id risk, domain::Id control) {
    snap->risks_by_control[control].push_back(risk);
    return base::Status::OK();
  }));
  for (auto& [control, risks] : snap->risks_by_control) std::sort(risks.begin(), risks.end());
  if (!framework.empty()) {
    AIMS_TRY(tx.records<domain::SoaEntry>().Scan(
        {.include_retired = false}, [&](domain::SoaEntry& e) -> base::Status {
          if (e.framework == framework) snap->soa.emplace(e.requirement, std::move(e));
          return base::Status::OK();
        }));
  }
  return base::Status::OK();
}

}  // namespace

base::Result<std::vector<ControlView>> ControlStatuses(Workspace& ws, base::Date today,
                                                       bool include_retired) {
  Snapshot snap;
  AIMS_TRY(ws.Read([&](store::Tx& tx) { return Load(tx, "", today, include_retired, &snap); }));
  return std::move(snap.controls);
}

base::Result<SoaReport> BuildSoa(Workspace& ws, std::string_view framework, base::Date today) {
  AIMS_ASSIGN_OR_RETURN(const catalog::CatalogSet* catalogs, ws.Catalogs());
  Snapshot snap;
  AIMS_TRY(ws.Read([&](store::Tx& tx) { return Load(tx, framework, today, false, &snap); }));

  const catalog::Framework* fw = nullptr;
  if (!snap.soa.empty()) {
    const auto& first = snap.soa.begin()->second;
    fw = catalogs->Find(framework, first.catalog_version, first.catalog_revision);
  }
  if (!fw) fw = catalogs->Latest(framework);
  if (!fw) return base::Status::NotFound("unknown framework \"" + std::string(framework) + "\"");

  // Which of the organisation's controls implement each requirement of this framework.
  std::map<std::string, std::vector<const ControlView*>> implementing;
  std::string prefix = std::string(framework) + ":";
  for (const ControlView& view : snap.controls) {
    for (const std::string& ref : view.control.requirements) {
      if (ref.rfind(prefix, 0) == 0) implementing[ref.substr(prefix.size())].push_back(&view);
    }
  }

  SoaReport report;
  report.framework = std::string(framework);
  report.catalog = fw->Label();
  report.today = today;
  for (const catalog::Item* item : fw->OfKind(catalog::ItemKind::kControl)) {
    SoaRow row;
    row.id = item->id;
    row.title = item->title;
    row.objective = item->parent;
    if (auto it = snap.soa.find(item->id); it != snap.soa.end()) {
      row.applicable = it->second.applicable;
      row.justification = it->second.justification;
    }
    std::vector<domain::EffectiveStatus> statuses;
    std::set<domain::Id> risks;
    for (const ControlView* view : implementing[item->id]) {
      row.controls.push_back(view->control.code);
      statuses.push_back(view->status);
      row.evidence += view->evidence;
      row.current_evidence += view->current_evidence;
      for (domain::Id r : snap.risks_by_control[view->control.meta.id]) risks.insert(r);
    }
    row.risks.assign(risks.begin(), risks.end());
    row.status = domain::RequirementStatus(row.applicable, statuses);
    report.rows.push_back(std::move(row));
  }
  return report;
}

}  // namespace aims::service
