#include "service/incidents.h"

#include <algorithm>

#include "service/mutation.h"
#include "service/record_reads.h"

namespace aims::service {

namespace {

using domain::DisplayId;
using domain::EntityKind;

base::Result<domain::Incident> LoadForChange(Mutation& m, domain::Id id, int64_t expected_version) {
  AIMS_ASSIGN_OR_RETURN(auto incident, GetAtVersion<domain::Incident>(m, id, expected_version));
  if (incident.meta.retired()) {
    return base::Status::FailedPrecondition("it is retired", DisplayId(EntityKind::kIncident, id));
  }
  return incident;
}

base::Status CheckScore(int64_t value, const char* what) {
  if (value < 1 || value > 5) {
    return base::Status::InvalidArgument(std::string("must be between 1 and 5, got ") + std::to_string(value), what);
  }
  return base::Status::OK();
}

}  // namespace

base::Result<base::TimeZone> OrganisationZone(store::Tx& tx) {
  AIMS_ASSIGN_OR_RETURN(auto org, FirstLive<domain::Organisation>(tx));
  if (!org || org->time_zone.empty()) return base::TimeZone::Utc();
  auto zone = base::TimeZone::Find(org->time_zone);
  return zone.ok() ? *zone : base::TimeZone::Utc();
}

base::Result<std::vector<ClockedIncident>> IncidentClocks(store::Tx& tx, base::Timestamp now, bool running_only) {
  AIMS_ASSIGN_OR_RETURN(base::TimeZone zone, OrganisationZone(tx));
  AIMS_ASSIGN_OR_RETURN(auto live, AllRecords<domain::Incident>(tx));
  std::vector<ClockedIncident> out;
  for (auto& incident : live) {
    auto clock = domain::ReportingClockOf(incident, zone, now);
    if (!clock || (running_only && clock->state.reported)) continue;
    out.push_back({std::move(incident), std::move(*clock)});
  }
  std::stable_sort(out.begin(), out.end(), [](const ClockedIncident& a, const ClockedIncident& b) {
    return a.clock.clock.deadline < b.clock.clock.deadline;
  });
  return out;
}

base::Result<domain::Incident> AddTimelineEntry(Mutation& m, domain::Id id, int64_t expected_version,
                                                base::Timestamp at, const std::string& what) {
  AIMS_ASSIGN_OR_RETURN(domain::Incident incident, LoadForChange(m, id, expected_version));
  AIMS_ASSIGN_OR_RETURN(std::string entry, domain::TimelineEntry(at, what));
  domain::InsertByTime(&incident.timeline, std::move(entry));
  AIMS_TRY(m.Update(incident, expected_version, "timeline"));
  return incident;
}

base::Result<domain::Incident> AddCommunication(Mutation& m, domain::Id id, int64_t expected_version,
                                                const Communication& c) {
  AIMS_ASSIGN_OR_RETURN(domain::Incident incident, LoadForChange(m, id, expected_version));
  AIMS_ASSIGN_OR_RETURN(std::string entry, domain::CommunicationEntry(c.at, c.to, c.channel, c.what));
  domain::InsertByTime(&incident.communications, std::move(entry));
  AIMS_TRY(m.Update(incident, expected_version, "communicate"));
  return incident;
}

base::Result<RiskFromIncidentResult> FeedRiskRegister(Mutation& m, domain::Id id, int64_t expected_version,
                                                      const RiskFromIncident& request) {
  AIMS_ASSIGN_OR_RETURN(domain::Incident incident, LoadForChange(m, id, expected_version));
  AIMS_TRY(CheckScore(request.likelihood, "likelihood"));
  AIMS_TRY(CheckScore(request.impact, "impact"));
  const std::string incident_id = DisplayId(EntityKind::kIncident, id);
  RiskFromIncidentResult out;
  std::string said;
  if (request.risk) {
    AIMS_ASSIGN_OR_RETURN(domain::Risk risk, m.Get<domain::Risk>(*request.risk));
    if (risk.meta.retired()) return base::Status::FailedPrecondition("it is retired", DisplayId(EntityKind::kRisk, *request.risk));
    if (!request.title.empty()) {
      return base::Status::InvalidArgument("a re-scored risk keeps its title (give a title only for a new risk)", "title");
    }
    const int64_t version = risk.meta.version;
    said = "re-scored " + DisplayId(EntityKind::kRisk, risk.meta.id) + " from likelihood " +
           std::to_string(risk.likelihood) + ", impact " + std::to_string(risk.impact) + " to " +
           std::to_string(request.likelihood) + ", " + std::to_string(request.impact);
    risk.likelihood = request.likelihood;
    risk.impact = request.impact;
    // The incident shows the risk was not under control: acceptance and closure no longer hold.
    if (risk.status == domain::RiskStatus::kClosed || risk.status == domain::RiskStatus::kAccepted) {
      said += "; reopened (was " + std::string(domain::EnumName(risk.status)) + ")";
      risk.status = domain::RiskStatus::kOpen;
      risk.accepted_by.reset();
      risk.accepted_on.reset();
      risk.acceptance_note.clear();
    }
    for (domain::Id s : incident.systems) risk.systems.push_back(s);
    AIMS_TRY(m.Update(risk, version, "rescore"));
    out.risk = std::move(risk);
  } else {
    domain::Risk risk;
    risk.title = request.title.empty() ? incident.title + " (from " + incident_id + ")" : request.title;
    risk.description = "Raised from incident " + incident_id + ". " + incident.description;
    risk.source = "incident " + incident_id;
    risk.likelihood = request.likelihood;
    risk.impact = request.impact;
    risk.owner = incident.owner;
    risk.systems = incident.systems;
    AIMS_TRY(m.Create(risk).status());
    said = "raised " + DisplayId(EntityKind::kRisk, risk.meta.id);
    out.risk = std::move(risk);
    out.created = true;
  }
  incident.risks.push_back(out.risk.meta.id);
  AIMS_ASSIGN_OR_RETURN(std::string entry, domain::TimelineEntry(m.now(), "risk register: " + said));
  domain::InsertByTime(&incident.timeline, std::move(entry));
  AIMS_TRY(m.Update(incident, expected_version, "feed_risk"));
  out.incident = std::move(incident);
  return out;
}

}  // namespace aims::service
