// Incident: something that went wrong with an AI system, handled and learnt from (ISO/IEC 42001
// A.8.4, 10.2). An incident that the EU AI Act calls serious (Art. 3(49)) must be reported to
// the market surveillance authority within a period that runs from the moment of awareness
// (Art. 73, domain/serious_incident.h); the clock is derived from aware_at and serious_incident,
// never stored, so it cannot disagree with them.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "base/time_zone.h"
#include "domain/field.h"
#include "domain/record_meta.h"
#include "domain/serious_incident.h"

namespace aims::domain {

enum class IncidentSeverity { kLow, kMedium, kHigh, kCritical };
template <>
struct EnumTraits<IncidentSeverity> {
  static constexpr std::array<std::string_view, 4> kNames = {"low", "medium", "high", "critical"};
};

enum class IncidentStatus { kOpen, kInvestigating, kContained, kResolved, kClosed };
template <>
struct EnumTraits<IncidentStatus> {
  static constexpr std::array<std::string_view, 5> kNames = {"open", "investigating", "contained", "resolved",
                                                             "closed"};
};

struct Incident {
  static constexpr EntityKind kKind = EntityKind::kIncident;
  static constexpr std::array<std::string_view, 0> kNaturalKey = {};
  RecordMeta meta;
  std::string title;
  std::string description;
  IncidentSeverity severity = IncidentSeverity::kLow;
  IncidentStatus status = IncidentStatus::kOpen;
  std::optional<Id> owner;  // the person who handles it
  std::vector<Id> systems;
  std::string affected_people;
  std::optional<base::Timestamp> occurred_at;
  std::optional<base::Timestamp> aware_at;
  SeriousIncidentKind serious_incident = SeriousIncidentKind::kNone;
  std::optional<base::Timestamp> reported_at;
  std::string reported_to;
  std::vector<std::string> timeline;        // "2026-11-28T09:30:00.000000Z: what happened"
  std::string root_cause;
  std::vector<Id> risks;
  std::vector<std::string> corrective_actions;
  std::vector<std::string> communications;  // "<time>: <to whom> (<channel>): <what>"

  template <class V>
  void VisitFields(V& v) {
    v(Text("title").Required().Listed(), title);
    v(LongText("description").Help("what happened"), description);
    v(Enum<IncidentSeverity>("severity").Listed(), severity);
    v(Enum<IncidentStatus>("status").Listed(), status);
    v(Ref("owner", EntityKind::kPerson).Listed().Help("who handles it"), owner);
    v(RefList("systems", EntityKind::kAiSystem).Help("AI systems involved"), systems);
    v(LongText("affected_people").Help("who was affected, how and how many"), affected_people);
    v(TimeField("occurred_at").Help("when it happened, if known"), occurred_at);
    v(TimeField("aware_at").Listed().Help("when the organisation became aware of it: starts the EU reporting clock"),
      aware_at);
    v(Enum<SeriousIncidentKind>("serious_incident").Listed()
          .Help("EU AI Act serious incident (Art. 3(49), Art. 73): general 15 days, death 10 days, "
                "widespread or critical infrastructure 2 days"),
      serious_incident);
    v(TimeField("reported_at").Help("when it was reported to the market surveillance authority: stops the clock"),
      reported_at);
    v(Text("reported_to").Help("the authority it was reported to"), reported_to);
    v(TextList("timeline").Help("what happened when"), timeline);
    v(LongText("root_cause"), root_cause);
    v(RefList("risks", EntityKind::kRisk).Help("risks it realised or revealed"), risks);
    v(TextList("corrective_actions"), corrective_actions);
    v(TextList("communications").Help("messages to interested parties: when, to whom, what"), communications);
  }
};

// The Art. 73 reporting clock of a serious incident, and where it stands at `now`; nullopt for an
// incident that is not serious (or whose awareness time is not recorded yet).
struct IncidentClock {
  ReportingClock clock;
  ClockState state;
};
std::optional<IncidentClock> ReportingClockOf(const Incident& incident, const base::TimeZone& tz, base::Timestamp now);

// "2026-11-28T09:30:00Z": the time an entry of the timeline or communications log starts with,
// to the second, so that entries sort by time as text.
std::string EntryTime(base::Timestamp at);
// "2026-11-28T09:30:00Z: what happened", checked (one line, not empty, at most 2,000 characters).
base::Result<std::string> TimelineEntry(base::Timestamp at, std::string_view what);
// "2026-11-28T09:30:00Z: to the affected customers (email): what was said".
base::Result<std::string> CommunicationEntry(base::Timestamp at, std::string_view to, std::string_view channel,
                                             std::string_view what);
// Inserts `entry` into `log` keeping it in time order (stable for equal times).
void InsertByTime(std::vector<std::string>* log, std::string entry);

}  // namespace aims::domain
