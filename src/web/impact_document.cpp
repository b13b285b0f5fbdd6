#include "web/impact_document.h"

#include "base/sha256.h"
#include "domain/canonical_state.h"
#include "domain/risk_scoring.h"
#include "service/assessments.h"
#include "web/record_view.h"
#include "web/view.h"

namespace aims::web {

namespace {

using domain::DisplayId;
using domain::EntityKind;

DataList Lines(const std::vector<std::string>& items) {
  DataList out;
  for (const auto& s : items) out.push_back(Data("text", s));
  return out;
}

template <class T>
std::string NameOf(store::Tx& tx, std::optional<domain::Id> id) {
  if (!id) return "";
  auto r = tx.records<T>().Get(*id);
  if (!r.ok()) return DisplayId(T::kKind, *id);
  if constexpr (requires { r->name; }) return r->name + " (" + DisplayId(T::kKind, *id) + ")";
  else return DisplayId(T::kKind, *id);
}

// Mustache treats "" as true: leave empty text unset so {{^name}} shows the "not recorded" line.
void SetText(Data& d, const std::string& name, const std::string& value) {
  if (!value.empty()) d.set(name, value);
}

}  // namespace

base::Result<std::string> ImpactDocument(service::Workspace& ws, domain::Id id) {
  Data d;
  AIMS_TRY(ws.Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::ImpactAssessment a, tx.records<domain::ImpactAssessment>().Get(id));
    AIMS_ASSIGN_OR_RETURN(domain::AiSystem system, tx.records<domain::AiSystem>().Get(*a.system));
    AIMS_ASSIGN_OR_RETURN(domain::RiskMethodology methodology, service::CurrentMethodology(tx));
    AIMS_ASSIGN_OR_RETURN(domain::RiskScale scale, domain::RiskScale::Compile(methodology));
    d.set("display_id", DisplayId(EntityKind::kImpactAssessment, id));
    d.set("version", std::to_string(a.version));
    d.set("status", std::string(domain::EnumName(a.status)));
    d.set("approved", a.status != domain::AssessmentStatus::kDraft);
    d.set("approved_by", NameOf<domain::Person>(tx, a.approved_by));
    d.set("approved_on", a.approved_on ? a.approved_on->ToString() : "");
    d.set("drafted_by", NameOf<domain::Person>(tx, a.drafted_by));
    if (a.revises) d.set("revises", DisplayId(EntityKind::kImpactAssessment, *a.revises));
    d.set("system_name", system.name);
    d.set("system_id", DisplayId(EntityKind::kAiSystem, system.meta.id));
    d.set("system_purpose", system.purpose);
    d.set("system_owner", NameOf<domain::Person>(tx, system.owner));
    d.set("system_tier", std::string(domain::EnumName(system.ai_act_tier)));
    d.set("system_role", std::string(domain::EnumName(system.ai_act_role)));
    d.set("intended_uses", a.intended_uses);
    SetText(d, "foreseeable_misuses", a.foreseeable_misuses);
    d.set("affected_parties", Lines(a.affected_parties));
    d.set("vulnerable_groups", Lines(a.vulnerable_groups));
    SetText(d, "benefits", a.benefits);
    SetText(d, "use_context", a.use_context);
    SetText(d, "oversight_measures", a.oversight_measures);
    SetText(d, "remedies", a.remedies);
    SetText(d, "residual_impact", a.residual_impact);
    d.set("review_triggers", Lines(a.review_triggers));

    AIMS_ASSIGN_OR_RETURN(auto items, service::ImpactsOf(tx, id));
    DataList harms, benefits;
    for (const auto& item : items) {
      Data row;
      row.set("id", DisplayId(EntityKind::kImpact, item.meta.id));
      row.set("description", item.description);
      row.set("affected", item.affected);
      row.set("severity", std::to_string(item.severity));
      row.set("likelihood", std::to_string(item.likelihood));
      row.set("reversibility", EnumLabel(domain::EnumName(item.reversibility)));
      row.set("scale", EnumLabel(domain::EnumName(item.scale)));
      row.set("vulnerable", item.vulnerable_groups);
      row.set("mitigation", item.mitigation);
      row.set("residual", item.residual);
      std::string links;
      for (auto r : item.risks) links += (links.empty() ? "" : ", ") + DisplayId(EntityKind::kRisk, r);
      for (auto c : item.controls) links += (links.empty() ? "" : ", ") + DisplayId(EntityKind::kControl, c);
      row.set("links", links);
      (item.kind == domain::ImpactKind::kHarm ? harms : benefits).push_back(std::move(row));
    }
    d.set("harms", harms);
    d.set("has_harms", !harms.empty());
    d.set("benefit_items", benefits);
    d.set("has_benefit_items", !benefits.empty());

    DataList risks;
    for (auto rid : a.risks) {
      auto r = tx.records<domain::Risk>().Get(rid);
      if (!r.ok()) continue;
      Data row;
      row.set("id", DisplayId(EntityKind::kRisk, rid));
      row.set("title", r->title);
      int inherent = domain::InherentRank(scale, *r), residual = domain::ResidualRank(scale, *r);
      row.set("inherent", inherent >= 0 ? scale.LevelName(inherent) : "");
      row.set("residual", residual >= 0 ? scale.LevelName(residual) : "not assessed");
      row.set("status", std::string(domain::EnumName(r->status)));
      risks.push_back(std::move(row));
    }
    d.set("risks", risks);
    d.set("has_risks", !risks.empty());
    DataList controls;
    for (auto cid : a.controls) {
      auto c = tx.records<domain::Control>().Get(cid);
      if (!c.ok()) continue;
      Data row;
      row.set("id", DisplayId(EntityKind::kControl, cid));
      row.set("code", c->code);
      row.set("title", c->title);
      row.set("status", std::string(domain::EnumName(c->status)));
      controls.push_back(std::move(row));
    }
    d.set("controls", controls);
    d.set("has_controls", !controls.empty());

    AIMS_ASSIGN_OR_RETURN(auto history, tx.ledger().HistoryOf(domain::Info(EntityKind::kImpactAssessment).name, id));
    DataList entries;
    for (const auto& e : history) {
      Data row;
      row.set("seq", std::to_string(e.seq));
      row.set("time", e.time.ToString());
      row.set("actor", e.actor);
      row.set("action", e.action);
      entries.push_back(std::move(row));
    }
    d.set("history", entries);
    d.set("state_hash", base::ToHex(domain::StateHash(a)));
    return base::Status::OK();
  }));
  return Render("impact_document", d);
}

}  // namespace aims::web
