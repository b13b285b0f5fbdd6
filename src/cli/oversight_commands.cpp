// Human oversight and competence commands (issue 5; 7.2, A.4.6, A.9; EU AI Act Art. 4, 14): the
// record commands of `aims course`, `aims training` and `aims oversight`, plus
// `aims oversight check [SYSTEM]` (who may stop and override each system, and whether they are
// present and trained) and `aims training register` (the courses required of each person and
// where they stand). Both exit 6 when something is missing, so scripts can gate on them.
#include "cli/commands.h"
#include "cli/exit_status.h"
#include "io/oversight_json.h"
#include "service/oversight.h"

namespace aims::cli {

namespace {

using domain::EntityKind;

void AddCheck(CLI::App* noun, CliContext& ctx, Outcome& outcome) {
  auto system = std::make_shared<std::string>();
  CLI::App* cmd = noun->add_subcommand(
      "check", "Whether each AI system's overseers are named, present and trained (exit 6 if any is not)");
  cmd->add_option("system", *system, "only this system (SYS-n or name)");
  cmd->callback([&ctx, &outcome, system] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      std::vector<domain::OversightView> views;
      base::Date today = base::Now().date();
      if (!system->empty()) {
        AIMS_ASSIGN_OR_RETURN(domain::Id sid, ResolveArg(*ws, EntityKind::kAiSystem, *system));
        AIMS_TRY(ws->Read([&](store::Tx& tx) -> base::Status {
          AIMS_ASSIGN_OR_RETURN(domain::OversightView v, service::OversightOf(tx, sid, today));
          views.push_back(std::move(v));
          return base::Status::OK();
        }));
      } else {
        AIMS_TRY(ws->Read([&](store::Tx& tx) -> base::Status {
          AIMS_ASSIGN_OR_RETURN(views, service::OversightViews(tx, today));
          return base::Status::OK();
        }));
      }
      size_t short_of = 0;
      for (const auto& v : views) short_of += v.gaps.empty() ? 0 : 1;
      if (ctx.json) {
        Print((system->empty() ? io::OversightListJson(views) : io::OversightJson(views.front())) + "\n");
      } else {
        std::string out;
        for (const auto& v : views) {
          out += domain::DisplayId(EntityKind::kAiSystem, v.system.meta.id) + " " + v.system.name + " (" +
                 std::string(domain::EnumName(v.system.human_oversight)) + "): " +
                 (v.gaps.empty() ? "overseers named and trained" : "NOT READY") + "\n";
          for (const auto& o : v.review.overseers) {
            std::string powers;
            for (auto p : o.powers) powers += (powers.empty() ? "" : ", ") + std::string(p);
            out += "  " + (o.name.empty() ? domain::DisplayId(EntityKind::kPerson, o.person) : o.name) + " (" +
                   domain::DisplayId(EntityKind::kPerson, o.person) + "): " + powers + (o.left ? "; LEFT" : "") + "\n";
          }
          for (const auto& g : v.gaps) out += "  missing: " + g + "\n";
          for (const auto& w : v.review.warnings) out += "  soon: " + w + "\n";
        }
        Print(out + std::to_string(views.size() - short_of) + " of " + std::to_string(views.size()) +
              (views.size() == 1 ? " system" : " systems") + " with overseers named and trained\n");
      }
      if (short_of > 0) {
        return base::Status::FailedPrecondition(std::to_string(short_of) +
                                                (short_of == 1 ? " system lacks" : " systems lack") +
                                                " named, present and trained overseers");
      }
      return base::Status::OK();
    }();
  });
}

void AddRegister(CLI::App* noun, CliContext& ctx, Outcome& outcome) {
  auto person = std::make_shared<std::string>();
  CLI::App* cmd = noun->add_subcommand(
      "register", "The competence register: the courses required of each person and where they stand (exit 6 if any is missing or expired)");
  cmd->add_option("--person", *person, "only this person (PER-n or email)");
  cmd->callback([&ctx, &outcome, person] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      std::optional<domain::Id> only;
      if (!person->empty()) {
        AIMS_ASSIGN_OR_RETURN(domain::Id pid, ResolveArg(*ws, EntityKind::kPerson, *person));
        only = pid;
      }
      std::vector<domain::PersonCompetence> rows;
      AIMS_TRY(ws->Read([&](store::Tx& tx) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(rows, service::CompetenceRegisterOf(tx, base::Now().date()));
        return base::Status::OK();
      }));
      if (only) std::erase_if(rows, [&](const auto& r) { return r.person.meta.id != *only; });
      if (only && rows.empty()) {
        return base::Status::FailedPrecondition(domain::DisplayId(EntityKind::kPerson, *only) + " has left");
      }
      size_t short_of = 0;
      for (const auto& r : rows) short_of += r.competent() ? 0 : 1;
      if (ctx.json) {
        Print(io::CompetenceJson(rows) + "\n");
      } else {
        Table table({"person", "name", "course", "because", "state", "completed", "expires"});
        for (const auto& r : rows) {
          for (const auto& c : r.courses) {
            std::string because;
            for (const auto& b : c.because) because += (because.empty() ? "" : "; ") + b;
            table.AddRow({domain::DisplayId(EntityKind::kPerson, r.person.meta.id), r.person.name,
                          domain::DisplayId(EntityKind::kCourse, c.course.meta.id) + " " + c.course.title, because,
                          std::string(domain::EnumName(c.check.state)),
                          c.check.completed_on ? c.check.completed_on->ToString() : "-",
                          c.check.expires_on ? c.check.expires_on->ToString() : "-"});
          }
        }
        Print(table.Render());
        Print(std::to_string(rows.size() - short_of) + " of " + std::to_string(rows.size()) +
              (rows.size() == 1 ? " person" : " people") + " hold every course required of them\n");
      }
      if (short_of > 0) {
        return base::Status::FailedPrecondition(std::to_string(short_of) + (short_of == 1 ? " person lacks" : " people lack") +
                                                " a required course, or it has expired");
      }
      return base::Status::OK();
    }();
  });
}

}  // namespace

void RegisterOversightNouns(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  RegisterRecordCommands<domain::Course>(
      app, ctx, outcome, {"course", "Courses for competence and AI literacy: validity, who must hold them"});
  CLI::App* training = RegisterRecordCommands<domain::Training>(
      app, ctx, outcome, {"training", "The training register: who completed which course, when"});
  AddRegister(training, ctx, outcome);
  CLI::App* oversight = RegisterRecordCommands<domain::OversightArrangement>(
      app, ctx, outcome, {"oversight", "Human oversight of each AI system: who may stop, override, escalate, and how"});
  AddCheck(oversight, ctx, outcome);
}

}  // namespace aims::cli
