#include "io/governance_json.h"

#include "base/canonical_json.h"

namespace aims::io {

namespace {

std::string IdOrNull(const std::optional<domain::Id>& id) { return id ? std::to_string(*id) : "null"; }

}  // namespace

std::string RaciMatrixJson(const domain::RaciMatrix& m) {
  std::string out = "{\"people\": [";
  for (size_t i = 0; i < m.people.size(); ++i) {
    const auto& p = m.people[i];
    out += i ? ", " : "";
    out += "{\"id\": " + std::to_string(p.meta.id) + ", \"name\": ";
    base::AppendJsonString(&out, p.name);
    out += ", \"business_unit\": ";
    base::AppendJsonString(&out, p.business_unit);
    out += std::string(", \"left\": ") + (p.meta.retired() ? "true" : "false") + "}";
  }
  out += "], \"rows\": [";
  for (size_t i = 0; i < m.rows.size(); ++i) {
    const auto& r = m.rows[i];
    out += i ? ", " : "";
    out += "{\"id\": " + std::to_string(r.meta.id) + ", \"activity\": ";
    base::AppendJsonString(&out, r.activity);
    out += ", \"system\": " + IdOrNull(r.system) + ", \"cells\": {";
    bool first = true;
    for (const auto& p : m.people) {
      std::string letters = domain::RaciLetters(r, p.meta.id);
      if (letters.empty()) continue;
      out += first ? "" : ", ";
      first = false;
      out += "\"" + std::to_string(p.meta.id) + "\": ";
      base::AppendJsonString(&out, letters);
    }
    out += "}}";
  }
  return out + "]}";
}

std::string RaciGapsJson(const std::vector<domain::RaciGap>& gaps) {
  std::string out = "[";
  for (size_t i = 0; i < gaps.size(); ++i) {
    const auto& g = gaps[i];
    out += i ? ",\n " : "\n ";
    out += "{\"kind\": \"" + std::string(domain::EnumName(g.kind)) + "\", \"activity\": ";
    base::AppendJsonString(&out, g.activity);
    out += ", \"source\": ";
    base::AppendJsonString(&out, g.source);
    out += ", \"system\": " + IdOrNull(g.system) + ", \"entry\": " + IdOrNull(g.entry) +
           ", \"person\": " + IdOrNull(g.person) + ", \"record\": ";
    if (g.record) {
      base::AppendJsonString(&out, domain::DisplayId(g.record_kind, *g.record));
    } else {
      out += "null";
    }
    out += ", \"text\": ";
    base::AppendJsonString(&out, g.text);
    out += "}";
  }
  return out + (gaps.empty() ? "]" : "\n]");
}

}  // namespace aims::io
