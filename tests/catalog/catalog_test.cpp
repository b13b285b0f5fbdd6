// Unit tests for src/catalog: the built-in libraries (counts, structure, crosswalk ids), the
// parser's errors, and requirement-level diffs.
#include <gtest/gtest.h>

#include <set>

#include "catalog/builtin_catalogs.h"
#include "catalog/catalog_diff.h"
#include "catalog/catalog_parser.h"

namespace aims::catalog {
namespace {

const CatalogSet& Builtins() {
  auto set = BuiltinCatalogs();
  EXPECT_TRUE(set.ok()) << set.status().ToString();
  return **set;
}

TEST(BuiltinCatalogs, Iso42001Has38AnnexAControlsIn9Objectives) {
  const Framework* fw = Builtins().Latest("iso42001");
  ASSERT_NE(fw, nullptr);
  EXPECT_EQ(fw->info().version, "2023");
  EXPECT_EQ(fw->OfKind(ItemKind::kControl).size(), 38u);
  EXPECT_EQ(fw->OfKind(ItemKind::kObjective, "A").size(), 9u);
  // Per area: A.2=3, A.3=2, A.4=5, A.5=4, A.6=9 (A.6.1: 2, A.6.2: 7), A.7=5, A.8=4, A.9=3, A.10=3.
  std::map<std::string, size_t> per_parent;
  for (const Item* c : fw->OfKind(ItemKind::kControl)) ++per_parent[c->parent];
  std::map<std::string, size_t> expected = {{"A.2", 3}, {"A.3", 2}, {"A.4", 5}, {"A.5", 4}, {"A.6.1", 2},
                                            {"A.6.2", 7}, {"A.7", 5}, {"A.8", 4}, {"A.9", 3}, {"A.10", 3}};
  EXPECT_EQ(per_parent, expected);
  ASSERT_NE(fw->Find("A.2.2"), nullptr);
  ASSERT_NE(fw->Find("A.10.4"), nullptr);
  EXPECT_EQ(fw->Find("A.10.5"), nullptr);
  for (const char* clause : {"4.1", "4.4", "5.2", "6.1.4", "7.5.3", "8.4", "9.2.2", "9.3.3", "10.2"}) {
    const Item* item = fw->Find(clause);
    ASSERT_NE(item, nullptr) << clause;
    EXPECT_TRUE(fw->IsRequirement(*item)) << clause;
  }
  // Annex C entries are pick-lists, not requirements.
  const Item* c33 = fw->Find("C.3.3");
  ASSERT_NE(c33, nullptr);
  EXPECT_FALSE(fw->IsRequirement(*c33));
}

TEST(BuiltinCatalogs, Iso27001Has93AnnexAControlsInFourThemes) {
  const Framework* fw = Builtins().Latest("iso27001");
  ASSERT_NE(fw, nullptr);
  EXPECT_EQ(fw->OfKind(ItemKind::kControl).size(), 93u);
  EXPECT_EQ(fw->OfKind(ItemKind::kControl, "A.5").size(), 37u);
  EXPECT_EQ(fw->OfKind(ItemKind::kControl, "A.6").size(), 8u);
  EXPECT_EQ(fw->OfKind(ItemKind::kControl, "A.7").size(), 14u);
  EXPECT_EQ(fw->OfKind(ItemKind::kControl, "A.8").size(), 34u);
}

TEST(BuiltinCatalogs, NistAiRmfHas72SubcategoriesIn19Categories) {
  const Framework* fw = Builtins().Latest("nist-ai-rmf");
  ASSERT_NE(fw, nullptr);
  EXPECT_EQ(fw->OfKind(ItemKind::kFunction).size(), 4u);
  EXPECT_EQ(fw->OfKind(ItemKind::kCategory).size(), 19u);
  EXPECT_EQ(fw->OfKind(ItemKind::kSubcategory).size(), 72u);
  std::map<std::string, size_t> per_function;
  for (const Item* s : fw->OfKind(ItemKind::kSubcategory)) {
    per_function[fw->Find(s->parent)->parent]++;
  }
  EXPECT_EQ(per_function, (std::map<std::string, size_t>{{"GOVERN", 19}, {"MAP", 18}, {"MEASURE", 22}, {"MANAGE", 13}}));
}

TEST(BuiltinCatalogs, EveryLibraryStatesSourceLicenceVersionAndLocale) {
  for (const Framework* fw : Builtins().Frameworks()) {
    EXPECT_FALSE(fw->info().source.empty()) << fw->Label();
    EXPECT_FALSE(fw->info().licence.empty()) << fw->Label();
    EXPECT_FALSE(fw->info().version.empty()) << fw->Label();
    EXPECT_FALSE(fw->info().locale.empty()) << fw->Label();
  }
  for (const Crosswalk* cw : Builtins().Crosswalks()) {
    EXPECT_FALSE(cw->info.source.empty()) << cw->info.id;
    EXPECT_FALSE(cw->info.licence.empty()) << cw->info.id;
  }
}

TEST(BuiltinCatalogs, EveryCrosswalkIdExistsOnBothSides) {
  auto crosswalks = Builtins().Crosswalks();
  ASSERT_EQ(crosswalks.size(), 2u);
  for (const Crosswalk* cw : crosswalks) {
    const Framework* from = Builtins().FindEdition(cw->from.catalog, cw->from.version);
    const Framework* to = Builtins().FindEdition(cw->to.catalog, cw->to.version);
    ASSERT_NE(from, nullptr) << cw->info.id;
    ASSERT_NE(to, nullptr) << cw->info.id;
    EXPECT_GT(cw->relations.size(), 50u);
    for (const RelationRow& row : cw->relations) {
      EXPECT_NE(from->Find(row.from), nullptr) << cw->info.id << " line " << row.line << ": " << row.from;
      EXPECT_NE(to->Find(row.to), nullptr) << cw->info.id << " line " << row.line << ": " << row.to;
      EXPECT_FALSE(row.rationale.empty());
      EXPECT_EQ(row.strength.has_value(), row.relation != Relation::kNotRelated);
    }
  }
}

TEST(BuiltinCatalogs, CrosswalksCoverEveryTargetThatShouldBeCovered) {
  const Framework* rmf = Builtins().Latest("nist-ai-rmf");
  const Framework* iso42001 = Builtins().Latest("iso42001");
  std::set<std::string> rmf_sources, annex_targets;
  for (const Crosswalk* cw : Builtins().Crosswalks()) {
    for (const RelationRow& row : cw->relations) {
      if (cw->from.catalog == "nist-ai-rmf") rmf_sources.insert(row.from);
      if (cw->from.catalog == "iso27001") annex_targets.insert(row.to);
    }
  }
  for (const Item* s : rmf->OfKind(ItemKind::kSubcategory)) EXPECT_TRUE(rmf_sources.count(s->id)) << s->id;
  // Every 42001 Annex A control appears in the 27001 crosswalk (with not-related where it is new).
  for (const Item* c : iso42001->OfKind(ItemKind::kControl)) EXPECT_TRUE(annex_targets.count(c->id)) << c->id;
}

TEST(CatalogParser, ReportsFileLineAndField) {
  const char* bad_kind = R"(format: aims-catalog/1
id: demo
version: "1"
revision: 1
title: Demo
source: test
licence: test
locale: en
items:
  - id: "1"
    kind: clause
    title: One
  - id: "2"
    kind: chapter
    title: Two
)";
  auto r = ParseLibrary(bad_kind, "demo.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().where(), "demo.yaml:14: kind");
  EXPECT_NE(r.status().message().find("chapter"), std::string_view::npos);

  std::string dup = std::string(bad_kind);
  dup.replace(dup.find("chapter"), 7, "clause");
  dup.replace(dup.find("id: \"2\""), 7, "id: \"1\"");
  r = ParseLibrary(dup, "dup.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().where(), "dup.yaml:13: id");

  r = ParseLibrary("format: aims-catalog/1\nid: x\nversion: 1\nrevision: 1\ntitle: t\nsource: s\nlicence: l\n"
                   "locale: en\ncolour: red\nitems:\n  - {id: a, kind: clause, title: A}\n",
                   "extra.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().where(), "extra.yaml:9: colour");

  r = ParseLibrary("format: aims-catalog/1\nid: x\n  bad: [indent\n", "broken.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().where().find("broken.yaml:"), std::string_view::npos);

  r = ParseLibrary("format: aims-catalog/1\nid: x\nversion: 1\nrevision: 1\ntitle: t\nsource: s\nlicence: l\n"
                   "locale: en\nitems:\n  - {id: b, kind: clause, title: B, parent: a}\n",
                   "parent.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().where(), "parent.yaml:10: parent");
}

TEST(CatalogParser, CrosswalkRowsAreChecked) {
  const char* cw = R"(format: aims-crosswalk/1
id: a--b
revision: 1
title: t
source: s
licence: l
locale: en
basis: proposed
from: {catalog: iso27001, version: "2022"}
to: {catalog: iso42001, version: "2023"}
relations:
  - {from: A.5.1, to: A.2.2, relation: intersects-with, strength: 5, rationale: r}
  - {from: A.5.1, to: A.99, relation: intersects-with, strength: 5, rationale: r}
)";
  auto lib = ParseLibrary(cw, "cw.yaml");
  ASSERT_TRUE(lib.ok()) << lib.status().ToString();
  CatalogSet set = Builtins();
  base::Status s = set.AddCrosswalk(std::make_shared<const Crosswalk>(std::get<Crosswalk>(*lib)));
  EXPECT_EQ(s.code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.where(), "a--b:13: to");

  auto no_strength = ParseLibrary(std::string(cw).replace(std::string(cw).find("strength: 5, rationale: r}\n  -"), 12, ""),
                                  "cw2.yaml");
  ASSERT_FALSE(no_strength.ok());
  EXPECT_EQ(no_strength.status().where(), "cw2.yaml:12: strength");
}

TEST(CatalogDiff, NamesAddedRemovedAndChangedRequirements) {
  const char* v1 = R"(format: aims-catalog/1
id: demo
version: "2025"
revision: 1
title: Demo
source: s
licence: l
locale: en
items:
  - {id: A, kind: annex, title: Annex}
  - {id: A.1, kind: control, parent: A, title: Keep}
  - {id: A.2, kind: control, parent: A, title: Old title}
  - {id: A.3, kind: control, parent: A, title: Dropped}
)";
  std::string v2 = v1;
  v2.replace(v2.find("revision: 1"), 11, "revision: 2");
  v2.replace(v2.find("Old title"), 9, "New title");
  v2.replace(v2.find("  - {id: A.3, kind: control, parent: A, title: Dropped}\n"),
             std::string("  - {id: A.3, kind: control, parent: A, title: Dropped}\n").size(),
             "  - {id: A.4, kind: control, parent: A, title: Added}\n");
  auto a = ParseLibrary(v1, "v1");
  auto b = ParseLibrary(v2, "v2");
  ASSERT_TRUE(a.ok() && b.ok());
  CatalogDiff d = DiffRequirements(std::get<Framework>(*a), std::get<Framework>(*b));
  EXPECT_EQ(d.added, std::vector<std::string>{"A.4"});
  EXPECT_EQ(d.removed, std::vector<std::string>{"A.3"});
  ASSERT_EQ(d.changed.size(), 1u);
  EXPECT_EQ(d.changed[0].id, "A.2");
  EXPECT_EQ(d.changed[0].fields, std::vector<std::string>{"title"});
  EXPECT_TRUE(DiffRequirements(std::get<Framework>(*a), std::get<Framework>(*a)).empty());
}

TEST(CatalogSet, EditionsCompareAsNumbers) {
  EXPECT_LT(CompareEditions("2013", "2022"), 0);
  EXPECT_LT(CompareEditions("1.9", "1.10"), 0);
  EXPECT_EQ(CompareEditions("1.0", "1.0"), 0);
  EXPECT_GT(CompareEditions("2023", "2022"), 0);
}

}  // namespace
}  // namespace aims::catalog
