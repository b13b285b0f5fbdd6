#include "domain/entity_kind.h"

#include <cctype>
#include <charconv>

namespace aims::domain {

namespace {
constexpr std::array<EntityKindInfo, kEntityKindCount> kInfo = {{
    {"organisation", "organisations", "ORG", "organisation"},
    {"scope_statement", "scope_statements", "SCOPE", "scope statement"},
    {"context_issue", "context_issues", "ISSUE", "context issue"},
    {"interested_party", "interested_parties", "PARTY", "interested party"},
    {"party_requirement", "party_requirements", "PREQ", "interested-party requirement"},
    {"person", "people", "PER", "person"},
    {"role", "roles", "ROLE", "role"},
    {"supplier", "suppliers", "SUP", "supplier"},
    {"dataset", "datasets", "DS", "dataset"},
    {"model", "models", "MOD", "model"},
    {"ai_system", "systems", "SYS", "AI system"},
    {"pipeline", "pipelines", "PIPE", "pipeline"},
    {"control", "controls", "CTL", "control"},
    {"risk", "risks", "RISK", "risk"},
    {"soa_entry", "soa_entries", "SOA", "Statement of Applicability entry"},
    {"evidence", "evidence", "EV", "evidence record"},
    {"catalog", "catalogs", "CAT", "catalog"},
    {"risk_methodology", "risk_methodologies", "METH", "risk methodology"},
    {"impact_assessment", "impact_assessments", "AIIA", "impact assessment"},
    {"impact", "impacts", "IMP", "impact"},
    {"aiact_assessment", "aiact_assessments", "AIACT", "EU AI Act classification"},
    {"obligation", "obligations", "OBL", "obligation"},
    {"gate_request", "gate_requests", "GATE", "gate request"},
    {"gate_policy", "gate_policies", "GP", "gate policy"},
    {"incident", "incidents", "INC", "incident"},
    {"policy", "policies", "POL", "policy"},
    {"responsibility", "responsibilities", "RACI", "RACI entry"},
    {"objective", "objectives", "OBJ", "AI objective"},
    {"measurement", "measurements", "MEAS", "measurement"},
    {"course", "courses", "CRS", "course"},
    {"training", "trainings", "TRN", "training record"},
    {"oversight_arrangement", "oversight", "OVS", "oversight arrangement"},
}};
}  // namespace

const EntityKindInfo& Info(EntityKind kind) { return kInfo[static_cast<size_t>(kind)]; }

std::optional<EntityKind> EntityKindFromName(std::string_view name) {
  for (size_t i = 0; i < kInfo.size(); ++i) {
    if (kInfo[i].name == name) return static_cast<EntityKind>(i);
  }
  return std::nullopt;
}

std::string WithArticle(std::string_view noun) {
  bool vowel = !noun.empty() && std::string_view("aeiouAEIOU").find(noun.front()) != std::string_view::npos;
  return std::string(vowel ? "an " : "a ") + std::string(noun);
}

std::string DisplayId(EntityKind kind, Id id) {
  return std::string(Info(kind).prefix) + "-" + std::to_string(id);
}

std::optional<Id> ParseDisplayId(EntityKind kind, std::string_view text) {
  std::string_view prefix = Info(kind).prefix;
  if (text.size() > prefix.size() && text[prefix.size()] == '-') {
    for (size_t i = 0; i < prefix.size(); ++i) {
      if (std::toupper(static_cast<unsigned char>(text[i])) != prefix[i]) return std::nullopt;
    }
    text.remove_prefix(prefix.size() + 1);
  }
  if (text.empty() || text.front() == '+' || text.front() == '-') return std::nullopt;
  Id id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

}  // namespace aims::domain
