// Unit tests for io/aiact_rules_parser: the shipped rule file parses, and each kind of mistake in
// a rule file is refused naming the file, line and field.
#include <gtest/gtest.h>

#include <algorithm>

#include "io/aiact_rules_parser.h"

namespace aims::io {
namespace {

// The built-in file with the first `from` replaced by `to`.
std::string Edited(std::string_view from, std::string_view to) {
  std::string text(BuiltinAiActRulesText());
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

base::Status ParseError(const std::string& text) {
  auto rules = ParseAiActRules(text, "rules.yaml");
  return rules.ok() ? base::Status::OK() : rules.status();
}

TEST(AiActRulesParser, BuiltinParsesWithEveryObligationKind) {
  auto rules = ParseAiActRules(BuiltinAiActRulesText(), "eu-ai-act.yaml");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_EQ(rules->revision, 1);
  EXPECT_GE(rules->obligations.size(), 50u);
  EXPECT_EQ(rules->scope_exclusions.size(), 3u);
  EXPECT_EQ(rules->derogations.size(), 4u);
  EXPECT_EQ(rules->transparency.size(), 5u);
  EXPECT_EQ(rules->annex_iii.front().article, "Annex III 1(a)");
  const domain::AiActListEntry* i = domain::FindEntry(rules->prohibitions, "i");
  ASSERT_NE(i, nullptr);
  EXPECT_FALSE(i->InText("original"));
  EXPECT_TRUE(i->InText("amended"));
  EXPECT_GT(i->line, 1);
}

TEST(AiActRulesParser, SameObligationIdAllowedOnlyInDisjointTexts) {
  auto rules = ParseAiActRules(BuiltinAiActRulesText(), "eu-ai-act.yaml");
  ASSERT_TRUE(rules.ok());
  int art4 = 0;
  for (const auto& o : rules->obligations) art4 += o.id == "art4-ai-literacy";
  EXPECT_EQ(art4, 2);
  base::Status s = ParseError(Edited("    texts: [original]\n", ""));
  EXPECT_NE(s.message().find("duplicate obligation \"art4-ai-literacy\""), std::string_view::npos) << s.ToString();
}

TEST(AiActRulesParser, MistakesNameFileLineAndField) {
  struct Case {
    const char* what;
    std::string text;
    const char* where_contains;
  } cases[] = {
      {"wrong format", Edited("format: aims-aiact-rules/1", "format: aims-catalog/1"), ": format"},
      {"unknown top-level key", Edited("default_text: amended", "default_text: amended\ncolour: red"), ": colour"},
      {"unknown default text", Edited("default_text: amended", "default_text: draft"), ": default_text"},
      {"bad date", Edited("general: 2026-08-02", "general: 2026-02-30"), ": dates.general"},
      {"text without annex_iii date", Edited("      annex_iii: 2026-08-02        # Art. 6(2) high-risk systems\n", ""),
       ": dates"},
      {"duplicate text", Edited("  - id: amended\n", "  - id: original\n"), ": id"},
      {"bad threshold", Edited("gpai_systemic_threshold_flop: 1.0e25", "gpai_systemic_threshold_flop: lots"),
       ": gpai_systemic_threshold_flop"},
      {"negative threshold", Edited("gpai_systemic_threshold_flop: 1.0e25", "gpai_systemic_threshold_flop: -1"),
       ": gpai_systemic_threshold_flop"},
      {"prohibition date missing in a text", Edited("    texts: [amended]\n\nannex_iii", "\nannex_iii"),
       ": applies_from"},
      {"prohibition in an unknown text", Edited("    texts: [amended]\n\nannex_iii", "    texts: [draft]\n\nannex_iii"),
       ": texts"},
      {"duplicate Annex III point", Edited("  - point: 1(b)", "  - point: 1(a)"), ": point"},
      {"unknown key in a list entry", Edited("    article: Art. 6(3)(a)", "    article: Art. 6(3)(a)\n    weight: 3"),
       ": weight"},
      {"unknown role", Edited("binds: [importer]", "binds: [reseller]"), ": binds"},
      {"empty condition", Edited("when: {always: true}", "when: {}"), ": when"},
      {"unknown condition", Edited("when: {always: true}", "when: {sometimes: true}"), ": sometimes"},
      {"false flag", Edited("when: {always: true}", "when: {always: false}"), ": always"},
      {"unknown route", Edited("when: {high_risk: any}", "when: {high_risk: annex_ii}"), ": high_risk"},
      {"unknown area", Edited("annex_iii_areas: [\"4\"]", "annex_iii_areas: [\"9\"]"), ": annex_iii_areas"},
      {"unknown point", Edited("annex_iii_points: [1(a)]", "annex_iii_points: [1(z)]"), ": annex_iii_points"},
      {"unknown transparency item", Edited("transparency: [interacts_with_persons]}", "transparency: [hologram]}"),
       ": transparency"},
      {"unknown gpai condition", Edited("when: {gpai: systemic}", "when: {gpai: huge}"), ": gpai"},
      {"unknown date key", Edited("applies_from: general", "applies_from: someday"), ": applies_from"},
      {"high_risk date without a route", Edited("when: {derogated: true}\n    applies_from: annex_iii",
                                                "when: {derogated: true}\n    applies_from: high_risk"),
       ": applies_from"},
      {"unknown FRIA point", Edited("any_deployer_points: [5(b), 5(c)]", "any_deployer_points: [5(e)]"),
       ": any_deployer_points"},
      {"missing summary", Edited("    summary: Performs a narrow procedural task.\n", ""), ": summary"},
      {"not YAML", "format: [unclosed", "rules.yaml:"},
      {"not a mapping", "- a\n- b\n", "rules.yaml"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    base::Status s = ParseError(c.text);
    EXPECT_EQ(s.code(), base::StatusCode::kInvalidArgument);
    EXPECT_NE(s.where().find(c.where_contains), std::string_view::npos) << s.ToString();
    EXPECT_EQ(s.where().rfind("rules.yaml", 0), 0u) << s.ToString();
  }
}

TEST(AiActRulesParser, ErrorsCarryTheLineNumber) {
  base::Status s = ParseError(Edited("binds: [importer]", "binds: [reseller]"));
  std::string text(BuiltinAiActRulesText());
  size_t line = 1 + std::count(text.begin(), text.begin() + text.find("binds: [importer]"), '\n');
  EXPECT_EQ(s.where(), "rules.yaml:" + std::to_string(line) + ": binds");
}

TEST(AiActRulesParser, TooLargeIsRefused) {
  std::string big(BuiltinAiActRulesText());
  big.append((1 << 20), '#');
  EXPECT_EQ(ParseError(big).where(), "rules.yaml");
}

}  // namespace
}  // namespace aims::io
