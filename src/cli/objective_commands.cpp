// AI objective commands (issue 5, 6.2): the record commands of `aims objective` and
// `aims measurement`, plus `aims objective record` (a value on a day) and `aims objective status`
// (where each objective stands: latest value, target met, trend, overdue).
#include "cli/commands.h"
#include "cli/exit_status.h"
#include "io/objective_json.h"
#include "report/trend_chart.h"
#include "service/objectives.h"

namespace aims::cli {

namespace {

using domain::EntityKind;

std::string TrendWord(int trend) { return trend > 0 ? "towards the target" : trend < 0 ? "away from the target" : "-"; }

void AddRecord(CLI::App* noun, CliContext& ctx, Outcome& outcome) {
  struct Args {
    std::string id, value, on, note;
  };
  auto a = std::make_shared<Args>();
  CLI::App* cmd = noun->add_subcommand("record", "Record a measured value of an objective on a day");
  cmd->add_option("id", a->id, "objective id (OBJ-n) or title")->required();
  cmd->add_option("--value", a->value, "the measured value, a number")->required();
  cmd->add_option("--on", a->on, "the day it was measured (YYYY-MM-DD, default today)");
  cmd->add_option("--note", a->note, "how it was measured, on what data");
  cmd->callback([&ctx, &outcome, a] {
    outcome.status = [&]() -> base::Status {
      base::Date on = base::Now().date();
      if (!a->on.empty()) {
        auto d = base::Date::Parse(a->on);
        if (!d.ok()) return d.status().WithContext("--on");
        on = *d;
      }
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(domain::Id oid, ResolveArg(*ws, EntityKind::kObjective, a->id));
      domain::Measurement recorded;
      service::ObjectiveView view;
      AIMS_TRY(ws->Mutate([&](service::Mutation& m) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(recorded, service::RecordMeasurement(m, oid, on, a->value, a->note));
        AIMS_ASSIGN_OR_RETURN(view, service::ViewOf(m.tx(), oid, base::Now().date()));
        return base::Status::OK();
      }));
      Print("recorded " + domain::DisplayId(EntityKind::kMeasurement, recorded.meta.id) + ": " +
            domain::DisplayId(EntityKind::kObjective, oid) + " " + a->value + " on " + on.ToString() + "; target " +
            std::string(view.objective.direction == domain::TargetDirection::kAtLeast ? ">= " : "<= ") +
            view.objective.target + (view.progress.met ? " met" : " NOT met") + "\n");
      return base::Status::OK();
    }();
  });
}

void AddStatus(CLI::App* noun, CliContext& ctx, Outcome& outcome) {
  CLI::App* cmd = noun->add_subcommand("status", "Where each AI objective stands: latest value, target, trend");
  cmd->callback([&ctx, &outcome] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      std::vector<service::ObjectiveView> views;
      AIMS_TRY(ws->Read([&](store::Tx& tx) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(views, service::ObjectiveViews(tx, base::Now().date()));
        return base::Status::OK();
      }));
      if (ctx.json) {
        std::string out = "[";
        for (size_t i = 0; i < views.size(); ++i) {
          out += (i ? ",\n  " : "\n  ") + io::ObjectiveProgressJson(views[i].objective, views[i].progress);
        }
        Print(out + (views.empty() ? "]\n" : "\n]\n"));
        return base::Status::OK();
      }
      Table table({"id", "title", "target", "latest", "met", "trend", "due"});
      for (const auto& v : views) {
        const auto& o = v.objective;
        table.AddRow({domain::DisplayId(EntityKind::kObjective, o.meta.id), o.title,
                      std::string(o.direction == domain::TargetDirection::kAtLeast ? ">= " : "<= ") + o.target +
                          (o.unit.empty() ? "" : " " + o.unit),
                      v.progress.latest ? report::FormatValue(*v.progress.latest) : "-",
                      v.progress.latest ? (v.progress.met ? "yes" : "NO") : "-", TrendWord(v.progress.trend),
                      (o.due ? o.due->ToString() : "") + (v.progress.overdue ? " OVERDUE" : "")});
      }
      Print(table.Render());
      size_t met = 0;
      for (const auto& v : views) met += v.progress.met ? 1 : 0;
      Print(std::to_string(met) + " of " + std::to_string(views.size()) + " objectives met\n");
      return base::Status::OK();
    }();
  });
}

}  // namespace

void RegisterObjectiveNouns(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  CLI::App* objective = RegisterRecordCommands<domain::Objective>(
      app, ctx, outcome, {"objective", "Measurable AI objectives (6.2): metric, target, owner, due date"});
  AddRecord(objective, ctx, outcome);
  AddStatus(objective, ctx, outcome);
  RegisterRecordCommands<domain::Measurement>(app, ctx, outcome,
                                              {"measurement", "Measured values of AI objectives, by day"});
}

}  // namespace aims::cli
