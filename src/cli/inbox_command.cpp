// `aims inbox --person EMAIL` (issue 5, notifications): what waits for a person, most urgent
// first, the same items as their web inbox and GET /api/v1/inbox. The CLI acts with the database
// holder's authority: the person's role decides which approvals are theirs (--approver).
#include "api/inbox_routes.h"
#include "base/clock.h"
#include "cli/commands.h"
#include "cli/exit_status.h"

namespace aims::cli {

void RegisterInboxCommand(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  struct Args {
    std::string person;
    bool approver = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "inbox", "What waits for a person: approvals, reviews due, evidence expiring, incident clocks, courses");
  cmd->add_option("--person", a->person, "the person (PER-n or email)")->required();
  cmd->add_flag("--approver", a->approver, "include the approvals waiting for them (they approve)");
  cmd->callback([&ctx, &outcome, a] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(domain::Id pid, ResolveArg(*ws, domain::EntityKind::kPerson, a->person));
      // A person's own view: what they own, their training, the evidence and incidents everyone
      // keeps an eye on; approvals only for an approver.
      domain::PermissionSet permissions = {domain::Permission::kRegisterRead, domain::Permission::kEvidenceWrite};
      if (a->approver) permissions.Add(domain::Permission::kApprove);
      std::vector<service::InboxItem> items;
      AIMS_TRY(ws->Read([&](store::Tx& tx) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(items, service::InboxFor(tx, pid, permissions, base::Now()));
        return base::Status::OK();
      }));
      if (ctx.json) {
        Print(api::InboxJson(items) + "\n");
        return base::Status::OK();
      }
      std::string out;
      for (const auto& it : items) {
        out += it.kind + (it.overdue ? " OVERDUE" : "") + ": " + it.text + "\n";
      }
      Print(out + std::to_string(items.size()) + (items.size() == 1 ? " item waiting\n" : " items waiting\n"));
      return base::Status::OK();
    }();
  });
}

}  // namespace aims::cli
