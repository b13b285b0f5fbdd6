#include "api/assessment_routes.h"

#include <boost/json.hpp>

#include "api/approvals.h"
#include "api/record_responses.h"
#include "api/record_writes.h"
#include "io/register_json_reader.h"
#include "base/clock.h"
#include "io/aiact_json.h"
#include "service/aiact_service.h"
#include "service/assessments.h"
#include "service/risk_library.h"
#include "io/risk_library_json.h"

namespace aims::api {

namespace json = boost::json;
using domain::Permission;

service::Approver ApproverOf(const RequestContext& ctx) {
  return {ctx.principal->person, ctx.principal->permissions.Has(Permission::kApprove)};
}

base::Result<std::string> NoteOf(const RequestContext& ctx) {
  if (ctx.request.body().empty()) return std::string();
  AIMS_TRY(BodyIsJson(ctx));
  boost::system::error_code ec;
  json::value v = json::parse(ctx.request.body(), ec);
  if (ec || !v.is_object()) return base::Status::InvalidArgument("not valid JSON: expected an object");
  for (const auto& [key, value] : v.as_object()) {
    if (key != "note") return base::Status::InvalidArgument("unknown field", "/" + std::string(key));
    if (!value.is_string()) return base::Status::InvalidArgument("must be a string", "/note");
  }
  if (const json::value* note = v.as_object().if_contains("note")) return std::string(note->as_string());
  return std::string();
}

namespace {

void AppendSummary(const service::RescoreSummary& s, std::string* out) {
  *out += "{\"risks\": " + std::to_string(s.risks) + ", \"inherent_changed\": " + std::to_string(s.inherent_changed) +
          ", \"residual_changed\": " + std::to_string(s.residual_changed) +
          ", \"above_appetite_before\": " + std::to_string(s.above_appetite_before) +
          ", \"above_appetite\": " + std::to_string(s.above_appetite_after) + ", \"levels\": {";
  for (size_t i = 0; i < s.by_level.size(); ++i) {
    if (i) *out += ", ";
    base::AppendJsonString(out, s.by_level[i].first);
    *out += ": " + std::to_string(s.by_level[i].second);
  }
  *out += "}}";
}

// {"methodology": {...}, "levels": {...}}: the record (id 0 while the built-in one is in force).
Response MethodologyResponse(http::status status, const domain::RiskMethodology& m, const service::RescoreSummary& s) {
  std::string body = "{\"methodology\": ";
  io::RecordJsonWriter::Append(m, &body);
  body += ", \"builtin\": ";
  body += m.meta.id == 0 ? "true" : "false";
  body += ", \"levels\": ";
  AppendSummary(s, &body);
  body += "}\n";
  Response res = JsonResponse(status, std::move(body));
  res.set(http::field::etag, Etag(m.meta.version));
  return res;
}

base::Result<Response> GetMethodology(RequestContext& ctx) {
  domain::RiskMethodology m;
  service::RescoreSummary s;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(m, service::CurrentMethodology(tx));
    AIMS_ASSIGN_OR_RETURN(domain::RiskScale scale, domain::RiskScale::Compile(m));
    AIMS_ASSIGN_OR_RETURN(s, service::CountByLevel(tx, scale));
    return base::Status::OK();
  }));
  return MethodologyResponse(http::status::ok, m, s);
}

base::Result<Response> PutMethodology(RequestContext& ctx) {
  if (auto s = BodyIsJson(ctx); !s.ok()) return BodyProblem(s, ctx);
  // If-Match is needed once there is a stored methodology to overwrite; "0" names the built-in.
  std::optional<int64_t> expected;
  if (!ctx.request[http::field::if_match].empty()) {
    auto v = RequiredVersion(ctx);
    if (auto* refused = std::get_if<Response>(&v)) return std::move(*refused);
    expected = std::get<int64_t>(v);
  }
  domain::RiskMethodology next;
  service::RescoreSummary summary;
  base::Status done = ctx.Mutate([&](service::Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(next, m.Methodology());
    if (next.meta.id > 0 && !expected) {
      return base::Status(base::StatusCode::kFailedPrecondition,
                          "send If-Match with the ETag of the methodology you are changing", "If-Match");
    }
    AIMS_TRY(io::ReadRecordChanges(ctx.request.body(), &next));
    internal::KeepManagedFields(domain::RiskMethodology{}, &next);
    AIMS_ASSIGN_OR_RETURN(summary, service::SetMethodology(m, &next, expected));
    return base::Status::OK();
  });
  if (!done.ok()) {
    if (done.where() == "If-Match") {
      return ProblemResponse(http::status::precondition_required, done.message(), ctx.path, ctx.request_id, "If-Match");
    }
    return BodyProblem(done, ctx);
  }
  return MethodologyResponse(http::status::ok, next, summary);
}


base::Result<Response> AcceptRisk(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  auto version = RequiredVersion(ctx);
  if (auto* refused = std::get_if<Response>(&version)) return std::move(*refused);
  auto note = NoteOf(ctx);
  if (!note.ok()) return BodyProblem(note.status(), ctx);
  domain::Risk risk;
  base::Status done = ctx.Mutate([&](service::Mutation& m) {
    return service::AcceptRisk(m, id, std::get<int64_t>(version), ApproverOf(ctx), *note, &risk);
  });
  if (!done.ok()) return BodyProblem(done, ctx);
  return RecordResponse(http::status::ok, risk);
}

base::Result<Response> ApproveImpactAssessment(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  auto version = RequiredVersion(ctx);
  if (auto* refused = std::get_if<Response>(&version)) return std::move(*refused);
  domain::ImpactAssessment a;
  AIMS_TRY(ctx.Mutate([&](service::Mutation& m) {
    return service::ApproveImpactAssessment(m, id, std::get<int64_t>(version), ApproverOf(ctx), &a);
  }));
  return RecordResponse(http::status::ok, a);
}

base::Result<Response> ReviseImpactAssessment(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  domain::ImpactAssessment a;
  AIMS_TRY(ctx.Mutate([&](service::Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::ImpactAssessment source, m.Get<domain::ImpactAssessment>(id));
    AIMS_TRY(CheckOwnership(ctx, source, &m.tx()));
    return service::ReviseImpactAssessment(m, id, ctx.principal->person, &a);
  }));
  return RecordResponse(http::status::created, a);
}

// ?as_of=YYYY-MM-DD (default today) and ?text=original|amended (default: the rules' default).
base::Result<std::pair<base::Date, std::string>> ClassifyParams(const RequestContext& ctx) {
  base::Date as_of = base::Now().date();
  if (auto q = ctx.Query("as_of")) {
    auto d = base::Date::Parse(*q);
    if (!d.ok()) return base::Status::InvalidArgument("not a date (YYYY-MM-DD)", "as_of");
    as_of = *d;
  }
  return std::pair{as_of, ctx.Query("text").value_or("")};
}

base::Result<Response> ClassifyStateless(RequestContext& ctx) {
  if (auto s = BodyIsJson(ctx); !s.ok()) return BodyProblem(s, ctx);
  auto params = ClassifyParams(ctx);
  if (!params.ok()) return BodyProblem(params.status(), ctx);
  auto answers = io::ReadAiActAnswersJson(ctx.request.body(), "");
  if (!answers.ok()) return BodyProblem(answers.status(), ctx);
  auto c = service::ClassifyAnswers(*answers, params->second, params->first);
  if (!c.ok()) return BodyProblem(c.status(), ctx);
  return JsonResponse(http::status::ok, io::WriteAiActClassificationJson(*c) + "\n");
}

base::Result<Response> ClassifySystem(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  if (auto s = BodyIsJson(ctx); !s.ok()) return BodyProblem(s, ctx);
  auto params = ClassifyParams(ctx);
  if (!params.ok()) return BodyProblem(params.status(), ctx);
  auto answers = io::ReadAiActAnswersJson(ctx.request.body(), "");
  if (!answers.ok()) return BodyProblem(answers.status(), ctx);
  service::ClassifyOutcome out;
  base::Status done = ctx.Mutate([&](service::Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::AiSystem system, m.Get<domain::AiSystem>(id));
    AIMS_TRY(CheckOwnership(ctx, system, &m.tx()));
    AIMS_ASSIGN_OR_RETURN(out, service::ClassifySystem(m, id, *answers, params->second, params->first,
                                                       ctx.principal->person));
    return base::Status::OK();
  });
  if (!done.ok()) return BodyProblem(done, ctx);
  std::string body = "{\"assessment\": ";
  io::RecordJsonWriter::Append(out.assessment, &body);
  body += ", \"unchanged\": ";
  body += out.unchanged ? "true" : "false";
  body += ", \"obligations_added\": " + std::to_string(out.obligations_added) +
          ", \"obligations_superseded\": " + std::to_string(out.obligations_superseded) +
          ", \"classification\": " + io::WriteAiActClassificationJson(out.classification) + "}\n";
  return JsonResponse(out.unchanged ? http::status::ok : http::status::created, std::move(body));
}

base::Result<Response> GetRiskLibrary(RequestContext&) {
  AIMS_ASSIGN_OR_RETURN(auto library, service::SeedRisks());
  return JsonResponse(http::status::ok, io::RiskLibraryJson(*library) + "\n");
}

// A risk from a seed risk; the body (optional) holds the risk's own values, which win.
base::Result<Response> CreateRiskFromLibrary(RequestContext& ctx) {
  std::string_view body = ctx.request.body();
  if (!body.empty()) {
    if (auto s = BodyIsJson(ctx); !s.ok()) return BodyProblem(s, ctx);
  }
  domain::Risk start;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(start, service::RiskFromLibrary(tx, ctx.params.at("id")));
    return base::Status::OK();
  }));
  base::Result<domain::Risk> risk = CreateFromJson<domain::Risk>(ctx, body.empty() ? "{}" : body, std::move(start));
  if (!risk.ok()) return BodyProblem(risk.status(), ctx);
  Response res = RecordResponse(http::status::created, *risk);
  res.set(http::field::location, "/api/v1/risks/" + std::to_string(risk->meta.id));
  return res;
}

}  // namespace

void AddAssessmentRoutes(Router& router) {
  router.Add({http::verb::post, "/api/v1/aiact/classify", Access::Needs(Permission::kRegisterRead),
              {"Classify a use under the EU AI Act from the questionnaire's answers (nothing stored); ?as_of, ?text",
               "aiact_assessments", "aiact_answers", "aiact_classification", false, false, 200, {}},
              ClassifyStateless});
  domain::WriteAccess sw = domain::WriteAccessFor(domain::EntityKind::kAiSystem);
  router.Add({http::verb::post, "/api/v1/systems/{id}/classify", Access::Needs(sw.any, sw.own),
              {"Classify an AI system under the EU AI Act: a new stored version when the answers change, its tier "
               "and obligations updated; ?as_of, ?text",
               "aiact_assessments", "aiact_answers", "aiact_outcome", false, false, 201, {}},
              ClassifySystem});
  Access read = Access::Needs(Permission::kRegisterRead);
  router.Add({http::verb::get, "/api/v1/risk-methodology", read,
              {"The risk methodology in force, and how many live risks sit at each of its levels", "risk_methodologies", "",
               "methodology_view", false, true, 200, {}},
              GetMethodology});
  router.Add({http::verb::put, "/api/v1/risk-methodology", Access::Needs(Permission::kRiskWrite),
              {"Change the risk methodology (fields not given are kept); re-scores every risk in the same transaction",
               "risk_methodologies", "risk_methodology_input", "methodology_view", false, true, 200, {}},
              PutMethodology});
  router.Add({http::verb::get, "/api/v1/risk-library", read,
              {"The seed risks (bias, unexplainable decisions, over-reliance, ...) a new risk can start from",
               "risks", "", "risk_library", false, false, 200, {}},
              GetRiskLibrary});
  domain::WriteAccess rw = domain::WriteAccessFor(domain::EntityKind::kRisk);
  router.Add({http::verb::post, "/api/v1/risk-library/{id}/risks", Access::Needs(rw.any, rw.own),
              {"Create a risk from a seed risk: its title, description, Annex C source and objectives, suggested "
               "scores and plan, linked to the controls that meet its Annex A references; the body's fields win",
               "risks", "risk_input", "risk", false, true, 201, {}},
              CreateRiskFromLibrary});
  router.Add({http::verb::post, "/api/v1/risks/{id}/accept", Access::Needs(Permission::kApprove),
              {"Accept a risk's residual level, as an approver who is not its owner", "risks", "acceptance", "risk",
               false, true, 200, {}},
              AcceptRisk});
  router.Add({http::verb::post, "/api/v1/impact_assessments/{id}/approve", Access::Needs(Permission::kApprove),
              {"Approve a draft impact assessment (not by its drafter or the system's owner): it is frozen",
               "impact_assessments", "", "impact_assessment", false, true, 200, {}},
              ApproveImpactAssessment});
  domain::WriteAccess w = domain::WriteAccessFor(domain::EntityKind::kImpactAssessment);
  router.Add({http::verb::post, "/api/v1/impact_assessments/{id}/revise", Access::Needs(w.any, w.own),
              {"Start a new draft version of an approved impact assessment, with copies of its impacts",
               "impact_assessments", "", "impact_assessment", false, false, 201, {}},
              ReviseImpactAssessment});
}

}  // namespace aims::api
