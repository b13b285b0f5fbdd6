#include "io/oversight_json.h"

#include "base/canonical_json.h"

namespace aims::io {

namespace {

using domain::DisplayId;
using domain::EntityKind;

void Str(std::string* out, std::string_view key, std::string_view value) {
  out->append(", \"").append(key).append("\": ");
  base::AppendJsonString(out, value);
}

void Date(std::string* out, std::string_view key, const std::optional<base::Date>& d) {
  out->append(", \"").append(key).append("\": ").append(d ? "\"" + d->ToString() + "\"" : "null");
}

template <class List>
void Strings(std::string* out, std::string_view key, const List& items) {
  out->append(", \"").append(key).append("\": [");
  bool first = true;
  for (const auto& s : items) {
    if (!first) out->append(", ");
    first = false;
    base::AppendJsonString(out, s);
  }
  out->append("]");
}

void Check(std::string* out, const domain::CompetenceCheck& c) {
  Str(out, "state", domain::EnumName(c.state));
  Date(out, "completed_on", c.completed_on);
  Date(out, "expires_on", c.expires_on);
  out->append(", \"training\": ").append(c.training ? "\"" + DisplayId(EntityKind::kTraining, *c.training) + "\"" : "null");
}

}  // namespace

std::string OversightJson(const domain::OversightView& v) {
  std::string out = "{\"system\": " + std::to_string(v.system.meta.id);
  Str(&out, "id", DisplayId(EntityKind::kAiSystem, v.system.meta.id));
  Str(&out, "name", v.system.name);
  Str(&out, "mode", domain::EnumName(v.system.human_oversight));
  out += ", \"arrangement\": " +
         (v.arrangement ? "\"" + DisplayId(EntityKind::kOversightArrangement, v.arrangement->meta.id) + "\"" : std::string("null"));
  out += std::string(", \"ok\": ") + (v.gaps.empty() ? "true" : "false");
  Strings(&out, "gaps", v.gaps);
  Strings(&out, "warnings", v.review.warnings);
  out += ", \"overseers\": [";
  for (size_t i = 0; i < v.review.overseers.size(); ++i) {
    const auto& o = v.review.overseers[i];
    out += (i ? ", " : "") + std::string("{\"person\": ") + std::to_string(o.person);
    Str(&out, "id", DisplayId(EntityKind::kPerson, o.person));
    Str(&out, "name", o.name);
    out += std::string(", \"left\": ") + (o.left ? "true" : "false");
    Strings(&out, "powers", o.powers);
    out += ", \"courses\": [";
    for (size_t j = 0; j < o.courses.size(); ++j) {
      out += (j ? ", " : "") + std::string("{\"course\": ") + std::to_string(o.courses[j].course);
      Str(&out, "id", DisplayId(EntityKind::kCourse, o.courses[j].course));
      Check(&out, o.courses[j]);
      out += "}";
    }
    out += "]}";
  }
  return out + "]}";
}

std::string OversightListJson(const std::vector<domain::OversightView>& views) {
  std::string out = "[";
  for (size_t i = 0; i < views.size(); ++i) out += (i ? ",\n  " : "\n  ") + OversightJson(views[i]);
  return out + (views.empty() ? "]" : "\n]");
}

std::string CompetenceJson(const std::vector<domain::PersonCompetence>& people) {
  std::string out = "[";
  for (size_t i = 0; i < people.size(); ++i) {
    const auto& p = people[i];
    out += (i ? ",\n  " : "\n  ") + std::string("{\"person\": ") + std::to_string(p.person.meta.id);
    Str(&out, "id", DisplayId(EntityKind::kPerson, p.person.meta.id));
    Str(&out, "name", p.person.name);
    out += std::string(", \"competent\": ") + (p.competent() ? "true" : "false") + ", \"courses\": [";
    for (size_t j = 0; j < p.courses.size(); ++j) {
      const auto& c = p.courses[j];
      out += (j ? ", " : "") + std::string("{\"course\": ") + std::to_string(c.course.meta.id);
      Str(&out, "id", DisplayId(EntityKind::kCourse, c.course.meta.id));
      Str(&out, "title", c.course.title);
      Strings(&out, "because", c.because);
      Check(&out, c.check);
      out += "}";
    }
    out += "]}";
  }
  return out + (people.empty() ? "]" : "\n]");
}

}  // namespace aims::io
