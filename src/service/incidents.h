// Incidents (issue 5, ISO/IEC 42001 A.8.4; EU AI Act Art. 73): the organisation's time zone in
// which their clocks run, the serious incidents whose reporting clock runs, and the use cases
// that add to an incident's story and feed the risk register. Each is one transaction: the
// incident's update (and a risk's create or rescore) with their ledger entries.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "base/time_zone.h"
#include "domain/incident.h"
#include "domain/risk.h"
#include "store/store.h"

namespace aims::service {

class Mutation;

// The live organisation's time zone; UTC when there is none or it names none.
base::Result<base::TimeZone> OrganisationZone(store::Tx& tx);

// A live serious incident and its clock.
struct ClockedIncident {
  domain::Incident incident;
  domain::IncidentClock clock;
};
// Every live serious incident with its clock at `now`, the soonest deadline first; with
// `running_only`, those not yet reported.
base::Result<std::vector<ClockedIncident>> IncidentClocks(store::Tx& tx, base::Timestamp now, bool running_only);

// Adds "<at>: <what>" to the incident's timeline, in time order (action "timeline").
base::Result<domain::Incident> AddTimelineEntry(Mutation& m, domain::Id incident, int64_t expected_version,
                                                base::Timestamp at, const std::string& what);

// Adds a message to an interested party to the incident's communications log (action "communicate").
struct Communication {
  base::Timestamp at;
  std::string to;       // "affected applicants", "BaFin"
  std::string channel;  // "email", optional
  std::string what;
};
base::Result<domain::Incident> AddCommunication(Mutation& m, domain::Id incident, int64_t expected_version,
                                                const Communication& c);

// What an incident does to the risk register: a new risk (no `risk`), or a re-score of an
// existing one, which is reopened if it was closed or accepted (the incident shows it was not
// under control).
struct RiskFromIncident {
  std::optional<domain::Id> risk;
  int64_t likelihood = 0;
  int64_t impact = 0;
  std::string title;  // new risk only; default "<incident title> (from INC-n)"
};
struct RiskFromIncidentResult {
  domain::Incident incident;
  domain::Risk risk;
  bool created = false;
};
// The risk is linked to the incident and its systems, the incident's timeline says so.
base::Result<RiskFromIncidentResult> FeedRiskRegister(Mutation& m, domain::Id incident, int64_t expected_version,
                                                      const RiskFromIncident& request);

}  // namespace aims::service
