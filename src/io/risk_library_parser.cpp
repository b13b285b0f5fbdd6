#include "io/risk_library_parser.h"

#include <set>

#include "base/embedded_file.h"
#include "io/yaml_reader.h"

namespace aims_builtin_risk_library {
std::span<const aims::base::EmbeddedFile> Files();
}

namespace aims::io {

namespace {

using base::Status;
using internal::YamlReader;

constexpr size_t kMaxLibraryBytes = 1 << 20;

// "framework:item", e.g. iso42001:C.2.5: the form risks and controls use for catalog items.
bool IsCatalogRef(std::string_view ref) {
  size_t colon = ref.find(':');
  return colon != std::string_view::npos && colon > 0 && colon + 1 < ref.size() &&
         ref.find(':', colon + 1) == std::string_view::npos && ref.find(' ') == std::string_view::npos;
}

bool IsTemplateId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-') return false;
  }
  return true;
}

Status ReadRefs(const YamlReader& r, const YAML::Node& node, const char* field, std::vector<std::string>* out) {
  AIMS_TRY(r.TextList(node, field, out));
  for (size_t i = 0; i < out->size(); ++i) {
    if (!IsCatalogRef((*out)[i])) {
      return r.Error(node[field][i], field, "\"" + (*out)[i] + "\" is not a catalog reference like iso42001:C.2.5");
    }
  }
  return Status::OK();
}

Status ReadItem(const YamlReader& r, const YAML::Node& node, domain::RiskTemplate* t) {
  AIMS_TRY(r.CheckKeys(node, "a seed risk",
                       {"id", "title", "description", "source", "objectives", "controls", "likelihood", "impact",
                        "treatment", "treatment_plan"}));
  AIMS_TRY(r.Text(node, "id", true, &t->id));
  if (!IsTemplateId(t->id)) return r.Error(node["id"], "id", "must be lower-case letters, digits and '-'");
  AIMS_TRY(r.Text(node, "title", true, &t->title));
  AIMS_TRY(r.Text(node, "description", true, &t->description));
  AIMS_TRY(r.Text(node, "source", true, &t->source));
  if (!IsCatalogRef(t->source)) return r.Error(node["source"], "source", "must be a catalog reference like iso42001:C.3.4");
  AIMS_TRY(ReadRefs(r, node, "objectives", &t->objectives));
  AIMS_TRY(ReadRefs(r, node, "controls", &t->controls));
  AIMS_TRY(r.Integer(node, "likelihood", &t->likelihood, 1, 5));
  AIMS_TRY(r.Integer(node, "impact", &t->impact, 1, 5));
  std::string treatment;
  AIMS_TRY(r.Text(node, "treatment", true, &treatment));
  auto parsed = domain::ParseEnum<domain::RiskTreatment>(treatment);
  if (!parsed || *parsed == domain::RiskTreatment::kUndecided) {
    return r.Error(node["treatment"], "treatment", "must be one of modify, avoid, share, retain");
  }
  t->treatment = *parsed;
  return r.Text(node, "treatment_plan", true, &t->treatment_plan);
}

base::Result<domain::RiskLibrary> ParseRoot(const YamlReader& r, const YAML::Node& root) {
  AIMS_TRY(r.CheckKeys(root, "a seed-risk library",
                       {"format", "id", "revision", "title", "source", "licence", "retrieved", "items"}));
  domain::RiskLibrary lib;
  std::string format;
  AIMS_TRY(r.Text(root, "format", true, &format));
  if (format != kRiskLibraryFormat) return r.Error(root["format"], "format", "must be " + std::string(kRiskLibraryFormat));
  AIMS_TRY(r.Text(root, "id", true, &lib.id));
  AIMS_TRY(r.Integer(root, "revision", &lib.revision));
  AIMS_TRY(r.Text(root, "title", true, &lib.title));
  AIMS_TRY(r.Text(root, "source", true, &lib.source));
  AIMS_TRY(r.Text(root, "licence", true, &lib.licence));
  std::string retrieved;
  AIMS_TRY(r.Text(root, "retrieved", false, &retrieved));
  YAML::Node items = root["items"];
  if (!items.IsSequence() || items.size() == 0) return r.Error(root, "items", "needs a non-empty list of seed risks");
  std::set<std::string> seen;
  for (const auto& node : items) {
    domain::RiskTemplate t;
    AIMS_TRY(ReadItem(r, node, &t));
    if (!seen.insert(t.id).second) return r.Error(node["id"], "id", "duplicate seed risk \"" + t.id + "\"");
    lib.items.push_back(std::move(t));
  }
  return lib;
}

}  // namespace

base::Result<domain::RiskLibrary> ParseRiskLibrary(std::string_view text, std::string_view file_name) {
  return internal::ReadYamlMapping(text, file_name, kMaxLibraryBytes, "a seed-risk library", ParseRoot);
}

base::Result<std::shared_ptr<const domain::RiskLibrary>> BuiltinRiskLibrary() {
  static const base::Result<std::shared_ptr<const domain::RiskLibrary>> loaded =
      []() -> base::Result<std::shared_ptr<const domain::RiskLibrary>> {
    const auto& file = aims_builtin_risk_library::Files().front();  // exactly one (src/CMakeLists.txt)
    std::string_view path = file.path;
    AIMS_ASSIGN_OR_RETURN(domain::RiskLibrary lib, ParseRiskLibrary(file.data, path.substr(path.find_last_of('/') + 1)));
    return std::shared_ptr<const domain::RiskLibrary>(std::make_shared<domain::RiskLibrary>(std::move(lib)));
  }();
  return loaded;
}

}  // namespace aims::io
