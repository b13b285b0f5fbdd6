// Lifecycle gate commands (issue 5): `aims system gate` shows the checklist of a move,
// `aims system advance` asks for it (or, with --override, forces it as an admin), and
// `aims gate approve|refuse` decide on a pending request. The CLI acts with the database
// holder's authority: requests and approvals name the person signing them, and separation of
// duties is checked against those persons. `aims gate-policy` holds the editable policy.
#include "cli/commands.h"
#include "cli/exit_status.h"
#include "domain/gate_policy_text.h"
#include "io/gate_json.h"
#include "service/lifecycle_gates.h"

namespace aims::cli {

namespace {

using domain::EntityKind;

base::Result<domain::LifecycleStage> StageArg(const std::string& text) {
  return domain::ParseEnumOr<domain::LifecycleStage>(text, "stage", "--to");
}

void PrintGate(CliContext& ctx, const domain::GateRequest& gate, const std::string& said) {
  if (ctx.json) {
    std::string out;
    io::RecordJsonWriter::Append(gate, &out);
    Print(out + "\n");
    return;
  }
  std::string text = said + "\n";
  for (const auto& line : gate.checklist) text += "  " + line + "\n";
  Print(text);
}

void PrintChecklist(CliContext& ctx, domain::Id system, domain::LifecycleStage from, domain::LifecycleStage to,
                    const domain::GateOutcome& outcome) {
  if (ctx.json) {
    Print(io::GateChecklistJson(system, from, to, outcome) + "\n");
    return;
  }
  std::string head = domain::DisplayId(EntityKind::kAiSystem, system) + ": " + std::string(domain::EnumName(from)) +
                     " to " + std::string(domain::EnumName(to));
  if (!outcome.forward) {
    Print(head + ": no gate (a move back or into retirement happens at once)\n");
    return;
  }
  Table table({"check", "needed", "met"});
  for (const auto& item : outcome.checklist) {
    table.AddRow({std::string(domain::EnumName(item.check)), std::string(domain::GateCheckLabel(item.check)),
                  item.met ? "yes" : "NO"});
  }
  Print(head + "\n" + table.Render());
  Print(outcome.Met() ? "checklist met; " + std::to_string(outcome.approvers_needed) +
                            " approver(s) other than the requester needed\n"
                      : service::UnmetText(outcome) + "\n");
}

void AddSystemGateCommands(CLI::App* system_noun, CliContext& ctx, Outcome& outcome) {
  struct Args {
    std::string id, to, requester, reason;
    bool override = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* gate_cmd = system_noun->add_subcommand("gate", "The checklist for moving an AI system to a lifecycle stage, met or not");
  gate_cmd->add_option("id", a->id, "AI system id or name")->required();
  gate_cmd->add_option("--to", a->to, "the stage (default: the next one)");
  gate_cmd->callback([&ctx, &outcome, a] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(domain::Id rid, ResolveArg(*ws, EntityKind::kAiSystem, a->id));
      domain::AiSystem system;
      domain::GateOutcome result;
      domain::LifecycleStage to{};
      AIMS_TRY(ws->Read([&](store::Tx& tx) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(system, tx.records<domain::AiSystem>().Get(rid));
        if (a->to.empty()) {
          auto next = domain::NextStage(system.lifecycle_stage);
          if (!next) return base::Status::FailedPrecondition("it is retired: no stage follows", "--to");
          to = *next;
        } else {
          AIMS_ASSIGN_OR_RETURN(to, StageArg(a->to));
        }
        AIMS_ASSIGN_OR_RETURN(domain::GatePolicy policy, service::CurrentGatePolicy(tx));
        AIMS_ASSIGN_OR_RETURN(result, service::EvaluateSystemGate(tx, policy, rid, to, base::Now().date()));
        return base::Status::OK();
      }));
      PrintChecklist(ctx, rid, system.lifecycle_stage, to, result);
      return base::Status::OK();
    }();
  });

  auto b = std::make_shared<Args>();
  CLI::App* advance = system_noun->add_subcommand(
      "advance", "Ask to move an AI system to another lifecycle stage: forward moves wait for their checklist and "
                 "approvers; --override forces one (admin, with --reason)");
  advance->add_option("id", b->id, "AI system id or name")->required();
  advance->add_option("--to", b->to, "the stage: the next one, an earlier one (re-work) or retirement")->required();
  advance->add_option("--requester", b->requester, "the person asking (id or email)")->required();
  advance->add_option("--reason", b->reason, "why (required with --override)");
  advance->add_flag("--override", b->override,
                    "emergency override of an unmet checklist and missing approvals; reported wherever gates are");
  advance->callback([&ctx, &outcome, b] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(domain::LifecycleStage to, StageArg(b->to));
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(domain::Id rid, ResolveArg(*ws, EntityKind::kAiSystem, b->id));
      auto who = ApproverArg(*ws, b->requester);
      if (!who.ok()) return who.status().WithContext("--requester");
      service::AdvanceRequest request{rid, to, b->reason, b->override};
      domain::GateRequest gate;
      AIMS_TRY(ws->Mutate([&](service::Mutation& m) -> base::Status {
        // The CLI runs with the database holder's authority, an admin's.
        AIMS_ASSIGN_OR_RETURN(gate, service::RequestAdvance(m, request, {who->person, true}));
        return base::Status::OK();
      }));
      std::string id = domain::DisplayId(EntityKind::kGateRequest, gate.meta.id);
      std::string sys = domain::DisplayId(EntityKind::kAiSystem, rid);
      std::string said;
      switch (gate.status) {
        case domain::GateStatus::kPending:
          said = id + ": " + sys + " waits for " + std::to_string(gate.approvers_needed) +
                 " approval(s) to move to " + b->to + " (aims gate approve " + id + " --approver ...)";
          break;
        case domain::GateStatus::kOverridden:
          said = id + ": EMERGENCY OVERRIDE: " + sys + " moved to " + b->to;
          break;
        default: said = id + ": " + sys + " moved to " + b->to;
      }
      PrintGate(ctx, gate, said);
      return base::Status::OK();
    }();
  });
}

void AddGateDecisionCommands(CLI::App* gate_noun, CliContext& ctx, Outcome& outcome) {
  struct Args {
    std::string id, approver, note;
    int64_t expected = 0;
  };
  for (bool approve : {true, false}) {
    auto a = std::make_shared<Args>();
    CLI::App* cmd = gate_noun->add_subcommand(
        approve ? "approve" : "refuse",
        approve ? "Approve a pending gate as an approver who did not request it; the last approval needed moves the system"
                : "Refuse a pending gate, saying why");
    cmd->add_option("id", a->id, "gate request id (GATE-n)")->required();
    cmd->add_option("--approver", a->approver, "the deciding person (id or email)")->required();
    auto* note = cmd->add_option("--note", a->note, approve ? "a remark kept with the approval" : "why it is refused");
    if (!approve) note->required();
    cmd->add_option("--if-version", a->expected, "refuse unless the request is still at this version");
    cmd->callback([&ctx, &outcome, a, approve] {
      outcome.status = [&]() -> base::Status {
        AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
        AIMS_ASSIGN_OR_RETURN(domain::Id gid, ResolveArg(*ws, EntityKind::kGateRequest, a->id));
        AIMS_ASSIGN_OR_RETURN(service::Approver who, ApproverArg(*ws, a->approver));
        domain::GateRequest gate;
        AIMS_TRY(ws->Mutate([&](service::Mutation& m) -> base::Status {
          int64_t expected = a->expected;
          if (expected == 0) {
            AIMS_ASSIGN_OR_RETURN(domain::GateRequest current, m.Get<domain::GateRequest>(gid));
            expected = current.meta.version;
          }
          if (approve) {
            AIMS_ASSIGN_OR_RETURN(gate, service::ApproveGate(m, gid, expected, who, a->note));
          } else {
            AIMS_ASSIGN_OR_RETURN(gate, service::RefuseGate(m, gid, expected, who, a->note));
          }
          return base::Status::OK();
        }));
        std::string id = domain::DisplayId(EntityKind::kGateRequest, gid);
        std::string said;
        if (!approve) {
          said = "refused " + id;
        } else if (gate.status == domain::GateStatus::kOpened) {
          said = "approved " + id + ": gate opened, " + domain::DisplayId(EntityKind::kAiSystem, *gate.system) +
                 " moved to " + std::string(domain::EnumName(gate.to_stage));
        } else {
          said = "approved " + id + " (" + std::to_string(gate.approved_by.size()) + " of " +
                 std::to_string(gate.approvers_needed) + ")";
        }
        PrintGate(ctx, gate, said);
        return base::Status::OK();
      }();
    });
  }
}

}  // namespace

void RegisterGateNouns(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  AddSystemGateCommands(app.get_subcommand("system"), ctx, outcome);
  CLI::App* gate = RegisterRecordCommands<domain::GateRequest>(
      app, ctx, outcome, {"gate", "Lifecycle gate requests: checklist, approvals, refusals, overrides", false, false, false});
  AddGateDecisionCommands(gate, ctx, outcome);

  CLI::App* policy = RegisterRecordCommands<domain::GatePolicyRecord>(
      app, ctx, outcome, {"gate-policy", "The lifecycle gate policy: one rule per line, checks by stage and tier", true, true, true});
  CLI::App* current = policy->add_subcommand("current", "The gate policy in force, as rules text (the default until one is added)");
  current->callback([&ctx, &outcome] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      domain::GatePolicy p;
      std::optional<domain::GatePolicyRecord> stored;
      AIMS_TRY(ws->Read([&](store::Tx& tx) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(stored, service::StoredGatePolicy(tx));
        AIMS_ASSIGN_OR_RETURN(p, service::CurrentGatePolicy(tx));
        return base::Status::OK();
      }));
      std::string source = stored ? domain::DisplayId(EntityKind::kGatePolicy, stored->meta.id) + " \"" + stored->name + "\""
                                  : std::string("the built-in default");
      Print("# gate policy in force: " + source + "\n" + domain::FormatGatePolicy(p));
      return base::Status::OK();
    }();
  });
}

}  // namespace aims::cli
