#include "api/gate_routes.h"

#include <boost/json.hpp>

#include "api/approvals.h"
#include "api/record_responses.h"
#include "api/record_writes.h"
#include "base/clock.h"
#include "domain/gate_policy_text.h"
#include "io/gate_json.h"
#include "service/lifecycle_gates.h"

namespace aims::api {

namespace {

namespace json = boost::json;
using domain::EntityKind;
using domain::Permission;

// GET /api/v1/systems/{id}/gate?to=STAGE: the checklist of a move, evaluated now; the next stage by default.
base::Result<Response> GetGate(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  std::string body;
  base::Status done = ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::AiSystem system, tx.records<domain::AiSystem>().Get(id));
    domain::LifecycleStage to{};
    if (auto q = ctx.Query("to")) {
      AIMS_ASSIGN_OR_RETURN(to, domain::ParseEnumOr<domain::LifecycleStage>(*q, "stage", "to"));
    } else if (auto next = domain::NextStage(system.lifecycle_stage)) {
      to = *next;
    } else {
      return base::Status::FailedPrecondition("the system is retired: no stage follows", "to");
    }
    AIMS_ASSIGN_OR_RETURN(domain::GatePolicy policy, service::CurrentGatePolicy(tx));
    AIMS_ASSIGN_OR_RETURN(domain::GateOutcome outcome,
                          service::EvaluateSystemGate(tx, policy, id, to, base::Now().date()));
    AIMS_ASSIGN_OR_RETURN(auto pending, service::PendingGate(tx, id));
    body = io::GateChecklistJson(id, system.lifecycle_stage, to, outcome, pending) + "\n";
    return base::Status::OK();
  });
  if (!done.ok()) return BodyProblem(done, ctx);
  return JsonResponse(http::status::ok, std::move(body));
}

base::Result<service::AdvanceRequest> ReadAdvance(const RequestContext& ctx, domain::Id system) {
  AIMS_TRY(BodyIsJson(ctx));
  boost::system::error_code ec;
  json::value v = json::parse(ctx.request.body(), ec);
  if (ec || !v.is_object()) return base::Status::InvalidArgument("not valid JSON: expected an object");
  service::AdvanceRequest request;
  request.system = system;
  bool has_to = false;
  for (const auto& [key, value] : v.as_object()) {
    std::string where = "/" + std::string(key);
    if (key == "to") {
      if (!value.is_string()) return base::Status::InvalidArgument("must be a string", where);
      AIMS_ASSIGN_OR_RETURN(request.to, domain::ParseEnumOr<domain::LifecycleStage>(value.as_string(), "stage", where));
      has_to = true;
    } else if (key == "reason") {
      if (!value.is_string()) return base::Status::InvalidArgument("must be a string", where);
      request.reason = std::string(value.as_string());
    } else if (key == "override") {
      if (!value.is_bool()) return base::Status::InvalidArgument("must be true or false", where);
      request.override = value.as_bool();
    } else {
      return base::Status::InvalidArgument("unknown field (expected to, reason, override)", where);
    }
  }
  if (!has_to) return base::Status::InvalidArgument("name the stage to move to", "/to");
  return request;
}

// POST /api/v1/systems/{id}/advance: 201 with the gate request (pending, or opened at once for a
// move back, or overridden), 409 with the unmet checks by name.
base::Result<Response> Advance(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  auto request = ReadAdvance(ctx, id);
  if (!request.ok()) return BodyProblem(request.status(), ctx);
  service::Requester who{ctx.principal->person, ctx.principal->permissions.Has(Permission::kUserAdmin)};
  domain::GateRequest gate;
  base::Status done = ctx.Mutate([&](service::Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::AiSystem system, m.Get<domain::AiSystem>(id));
    AIMS_TRY(CheckOwnership(ctx, system, &m.tx()));
    AIMS_ASSIGN_OR_RETURN(gate, service::RequestAdvance(m, *request, who));
    return base::Status::OK();
  });
  if (!done.ok()) return BodyProblem(done, ctx);
  Response res = RecordResponse(http::status::created, gate);
  res.set(http::field::location, "/api/v1/gate_requests/" + std::to_string(gate.meta.id));
  return res;
}

base::Result<Response> Decide(RequestContext& ctx, bool approve) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  auto version = RequiredVersion(ctx);
  if (auto* refused = std::get_if<Response>(&version)) return std::move(*refused);
  auto note = NoteOf(ctx);
  if (!note.ok()) return BodyProblem(note.status(), ctx);
  domain::GateRequest gate;
  base::Status done = ctx.Mutate([&](service::Mutation& m) -> base::Status {
    int64_t expected = std::get<int64_t>(version);
    if (approve) {
      AIMS_ASSIGN_OR_RETURN(gate, service::ApproveGate(m, id, expected, ApproverOf(ctx), *note));
    } else {
      AIMS_ASSIGN_OR_RETURN(gate, service::RefuseGate(m, id, expected, ApproverOf(ctx), *note));
    }
    return base::Status::OK();
  });
  if (!done.ok()) return BodyProblem(done, ctx);
  return RecordResponse(http::status::ok, gate);
}

// GET /api/v1/gate-policy: the policy in force as rules text, and the stored record if any.
base::Result<Response> GetGatePolicy(RequestContext& ctx) {
  std::string body = "{\"policy\": ";
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(auto stored, service::StoredGatePolicy(tx));
    AIMS_ASSIGN_OR_RETURN(domain::GatePolicy policy, service::CurrentGatePolicy(tx));
    if (stored) {
      io::RecordJsonWriter::Append(*stored, &body);
    } else {
      body += "null";
    }
    body += ", \"builtin\": ";
    body += stored ? "false" : "true";
    body += ", \"rules\": ";
    base::AppendJsonString(&body, domain::FormatGatePolicy(policy));
    body += "}\n";
    return base::Status::OK();
  }));
  return JsonResponse(http::status::ok, std::move(body));
}

}  // namespace

void AddGateRoutes(Router& router) {
  Access read = Access::Needs(Permission::kRegisterRead);
  router.Add({http::verb::get, "/api/v1/systems/{id}/gate", read,
              {"The checklist for moving an AI system to a lifecycle stage (?to, default the next), evaluated now, "
               "with the approvers needed and any request pending",
               "gate_requests", "", "gate_checklist", false, false, 200, {"to"}},
              GetGate});
  domain::WriteAccess sw = domain::WriteAccessFor(EntityKind::kAiSystem);
  router.Add({http::verb::post, "/api/v1/systems/{id}/advance", Access::Needs(sw.any, sw.own),
              {"Ask to move an AI system to a lifecycle stage: refused (409) while the checklist is unmet; a forward "
               "move waits for its approvers; override (admin only, with a reason) forces it",
               "gate_requests", "advance_request", "gate_request", false, false, 201, {}},
              Advance});
  router.Add({http::verb::post, "/api/v1/gate_requests/{id}/approve", Access::Needs(Permission::kApprove),
              {"Approve a pending gate (not by its requester); the approval completing the quorum moves the system",
               "gate_requests", "gate_decision", "gate_request", false, true, 200, {}},
              [](RequestContext& ctx) { return Decide(ctx, true); }});
  router.Add({http::verb::post, "/api/v1/gate_requests/{id}/refuse", Access::Needs(Permission::kApprove),
              {"Refuse a pending gate (not by its requester), with a note saying why", "gate_requests",
               "gate_decision", "gate_request", false, true, 200, {}},
              [](RequestContext& ctx) { return Decide(ctx, false); }});
  router.Add({http::verb::get, "/api/v1/gate-policy", read,
              {"The lifecycle gate policy in force as rules text (the built-in default until one is stored; edit it "
               "through /api/v1/gate_policies)",
               "gate_policies", "", "gate_policy_view", false, false, 200, {}},
              GetGatePolicy});
}

}  // namespace aims::api
