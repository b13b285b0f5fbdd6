// Concern commands (issue 5, A.3.3): what the public pages and the API do, for an operator who
// takes a report by phone or letter (`file`, `receipt`, `add`) and for handlers (`list`, `show`,
// `handle`). The CLI acts with the database holder's authority: it sees every report.
#include "cli/commands.h"
#include "cli/exit_status.h"
#include "io/concern_json.h"
#include "service/concerns.h"

namespace aims::cli {

namespace {

using domain::EntityKind;

service::ConcernHandler Holder() { return {domain::PermissionSet::All(), std::nullopt}; }

void PrintThread(CliContext& ctx, const service::ConcernThread& t, bool handler) {
  if (ctx.json) {
    Print((handler ? io::ConcernHandlerJson(t.concern, t.messages) : io::ConcernReporterJson(t.concern, t.messages)) +
          "\n");
    return;
  }
  std::string out;
  if (handler) {
    out += "report " + std::to_string(t.concern.id) + " (version " + std::to_string(t.concern.version) + "): " +
           std::string(domain::EnumName(t.concern.category)) + ", " + std::string(domain::EnumName(t.concern.status)) +
           "\n";
    if (!t.concern.system_named.empty()) out += "  system named: " + t.concern.system_named + "\n";
    if (t.concern.system) out += "  linked to: " + domain::DisplayId(EntityKind::kAiSystem, *t.concern.system) + "\n";
    if (t.concern.hide_from_owner) out += "  hidden from the system's owner\n";
  } else {
    out += "status: " + std::string(domain::EnumName(t.concern.status)) + "\n";
  }
  for (const auto& m : t.messages) {
    out += "--- " + std::string(domain::EnumName(m.author)) + ", " + m.at.ToString() + "\n" + m.body + "\n";
  }
  Print(out);
}

// The report's text: --body, or "-" for standard input.
base::Result<std::string> BodyArg(const std::string& body) {
  if (body != "-") return body;
  std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  return text;
}

void AddReporterCommands(CLI::App* noun, CliContext& ctx, Outcome& outcome) {
  struct Args {
    std::string category = "other", system, body, code;
  };
  auto a = std::make_shared<Args>();
  CLI::App* file = noun->add_subcommand("file", "Record a concern on someone's behalf; prints its receipt code once");
  file->add_option("--category", a->category, "one of " + domain::JoinNames(domain::EnumNames<domain::ConcernCategory>()));
  file->add_option("--system-named", a->system, "the AI system, as the reporter names it");
  file->add_option("--body", a->body, "what happened (\"-\": read standard input)")->required();
  file->callback([&ctx, &outcome, a] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto category, domain::ParseEnumOr<domain::ConcernCategory>(a->category, "category", "--category"));
      AIMS_ASSIGN_OR_RETURN(std::string body, BodyArg(a->body));
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      service::FiledConcern filed;
      AIMS_TRY(ws->Mutate([&](service::Mutation& m) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(filed, service::FileConcern(m, category, a->system, body));
        return base::Status::OK();
      }));
      if (ctx.json) {
        Print("{\"receipt_code\": \"" + filed.receipt_code + "\"}\n");
      } else {
        Print("filed report " + std::to_string(filed.id) + "; receipt code (give it to the reporter, it is not kept): " +
              filed.receipt_code + "\n");
      }
      return base::Status::OK();
    }();
  });

  auto b = std::make_shared<Args>();
  CLI::App* receipt = noun->add_subcommand("receipt", "A report as its reporter sees it, by its receipt code");
  receipt->add_option("code", b->code, "the receipt code")->required();
  receipt->callback([&ctx, &outcome, b] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      service::ConcernThread t;
      AIMS_TRY(ws->Read([&](store::Tx& tx) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(t, service::ConcernByReceipt(tx, b->code));
        return base::Status::OK();
      }));
      PrintThread(ctx, t, false);
      return base::Status::OK();
    }();
  });

  auto c = std::make_shared<Args>();
  CLI::App* add = noun->add_subcommand("add", "Add the reporter's further information to a report, by its receipt code");
  add->add_option("code", c->code, "the receipt code")->required();
  add->add_option("--body", c->body, "the information (\"-\": read standard input)")->required();
  add->callback([&ctx, &outcome, c] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(std::string body, BodyArg(c->body));
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_TRY(ws->Mutate([&](service::Mutation& m) { return service::AddReporterMessage(m, c->code, body); }));
      Print("added to the report\n");
      return base::Status::OK();
    }();
  });
}

void AddHandlerCommands(CLI::App* noun, CliContext& ctx, Outcome& outcome) {
  CLI::App* list = noun->add_subcommand("list", "Every report, newest first");
  list->callback([&ctx, &outcome] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      std::vector<service::ConcernThread> threads;
      AIMS_TRY(ws->Read([&](store::Tx& tx) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(threads, service::ConcernsFor(tx, Holder(), 10000));
        return base::Status::OK();
      }));
      if (ctx.json) {
        std::string out = "[";
        for (size_t i = 0; i < threads.size(); ++i) {
          out += (i ? ",\n  " : "\n  ") + io::ConcernHandlerJson(threads[i].concern, threads[i].messages);
        }
        Print(out + (threads.empty() ? "]\n" : "\n]\n"));
        return base::Status::OK();
      }
      Table table({"report", "received", "category", "system", "status", "messages"});
      for (const auto& t : threads) {
        table.AddRow({std::to_string(t.concern.id), t.concern.created_at.ToString().substr(0, 16),
                      std::string(domain::EnumName(t.concern.category)),
                      t.concern.system ? domain::DisplayId(EntityKind::kAiSystem, *t.concern.system) : t.concern.system_named,
                      std::string(domain::EnumName(t.concern.status)), std::to_string(t.messages.size())});
      }
      Print(table.Render());
      Print(std::to_string(threads.size()) + (threads.size() == 1 ? " report\n" : " reports\n"));
      return base::Status::OK();
    }();
  });

  auto id = std::make_shared<int64_t>(0);
  CLI::App* show = noun->add_subcommand("show", "One report with its messages");
  show->add_option("report", *id, "the report's number")->required();
  show->callback([&ctx, &outcome, id] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      service::ConcernThread t;
      AIMS_TRY(ws->Read([&](store::Tx& tx) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(t, service::ConcernFor(tx, *id, Holder()));
        return base::Status::OK();
      }));
      PrintThread(ctx, t, true);
      return base::Status::OK();
    }();
  });

  struct Args {
    int64_t report = 0, expected = 0;
    std::string reply, status, system;
    bool hide = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* handle = noun->add_subcommand("handle", "Answer and triage a report: reply, status, linked system, hiding");
  handle->add_option("report", a->report, "the report's number")->required();
  handle->add_option("--status", a->status, "one of " + domain::JoinNames(domain::EnumNames<domain::ConcernStatus>()))
      ->required();
  handle->add_option("--reply", a->reply, "an answer the reporter reads with the receipt code");
  handle->add_option("--system", a->system, "the register's AI system it concerns (id or name)");
  handle->add_flag("--hide-from-owner", a->hide, "the linked system's owner may not see it");
  handle->add_option("--if-version", a->expected, "refuse unless the report is still at this version");
  handle->callback([&ctx, &outcome, a] {
    outcome.status = [&]() -> base::Status {
      service::ConcernDecision decision;
      AIMS_ASSIGN_OR_RETURN(decision.status, domain::ParseEnumOr<domain::ConcernStatus>(a->status, "status", "--status"));
      decision.reply = a->reply;
      decision.hide_from_owner = a->hide;
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      if (!a->system.empty()) {
        auto sid = ResolveArg(*ws, EntityKind::kAiSystem, a->system);
        if (!sid.ok()) return sid.status().WithContext("--system");
        decision.system = *sid;
      }
      AIMS_TRY(ws->Mutate([&](service::Mutation& m) -> base::Status {
        int64_t expected = a->expected;
        if (expected == 0) {
          AIMS_ASSIGN_OR_RETURN(service::ConcernThread t, service::ConcernFor(m.tx(), a->report, Holder()));
          expected = t.concern.version;
        }
        return service::HandleConcern(m, a->report, expected, Holder(), decision);
      }));
      Print("report " + std::to_string(a->report) + ": " + a->status + "\n");
      return base::Status::OK();
    }();
  });
}

}  // namespace

void RegisterConcernCommands(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  CLI::App* noun = app.add_subcommand("concern", "Concerns people raise (A.3.3): file, read by receipt code, handle");
  noun->require_subcommand(1);
  AddReporterCommands(noun, ctx, outcome);
  AddHandlerCommands(noun, ctx, outcome);
}

}  // namespace aims::cli
