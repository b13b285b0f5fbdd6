#include "io/risk_library_json.h"

#include "base/canonical_json.h"

namespace aims::io {

namespace {

void Key(std::string* out, const char* key) {
  base::AppendJsonString(out, key);
  *out += ": ";
}

void Strings(std::string* out, const std::vector<std::string>& items) {
  *out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) *out += ", ";
    base::AppendJsonString(out, items[i]);
  }
  *out += ']';
}

}  // namespace

std::string RiskLibraryJson(const domain::RiskLibrary& library) {
  std::string out = "{";
  Key(&out, "id");
  base::AppendJsonString(&out, library.id);
  out += ", ";
  Key(&out, "revision");
  out += std::to_string(library.revision) + ", ";
  Key(&out, "title");
  base::AppendJsonString(&out, library.title);
  out += ", ";
  Key(&out, "source");
  base::AppendJsonString(&out, library.source);
  out += ", ";
  Key(&out, "licence");
  base::AppendJsonString(&out, library.licence);
  out += ", ";
  Key(&out, "items");
  out += '[';
  for (size_t i = 0; i < library.items.size(); ++i) {
    const domain::RiskTemplate& t = library.items[i];
    out += i ? ",\n  {" : "\n  {";
    Key(&out, "id");
    base::AppendJsonString(&out, t.id);
    out += ", ";
    Key(&out, "title");
    base::AppendJsonString(&out, t.title);
    out += ", ";
    Key(&out, "description");
    base::AppendJsonString(&out, t.description);
    out += ", ";
    Key(&out, "source");
    base::AppendJsonString(&out, t.source);
    out += ", ";
    Key(&out, "objectives");
    Strings(&out, t.objectives);
    out += ", ";
    Key(&out, "controls");
    Strings(&out, t.controls);
    out += ", ";
    Key(&out, "likelihood");
    out += std::to_string(t.likelihood) + ", ";
    Key(&out, "impact");
    out += std::to_string(t.impact) + ", ";
    Key(&out, "treatment");
    base::AppendJsonString(&out, domain::EnumName(t.treatment));
    out += ", ";
    Key(&out, "treatment_plan");
    base::AppendJsonString(&out, t.treatment_plan);
    out += '}';
  }
  out += library.items.empty() ? "]}" : "\n]}";
  return out;
}

}  // namespace aims::io
