#include "io/aiact_rules_parser.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "base/embedded_file.h"
#include "io/yaml_reader.h"

namespace aims_builtin_aiact_rules {
std::span<const aims::base::EmbeddedFile> Files();
}

namespace aims::io {

namespace {

using base::Status;
using internal::YamlReader;
using domain::AiActListEntry;
using domain::AiActRules;

constexpr size_t kMaxRulesBytes = 1 << 20;

Status ReadTexts(const YamlReader& r, const YAML::Node& root, AiActRules* rules) {
  YAML::Node texts = root["texts"];
  if (!texts.IsSequence() || texts.size() == 0) return r.Error(root, "texts", "needs a non-empty list of texts");
  for (const auto& node : texts) {
    AIMS_TRY(r.CheckKeys(node, "a text", {"id", "title", "dates"}));
    domain::AiActText text;
    AIMS_TRY(r.Text(node, "id", true, &text.id));
    AIMS_TRY(r.Text(node, "title", true, &text.title));
    if (rules->FindText(text.id)) return r.Error(node["id"], "id", "duplicate text \"" + text.id + "\"");
    YAML::Node dates = node["dates"];
    if (!dates.IsMap() || dates.size() == 0) return r.Error(node, "dates", "needs a mapping of dates");
    for (const auto& kv : dates) {
      std::string key = kv.first.Scalar();
      auto date = kv.second.IsScalar() ? base::Date::Parse(kv.second.Scalar())
                                       : base::Result<base::Date>(Status::InvalidArgument("not a date"));
      if (!date.ok()) return r.Error(kv.second, "dates." + key, "must be a date YYYY-MM-DD");
      text.dates.emplace(key, *date);
    }
    for (std::string_view key : {domain::kAnnexIiiDate, domain::kAnnexIDate}) {
      if (!text.FindDate(key)) return r.Error(dates, "dates", "needs the date \"" + std::string(key) + "\"");
    }
    rules->texts.push_back(std::move(text));
  }
  return Status::OK();
}

// Checks that `texts` names known texts and that `applies_from` is a date of each text in it.
Status CheckTextsAndDate(const YamlReader& r, const YAML::Node& node, const AiActRules& rules,
                         const std::vector<std::string>& texts, const std::string& applies_from) {
  for (const auto& t : texts) {
    if (!rules.FindText(t)) return r.Error(node["texts"], "texts", "unknown text \"" + t + "\"");
  }
  if (applies_from.empty() || applies_from == domain::kHighRiskDate) return Status::OK();
  for (const auto& text : rules.texts) {
    bool in = texts.empty() || std::find(texts.begin(), texts.end(), text.id) != texts.end();
    if (in && !text.FindDate(applies_from)) {
      return r.Error(node["applies_from"], "applies_from",
                     "the text \"" + text.id + "\" has no date \"" + applies_from + "\"");
    }
  }
  return Status::OK();
}

// A list of entries keyed by `id_key` ("id" or "point"); prohibitions also have dates and texts.
Status ReadList(const YamlReader& r, const YAML::Node& root, const char* field, const char* id_key,
                bool dated, const AiActRules& rules, std::vector<AiActListEntry>* out) {
  YAML::Node list = root[field];
  if (!list.IsSequence() || list.size() == 0) return r.Error(root, field, "needs a non-empty list");
  std::set<std::string> keys = {id_key, "summary"};
  if (std::string_view(field) != "annex_iii") keys.insert("article");
  if (dated) keys.insert({"applies_from", "texts"});
  for (const auto& node : list) {
    AIMS_TRY(r.CheckKeys(node, std::string("an entry of ") + field, keys));
    AiActListEntry e;
    e.line = node.Mark().line + 1;
    AIMS_TRY(r.Text(node, id_key, true, &e.id));
    AIMS_TRY(r.Text(node, "summary", true, &e.summary));
    if (keys.count("article")) AIMS_TRY(r.Text(node, "article", true, &e.article));
    else e.article = "Annex III " + e.id;
    if (dated) {
      AIMS_TRY(r.Text(node, "applies_from", true, &e.applies_from));
      AIMS_TRY(r.TextList(node, "texts", &e.texts));
      if (e.applies_from == domain::kHighRiskDate) return r.Error(node, "applies_from", "must be a date key");
      AIMS_TRY(CheckTextsAndDate(r, node, rules, e.texts, e.applies_from));
    }
    if (domain::FindEntry(*out, e.id)) return r.Error(node, id_key, "duplicate \"" + e.id + "\"");
    out->push_back(std::move(e));
  }
  return Status::OK();
}

Status CheckNames(const YamlReader& r, const YAML::Node& node, const char* field,
                  const std::vector<std::string>& names, const std::vector<AiActListEntry>& list, bool areas) {
  for (const auto& n : names) {
    bool found = false;
    for (const auto& e : list) found = found || (areas ? domain::AnnexIiiArea(e.id) == n : e.id == n);
    if (!found) return r.Error(node[field], field, "\"" + n + "\" is not defined in this file");
  }
  return Status::OK();
}

Status ReadCondition(const YamlReader& r, const YAML::Node& node, const AiActRules& rules, domain::AiActCondition* c) {
  AIMS_TRY(r.CheckKeys(node, "a condition",
                       {"always", "high_risk", "annex_iii_areas", "annex_iii_except_areas", "annex_iii_points",
                        "derogated", "transparency", "gpai", "unless_open_source", "public_body", "fria"}));
  if (node.size() == 0) return r.Error(node, "when", "needs a condition (always: true for every system)");
  AIMS_TRY(r.Flag(node, "always", &c->always));
  std::string route;
  AIMS_TRY(r.Text(node, "high_risk", false, &route));
  if (route == "any") c->high_risk = domain::AiActRoute::kAny;
  else if (route == "annex_iii") c->high_risk = domain::AiActRoute::kAnnexIii;
  else if (route == "annex_i") c->high_risk = domain::AiActRoute::kAnnexI;
  else if (!route.empty()) return r.Error(node["high_risk"], "high_risk", "must be any, annex_iii or annex_i");
  AIMS_TRY(r.TextList(node, "annex_iii_areas", &c->annex_iii_areas));
  AIMS_TRY(r.TextList(node, "annex_iii_except_areas", &c->annex_iii_except_areas));
  AIMS_TRY(r.TextList(node, "annex_iii_points", &c->annex_iii_points));
  AIMS_TRY(CheckNames(r, node, "annex_iii_areas", c->annex_iii_areas, rules.annex_iii, true));
  AIMS_TRY(CheckNames(r, node, "annex_iii_except_areas", c->annex_iii_except_areas, rules.annex_iii, true));
  AIMS_TRY(CheckNames(r, node, "annex_iii_points", c->annex_iii_points, rules.annex_iii, false));
  AIMS_TRY(r.Flag(node, "derogated", &c->derogated));
  AIMS_TRY(r.TextList(node, "transparency", &c->transparency));
  AIMS_TRY(CheckNames(r, node, "transparency", c->transparency, rules.transparency, false));
  std::string gpai;
  AIMS_TRY(r.Text(node, "gpai", false, &gpai));
  if (gpai == "any") c->gpai = domain::AiActGpaiCondition::kAny;
  else if (gpai == "systemic") c->gpai = domain::AiActGpaiCondition::kSystemic;
  else if (!gpai.empty()) return r.Error(node["gpai"], "gpai", "must be any or systemic");
  AIMS_TRY(r.Flag(node, "unless_open_source", &c->unless_open_source));
  AIMS_TRY(r.Flag(node, "public_body", &c->public_body));
  AIMS_TRY(r.Flag(node, "fria", &c->fria));
  return Status::OK();
}

Status ReadObligations(const YamlReader& r, const YAML::Node& root, AiActRules* rules) {
  YAML::Node list = root["obligations"];
  if (!list.IsSequence() || list.size() == 0) return r.Error(root, "obligations", "needs a non-empty list");
  std::set<std::pair<std::string, std::string>> ids;  // (text, id): an id may recur in disjoint texts
  for (const auto& node : list) {
    AIMS_TRY(r.CheckKeys(node, "an obligation", {"id", "article", "summary", "binds", "when", "applies_from", "texts"}));
    domain::AiActRuleObligation o;
    o.line = node.Mark().line + 1;
    AIMS_TRY(r.Text(node, "id", true, &o.id));
    AIMS_TRY(r.Text(node, "article", true, &o.article));
    AIMS_TRY(r.Text(node, "summary", true, &o.summary));
    std::vector<std::string> binds;
    AIMS_TRY(r.TextList(node, "binds", &binds));
    if (binds.empty()) return r.Error(node, "binds", "required field is missing");
    for (const auto& b : binds) {
      auto role = domain::ParseEnum<domain::AiActRole>(b);
      if (!role || *role == domain::AiActRole::kUndetermined) {
        return r.Error(node["binds"], "binds", "unknown role \"" + b + "\"");
      }
      o.binds.push_back(*role);
    }
    if (!node["when"].IsDefined()) return r.Error(node, "when", "required field is missing");
    AIMS_TRY(ReadCondition(r, node["when"], *rules, &o.when));
    AIMS_TRY(r.Text(node, "applies_from", true, &o.applies_from));
    AIMS_TRY(r.TextList(node, "texts", &o.texts));
    if (o.applies_from == domain::kHighRiskDate && o.when.high_risk == domain::AiActRoute::kNone) {
      return r.Error(node["applies_from"], "applies_from", "high_risk needs a high_risk condition");
    }
    AIMS_TRY(CheckTextsAndDate(r, node, *rules, o.texts, o.applies_from));
    for (const auto& text : rules->texts) {
      if (o.InText(text.id) && !ids.insert({text.id, o.id}).second) {
        return r.Error(node["id"], "id", "duplicate obligation \"" + o.id + "\" in the text \"" + text.id + "\"");
      }
    }
    rules->obligations.push_back(std::move(o));
  }
  return Status::OK();
}

Status ReadFria(const YamlReader& r, const YAML::Node& root, AiActRules* rules) {
  YAML::Node node = root["fria"];
  if (!node.IsDefined()) return r.Error(root, "fria", "required field is missing");
  AIMS_TRY(r.CheckKeys(node, "fria", {"article", "public_deployer_except_areas", "any_deployer_points"}));
  AIMS_TRY(r.Text(node, "article", true, &rules->fria.article));
  AIMS_TRY(r.TextList(node, "public_deployer_except_areas", &rules->fria.public_deployer_except_areas));
  AIMS_TRY(r.TextList(node, "any_deployer_points", &rules->fria.any_deployer_points));
  AIMS_TRY(CheckNames(r, node, "public_deployer_except_areas", rules->fria.public_deployer_except_areas,
                      rules->annex_iii, true));
  return CheckNames(r, node, "any_deployer_points", rules->fria.any_deployer_points, rules->annex_iii, false);
}

Status ReadHeader(const YamlReader& r, const YAML::Node& root, AiActRules* rules) {
  AIMS_TRY(r.Text(root, "format", true, &rules->format));
  if (rules->format != domain::kAiActRulesFormat) {
    return r.Error(root["format"], "format", "must be " + std::string(domain::kAiActRulesFormat));
  }
  AIMS_TRY(r.Text(root, "id", true, &rules->id));
  AIMS_TRY(r.Integer(root, "revision", &rules->revision));
  AIMS_TRY(r.Text(root, "title", true, &rules->title));
  AIMS_TRY(r.Text(root, "source", true, &rules->source));
  AIMS_TRY(r.Text(root, "licence", true, &rules->licence));
  std::string flop;
  AIMS_TRY(r.Text(root, "gpai_systemic_threshold_flop", true, &flop));
  auto [ptr, ec] = std::from_chars(flop.data(), flop.data() + flop.size(), rules->gpai_systemic_threshold_flop);
  if (ec != std::errc() || ptr != flop.data() + flop.size() || !(rules->gpai_systemic_threshold_flop > 0)) {
    return r.Error(root["gpai_systemic_threshold_flop"], "gpai_systemic_threshold_flop", "must be a positive number");
  }
  return Status::OK();
}

base::Result<AiActRules> ParseRoot(const YamlReader& r, const YAML::Node& root) {
  AIMS_TRY(r.CheckKeys(root, "an AI Act rule file",
                       {"format", "id", "revision", "title", "source", "licence", "default_text", "texts",
                        "gpai_systemic_threshold_flop", "scope_exclusions", "prohibitions", "annex_iii",
                        "derogations", "transparency", "fria", "obligations"}));
  AiActRules rules;
  AIMS_TRY(ReadHeader(r, root, &rules));
  AIMS_TRY(ReadTexts(r, root, &rules));
  AIMS_TRY(r.Text(root, "default_text", true, &rules.default_text));
  if (!rules.FindText(rules.default_text)) {
    return r.Error(root["default_text"], "default_text", "unknown text \"" + rules.default_text + "\"");
  }
  AIMS_TRY(ReadList(r, root, "scope_exclusions", "id", false, rules, &rules.scope_exclusions));
  AIMS_TRY(ReadList(r, root, "prohibitions", "point", true, rules, &rules.prohibitions));
  AIMS_TRY(ReadList(r, root, "annex_iii", "point", false, rules, &rules.annex_iii));
  AIMS_TRY(ReadList(r, root, "derogations", "id", false, rules, &rules.derogations));
  AIMS_TRY(ReadList(r, root, "transparency", "id", false, rules, &rules.transparency));
  AIMS_TRY(ReadFria(r, root, &rules));
  AIMS_TRY(ReadObligations(r, root, &rules));
  return rules;
}

const aims::base::EmbeddedFile& BuiltinFile() {
  auto files = aims_builtin_aiact_rules::Files();
  return files.front();  // exactly one: catalogs/rules/eu-ai-act.yaml (src/CMakeLists.txt)
}

}  // namespace

base::Result<AiActRules> ParseAiActRules(std::string_view text, std::string_view file_name) {
  return internal::ReadYamlMapping(text, file_name, kMaxRulesBytes, "an AI Act rule file", ParseRoot);
}

std::string_view BuiltinAiActRulesText() { return BuiltinFile().data; }

std::string_view BuiltinAiActRulesName() {
  std::string_view path = BuiltinFile().path;
  return path.substr(path.rfind('/') + 1);
}

base::Result<std::shared_ptr<const AiActRules>> BuiltinAiActRules() {
  static const base::Result<std::shared_ptr<const AiActRules>> loaded =
      [&]() -> base::Result<std::shared_ptr<const AiActRules>> {
    AIMS_ASSIGN_OR_RETURN(AiActRules rules, ParseAiActRules(BuiltinAiActRulesText(), BuiltinAiActRulesName()));
    return std::shared_ptr<const AiActRules>(std::make_shared<AiActRules>(std::move(rules)));
  }();
  return loaded;
}

}  // namespace aims::io
