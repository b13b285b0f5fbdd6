#include "api/governance_routes.h"

#include "api/approvals.h"
#include "api/record_responses.h"
#include "base/clock.h"
#include "io/governance_json.h"
#include "service/governance.h"

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

}  // namespace

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
}

}  // namespace aims::api
