#include "api/governance_routes.h"

#include "api/approvals.h"
#include "api/record_responses.h"
#include "base/clock.h"
#include "io/governance_json.h"
#include "io/objective_json.h"
#include "io/oversight_json.h"
#include "report/trend_chart.h"
#include "service/governance.h"
#include "service/objectives.h"
#include "service/oversight.h"

namespace aims::api {

namespace {

using domain::Permission;

// POST /api/v1/policies/{id}/approve (If-Match): approval, or review of an approved policy.
base::Result<Response> ApprovePolicy(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  auto version = RequiredVersion(ctx);
  if (auto* refused = std::get_if<Response>(&version)) return std::move(*refused);
  domain::Policy policy;
  base::Status done = ctx.Mutate([&](service::Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(policy, service::ApprovePolicy(m, id, std::get<int64_t>(version), ApproverOf(ctx),
                                                         base::Now().date()));
    return base::Status::OK();
  });
  if (!done.ok()) return BodyProblem(done, ctx);
  return RecordResponse(http::status::ok, policy);
}

base::Result<Response> RaciMatrix(RequestContext& ctx) {
  std::string body;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::RaciMatrix m, service::BuildRaciMatrix(tx));
    body = io::RaciMatrixJson(m) + "\n";
    return base::Status::OK();
  }));
  return JsonResponse(http::status::ok, std::move(body));
}

base::Result<Response> RaciGaps(RequestContext& ctx) {
  std::string body;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(auto gaps, service::FindRaciGaps(tx));
    body = io::RaciGapsJson(gaps) + "\n";
    return base::Status::OK();
  }));
  return JsonResponse(http::status::ok, std::move(body));
}

// GET /api/v1/oversight-review: every live system's overseers, named, present and trained or not.
base::Result<Response> OversightReviewAll(RequestContext& ctx) {
  std::string body;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(auto views, service::OversightViews(tx, base::Now().date()));
    body = io::OversightListJson(views) + "\n";
    return base::Status::OK();
  }));
  return JsonResponse(http::status::ok, std::move(body));
}

// GET /api/v1/systems/{id}/oversight: one system's.
base::Result<Response> OversightOfSystem(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  std::string body;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::OversightView v, service::OversightOf(tx, id, base::Now().date()));
    body = io::OversightJson(v) + "\n";
    return base::Status::OK();
  }));
  return JsonResponse(http::status::ok, std::move(body));
}

// GET /api/v1/competence: the courses required of each person and where they stand.
base::Result<Response> Competence(RequestContext& ctx) {
  std::string body;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(auto rows, service::CompetenceRegisterOf(tx, base::Now().date()));
    body = io::CompetenceJson(rows) + "\n";
    return base::Status::OK();
  }));
  return JsonResponse(http::status::ok, std::move(body));
}

// GET /api/v1/objectives/{id}/progress: latest value, target met, trend, the points.
base::Result<Response> ObjectiveProgress(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  std::string body;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(service::ObjectiveView v, service::ViewOf(tx, id, base::Now().date()));
    body = io::ObjectiveProgressJson(v.objective, v.progress) + "\n";
    return base::Status::OK();
  }));
  return JsonResponse(http::status::ok, std::move(body));
}

// GET /api/v1/objectives/{id}/chart.svg: the trend chart, as the objective's page shows it.
base::Result<Response> ObjectiveChart(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  std::string svg;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(service::ObjectiveView v, service::ViewOf(tx, id, base::Now().date()));
    svg = report::TrendChartSvg(TrendChartOf(v.objective, v.progress));
    return base::Status::OK();
  }));
  Response res{http::status::ok, 11};
  res.set(http::field::content_type, "image/svg+xml");
  res.body() = std::move(svg);
  res.prepare_payload();
  return res;
}

}  // namespace

report::TrendChart TrendChartOf(const domain::Objective& o, const domain::ObjectiveProgress& p) {
  report::TrendChart chart;
  chart.id = "objective-" + std::to_string(o.meta.id) + "-chart";
  chart.title = o.title + ": " + o.metric;
  chart.unit = o.unit;
  for (const auto& point : p.points) chart.points.push_back({point.on, point.value});
  auto target = domain::ParseDecimal(o.target, "target");
  if (target.ok()) chart.target = *target;
  chart.target_is_minimum = o.direction == domain::TargetDirection::kAtLeast;
  return chart;
}

void AddGovernanceRoutes(Router& router) {
  Access read = Access::Needs(Permission::kRegisterRead);
  router.Add({http::verb::post, "/api/v1/policies/{id}/approve", Access::Needs(Permission::kApprove),
              {"Approve a policy as an approver who does not own it (again: its review); sets the next review date",
               "policies", "", "policy", false, true, 200, {}},
              ApprovePolicy});
  router.Add({http::verb::get, "/api/v1/raci/matrix", read,
              {"The RACI matrix: each activity's accountable, responsible, consulted and informed people", "responsibilities",
               "", "raci_matrix", false, false, 200, {}},
              RaciMatrix});
  router.Add({http::verb::get, "/api/v1/raci/gaps", read,
              {"What the RACI matrix lacks: expected activities no one is accountable for, people who left",
               "responsibilities", "", "raci_gaps", false, false, 200, {}},
              RaciGaps});
  router.Add({http::verb::get, "/api/v1/objectives/{id}/progress", read,
              {"Where an AI objective stands: its measurements by day, the latest value, whether it meets the "
               "target, its trend",
               "objectives", "", "objective_progress", false, false, 200, {}},
              ObjectiveProgress});
  router.Add({http::verb::get, "/api/v1/objectives/{id}/chart.svg", read,
              {"The trend chart of an AI objective's measurements, with its target, as SVG", "objectives", "", "svg",
               false, false, 200, {}},
              ObjectiveChart});
  router.Add({http::verb::get, "/api/v1/oversight-review", read,
              {"Human oversight of every live AI system: who may stop, override and receive escalations, whether "
               "they are present and trained, and what is missing",
               "oversight", "", "oversight_review", false, false, 200, {}},
              OversightReviewAll});
  router.Add({http::verb::get, "/api/v1/systems/{id}/oversight", read,
              {"Human oversight of one AI system: its overseers, their powers and training, what is missing",
               "systems", "", "oversight_view", false, false, 200, {}},
              OversightOfSystem});
  router.Add({http::verb::get, "/api/v1/competence", read,
              {"The competence register: for each person, the courses required of them (by everyone, role or "
               "oversight duty) and whether each completion is valid, expiring, expired or missing",
               "trainings", "", "competence_register", false, false, 200, {}},
              Competence});
}

}  // namespace aims::api
