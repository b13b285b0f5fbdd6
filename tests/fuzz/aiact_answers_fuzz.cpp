// libFuzzer target for the EU AI Act answers (io/aiact_json) and the engine
// (domain/aiact_classification): any input either fails with a Status naming the file, or yields
// answers whose canonical form reads back to the same bytes and that, if Classify accepts them,
// classify consistently under both texts (prohibited lists only duties to stop; out of scope
// lists none; every obligation binds the answers' role and says truly whether it is in force).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "domain/aiact_classification.h"
#include "io/aiact_json.h"
#include "io/aiact_rules_parser.h"

namespace {

void Check(const aims::domain::AiActRules& rules, const aims::domain::AiActAnswers& answers,
           std::string_view text, const char* as_of) {
  aims::base::Date date = *aims::base::Date::Parse(as_of);
  auto c = aims::domain::Classify(rules, answers, text, date);
  if (!c.ok()) {
    if (c.status().where().empty()) std::abort();
    return;
  }
  for (const auto& o : c->obligations) {
    if (o.binds != answers.role || o.in_force != (o.applies_from <= date)) std::abort();
    if (c->tier == aims::domain::AiActTier::kProhibited && o.id.rfind("art5-1-", 0) != 0) std::abort();
  }
  if (c->tier == aims::domain::AiActTier::kOutOfScope && !c->obligations.empty()) std::abort();
  if (c->fria_required && c->tier != aims::domain::AiActTier::kHigh) std::abort();
  if (aims::io::WriteAiActClassificationJson(*c).empty()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto rules = aims::io::BuiltinAiActRules();
  if (!rules.ok()) std::abort();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto answers = aims::io::ReadAiActAnswersJson(text, "fuzz.json");
  if (!answers.ok()) {
    if (answers.status().where().rfind("fuzz.json", 0) != 0) std::abort();
    return 0;
  }
  std::string written = aims::io::WriteAiActAnswersJson(*answers);
  auto again = aims::io::ReadAiActAnswersJson(written, "rewritten.json");
  if (!again.ok() || aims::io::WriteAiActAnswersJson(*again) != written) std::abort();
  Check(**rules, *answers, "original", "2026-09-01");
  Check(**rules, *answers, "amended", "2026-12-02");
  Check(**rules, *answers, "", "2029-01-01");
  return 0;
}
