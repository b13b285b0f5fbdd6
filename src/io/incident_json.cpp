#include "io/incident_json.h"

#include "base/canonical_json.h"

namespace aims::io {

std::string IncidentClockJson(const domain::Incident& incident, const domain::IncidentClock& c,
                              const base::TimeZone& zone) {
  auto str = [](std::string* out, std::string_view key, std::string_view value) {
    out->append(", \"").append(key).append("\": ");
    base::AppendJsonString(out, value);
  };
  std::string out = "{\"incident\": " + std::to_string(incident.meta.id);
  str(&out, "id", domain::DisplayId(domain::EntityKind::kIncident, incident.meta.id));
  str(&out, "title", incident.title);
  str(&out, "kind", domain::EnumName(c.clock.kind));
  out += ", \"days\": " + std::to_string(c.clock.days);
  str(&out, "article", c.clock.article);
  str(&out, "aware_at", incident.aware_at ? incident.aware_at->ToString() : "");
  str(&out, "deadline", c.clock.deadline.ToString());
  str(&out, "deadline_local", zone.Format(c.clock.deadline));
  str(&out, "time_zone", zone.name());
  out += ", \"seconds_left\": " + std::to_string(c.state.seconds_left);
  out += std::string(", \"overdue\": ") + (c.state.overdue ? "true" : "false");
  out += std::string(", \"reported\": ") + (c.state.reported ? "true" : "false");
  str(&out, "text", c.state.text);
  return out + "}";
}

}  // namespace aims::io
