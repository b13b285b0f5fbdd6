// Unit tests for io/risk_library_parser: the shipped seed-risk library parses with the seed risks
// the issue names, every catalog reference in it resolves in the shipped ISO/IEC 42001 catalog
// (sources and objectives in Annex C, controls in Annex A), and each kind of mistake is refused
// naming the file, line and field.
#include <gtest/gtest.h>

#include "catalog/builtin_catalogs.h"
#include "io/risk_library_json.h"
#include "io/risk_library_parser.h"

namespace aims::io {
namespace {

constexpr std::string_view kGood = R"(format: aims-risk-library/1
id: test
revision: 2
title: Test seeds
source: tests
licence: test
items:
  - id: bias
    title: Bias
    description: Unfair outcomes
    source: iso42001:C.3.4
    objectives: [iso42001:C.2.5]
    controls: [iso42001:A.7.4]
    likelihood: 3
    impact: 4
    treatment: modify
    treatment_plan: Test per group
)";

std::string Edited(std::string_view from, std::string_view to) {
  std::string text(kGood);
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string ErrorOf(const std::string& text) {
  auto lib = ParseRiskLibrary(text, "seeds.yaml");
  return lib.ok() ? "" : lib.status().ToString();
}

TEST(RiskLibraryParser, BuiltinHoldsTheNamedSeedRisksAndEveryReferenceResolves) {
  auto lib = BuiltinRiskLibrary();
  ASSERT_TRUE(lib.ok()) << lib.status().ToString();
  for (const char* id : {"bias", "unexplainable-decisions", "over-reliance", "public-impact", "data-quality",
                         "data-provenance", "model-security", "third-party-models"}) {
    EXPECT_NE((*lib)->Find(id), nullptr) << id;
  }
  auto catalogs = catalog::BuiltinCatalogs();
  ASSERT_TRUE(catalogs.ok()) << catalogs.status().ToString();
  auto expect_item = [&](const std::string& ref, std::string_view prefix, catalog::ItemKind kind, const std::string& seed) {
    auto item = (*catalogs)->ResolveRequirement(ref);
    if (!item.ok()) {
      // Annex C items are guidance, not requirements: resolve them in the framework directly.
      const catalog::Framework* fw = (*catalogs)->Latest("iso42001");
      ASSERT_NE(fw, nullptr);
      ASSERT_EQ(ref.rfind("iso42001:", 0), 0u) << seed << ": " << ref;
      const catalog::Item* found = fw->Find(ref.substr(9));
      ASSERT_NE(found, nullptr) << seed << ": " << ref << " is not in the ISO/IEC 42001 catalog";
      EXPECT_EQ(found->id.rfind(prefix, 0), 0u) << seed << ": " << ref;
      return;
    }
    EXPECT_EQ((*item)->id.rfind(prefix, 0), 0u) << seed << ": " << ref;
    EXPECT_EQ((*item)->kind, kind) << seed << ": " << ref;
  };
  for (const auto& t : (*lib)->items) {
    EXPECT_FALSE(t.description.empty()) << t.id;
    expect_item(t.source, "C.3.", catalog::ItemKind::kTopic, t.id);
    ASSERT_FALSE(t.objectives.empty()) << t.id;
    for (const auto& o : t.objectives) expect_item(o, "C.2.", catalog::ItemKind::kTopic, t.id);
    ASSERT_FALSE(t.controls.empty()) << t.id;
    for (const auto& c : t.controls) expect_item(c, "A.", catalog::ItemKind::kControl, t.id);
  }
}

TEST(RiskLibraryParser, ReadsEveryFieldAndWritesItAsJson) {
  auto lib = ParseRiskLibrary(kGood, "seeds.yaml");
  ASSERT_TRUE(lib.ok()) << lib.status().ToString();
  ASSERT_EQ(lib->items.size(), 1u);
  const domain::RiskTemplate& t = lib->items[0];
  EXPECT_EQ(lib->revision, 2);
  EXPECT_EQ(t.source, "iso42001:C.3.4");
  EXPECT_EQ(t.objectives, std::vector<std::string>{"iso42001:C.2.5"});
  EXPECT_EQ(t.likelihood, 3);
  EXPECT_EQ(t.impact, 4);
  EXPECT_EQ(t.treatment, domain::RiskTreatment::kModify);
  domain::Risk r = domain::RiskFromTemplate(t);
  EXPECT_EQ(r.title, "Bias");
  EXPECT_EQ(r.objectives, t.objectives);
  EXPECT_EQ(r.treatment_plan, "Test per group");
  EXPECT_TRUE(r.controls.empty());  // linked by the service, from the register's controls
  std::string json = RiskLibraryJson(*lib);
  EXPECT_NE(json.find(R"("id": "bias")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("controls": ["iso42001:A.7.4"])"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("treatment": "modify")"), std::string::npos) << json;
}

TEST(RiskLibraryParser, MistakesAreRefusedNamingFileLineAndField) {
  EXPECT_EQ(ErrorOf(std::string(kGood)), "");
  EXPECT_NE(ErrorOf(Edited("format: aims-risk-library/1", "format: other/1")).find("seeds.yaml:1: format"), std::string::npos);
  EXPECT_NE(ErrorOf(Edited("    likelihood: 3", "    likelihood: 6")).find("seeds.yaml:14: likelihood"), std::string::npos)
      << ErrorOf(Edited("    likelihood: 3", "    likelihood: 6"));
  EXPECT_NE(ErrorOf(Edited("    impact: 4", "    impact: zero")).find("impact"), std::string::npos);
  EXPECT_NE(ErrorOf(Edited("    treatment: modify", "    treatment: undecided")).find("seeds.yaml:16: treatment"),
            std::string::npos);
  EXPECT_NE(ErrorOf(Edited("[iso42001:C.2.5]", "[fairness]")).find("seeds.yaml:12: objectives"), std::string::npos)
      << ErrorOf(Edited("[iso42001:C.2.5]", "[fairness]"));
  EXPECT_NE(ErrorOf(Edited("    source: iso42001:C.3.4", "    source: data")).find("source"), std::string::npos);
  EXPECT_NE(ErrorOf(Edited("  - id: bias", "  - id: Bias!")).find("seeds.yaml:8: id"), std::string::npos);
  EXPECT_NE(ErrorOf(Edited("    impact: 4\n", "    impact: 4\n    colour: red\n")).find("colour"), std::string::npos);
  EXPECT_NE(ErrorOf(Edited("    title: Bias\n", "")).find("title"), std::string::npos);
  std::string twice = std::string(kGood) + std::string(kGood.substr(kGood.find("  - id: bias")));
  EXPECT_NE(ErrorOf(twice).find("duplicate seed risk \"bias\""), std::string::npos) << ErrorOf(twice);
  EXPECT_NE(ErrorOf("items: [").find("not valid YAML"), std::string::npos);
  EXPECT_NE(ErrorOf("- a list").find("must be a YAML mapping"), std::string::npos);
}

}  // namespace
}  // namespace aims::io
