#include "io/objective_json.h"

#include <cstdio>

#include "base/canonical_json.h"

namespace aims::io {

namespace {

// Shortest text that reads back as the same double.
std::string Number(double v) {
  char buf[32];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    double back = 0;
    std::sscanf(buf, "%lf", &back);
    if (back == v) break;
  }
  return buf;
}

}  // namespace

std::string ObjectiveProgressJson(const domain::Objective& o, const domain::ObjectiveProgress& p) {
  auto str = [](std::string* out, std::string_view key, std::string_view value) {
    out->append(", \"").append(key).append("\": ");
    base::AppendJsonString(out, value);
  };
  std::string out = "{\"objective\": " + std::to_string(o.meta.id);
  str(&out, "id", domain::DisplayId(domain::EntityKind::kObjective, o.meta.id));
  str(&out, "title", o.title);
  str(&out, "metric", o.metric);
  str(&out, "unit", o.unit);
  str(&out, "direction", domain::EnumName(o.direction));
  str(&out, "target", o.target);
  out += ", \"due\": " + (o.due ? "\"" + o.due->ToString() + "\"" : std::string("null"));
  out += ", \"latest\": " + (p.latest ? Number(*p.latest) : std::string("null"));
  out += std::string(", \"met\": ") + (p.met ? "true" : "false");
  out += std::string(", \"overdue\": ") + (p.overdue ? "true" : "false");
  out += ", \"trend\": " + std::to_string(p.trend) + ", \"points\": [";
  for (size_t i = 0; i < p.points.size(); ++i) {
    out += i ? ", " : "";
    out += "{\"on\": \"" + p.points[i].on.ToString() + "\", \"value\": " + Number(p.points[i].value) + "}";
  }
  return out + "]}";
}

}  // namespace aims::io
