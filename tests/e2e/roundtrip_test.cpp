// End to end through the real binary: the demo, catalog counts, the SoA, and the lossless
// export -> import -> export round trip (evidence files included).
#include <gtest/gtest.h>

#include "support/process.h"
#include "support/temp_dir.h"

namespace aims::testing {
namespace {

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = 0; (pos = text.find(needle, pos)) != std::string::npos; pos += needle.size()) ++n;
  return n;
}

TEST(EndToEnd, DemoStartsAndVerifies) {
  TempDir dir;
  ProcessResult demo = RunAims({"--data", dir.Sub("d"), "demo"});
  ASSERT_EQ(demo.exit_code, 0) << demo.err;
  EXPECT_NE(demo.out.find("Northbridge Lending"), std::string::npos);
  ProcessResult again = RunAims({"--data", dir.Sub("d"), "demo"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("found the demo"), std::string::npos);
  ProcessResult verify = RunAims({"--data", dir.Sub("d"), "ledger", "verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  ProcessResult systems = RunAims({"--data", dir.Sub("d"), "--json", "system", "list", "--all"});
  ASSERT_EQ(systems.exit_code, 0);
  for (const char* tier : {"\"high\"", "\"limited\"", "\"minimal\"", "\"prohibited\""}) {
    EXPECT_NE(systems.out.find(tier), std::string::npos) << tier;
  }
}

TEST(EndToEnd, CatalogCountsAndTheSoaListsAll38Controls) {
  TempDir dir;
  ASSERT_EQ(RunAims({"--data", dir.Sub("d"), "init", "--org", "Acme"}).exit_code, 0);
  ProcessResult list = RunAims({"--data", dir.Sub("d"), "--json", "catalog", "list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("\"id\": \"iso42001\", \"edition\": \"2023\", \"revision\": 1"), std::string::npos);
  EXPECT_NE(list.out.find("\"controls\": 38"), std::string::npos);
  EXPECT_NE(list.out.find("\"controls\": 93"), std::string::npos);
  EXPECT_NE(list.out.find("\"subcategories\": 72"), std::string::npos);

  ProcessResult soa = RunAims({"--data", dir.Sub("d"), "soa"});
  ASSERT_EQ(soa.exit_code, 0) << soa.err;
  EXPECT_NE(soa.out.find("38 controls"), std::string::npos);
  ProcessResult csv = RunAims({"--data", dir.Sub("d"), "soa", "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0);
  EXPECT_EQ(Count(csv.out, "\n"), 39u);  // header + 38 rows
  EXPECT_EQ(csv.out.substr(0, csv.out.find('\n')), "id,title,applicable,justification,status,controls,risks,evidence");
  ProcessResult json = RunAims({"--data", dir.Sub("d"), "soa", "--format", "json"});
  EXPECT_EQ(Count(json.out, "\"applicable\": "), 38u);
  for (const char* id : {"\"A.2.2\"", "\"A.6.2.8\"", "\"A.10.4\""}) EXPECT_NE(json.out.find(id), std::string::npos);

  ProcessResult iso27001 = RunAims({"--data", dir.Sub("d"), "--json", "control", "list", "--framework", "iso27001"});
  ASSERT_EQ(iso27001.exit_code, 0) << iso27001.err;
  EXPECT_EQ(Count(iso27001.out, "\"status\": "), 93u);
}

TEST(EndToEnd, ExportImportExportIsByteIdentical) {
  TempDir dir;
  ASSERT_EQ(RunAims({"--data", dir.Sub("a"), "demo"}).exit_code, 0);
  ProcessResult first = RunAims({"--data", dir.Sub("a"), "export", "--out", dir.Sub("first.json")});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ProcessResult import = RunAims({"--data", dir.Sub("b"), "import", dir.Sub("first.json")});
  ASSERT_EQ(import.exit_code, 0) << import.err;
  ProcessResult second = RunAims({"--data", dir.Sub("b"), "export", "--out", dir.Sub("second.json")});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  std::string a = ReadFileOrDie(dir.Sub("first.json")), b = ReadFileOrDie(dir.Sub("second.json"));
  EXPECT_GT(a.size(), 10000u);
  EXPECT_EQ(a, b);
  EXPECT_NE(a.find("\"blobs\": {\n"), std::string::npos);
  ProcessResult verify = RunAims({"--data", dir.Sub("b"), "ledger", "verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.out;
  // The evidence files came across byte for byte.
  ProcessResult get = RunAims({"--data", dir.Sub("b"), "evidence", "get", "EV-1", "--out", dir.Sub("ev1")});
  EXPECT_EQ(get.exit_code, 0) << get.err;
  EXPECT_NE(ReadFileOrDie(dir.Sub("ev1")).find("AI policy"), std::string::npos);
}

TEST(EndToEnd, LedgerProofVerifiesAgainstTheSignedHead) {
  TempDir dir;
  ASSERT_EQ(RunAims({"--data", dir.Sub("d"), "demo"}).exit_code, 0);
  ProcessResult head = RunAims({"--data", dir.Sub("d"), "--json", "ledger", "head"});
  ASSERT_EQ(head.exit_code, 0);
  std::string root = head.out.substr(head.out.find("\"root\": \"") + 9, 64);
  for (const char* seq : {"1", "100", "200"}) {
    ProcessResult proof = RunAims({"--data", dir.Sub("d"), "--json", "ledger", "proof", seq});
    ASSERT_EQ(proof.exit_code, 0) << proof.err;
    EXPECT_NE(proof.out.find("\"verified\": true"), std::string::npos);
    EXPECT_NE(proof.out.find("\"matches_signed_head\": true"), std::string::npos);
    EXPECT_NE(proof.out.find(root), std::string::npos);
  }
  ProcessResult cons = RunAims({"--data", dir.Sub("d"), "ledger", "consistency", "10"});
  EXPECT_EQ(cons.exit_code, 0) << cons.err;
  EXPECT_NE(cons.out.find("verified: yes"), std::string::npos);
  ProcessResult bad = RunAims({"--data", dir.Sub("d"), "ledger", "proof", "999999"});
  EXPECT_EQ(bad.exit_code, 2);
}

}  // namespace
}  // namespace aims::testing
