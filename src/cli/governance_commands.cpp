// Governance commands (issue 5): `aims policy` (record commands plus `approve`, which is also the
// review) and `aims raci` (record commands for the rows, plus `matrix` and `gaps`).
#include "cli/commands.h"
#include "cli/exit_status.h"
#include "io/governance_json.h"
#include "service/governance.h"

namespace aims::cli {

namespace {

using domain::EntityKind;

void AddPolicyApprove(CLI::App* noun, CliContext& ctx, Outcome& outcome) {
  struct Args {
    std::string id, approver;
    int64_t expected = 0;
  };
  auto a = std::make_shared<Args>();
  CLI::App* cmd = noun->add_subcommand(
      "approve", "Approve a policy (or record its review) as an approver who does not own it; sets its next review");
  cmd->add_option("id", a->id, "policy id (POL-n) or title")->required();
  cmd->add_option("--approver", a->approver, "the approving person (id or email)")->required();
  cmd->add_option("--if-version", a->expected, "refuse unless the policy is still at this version");
  cmd->callback([&ctx, &outcome, a] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(domain::Id pid, ResolveArg(*ws, EntityKind::kPolicy, a->id));
      AIMS_ASSIGN_OR_RETURN(service::Approver who, ApproverArg(*ws, a->approver));
      domain::Policy policy;
      AIMS_TRY(ws->Mutate([&](service::Mutation& m) -> base::Status {
        int64_t expected = a->expected;
        if (expected == 0) {
          AIMS_ASSIGN_OR_RETURN(domain::Policy current, m.Get<domain::Policy>(pid));
          expected = current.meta.version;
        }
        AIMS_ASSIGN_OR_RETURN(policy, service::ApprovePolicy(m, pid, expected, who, base::Now().date()));
        return base::Status::OK();
      }));
      Print("approved " + domain::DisplayId(EntityKind::kPolicy, pid) + " \"" + policy.title + "\" version " +
            policy.version + "; next review " + policy.next_review->ToString() + "\n");
      return base::Status::OK();
    }();
  });
}

void AddRaciViews(CLI::App* noun, CliContext& ctx, Outcome& outcome) {
  CLI::App* matrix = noun->add_subcommand("matrix", "The RACI matrix: activities by people, grouped by business unit");
  matrix->callback([&ctx, &outcome] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      domain::RaciMatrix m;
      AIMS_TRY(ws->Read([&](store::Tx& tx) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(m, service::BuildRaciMatrix(tx));
        return base::Status::OK();
      }));
      if (ctx.json) {
        Print(io::RaciMatrixJson(m) + "\n");
        return base::Status::OK();
      }
      std::vector<std::string> headers = {"id", "activity", "system"};
      for (const auto& p : m.people) {
        headers.push_back(p.name + (p.business_unit.empty() ? "" : " (" + p.business_unit + ")") +
                          (p.meta.retired() ? " LEFT" : ""));
      }
      Table table(headers, 24);
      for (const auto& r : m.rows) {
        std::vector<std::string> row = {domain::DisplayId(EntityKind::kResponsibility, r.meta.id), r.activity,
                                        r.system ? domain::DisplayId(EntityKind::kAiSystem, *r.system) : "AIMS"};
        for (const auto& p : m.people) row.push_back(domain::RaciLetters(r, p.meta.id));
        table.AddRow(std::move(row));
      }
      Print(table.Render());
      Print(std::to_string(m.rows.size()) + " activities, " + std::to_string(m.people.size()) + " people\n");
      return base::Status::OK();
    }();
  });

  CLI::App* gaps = noun->add_subcommand(
      "gaps", "What the RACI matrix lacks: activities no one is accountable for, people who left and still hold some");
  gaps->callback([&ctx, &outcome] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      std::vector<domain::RaciGap> found;
      AIMS_TRY(ws->Read([&](store::Tx& tx) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(found, service::FindRaciGaps(tx));
        return base::Status::OK();
      }));
      if (ctx.json) {
        Print(io::RaciGapsJson(found) + "\n");
        return base::Status::OK();
      }
      std::string out;
      for (const auto& g : found) out += std::string(domain::EnumName(g.kind)) + ": " + g.text + "\n";
      Print(out + std::to_string(found.size()) + (found.size() == 1 ? " gap\n" : " gaps\n"));
      return base::Status::OK();
    }();
  });
}

}  // namespace

std::vector<std::pair<std::string, std::string>> Extras(service::Workspace&, const domain::Policy& p) {
  if (domain::PolicyReviewOverdue(p, base::Now().date())) return {{"review", "OVERDUE since " + p.next_review->ToString()}};
  if (p.status == domain::PolicyStatus::kDraft) return {{"in_force", "no: a draft until an approver approves it"}};
  return {};
}

std::string ListFlag(const domain::Policy& p, std::string_view field, base::Date today) {
  return field == "next_review" && domain::PolicyReviewOverdue(p, today) ? " OVERDUE" : "";
}

void RegisterGovernanceNouns(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  CLI::App* policy = RegisterRecordCommands<domain::Policy>(
      app, ctx, outcome, {"policy", "The AI policy and related policies: versions, owner, approval, review cycle"});
  AddPolicyApprove(policy, ctx, outcome);
  CLI::App* raci = RegisterRecordCommands<domain::Responsibility>(
      app, ctx, outcome, {"raci", "The RACI matrix: for each activity, one person accountable, and who is R, C, I"});
  AddRaciViews(raci, ctx, outcome);
}

}  // namespace aims::cli
