#include "web/gate_pages.h"

#include "api/record_writes.h"
#include "base/clock.h"
#include "domain/gate_policy_text.h"
#include "service/lifecycle_gates.h"
#include "web/record_view.h"
#include "web/session_pages.h"
#include "web/view.h"

namespace aims::web {

namespace {

using domain::DisplayId;
using domain::EntityKind;
using domain::LifecycleStage;
using domain::Permission;

std::string StageLabel(LifecycleStage s) { return Capitalised(EnumLabel(domain::EnumName(s))); }

DataList ChecklistRows(const std::vector<domain::GateItem>& items) {
  DataList rows;
  for (const auto& item : items) {
    Data row;
    row.set("check", std::string(domain::EnumName(item.check)));
    row.set("label", std::string(domain::GateCheckLabel(item.check)));
    row.set("met", item.met);
    rows.push_back(std::move(row));
  }
  return rows;
}

base::Result<api::Response> AdvanceSubmit(api::RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  Form form = api::ParseQuery(ctx.request.body());
  auto to = domain::ParseEnum<LifecycleStage>(FormValue(form, "to"));
  if (!to) return ErrorPage(base::Status::InvalidArgument("choose a stage", "to"), ctx);
  service::AdvanceRequest request{id, *to, FormValue(form, "reason"), FormValue(form, "override") == "1"};
  service::Requester who{ctx.principal->person, ctx.principal->permissions.Has(Permission::kUserAdmin)};
  domain::GateRequest gate;
  base::Status s = ctx.Mutate([&](service::Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::AiSystem system, m.Get<domain::AiSystem>(id));
    AIMS_TRY(api::CheckOwnership(ctx, system, &m.tx()));
    AIMS_ASSIGN_OR_RETURN(gate, service::RequestAdvance(m, request, who));
    return base::Status::OK();
  });
  if (!s.ok()) return ErrorPage(s, ctx);
  return Redirect(RecordPath(EntityKind::kGateRequest, gate.meta.id));
}

base::Result<api::Response> DecideSubmit(api::RequestContext& ctx, bool approve) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  Form form = api::ParseQuery(ctx.request.body());
  AIMS_ASSIGN_OR_RETURN(int64_t version, FormVersion(form));
  service::Approver who{ctx.principal->person, ctx.principal->permissions.Has(Permission::kApprove)};
  std::string note = FormValue(form, "note");
  base::Status s = ctx.Mutate([&](service::Mutation& m) -> base::Status {
    if (approve) return service::ApproveGate(m, id, version, who, note).status();
    return service::RefuseGate(m, id, version, who, note).status();
  });
  if (!s.ok()) return ErrorPage(s, ctx);
  return Redirect(RecordPath(EntityKind::kGateRequest, id));
}

base::Result<api::Response> PolicyPage(api::RequestContext& ctx) {
  std::optional<domain::GatePolicyRecord> stored;
  domain::GatePolicy policy;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(stored, service::StoredGatePolicy(tx));
    AIMS_ASSIGN_OR_RETURN(policy, service::CurrentGatePolicy(tx));
    return base::Status::OK();
  }));
  Data d;
  d.set("builtin", !stored);
  if (stored) {
    d.set("record_href", RecordPath(EntityKind::kGatePolicy, stored->meta.id));
    d.set("record_id", DisplayId(EntityKind::kGatePolicy, stored->meta.id));
    d.set("version", std::to_string(stored->meta.version));
  }
  d.set("rules", stored ? stored->rules : domain::FormatGatePolicy(policy));
  DataList rules;
  for (const auto& rule : policy.rules) {
    Data r;
    r.set("to", StageLabel(rule.to));
    std::string tiers;
    for (auto t : rule.tiers) tiers += (tiers.empty() ? "" : ", ") + EnumLabel(domain::EnumName(t));
    r.set("tiers", tiers.empty() ? std::string("every tier") : tiers);
    std::string checks;
    for (auto c : rule.checks) checks += (checks.empty() ? "" : "; ") + std::string(domain::GateCheckLabel(c));
    r.set("checks", checks);
    r.set("approvers", std::to_string(rule.approvers));
    rules.push_back(std::move(r));
  }
  d.set("policy_rules", rules);
  DataList checks;
  for (auto c : domain::EnumNames<domain::GateCheck>()) {
    Data row;
    row.set("name", std::string(c));
    row.set("label", std::string(domain::GateCheckLabel(*domain::ParseEnum<domain::GateCheck>(c))));
    checks.push_back(std::move(row));
  }
  d.set("checks", checks);
  d.set("can_edit", ctx.principal->permissions.Has(domain::WriteAccessFor(EntityKind::kGatePolicy).any));
  d.set("csrf", ctx.csrf_token);
  if (auto e = ctx.Query("error")) d.set("error", *e);
  return Page(ctx, {"Lifecycle gate policy", "Register"}, Render("gate_policy", d));
}

// The policy form: creates the policy record the first time, then changes its rules.
base::Result<api::Response> PolicySubmit(api::RequestContext& ctx) {
  Form form = api::ParseQuery(ctx.request.body());
  std::string rules = FormValue(form, "rules");
  auto version = FormVersion(form);  // absent while the built-in policy holds
  base::Status s = ctx.Mutate([&](service::Mutation& m) {
    return service::SetGatePolicyRules(m, rules, version.ok() ? std::optional<int64_t>(*version) : std::nullopt)
        .status();
  });
  if (!s.ok()) {
    std::string text = (s.where().empty() ? "" : std::string(s.where()) + ": ") + std::string(s.message());
    return Redirect("/gate-policy?error=" + api::PercentEncode(text));
  }
  return Redirect("/gate-policy");
}

}  // namespace

std::string GatePanel(api::RequestContext& ctx, const domain::AiSystem& system) {
  Data d;
  d.set("system", true);
  d.set("href", RecordPath(EntityKind::kAiSystem, system.meta.id));
  d.set("stage", StageLabel(system.lifecycle_stage));
  d.set("csrf", ctx.csrf_token);
  bool retired_stage = system.lifecycle_stage == LifecycleStage::kRetirement;
  std::optional<domain::GateRequest> pending;
  std::optional<domain::GateOutcome> next_gate;
  LifecycleStage next{};
  DataList overrides;
  (void)ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(pending, service::PendingGate(tx, system.meta.id));
    store::RecordQuery q;
    q.equals = {{"system", std::to_string(system.meta.id)}, {"status", "overridden"}};
    q.limit = 20;
    std::vector<domain::GateRequest> overridden;
    std::optional<store::PageKey> page;
    AIMS_TRY(tx.records<domain::GateRequest>().Query(q, &overridden, &page));
    for (const auto& g : overridden) {
      Data o;
      o.set("href", RecordPath(EntityKind::kGateRequest, g.meta.id));
      o.set("id", DisplayId(EntityKind::kGateRequest, g.meta.id));
      o.set("to", StageLabel(g.to_stage));
      o.set("on", g.decided_on ? g.decided_on->ToString() : "");
      o.set("note", g.decision_note);
      overrides.push_back(std::move(o));
    }
    auto following = domain::NextStage(system.lifecycle_stage);
    // Retirement is offered with the moves back, not as a gate.
    if (system.meta.retired() || !following || *following == LifecycleStage::kRetirement) return base::Status::OK();
    next = *following;
    AIMS_ASSIGN_OR_RETURN(domain::GatePolicy policy, service::CurrentGatePolicy(tx));
    AIMS_ASSIGN_OR_RETURN(next_gate, service::EvaluateSystemGate(tx, policy, system.meta.id, next, base::Now().date()));
    return base::Status::OK();
  });
  d.set("overrides", overrides);
  d.set("overridden", !overrides.empty());
  bool may_request = api::CheckOwnership(ctx, system).ok() && !system.meta.retired();
  if (pending) {
    d.set("pending", true);
    d.set("pending_href", RecordPath(EntityKind::kGateRequest, pending->meta.id));
    d.set("pending_id", DisplayId(EntityKind::kGateRequest, pending->meta.id));
    d.set("pending_to", StageLabel(pending->to_stage));
    d.set("pending_approvals", std::to_string(pending->approved_by.size()) + " of " +
                                   std::to_string(pending->approvers_needed));
  }
  if (next_gate) {
    auto unmet = next_gate->Unmet();
    d.set("has_next", true);
    d.set("next", StageLabel(next));
    d.set("next_key", std::string(domain::EnumName(next)));
    d.set("checklist", ChecklistRows(next_gate->checklist));
    d.set("met", unmet.empty());
    d.set("unmet_count", std::to_string(unmet.size()));
    DataList missing;
    for (auto c : unmet) {
      Data m;
      m.set("check", std::string(domain::EnumName(c)));
      m.set("label", std::string(domain::GateCheckLabel(c)));
      missing.push_back(std::move(m));
    }
    d.set("missing", missing);
    d.set("approvers_needed", std::to_string(next_gate->approvers_needed));
    d.set("may_request", may_request && !pending && unmet.empty() && ctx.principal->person.has_value());
    d.set("no_person", may_request && !ctx.principal->person.has_value());
    d.set("may_override", may_request && ctx.principal->permissions.Has(Permission::kUserAdmin) && !unmet.empty() &&
                              (!pending || pending->to_stage == next));
  }
  // Moves back for re-work, and retirement: no gate.
  DataList back;
  if (!retired_stage) {
    for (int s = 0; s < static_cast<int>(system.lifecycle_stage); ++s) {
      auto stage = static_cast<LifecycleStage>(s);
      Data option;
      option.set("key", std::string(domain::EnumName(stage)));
      option.set("label", StageLabel(stage));
      back.push_back(std::move(option));
    }
    Data retire;
    retire.set("key", std::string("retirement"));
    retire.set("label", std::string("Retirement"));
    back.push_back(std::move(retire));
  }
  d.set("back", back);
  d.set("may_move_back", may_request && !pending && !back.empty() && ctx.principal->person.has_value());
  d.set("gates_href", KindPath(EntityKind::kGateRequest) + "?system=" + std::to_string(system.meta.id));
  return Render("gate_panel", d);
}

std::string GatePanel(api::RequestContext& ctx, const domain::GateRequest& gate) {
  Data d;
  d.set("gate", true);
  d.set("href", RecordPath(EntityKind::kGateRequest, gate.meta.id));
  d.set("status", std::string(domain::EnumName(gate.status)));
  d.set("overridden", gate.status == domain::GateStatus::kOverridden);
  d.set("from", StageLabel(gate.from_stage));
  d.set("to", StageLabel(gate.to_stage));
  d.set("decision_note", gate.decision_note);
  d.set("approvals", std::to_string(gate.approved_by.size()) + " of " + std::to_string(gate.approvers_needed));
  NameCache names(*ctx.ws);
  if (gate.system) {
    d.set("system_href", RecordPath(EntityKind::kAiSystem, *gate.system));
    d.set("system_name", names.Name(EntityKind::kAiSystem, *gate.system));
  }
  std::vector<domain::GateItem> items;
  for (const auto& line : gate.checklist) {
    if (auto item = domain::ParseChecklistLine(line)) items.push_back(*item);
  }
  d.set("checklist", ChecklistRows(items));
  DataList events;
  for (const auto& e : gate.events) events.push_back(Data("text", e));
  d.set("events", events);
  bool pending = gate.status == domain::GateStatus::kPending;
  bool approver = ctx.principal->permissions.Has(Permission::kApprove);
  bool requester = gate.requested_by && gate.requested_by == ctx.principal->person;
  bool approved = ctx.principal->person && std::find(gate.approved_by.begin(), gate.approved_by.end(),
                                                     *ctx.principal->person) != gate.approved_by.end();
  d.set("may_decide", pending && approver && !requester && !approved && ctx.principal->person.has_value());
  d.set("own_request", pending && approver && requester);
  d.set("already_approved", pending && approved);
  d.set("version", std::to_string(gate.meta.version));
  d.set("csrf", ctx.csrf_token);
  return Render("gate_panel", d);
}

void AddGatePages(api::Router& router) {
  auto page = [&router](api::http::verb method, std::string pattern, api::Access access, api::Handler handler) {
    AddPage(router, method, std::move(pattern), access, std::move(handler));
  };
  domain::WriteAccess sw = domain::WriteAccessFor(EntityKind::kAiSystem);
  page(api::http::verb::post, "/systems/{id}/advance", api::Access::Needs(sw.any, sw.own), AdvanceSubmit);
  page(api::http::verb::post, "/gate_requests/{id}/approve", api::Access::Needs(Permission::kApprove),
       [](api::RequestContext& ctx) { return DecideSubmit(ctx, true); });
  page(api::http::verb::post, "/gate_requests/{id}/refuse", api::Access::Needs(Permission::kApprove),
       [](api::RequestContext& ctx) { return DecideSubmit(ctx, false); });
  page(api::http::verb::get, "/gate-policy", api::Access::Needs(Permission::kRegisterRead), PolicyPage);
  page(api::http::verb::post, "/gate-policy",
       api::Access::Needs(domain::WriteAccessFor(EntityKind::kGatePolicy).any), PolicySubmit);
}

}  // namespace aims::web
