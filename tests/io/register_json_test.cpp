// Unit tests for src/io: the register document's JSON form, strict reading with pointers.
#include <gtest/gtest.h>

#include "io/register_json_reader.h"
#include "io/register_json_writer.h"

namespace aims::io {
namespace {

const base::Timestamp kNow(1764300000000000);

base::Status ReadError(const std::string& text) {
  auto doc = ReadRegisterJson(text, "in.json", kNow);
  return doc.ok() ? base::Status::OK() : doc.status();
}

TEST(RegisterJson, WritesDeterministicallyAndReadsBack) {
  RegisterDocument doc;
  domain::AiSystem s;
  s.meta = {3, 2, base::Timestamp(10), base::Timestamp(20), std::nullopt};
  s.name = "Chat \"bot\"";
  s.purpose = "Answers\nquestions";
  s.models = {4, 9};
  s.owner = 2;
  s.iso22989_roles = {domain::Iso22989Role::kCustomer};
  s.ai_act_tier = domain::AiActTier::kLimited;
  doc.records<domain::AiSystem>().push_back(s);
  domain::Risk r;
  r.meta = {1, 1, base::Timestamp(5), base::Timestamp(5), base::Timestamp(6)};
  r.title = "Bias";
  r.review_date = *base::Date::Parse("2027-01-31");
  doc.records<domain::Risk>().push_back(r);
  doc.blobs["2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"] = "hello";

  std::string text = WriteRegisterJson(doc);
  EXPECT_EQ(text, WriteRegisterJson(doc));
  EXPECT_NE(text.find("\"format\": \"aims-register/1\""), std::string::npos);
  auto back = ReadRegisterJson(text, "x.json", kNow);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(WriteRegisterJson(*back), text);
  const auto& sys = back->records<domain::AiSystem>().at(0);
  EXPECT_EQ(sys.name, "Chat \"bot\"");
  EXPECT_EQ(sys.models, (std::vector<domain::Id>{4, 9}));
  EXPECT_EQ(sys.meta.version, 2);
  EXPECT_EQ(back->records<domain::Risk>().at(0).meta.retired_at, base::Timestamp(6));
  EXPECT_EQ(back->blobs.at("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"), "hello");
}

TEST(RegisterJson, DefaultsTimestampsAndVersionsForHandWrittenFiles) {
  auto doc = ReadRegisterJson(
      R"({"format": "aims-register/1", "systems": [{"id": 1, "name": "A", "purpose": "B"}]})", "h.json", kNow);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const auto& s = doc->records<domain::AiSystem>().at(0);
  EXPECT_EQ(s.meta.version, 1);
  EXPECT_EQ(s.meta.created_at, kNow);
  EXPECT_EQ(s.meta.updated_at, kNow);
  EXPECT_EQ(s.lifecycle_stage, domain::LifecycleStage::kInception);
}

TEST(RegisterJson, ErrorsNameTheFileAndJsonPointer) {
  struct Case {
    std::string text;
    std::string where;
    std::string message_part;
  } cases[] = {
      {R"({"format": "aims-register/1", "systems": [{"id": 1, "name": "A", "lifecycle_stage": "prod"}]})",
       "in.json:/systems/0/lifecycle_stage", "unknown value \"prod\""},
      {R"({"format": "aims-register/1", "risks": [{"id": 1, "title": "x"}, {"id": 2, "review_date": "2026-02-30"}]})",
       "in.json:/risks/1/review_date", "not a calendar date"},
      {R"({"format": "aims-register/1", "systems": [{"id": 1, "nmae": "A"}]})", "in.json:/systems/0/nmae",
       "unknown field"},
      {R"({"format": "aims-register/1", "systems": [{"name": "A"}]})", "in.json:/systems/0/id", "required"},
      {R"({"format": "aims-register/1", "systems": [{"id": 1, "models": [1, "x"]}]})", "in.json:/systems/0/models",
       "array of positive ids"},
      {R"({"format": "aims-register/1", "systems": [{"id": -4}]})", "in.json:/systems/0/id", "positive"},
      {R"({"format": "aims-register/1", "risks": [{"id": 1, "likelihood": "high"}]})", "in.json:/risks/0/likelihood",
       "whole number"},
      {R"({"format": "aims-register/1", "gadgets": []})", "in.json:/gadgets", "unknown section"},
      {R"({"format": "something-else"})", "in.json:/format", "not an aims register"},
      {R"({"format": "aims-register/1", "blobs": {"00": "aGVsbG8="}})", "in.json:/blobs/00", "does not hash"},
      {"{\"format\": \"aims-register/1\",\n  \"systems\": [\n    {\"id\": 1,}\n]}", "in.json:3:14", "not valid JSON"},
      {"[1, 2", "in.json:1:6", "not valid JSON"},
      {"{} trailing", "in.json:1:4", "not valid JSON"},
  };
  for (const auto& c : cases) {
    base::Status s = ReadError(c.text);
    EXPECT_EQ(s.code(), base::StatusCode::kInvalidArgument) << c.text;
    EXPECT_EQ(s.where(), c.where) << c.text;
    EXPECT_NE(s.message().find(c.message_part), std::string_view::npos) << s.ToString();
  }
}

// Records are found by a scan of the document's structure and parsed one by one: strings that
// hold brackets, quotes and escapes must not confuse the scan, and errors keep their positions.
TEST(RegisterJson, FindsRecordsWhateverTheirStringsHold) {
  std::string text = "{\"form\\u0061t\": \"aims-register/1\",\r\n\t\"systems\" :[ "
                     "{\"id\": 1, \"name\": \"a ] } [ { \\\" \\\\\", \"purpose\": \"\\\\\"},"
                     "{\"id\": 2, \"name\": \"b\", \"models\": [], \"purpose\": \"\\u005d\"}\n] , \"risks\":[]}  \n";
  auto doc = ReadRegisterJson(text, "s.json", kNow);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const auto& systems = doc->records<domain::AiSystem>();
  ASSERT_EQ(systems.size(), 2u);
  EXPECT_EQ(systems[0].name, "a ] } [ { \" \\");
  EXPECT_EQ(systems[0].purpose, "\\");
  EXPECT_EQ(systems[1].purpose, "]");
  EXPECT_TRUE(doc->records<domain::Risk>().empty());
}

TEST(RegisterJson, PlacesErrorsInsideLaterRecordsAndRefusesRepeatedSections) {
  std::string text = "{\"format\": \"aims-register/1\", \"systems\": [\n"
                     "  {\"id\": 1, \"name\": \"A\"},\n"
                     "  {\"id\": 2, \"name\": \"B\" \"purpose\": \"x\"}\n]}";
  base::Status s = ReadError(text);
  EXPECT_EQ(s.where(), "in.json:3:25") << s.ToString();
  EXPECT_NE(s.message().find("not valid JSON"), std::string_view::npos) << s.ToString();

  s = ReadError(R"({"format": "aims-register/1", "risks": [], "risks": []})");
  EXPECT_EQ(s.where(), "in.json:/risks");
  EXPECT_NE(s.message().find("more than once"), std::string_view::npos) << s.ToString();

  s = ReadError(R"({"format": "aims-register/1", "systems": {"id": 1}})");
  EXPECT_EQ(s.where(), "in.json:/systems");
  s = ReadError(R"({"format": "aims-register/1", "blobs": []})");
  EXPECT_EQ(s.where(), "in.json:/blobs");
  s = ReadError(R"([{"format": "aims-register/1"}])");
  EXPECT_NE(s.message().find("must be a JSON object"), std::string_view::npos) << s.ToString();
  s = ReadError(R"({"format": "aims-register/1", "systems": [{"id": 1, "name": "A"]]})");
  EXPECT_NE(s.message().find("not valid JSON"), std::string_view::npos) << s.ToString();
  s = ReadError(R"({"format": "aims-register/1", "systems": [{"id": 1}, ]})");
  EXPECT_NE(s.message().find("not valid JSON"), std::string_view::npos) << s.ToString();
  s = ReadError(R"({"format": "aims-register/1", "systems": [{"id": 1, "name": "open)");
  EXPECT_NE(s.message().find("not valid JSON"), std::string_view::npos) << s.ToString();
  EXPECT_FALSE(ReadError("").ok());
}

TEST(RegisterJson, RefusesDeepNesting) {
  std::string deep = R"({"format": "aims-register/1", "systems": [{"id": 1, "name": )";
  for (int i = 0; i < 200; ++i) deep += "[";
  EXPECT_FALSE(ReadRegisterJson(deep, "deep.json", kNow).ok());
}

}  // namespace
}  // namespace aims::io
