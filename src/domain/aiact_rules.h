// AiActRules: the EU AI Act classification rules as data, the parsed form of an
// `aims-aiact-rules/1` file (catalogs/rules/eu-ai-act.yaml; parser: io/aiact_rules_parser.h).
// Plain values; the engine (domain/aiact_classification.h) reads them and holds no facts of its
// own: article numbers, Annex III points, dates and obligations all come from here.
// Invariants, checked by the parser: (1) ids are unique within each list (an obligation id may
// recur in entries whose texts do not overlap, so a duty keeps its id across texts); (2) every
// `applies_from` names a date of each text the entry is in (or is kHighRiskDate, and then the
// entry's condition requires a high-risk route); (3) every point, area, item and text named in a
// condition exists in the lists; (4) default_text names a text.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "domain/ai_system.h"

namespace aims::domain {

inline constexpr std::string_view kAiActRulesFormat = "aims-aiact-rules/1";
// The applies_from value meaning "the date the high-risk rules apply to this system's route".
inline constexpr std::string_view kHighRiskDate = "high_risk";
// The date keys every text must have: when the high-risk rules apply by each route.
inline constexpr std::string_view kAnnexIiiDate = "annex_iii";
inline constexpr std::string_view kAnnexIDate = "annex_i";

// One text of the Regulation ("original", "amended") and its application dates by key
// ("prohibitions", "annex_iii", ...).
struct AiActText {
  std::string id;
  std::string title;
  std::map<std::string, base::Date, std::less<>> dates;

  const base::Date* FindDate(std::string_view key) const {
    auto it = dates.find(key);
    return it == dates.end() ? nullptr : &it->second;
  }
};

// An entry of a closed list: a scope exclusion, prohibition (id = point letter), Annex III
// point (id = "4(a)"), Art. 6(3) derogation or Art. 50 transparency item.
struct AiActListEntry {
  std::string id;
  std::string article;       // "Art. 5(1)(c)"; for Annex III points "Annex III 4(a)"
  std::string summary;
  std::string applies_from;  // prohibitions only: a date key
  std::vector<std::string> texts;  // empty: every text
  int line = 0;              // in the rule file, for messages

  bool InText(std::string_view text_id) const {
    if (texts.empty()) return true;
    for (const auto& t : texts) {
      if (t == text_id) return true;
    }
    return false;
  }
};

enum class AiActRoute { kNone, kAny, kAnnexIii, kAnnexI };
enum class AiActGpaiCondition { kNone, kAny, kSystemic };

// When an obligation applies: every condition that is set must hold (lists are alternatives).
struct AiActCondition {
  bool always = false;
  AiActRoute high_risk = AiActRoute::kNone;
  std::vector<std::string> annex_iii_areas;         // "4"
  std::vector<std::string> annex_iii_except_areas;  // "2"
  std::vector<std::string> annex_iii_points;        // "1(a)"
  bool derogated = false;
  std::vector<std::string> transparency;
  AiActGpaiCondition gpai = AiActGpaiCondition::kNone;
  bool unless_open_source = false;
  bool public_body = false;
  bool fria = false;
};

struct AiActRuleObligation {
  std::string id;
  std::string article;
  std::string summary;
  std::vector<AiActRole> binds;
  AiActCondition when;
  std::string applies_from;        // a date key, or kHighRiskDate
  std::vector<std::string> texts;  // empty: every text
  int line = 0;

  bool InText(std::string_view text_id) const {
    if (texts.empty()) return true;
    for (const auto& t : texts) {
      if (t == text_id) return true;
    }
    return false;
  }
};

// Art. 27(1) as data.
struct AiActFriaRule {
  std::string article;
  std::vector<std::string> public_deployer_except_areas;  // public bodies: any Annex III area but these
  std::vector<std::string> any_deployer_points;           // every deployer: these Annex III points
};

struct AiActRules {
  std::string format;
  std::string id;
  int64_t revision = 0;
  std::string title;
  std::string source;
  std::string licence;
  std::string default_text;
  std::vector<AiActText> texts;
  double gpai_systemic_threshold_flop = 0;  // systemic when training compute is greater
  std::vector<AiActListEntry> scope_exclusions;
  std::vector<AiActListEntry> prohibitions;
  std::vector<AiActListEntry> annex_iii;
  std::vector<AiActListEntry> derogations;
  std::vector<AiActListEntry> transparency;
  AiActFriaRule fria;
  std::vector<AiActRuleObligation> obligations;

  const AiActText* FindText(std::string_view text_id) const {
    for (const auto& t : texts) {
      if (t.id == text_id) return &t;
    }
    return nullptr;
  }
};

// Finds `id` in one of the lists above; nullptr when absent.
inline const AiActListEntry* FindEntry(const std::vector<AiActListEntry>& list, std::string_view id) {
  for (const auto& e : list) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

// The area of an Annex III point: "4" for "4(a)".
inline std::string_view AnnexIiiArea(std::string_view point) { return point.substr(0, point.find('(')); }

}  // namespace aims::domain
