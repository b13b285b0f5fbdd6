#include "io/concern_json.h"

#include "base/canonical_json.h"

namespace aims::io {

namespace {

std::string Messages(const std::vector<domain::ConcernMessage>& messages) {
  std::string out = "[";
  for (size_t i = 0; i < messages.size(); ++i) {
    const auto& m = messages[i];
    out += i ? ", " : "";
    out += "{\"author\": \"" + std::string(domain::EnumName(m.author)) + "\", \"at\": \"" + m.at.ToString() +
           "\", \"body\": ";
    base::AppendJsonString(&out, m.body);
    out += "}";
  }
  return out + "]";
}

}  // namespace

std::string ConcernReporterJson(const domain::Concern& c, const std::vector<domain::ConcernMessage>& messages) {
  return "{\"status\": \"" + std::string(domain::EnumName(c.status)) + "\", \"messages\": " + Messages(messages) + "}";
}

std::string ConcernHandlerJson(const domain::Concern& c, const std::vector<domain::ConcernMessage>& messages) {
  std::string out = "{\"id\": " + std::to_string(c.id) + ", \"version\": " + std::to_string(c.version) +
                    ", \"created_at\": \"" + c.created_at.ToString() + "\", \"updated_at\": \"" +
                    c.updated_at.ToString() + "\", \"category\": \"" + std::string(domain::EnumName(c.category)) +
                    "\", \"system_named\": ";
  base::AppendJsonString(&out, c.system_named);
  out += ", \"system\": " + (c.system ? std::to_string(*c.system) : std::string("null")) + ", \"status\": \"" +
         std::string(domain::EnumName(c.status)) + "\", \"hide_from_owner\": " + (c.hide_from_owner ? "true" : "false") +
         ", \"messages\": " + Messages(messages) + "}";
  return out;
}

}  // namespace aims::io
