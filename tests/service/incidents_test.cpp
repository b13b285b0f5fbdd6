// Unit tests for the incident use cases (service/incidents.h) on a real register: the
// organisation's zone drives the clocks; running clocks are listed soonest first; the timeline
// and communications keep time order; feeding the risk register raises a linked risk or
// re-scores (and reopens) one, each in one transaction with its ledger entries; refusals write
// nothing.
#include <gtest/gtest.h>

#include "base/clock.h"
#include "service/incidents.h"
#include "service/mutation.h"
#include "service/workspace.h"
#include "support/register_probe.h"

namespace aims::service {
namespace {

using domain::Incident;
using domain::SeriousIncidentKind;

using aims::testing::At;

struct Register : aims::testing::FreshRegister, aims::testing::RegisterProbe {
  domain::Id owner = 0, system = 0;

  Register() : RegisterProbe(ws.get()) {
    Must([&](Mutation& m) -> base::Status {
      domain::Person o{.name = "Olivia Owner", .email = "olivia@example.org"};
      AIMS_ASSIGN_OR_RETURN(owner, m.Create(o));
      domain::AiSystem s;
      s.name = "Credit assistant";
      s.purpose = "Recommends decisions on loan applications";
      s.owner = owner;
      AIMS_ASSIGN_OR_RETURN(system, m.Create(s));
      return base::Status::OK();
    });
  }

  domain::Id AddIncident(const char* title, SeriousIncidentKind kind, std::optional<base::Timestamp> aware) {
    domain::Id id = 0;
    Must([&](Mutation& m) -> base::Status {
      Incident i;
      i.title = title;
      i.owner = owner;
      i.systems = {system};
      i.serious_incident = kind;
      i.aware_at = aware;
      AIMS_ASSIGN_OR_RETURN(id, m.Create(i));
      return base::Status::OK();
    });
    return id;
  }
  void SetZone(const char* zone) {
    Must([&](Mutation& m) -> base::Status {
      AIMS_ASSIGN_OR_RETURN(domain::Organisation org, m.Get<domain::Organisation>(1));
      org.time_zone = zone;
      return m.Update(org, org.meta.version);
    });
  }
};

TEST(Incidents, TheOrganisationsZoneIsUtcUntilSetAndMustExist) {
  Register r;
  base::TimeZone zone = base::TimeZone::Utc();
  auto read = [&] {
    EXPECT_TRUE(r.ws->Read([&](store::Tx& tx) -> base::Status {
      AIMS_ASSIGN_OR_RETURN(zone, OrganisationZone(tx));
      return base::Status::OK();
    }).ok());
  };
  read();
  EXPECT_EQ(zone.name(), "UTC");
  r.SetZone("Europe/Dublin");
  read();
  EXPECT_EQ(zone.name(), "Europe/Dublin");
  int64_t before = r.LedgerSize();
  base::Status bad = r.Try([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(domain::Organisation org, m.Get<domain::Organisation>(1));
    org.time_zone = "Europe/Atlantis";
    return m.Update(org, org.meta.version);
  });
  EXPECT_EQ(bad.code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.where(), "time_zone");
  EXPECT_EQ(r.LedgerSize(), before);
}

TEST(Incidents, RunningClocksAreListedSoonestFirstInTheOrganisationsZone) {
  Register r;
  r.SetZone("Europe/Berlin");
  base::Timestamp now = base::Now();
  auto hours_ago = [&](int64_t h) { return base::Timestamp(now.micros() - h * 3600 * int64_t{1000000}); };
  domain::Id general = r.AddIncident("Wrong refusals", SeriousIncidentKind::kGeneral, hours_ago(24));
  domain::Id wide = r.AddIncident("Grid outage", SeriousIncidentKind::kWidespreadOrCriticalInfrastructure, hours_ago(100));
  r.AddIncident("Chatbot typo", SeriousIncidentKind::kNone, hours_ago(1));
  std::vector<ClockedIncident> clocks;
  ASSERT_TRUE(r.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(clocks, IncidentClocks(tx, now, true));
    return base::Status::OK();
  }).ok());
  ASSERT_EQ(clocks.size(), 2u);
  EXPECT_EQ(clocks[0].incident.meta.id, wide);  // 2 days, aware 4 days ago: overdue
  EXPECT_TRUE(clocks[0].clock.state.overdue);
  EXPECT_EQ(clocks[1].incident.meta.id, general);
  EXPECT_FALSE(clocks[1].clock.state.overdue);
  base::TimeZone berlin = *base::TimeZone::Find("Europe/Berlin");
  EXPECT_EQ(clocks[1].clock.clock.aware_day, berlin.LocalDate(hours_ago(24)));
  EXPECT_EQ(clocks[1].clock.clock.deadline, berlin.StartOfDay(berlin.LocalDate(hours_ago(24)).AddDays(16)));

  // Reported: no longer running, still listed with all.
  r.Must([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(Incident i, m.Get<Incident>(wide));
    i.reported_at = hours_ago(2);
    i.reported_to = "Bundesnetzagentur";
    return m.Update(i, i.meta.version);
  });
  size_t running = 0, all = 0;
  ASSERT_TRUE(r.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(auto a, IncidentClocks(tx, now, true));
    AIMS_ASSIGN_OR_RETURN(auto b, IncidentClocks(tx, now, false));
    running = a.size();
    all = b.size();
    return base::Status::OK();
  }).ok());
  EXPECT_EQ(running, 1u);
  EXPECT_EQ(all, 2u);
}

TEST(Incidents, TimesInTheFutureAreRefusedAndWriteNothing) {
  Register r;
  int64_t before = r.LedgerSize();
  base::Status s = r.Try([&](Mutation& m) -> base::Status {
    Incident i;
    i.title = "From the future";
    i.aware_at = base::Timestamp(m.now().micros() + int64_t{3600} * 1000000);
    return m.Create(i).status();
  });
  EXPECT_EQ(s.code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.where(), "aware_at");
  EXPECT_EQ(r.LedgerSize(), before);
}

TEST(Incidents, TimelineAndCommunicationsKeepTimeOrderAndRefuseStaleVersions) {
  Register r;
  domain::Id id = r.AddIncident("Wrong refusals", SeriousIncidentKind::kNone, At("2026-03-01T10:00:00Z"));
  int64_t before = r.LedgerSize();
  r.Must([&](Mutation& m) -> base::Status {
    AIMS_TRY(AddTimelineEntry(m, id, 1, At("2026-03-02T09:00:00Z"), "fix deployed").status());
    AIMS_TRY(AddTimelineEntry(m, id, 2, At("2026-03-01T10:00:00Z"), "monitor alerted").status());
    return AddCommunication(m, id, 3, {At("2026-03-02T12:00:00Z"), "affected applicants", "email", "apology"}).status();
  });
  Incident i = r.Get<Incident>(id);
  EXPECT_EQ(i.timeline, (std::vector<std::string>{"2026-03-01T10:00:00Z: monitor alerted",
                                                  "2026-03-02T09:00:00Z: fix deployed"}));
  EXPECT_EQ(i.communications,
            (std::vector<std::string>{"2026-03-02T12:00:00Z: affected applicants (email): apology"}));
  EXPECT_EQ(r.ActionsAfter(before),
            (std::vector<std::string>{"incident timeline", "incident timeline", "incident communicate"}));

  before = r.LedgerSize();
  base::Status stale = r.Try([&](Mutation& m) -> base::Status {
    return AddTimelineEntry(m, id, 2, At("2026-03-03T09:00:00Z"), "late").status();
  });
  EXPECT_EQ(stale.code(), base::StatusCode::kConflict);
  base::Status empty = r.Try([&](Mutation& m) -> base::Status {
    return AddCommunication(m, id, 4, {At("2026-03-03T09:00:00Z"), "", "", "x"}).status();
  });
  EXPECT_EQ(empty.where(), "to");
  EXPECT_EQ(r.LedgerSize(), before);
  EXPECT_EQ(r.Get<Incident>(id).meta.version, 4);
}

TEST(Incidents, FeedingTheRiskRegisterRaisesALinkedRisk) {
  Register r;
  domain::Id id = r.AddIncident("Wrong refusals", SeriousIncidentKind::kNone, At("2026-03-01T10:00:00Z"));
  int64_t before = r.LedgerSize();
  RiskFromIncidentResult done;
  r.Must([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(done, FeedRiskRegister(m, id, 1, {std::nullopt, 4, 5, ""}));
    return base::Status::OK();
  });
  EXPECT_TRUE(done.created);
  domain::Risk risk = r.Get<domain::Risk>(done.risk.meta.id);
  EXPECT_EQ(risk.title, "Wrong refusals (from INC-" + std::to_string(id) + ")");
  EXPECT_EQ(risk.source, "incident INC-" + std::to_string(id));
  EXPECT_EQ(risk.likelihood, 4);
  EXPECT_EQ(risk.impact, 5);
  EXPECT_EQ(risk.owner, r.owner);
  EXPECT_EQ(risk.systems, std::vector<domain::Id>{r.system});
  Incident i = r.Get<Incident>(id);
  EXPECT_EQ(i.risks, std::vector<domain::Id>{risk.meta.id});
  ASSERT_EQ(i.timeline.size(), 1u);
  EXPECT_NE(i.timeline[0].find("raised RISK-" + std::to_string(risk.meta.id)), std::string::npos) << i.timeline[0];
  EXPECT_EQ(r.ActionsAfter(before), (std::vector<std::string>{"risk create", "incident feed_risk"}));
}

TEST(Incidents, FeedingAnExistingRiskReScoresAndReopensIt) {
  Register r;
  domain::Id id = r.AddIncident("Wrong refusals", SeriousIncidentKind::kNone, At("2026-03-01T10:00:00Z"));
  domain::Id risk_id = 0;
  r.Must([&](Mutation& m) -> base::Status {
    domain::Risk risk;
    risk.title = "Stale bureau data";
    risk.likelihood = 1;
    risk.impact = 2;
    risk.status = domain::RiskStatus::kClosed;
    AIMS_ASSIGN_OR_RETURN(risk_id, m.Create(risk));
    return base::Status::OK();
  });
  int64_t before = r.LedgerSize();
  // Out of range or a title for an existing risk: refused, nothing written.
  EXPECT_EQ(r.Try([&](Mutation& m) { return FeedRiskRegister(m, id, 1, {risk_id, 6, 3, ""}).status(); }).where(),
            "likelihood");
  EXPECT_EQ(r.Try([&](Mutation& m) { return FeedRiskRegister(m, id, 1, {risk_id, 3, 3, "New"}).status(); }).where(),
            "title");
  EXPECT_EQ(r.LedgerSize(), before);
  RiskFromIncidentResult done;
  r.Must([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(done, FeedRiskRegister(m, id, 1, {risk_id, 3, 4, ""}));
    return base::Status::OK();
  });
  EXPECT_FALSE(done.created);
  domain::Risk risk = r.Get<domain::Risk>(risk_id);
  EXPECT_EQ(risk.likelihood, 3);
  EXPECT_EQ(risk.impact, 4);
  EXPECT_EQ(risk.status, domain::RiskStatus::kOpen);
  EXPECT_EQ(risk.systems, std::vector<domain::Id>{r.system});
  Incident i = r.Get<Incident>(id);
  EXPECT_NE(i.timeline.back().find("reopened (was closed)"), std::string::npos) << i.timeline.back();
  EXPECT_EQ(r.ActionsAfter(before), (std::vector<std::string>{"risk rescore", "incident feed_risk"}));
}

}  // namespace
}  // namespace aims::service
