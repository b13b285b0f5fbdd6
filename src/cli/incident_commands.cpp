// Incident commands (issue 5): the generic record commands of `aims incident`, plus what an
// incident handler does beyond editing fields: watch the EU reporting clocks (`clocks`), add to
// the timeline (`log`) and the communications log (`communicate`), and feed the risk register
// (`feed-risk`). Times without a zone are read in the organisation's time zone.
#include "cli/commands.h"
#include "cli/exit_status.h"
#include "io/incident_json.h"
#include "service/incidents.h"

namespace aims::cli {

namespace {

using domain::EntityKind;

// `--at` as an instant (now when not given), read in the organisation's zone.
base::Result<base::Timestamp> AtArg(service::Workspace& ws, const std::string& text) {
  if (text.empty()) return base::Now();
  base::Timestamp at;
  AIMS_TRY(ws.Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(base::TimeZone zone, service::OrganisationZone(tx));
    auto parsed = zone.ParseTime(text);
    if (!parsed.ok()) return parsed.status().WithContext("--at");
    at = *parsed;
    return base::Status::OK();
  }));
  return at;
}

std::string Entries(size_t n) { return std::to_string(n) + (n == 1 ? " entry" : " entries"); }

std::string ClockLine(const domain::IncidentClock& c, const base::TimeZone& zone) {
  return std::string(domain::EnumName(c.clock.kind)) + " serious incident, " + std::to_string(c.clock.days) +
         " days (" + c.clock.article + "): report due by " + zone.Format(c.clock.deadline) + "; " + c.state.text +
         (c.state.overdue && !c.state.reported ? " (OVERDUE)" : "");
}

// Runs `change` on incident `id` at its current version (or --if-version) and prints the result.
template <class Fn>
base::Status ChangeIncident(CliContext& ctx, const std::string& id, int64_t expected, Fn change) {
  AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
  AIMS_ASSIGN_OR_RETURN(domain::Id iid, ResolveArg(*ws, EntityKind::kIncident, id));
  return ws->Mutate([&](service::Mutation& m) -> base::Status {
    int64_t version = expected;
    if (version == 0) {
      AIMS_ASSIGN_OR_RETURN(domain::Incident current, m.Get<domain::Incident>(iid));
      version = current.meta.version;
    }
    return change(m, iid, version);
  });
}

void AddClockCommand(CLI::App* noun, CliContext& ctx, Outcome& outcome) {
  auto all = std::make_shared<bool>(false);
  CLI::App* cmd = noun->add_subcommand(
      "clocks", "Serious incidents whose EU AI Act reporting clock runs (Art. 73), the soonest deadline first");
  cmd->add_flag("--all", *all, "also those already reported");
  cmd->callback([&ctx, &outcome, all] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      std::vector<service::ClockedIncident> clocks;
      base::TimeZone zone = base::TimeZone::Utc();
      AIMS_TRY(ws->Read([&](store::Tx& tx) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(zone, service::OrganisationZone(tx));
        AIMS_ASSIGN_OR_RETURN(clocks, service::IncidentClocks(tx, base::Now(), !*all));
        return base::Status::OK();
      }));
      if (ctx.json) {
        std::string out = "[";
        for (size_t i = 0; i < clocks.size(); ++i) {
          out += i ? ",\n  " : "\n  ";
          out += io::IncidentClockJson(clocks[i].incident, clocks[i].clock, zone);
        }
        Print(out + (clocks.empty() ? "]\n" : "\n]\n"));
        return base::Status::OK();
      }
      Table table({"id", "title", "kind", "due by (" + zone.name() + ")", "state"});
      for (const auto& c : clocks) {
        table.AddRow({domain::DisplayId(EntityKind::kIncident, c.incident.meta.id), c.incident.title,
                      std::string(domain::EnumName(c.clock.clock.kind)), zone.Format(c.clock.clock.deadline),
                      c.clock.state.text + (c.clock.state.overdue && !c.clock.state.reported ? " OVERDUE" : "")});
      }
      Print(table.Render());
      Print(std::to_string(clocks.size()) + (*all ? " serious incidents\n" : " reporting clocks running\n"));
      return base::Status::OK();
    }();
  });
}

void AddStoryCommands(CLI::App* noun, CliContext& ctx, Outcome& outcome) {
  struct Args {
    std::string id, at, what, to, channel;
    int64_t expected = 0;
  };
  auto a = std::make_shared<Args>();
  CLI::App* log = noun->add_subcommand("log", "Add what happened, and when, to an incident's timeline");
  log->add_option("id", a->id, "incident id (INC-n)")->required();
  log->add_option("--what", a->what, "what happened (one line)")->required();
  log->add_option("--at", a->at, "when (default now): YYYY-MM-DDTHH:MM in the organisation's zone, or RFC 3339");
  log->add_option("--if-version", a->expected, "refuse unless the incident is still at this version");
  log->callback([&ctx, &outcome, a] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(base::Timestamp at, AtArg(*ws, a->at));
      domain::Incident done;
      AIMS_TRY(ChangeIncident(ctx, a->id, a->expected, [&](service::Mutation& m, domain::Id id, int64_t v) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(done, service::AddTimelineEntry(m, id, v, at, a->what));
        return base::Status::OK();
      }));
      Print(domain::DisplayId(EntityKind::kIncident, done.meta.id) + ": timeline: " + Entries(done.timeline.size()) +
            " (version " + std::to_string(done.meta.version) + ")\n");
      return base::Status::OK();
    }();
  });

  auto b = std::make_shared<Args>();
  CLI::App* tell = noun->add_subcommand("communicate", "Record a message to an interested party about an incident");
  tell->add_option("id", b->id, "incident id (INC-n)")->required();
  tell->add_option("--to", b->to, "who was told (e.g. affected applicants, the supervisory authority)")->required();
  tell->add_option("--channel", b->channel, "how (e.g. email, letter, press release)");
  tell->add_option("--what", b->what, "what was said (one line)")->required();
  tell->add_option("--at", b->at, "when (default now)");
  tell->add_option("--if-version", b->expected, "refuse unless the incident is still at this version");
  tell->callback([&ctx, &outcome, b] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(base::Timestamp at, AtArg(*ws, b->at));
      domain::Incident done;
      AIMS_TRY(ChangeIncident(ctx, b->id, b->expected, [&](service::Mutation& m, domain::Id id, int64_t v) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(done, service::AddCommunication(m, id, v, {at, b->to, b->channel, b->what}));
        return base::Status::OK();
      }));
      Print(domain::DisplayId(EntityKind::kIncident, done.meta.id) + ": communications: " +
            Entries(done.communications.size()) + " (version " + std::to_string(done.meta.version) + ")\n");
      return base::Status::OK();
    }();
  });
}

void AddFeedRiskCommand(CLI::App* noun, CliContext& ctx, Outcome& outcome) {
  struct Args {
    std::string id, risk, title;
    int64_t likelihood = 0, impact = 0, expected = 0;
  };
  auto a = std::make_shared<Args>();
  CLI::App* cmd = noun->add_subcommand(
      "feed-risk", "Feed an incident into the risk register: a new risk, or --risk to re-score (and reopen) one");
  cmd->add_option("id", a->id, "incident id (INC-n)")->required();
  cmd->add_option("--risk", a->risk, "an existing risk to re-score (RISK-n); without it a new risk is raised");
  cmd->add_option("--likelihood", a->likelihood, "1 (rare) to 5 (almost certain), as the incident shows it")->required();
  cmd->add_option("--impact", a->impact, "1 (negligible) to 5 (severe)")->required();
  cmd->add_option("--title", a->title, "title of the new risk (default: the incident's)");
  cmd->add_option("--if-version", a->expected, "refuse unless the incident is still at this version");
  cmd->callback([&ctx, &outcome, a] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      service::RiskFromIncident request{std::nullopt, a->likelihood, a->impact, a->title};
      if (!a->risk.empty()) {
        auto rid = ResolveArg(*ws, EntityKind::kRisk, a->risk);
        if (!rid.ok()) return rid.status().WithContext("--risk");
        request.risk = *rid;
      }
      service::RiskFromIncidentResult done;
      AIMS_TRY(ChangeIncident(ctx, a->id, a->expected, [&](service::Mutation& m, domain::Id id, int64_t v) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(done, service::FeedRiskRegister(m, id, v, request));
        return base::Status::OK();
      }));
      Print(domain::DisplayId(EntityKind::kIncident, done.incident.meta.id) + (done.created ? ": raised " : ": re-scored ") +
            domain::DisplayId(EntityKind::kRisk, done.risk.meta.id) + " \"" + done.risk.title + "\" (likelihood " +
            std::to_string(done.risk.likelihood) + ", impact " + std::to_string(done.risk.impact) + ")\n");
      return base::Status::OK();
    }();
  });
}

}  // namespace

std::vector<std::pair<std::string, std::string>> Extras(service::Workspace& ws, const domain::Incident& r) {
  std::vector<std::pair<std::string, std::string>> out;
  (void)ws.Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(base::TimeZone zone, service::OrganisationZone(tx));
    if (auto clock = domain::ReportingClockOf(r, zone, base::Now())) out.emplace_back("reporting_clock", ClockLine(*clock, zone));
    return base::Status::OK();
  });
  return out;
}

void RegisterIncidentNouns(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  CLI::App* incident = RegisterRecordCommands<domain::Incident>(
      app, ctx, outcome,
      {"incident", "AI incidents: severity, timeline, root cause, communications and the EU reporting clock"});
  AddClockCommand(incident, ctx, outcome);
  AddStoryCommands(incident, ctx, outcome);
  AddFeedRiskCommand(incident, ctx, outcome);
}

}  // namespace aims::cli
