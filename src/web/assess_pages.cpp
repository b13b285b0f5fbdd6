#include "web/assess_pages.h"

#include <boost/json.hpp>

#include "api/record_writes.h"
#include "base/clock.h"
#include "domain/risk_scoring.h"
#include "io/aiact_json.h"
#include "io/register_json_reader.h"
#include "io/aiact_rules_parser.h"
#include "service/aiact_service.h"
#include "service/assessments.h"
#include "service/risk_library.h"
#include "web/impact_document.h"
#include "web/record_view.h"
#include "web/session_pages.h"
#include "web/view.h"

namespace aims::web {

namespace {

using domain::DisplayId;
using domain::EntityKind;
using domain::Permission;

base::Result<domain::RiskScale> ScaleNow(api::RequestContext& ctx, domain::RiskMethodology* out = nullptr) {
  domain::RiskMethodology m;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(m, service::CurrentMethodology(tx));
    return base::Status::OK();
  }));
  if (out) *out = m;
  return domain::RiskScale::Compile(m);
}

// A page that answers a form post: back to the record, or the error page.
base::Result<api::Response> Done(api::RequestContext& ctx, const base::Status& status, std::string_view back) {
  if (!status.ok()) return ErrorPage(status, ctx);
  return Redirect(back);
}

base::Result<api::Response> AcceptSubmit(api::RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  Form form = api::ParseQuery(ctx.request.body());
  AIMS_ASSIGN_OR_RETURN(int64_t version, FormVersion(form));
  service::Approver who{ctx.principal->person, ctx.principal->permissions.Has(Permission::kApprove)};
  std::string note = FormValue(form, "note");
  base::Status s = ctx.Mutate([&](service::Mutation& m) { return service::AcceptRisk(m, id, version, who, note, nullptr); });
  return Done(ctx, s, RecordPath(EntityKind::kRisk, id));
}

base::Result<api::Response> ApproveSubmit(api::RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  Form form = api::ParseQuery(ctx.request.body());
  AIMS_ASSIGN_OR_RETURN(int64_t version, FormVersion(form));
  service::Approver who{ctx.principal->person, ctx.principal->permissions.Has(Permission::kApprove)};
  base::Status s = ctx.Mutate([&](service::Mutation& m) {
    return service::ApproveImpactAssessment(m, id, version, who, nullptr);
  });
  return Done(ctx, s, RecordPath(EntityKind::kImpactAssessment, id));
}

base::Result<api::Response> ReviseSubmit(api::RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  domain::ImpactAssessment draft;
  base::Status s = ctx.Mutate([&](service::Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::ImpactAssessment source, m.Get<domain::ImpactAssessment>(id));
    AIMS_TRY(api::CheckOwnership(ctx, source, &m.tx()));
    return service::ReviseImpactAssessment(m, id, ctx.principal->person, &draft);
  });
  if (!s.ok()) return ErrorPage(s, ctx);
  return Redirect(RecordPath(EntityKind::kImpactAssessment, draft.meta.id));
}

base::Result<api::Response> DocumentPage(api::RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  AIMS_ASSIGN_OR_RETURN(std::string html, ImpactDocument(*ctx.ws, id));
  api::Response res = HtmlResponse(api::http::status::ok, std::move(html));
  // A standalone document: its own inline styles, no script at all.
  res.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
  return res;
}

base::Result<api::Response> MethodologyPage(api::RequestContext& ctx) {
  domain::RiskMethodology m;
  AIMS_ASSIGN_OR_RETURN(domain::RiskScale scale, ScaleNow(ctx, &m));
  service::RescoreSummary summary;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(summary, service::CountByLevel(tx, scale));
    return base::Status::OK();
  }));
  Data d;
  d.set("name", m.name);
  d.set("description", m.description);
  d.set("builtin", m.meta.id == 0);
  d.set("version", std::to_string(m.meta.version));
  d.set("appetite", m.appetite);
  if (!m.last_rescore.empty()) d.set("last_rescore", m.last_rescore);
  DataList header;
  for (int i = 1; i <= scale.impacts(); ++i) header.push_back(Data("name", scale.ImpactName(i)));
  d.set("impact_names", header);
  DataList rows;
  for (int l = scale.likelihoods(); l >= 1; --l) {
    Data row;
    row.set("likelihood", scale.LikelihoodName(l));
    DataList cells;
    for (int i = 1; i <= scale.impacts(); ++i) {
      int rank = scale.Rank(l, i);
      Data cell;
      cell.set("level", scale.LevelName(rank));
      cell.set("rank", std::to_string(rank));
      cell.set("above", scale.AboveAppetite(rank));
      cells.push_back(std::move(cell));
    }
    row.set("cells", cells);
    rows.push_back(std::move(row));
  }
  d.set("rows", rows);
  DataList levels;
  for (int r = 0; r < scale.level_count(); ++r) {
    Data level;
    level.set("name", scale.LevelName(r));
    level.set("review_days", std::to_string(scale.ReviewDays(r)));
    level.set("risks", std::to_string(summary.by_level[static_cast<size_t>(r)].second));
    level.set("above", scale.AboveAppetite(r));
    levels.push_back(std::move(level));
  }
  d.set("levels", levels);
  d.set("risks", std::to_string(summary.risks));
  d.set("above_appetite", std::to_string(summary.above_appetite_after));
  auto lines = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += s + "\n";
    return out;
  };
  d.set("likelihood_text", lines(m.likelihood_scale));
  d.set("impact_text", lines(m.impact_scale));
  d.set("levels_text", lines(m.levels));
  d.set("matrix_text", lines(m.matrix));
  d.set("review_text", lines(m.review_days));
  d.set("can_edit", ctx.principal->permissions.Has(Permission::kRiskWrite));
  d.set("csrf", ctx.csrf_token);
  if (auto e = ctx.Query("error")) d.set("error", *e);
  return Page(ctx, {"Risk methodology", "Register"}, Render("methodology", d));
}

base::Result<api::Response> MethodologySubmit(api::RequestContext& ctx) {
  Form form = api::ParseQuery(ctx.request.body());
  AIMS_ASSIGN_OR_RETURN(int64_t version, FormVersion(form));
  base::Status s = ctx.Mutate([&](service::Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::RiskMethodology next, m.Methodology());
    // The same form-to-JSON translation and reader as every register form (text lists: a line each).
    AIMS_TRY(io::ReadRecordChanges(FormToJson<domain::RiskMethodology>(form), &next));
    return service::SetMethodology(m, &next, version).status();
  });
  if (!s.ok()) {
    std::string text = (s.where().empty() ? "" : std::string(s.where()) + ": ") + std::string(s.message());
    return Redirect("/risk-methodology?error=" + api::PercentEncode(text));
  }
  return Redirect("/risk-methodology");
}

bool Has(const std::vector<std::string>& v, std::string_view x) { return std::find(v.begin(), v.end(), x) != v.end(); }

DataList Options(const std::vector<domain::AiActListEntry>& entries, const std::optional<std::string>& chosen,
                 std::string_view text) {
  DataList out;
  for (const auto& e : entries) {
    if (!e.InText(text)) continue;
    Data o;
    o.set("value", e.id);
    o.set("label", e.article + ": " + e.summary);
    o.set("selected", chosen && *chosen == e.id);
    out.push_back(std::move(o));
  }
  return out;
}

DataList Checks(const std::vector<domain::AiActListEntry>& entries, const std::vector<std::string>& chosen,
                std::string_view name, std::string_view text) {
  DataList out;
  for (const auto& e : entries) {
    if (!e.InText(text)) continue;
    Data o;
    o.set("name", std::string(name));
    o.set("value", e.id);
    o.set("id", std::string(name) + "-" + e.id);
    o.set("label", e.article + ": " + e.summary);
    o.set("checked", Has(chosen, e.id));
    out.push_back(std::move(o));
  }
  return out;
}

// The questionnaire for `system`, filled with `answers`, with `error` (and its key) if any.
base::Result<api::Response> ClassifyForm(api::RequestContext& ctx, const domain::AiSystem& system,
                                         const domain::AiActAnswers& answers, const base::Status& error) {
  AIMS_ASSIGN_OR_RETURN(auto rules, io::BuiltinAiActRules());
  const std::string text = rules->default_text;
  Data d;
  d.set("system_name", system.name);
  d.set("href", RecordPath(EntityKind::kAiSystem, system.meta.id));
  d.set("csrf", ctx.csrf_token);
  DataList roles;
  auto role_names = domain::EnumNames<domain::AiActRole>();
  for (size_t i = 1; i < role_names.size(); ++i) {
    Data o;
    o.set("value", std::string(role_names[i]));
    o.set("label", EnumLabel(role_names[i]));
    o.set("selected", static_cast<size_t>(answers.role) == i);
    roles.push_back(std::move(o));
  }
  d.set("roles", roles);
  d.set("scope_exclusions", Options(rules->scope_exclusions, answers.scope_exclusion, text));
  d.set("prohibitions", Checks(rules->prohibitions, answers.prohibited, "prohibited", text));
  d.set("annex_iii", Options(rules->annex_iii, answers.annex_iii, text));
  d.set("derogations", Options(rules->derogations, answers.derogation_6_3, text));
  d.set("transparency", Checks(rules->transparency, answers.transparency, "transparency", text));
  d.set("annex_i_safety", answers.annex_i.safety_component_or_product);
  d.set("annex_i_third_party", answers.annex_i.third_party_conformity_assessment);
  d.set("profiling", answers.profiling);
  d.set("gpai_model", answers.gpai.is_gpai_model);
  d.set("gpai_open_source", answers.gpai.open_source);
  d.set("gpai_flop", answers.gpai.training_compute_flop ? boost::json::serialize(boost::json::value(*answers.gpai.training_compute_flop)) : "");
  d.set("public_body", answers.public_body_or_public_service);
  d.set("rules", rules->title + " (" + rules->id + " revision " + std::to_string(rules->revision) + ")");
  if (!error.ok()) {
    d.set("error", std::string(error.message()));
    d.set("error_key", std::string(error.where()));
  }
  return Page(ctx, {"Classify " + system.name, "Register", error.ok() ? api::http::status::ok : api::http::status::unprocessable_entity},
              Render("classify", d));
}

base::Result<domain::AiSystem> SystemParam(api::RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  domain::AiSystem system;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(system, tx.records<domain::AiSystem>().Get(id));
    return base::Status::OK();
  }));
  return system;
}

base::Result<api::Response> ClassifyPage(api::RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::AiSystem system, SystemParam(ctx));
  AIMS_TRY(api::CheckOwnership(ctx, system));
  domain::AiActAnswers answers;
  answers.role = system.ai_act_role;
  // Start from the latest stored answers, if the system was classified before.
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(auto latest, service::LatestVersion<domain::AiActAssessment>(tx, system.meta.id, false));
    if (latest) {
      auto stored = io::ReadAiActAnswersJson(latest->answers, "");
      if (stored.ok()) answers = *stored;
    }
    return base::Status::OK();
  }));
  return ClassifyForm(ctx, system, answers, base::Status::OK());
}

// The answers JSON a submitted questionnaire holds: the same reader as the API and the CLI then
// checks it.
std::string AnswersJson(const Form& form) {
  namespace json = boost::json;
  json::object o;
  auto one = [&](std::string_view name) -> json::value {
    std::string v = FormValue(form, name);
    return v.empty() ? json::value(nullptr) : json::value(v);
  };
  auto many = [&](std::string_view name) {
    json::array a;
    auto [b, e] = form.equal_range(name);
    for (auto it = b; it != e; ++it) a.emplace_back(it->second);
    return a;
  };
  auto flag = [&](std::string_view name) { return !FormValue(form, name).empty(); };
  std::string role = FormValue(form, "role");
  if (!role.empty()) o["role"] = role;
  o["scope_exclusion"] = one("scope_exclusion");
  o["prohibited"] = many("prohibited");
  o["annex_i"] = {{"safety_component_or_product", flag("annex_i_safety")},
                  {"third_party_conformity_assessment", flag("annex_i_third_party")}};
  o["annex_iii"] = one("annex_iii");
  o["derogation_6_3"] = one("derogation_6_3");
  o["profiling"] = flag("profiling");
  o["transparency"] = many("transparency");
  json::object gpai = {{"is_gpai_model", flag("gpai_model")}, {"open_source", flag("gpai_open_source")}};
  std::string flop = FormValue(form, "gpai_flop");
  if (!flop.empty()) {
    boost::system::error_code ec;
    json::value v = json::parse(flop, ec);
    gpai["training_compute_flop"] = ec ? json::value(flop) : v;  // a non-number is refused by the reader
  }
  o["gpai"] = gpai;
  o["public_body_or_public_service"] = flag("public_body");
  return json::serialize(o);
}

base::Result<api::Response> ClassifySubmit(api::RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::AiSystem system, SystemParam(ctx));
  Form form = api::ParseQuery(ctx.request.body());
  std::string json = AnswersJson(form);
  auto answers = io::ReadAiActAnswersJson(json, "");
  if (!answers.ok()) return ClassifyForm(ctx, system, domain::AiActAnswers{}, answers.status());
  base::Status done = ctx.Mutate([&](service::Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::AiSystem current, m.Get<domain::AiSystem>(system.meta.id));
    AIMS_TRY(api::CheckOwnership(ctx, current, &m.tx()));
    return service::ClassifySystem(m, system.meta.id, *answers, "", base::Now().date(), ctx.principal->person).status();
  });
  if (!done.ok()) {
    if (done.code() == base::StatusCode::kPermissionDenied) return ErrorPage(done, ctx);
    return ClassifyForm(ctx, system, *answers, done);
  }
  return Redirect(RecordPath(EntityKind::kAiSystem, system.meta.id) + "#aiact");
}

// The seed risks, each with a link that opens the new-risk form filled from it (?systems= is
// passed on, so a link from a system can start a risk that belongs to it).
base::Result<api::Response> RiskLibraryPage(api::RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(auto library, service::SeedRisks());
  auto join = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out;
  };
  std::string system_query;
  if (auto system = ctx.Query("systems")) system_query = "&systems=" + api::PercentEncode(*system);
  Data d;
  d.set("title", library->title);
  d.set("revision", std::to_string(library->revision));
  d.set("source", library->source);
  d.set("can_create", domain::MayCreate(ctx.principal->permissions, domain::EntityKind::kRisk));
  DataList items;
  for (const auto& t : library->items) {
    Data item;
    item.set("id", t.id);
    item.set("title", t.title);
    item.set("description", t.description);
    item.set("source", t.source);
    item.set("objectives", join(t.objectives));
    item.set("controls", join(t.controls));
    item.set("likelihood", std::to_string(t.likelihood));
    item.set("impact", std::to_string(t.impact));
    item.set("treatment", std::string(domain::EnumName(t.treatment)));
    item.set("treatment_plan", t.treatment_plan);
    item.set("system_query", system_query);
    items.push_back(std::move(item));
  }
  d.set("items", items);
  return Page(ctx, {"Seed risk library", "Risks"}, Render("risk_library", d));
}

}  // namespace

std::string AssessPanel(api::RequestContext& ctx, const domain::Risk& risk) {
  auto scale = ScaleNow(ctx);
  if (!scale.ok()) return "";
  base::Date today = base::Now().date();
  Data d;
  d.set("risk", true);
  int inherent = domain::InherentRank(*scale, risk), residual = domain::ResidualRank(*scale, risk);
  int effective = domain::EffectiveRank(*scale, risk);
  d.set("inherent", inherent >= 0 ? scale->LevelName(inherent) : "off the scale");
  d.set("residual", residual >= 0 ? scale->LevelName(residual) : "not assessed");
  d.set("appetite", scale->LevelName(scale->appetite()));
  bool above = effective >= 0 && scale->AboveAppetite(effective);
  d.set("above", above);
  d.set("review_overdue", domain::ReviewOverdue(risk, today));
  d.set("treatment_overdue", domain::TreatmentOverdue(risk, today));
  d.set("accepted", risk.accepted_by.has_value());
  if (risk.accepted_by) {
    NameCache names(*ctx.ws);
    d.set("accepted_by", names.Name(EntityKind::kPerson, *risk.accepted_by));
    d.set("accepted_on", risk.accepted_on ? risk.accepted_on->ToString() : "");
    d.set("acceptance_note", risk.acceptance_note);
  }
  bool approver = ctx.principal->permissions.Has(Permission::kApprove);
  bool owner = risk.owner && risk.owner == ctx.principal->person;
  d.set("may_accept", approver && !owner && !risk.accepted_by && !risk.meta.retired());
  d.set("owner_cannot_accept", approver && owner && !risk.accepted_by);
  d.set("href", RecordPath(EntityKind::kRisk, risk.meta.id));
  d.set("version", std::to_string(risk.meta.version));
  d.set("csrf", ctx.csrf_token);
  return Render("assess_panel", d);
}

std::string AssessPanel(api::RequestContext& ctx, const domain::ImpactAssessment& a) {
  Data d;
  d.set("impact", true);
  d.set("status", std::string(domain::EnumName(a.status)));
  d.set("draft", a.status == domain::AssessmentStatus::kDraft);
  d.set("version_number", std::to_string(a.version));
  std::optional<domain::Id> system_owner;
  (void)ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    if (a.system) {
      auto s = tx.records<domain::AiSystem>().Get(*a.system);
      if (s.ok()) system_owner = s->owner;
    }
    return base::Status::OK();
  });
  bool approver = ctx.principal->permissions.Has(Permission::kApprove);
  bool drafted = a.drafted_by && a.drafted_by == ctx.principal->person;
  bool owns = system_owner && system_owner == ctx.principal->person;
  bool draft = a.status == domain::AssessmentStatus::kDraft;
  d.set("may_approve", approver && draft && !drafted && !owns && !a.meta.retired());
  d.set("self_approval", approver && draft && (drafted || owns));
  d.set("may_revise", !draft && api::CheckOwnership(ctx, a).ok());
  if (a.approved_by) {
    NameCache names(*ctx.ws);
    d.set("approved_by", names.Name(EntityKind::kPerson, *a.approved_by));
    d.set("approved_on", a.approved_on ? a.approved_on->ToString() : "");
  }
  d.set("href", RecordPath(EntityKind::kImpactAssessment, a.meta.id));
  d.set("version", std::to_string(a.meta.version));
  d.set("csrf", ctx.csrf_token);
  d.set("new_item_href", KindPath(EntityKind::kImpact) + "/new?assessment=" + std::to_string(a.meta.id));
  return Render("assess_panel", d);
}

std::string AssessPanel(api::RequestContext& ctx, const domain::AiSystem& system) {
  Data d;
  d.set("system", true);
  d.set("tier", EnumLabel(domain::EnumName(system.ai_act_tier)));
  d.set("tier_key", std::string(domain::EnumName(system.ai_act_tier)));
  d.set("href", RecordPath(EntityKind::kAiSystem, system.meta.id));
  DataList obligations;
  std::optional<domain::AiActAssessment> latest;
  std::optional<domain::ImpactAssessment> impact;
  (void)ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(latest, service::LatestVersion<domain::AiActAssessment>(tx, system.meta.id, false));
    AIMS_ASSIGN_OR_RETURN(impact, service::LatestVersion<domain::ImpactAssessment>(tx, system.meta.id, false));
    std::optional<store::PageKey> next;
    store::RecordQuery oq;
    oq.equals = {{"system", std::to_string(system.meta.id)}};
    oq.not_equals = {{"status", "met"}};
    oq.sort = "applies_from";
    oq.limit = 100;
    std::vector<domain::Obligation> open;
    AIMS_TRY(tx.records<domain::Obligation>().Query(oq, &open, &next));
    for (const auto& o : open) {
      if (o.status == domain::ObligationStatus::kNotApplicable || o.status == domain::ObligationStatus::kSuperseded) continue;
      Data row;
      row.set("href", RecordPath(EntityKind::kObligation, o.meta.id));
      row.set("article", o.article);
      row.set("summary", o.summary);
      row.set("binds", EnumLabel(domain::EnumName(o.binds)));
      row.set("applies_from", o.applies_from ? o.applies_from->ToString() : "");
      row.set("status", EnumLabel(domain::EnumName(o.status)));
      obligations.push_back(std::move(row));
    }
    return base::Status::OK();
  });
  if (latest) {
    d.set("classified", true);
    d.set("classification_href", RecordPath(EntityKind::kAiActAssessment, latest->meta.id));
    d.set("classification_version", std::to_string(latest->version));
    d.set("fria_required", latest->fria_required);
    d.set("as_of", latest->as_of ? latest->as_of->ToString() : "");
  }
  if (impact) {
    d.set("has_impact", true);
    d.set("impact_href", RecordPath(EntityKind::kImpactAssessment, impact->meta.id));
    d.set("impact_version", std::to_string(impact->version));
    d.set("impact_status", std::string(domain::EnumName(impact->status)));
  }
  d.set("obligations", obligations);
  d.set("has_obligations", !obligations.empty());
  d.set("may_classify", api::CheckOwnership(ctx, system).ok());
  d.set("new_impact_href", KindPath(EntityKind::kImpactAssessment) + "/new?system=" + std::to_string(system.meta.id));
  return Render("assess_panel", d);
}

bool FrozenForForms(api::RequestContext&, const domain::ImpactAssessment& a) {
  return a.status != domain::AssessmentStatus::kDraft;
}

bool FrozenForForms(api::RequestContext& ctx, const domain::ImpactItem& item) {
  if (!item.assessment) return false;
  bool frozen = false;
  (void)ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    auto a = tx.records<domain::ImpactAssessment>().Get(*item.assessment);
    frozen = a.ok() && a->status != domain::AssessmentStatus::kDraft;
    return base::Status::OK();
  });
  return frozen;
}

void AddAssessPages(api::Router& router) {
  auto page = [&router](api::http::verb method, std::string pattern, api::Access access, api::Handler handler) {
    AddPage(router, method, std::move(pattern), access, std::move(handler));
  };
  domain::WriteAccess w = domain::WriteAccessFor(EntityKind::kImpactAssessment);
  domain::WriteAccess sw = domain::WriteAccessFor(EntityKind::kAiSystem);
  page(api::http::verb::get, "/systems/{id}/classify", api::Access::Needs(sw.any, sw.own), ClassifyPage);
  page(api::http::verb::post, "/systems/{id}/classify", api::Access::Needs(sw.any, sw.own), ClassifySubmit);
  page(api::http::verb::post, "/risks/{id}/accept", api::Access::Needs(Permission::kApprove), AcceptSubmit);
  page(api::http::verb::post, "/impact_assessments/{id}/approve", api::Access::Needs(Permission::kApprove), ApproveSubmit);
  page(api::http::verb::post, "/impact_assessments/{id}/revise", api::Access::Needs(w.any, w.own), ReviseSubmit);
  page(api::http::verb::get, "/impact_assessments/{id}/document", api::Access::Needs(Permission::kRegisterRead), DocumentPage);
  page(api::http::verb::get, "/risk-methodology", api::Access::Needs(Permission::kRegisterRead), MethodologyPage);
  page(api::http::verb::get, "/risk-library", api::Access::Needs(Permission::kRegisterRead), RiskLibraryPage);
  page(api::http::verb::post, "/risk-methodology", api::Access::Needs(Permission::kRiskWrite), MethodologySubmit);
}

}  // namespace aims::web
