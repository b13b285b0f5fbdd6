// Unit tests for src/base: status, dates and timestamps, SHA-256, canonical JSON, base64.
#include <gtest/gtest.h>

#include <thread>

#include "base/handoff_queue.h"

#include "base/base64.h"
#include "base/canonical_json.h"
#include "base/result.h"
#include "base/sha256.h"
#include "base/status.h"
#include "base/time.h"

namespace aims::base {
namespace {

TEST(Status, OkHasNoMessageAndCopiesDeeply) {
  Status ok;
  EXPECT_TRUE(ok.ok());
  EXPECT_EQ(ok.ToString(), "OK");
  Status bad = Status::InvalidArgument("bad date", "lifecycle_stage");
  Status copy = bad;
  EXPECT_EQ(copy.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(copy.ToString(), "lifecycle_stage: bad date");
}

TEST(Status, WithContextJoinsPointersAndFields) {
  Status s = Status::InvalidArgument("unknown value", "/systems/3/stage");
  EXPECT_EQ(s.WithContext("import.json:").where(), "import.json:/systems/3/stage");
  Status f = Status::InvalidArgument("required", "name");
  EXPECT_EQ(f.WithContext("row 12").where(), "row 12: name");
  EXPECT_TRUE(Status::OK().WithContext("x").ok());
}

TEST(Status, EveryCodeHasAStableName) {
  // Names and numbers are part of the CLI and API contracts: codes are only ever appended.
  const char* names[] = {"ok", "invalid-argument", "not-found", "already-exists", "conflict",
                         "failed-precondition", "permission-denied", "corruption", "io-error",
                         "internal", "unauthenticated", "resource-exhausted"};
  for (int code = 0; code < 12; ++code) {
    EXPECT_EQ(StatusCodeName(static_cast<StatusCode>(code)), names[code]) << code;
  }
  EXPECT_EQ(Status::Unauthenticated("unknown API token").code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(Status::ResourceExhausted("too many failed logins").code(), StatusCode::kResourceExhausted);
}

TEST(Result, HoldsValueOrStatus) {
  Result<int> v = 7;
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, 7);
  Result<int> e = Status::NotFound("no such system", "SYS-9");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), StatusCode::kNotFound);
}

TEST(Date, ParsesStrictIsoDates) {
  auto d = Date::Parse("2024-02-29");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->ToString(), "2024-02-29");
  for (const char* bad : {"2023-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-01-01x", "", "2026/01/01",
                          "2026-04-31"}) {
    EXPECT_FALSE(Date::Parse(bad).ok()) << bad;
  }
}

TEST(Date, DayArithmeticCrossesMonthsAndLeapYears) {
  EXPECT_EQ(Date::Parse("1970-01-01")->DaysSinceEpoch(), 0);
  EXPECT_EQ(Date::Parse("2000-03-01")->DaysSinceEpoch() - Date::Parse("2000-02-28")->DaysSinceEpoch(), 2);
  EXPECT_EQ(Date::Parse("2026-12-31")->AddDays(1).ToString(), "2027-01-01");
  EXPECT_EQ(Date::FromDays(-1).ToString(), "1969-12-31");
  EXPECT_LT(*Date::Parse("2026-11-27"), *Date::Parse("2026-11-28"));
}

TEST(Timestamp, RoundTripsRfc3339AndHonoursOffsets) {
  auto t = Timestamp::Parse("2026-11-28T04:08:24.123456Z");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->ToString(), "2026-11-28T04:08:24.123456Z");
  auto shifted = Timestamp::Parse("2026-11-28T06:08:24.123456+02:00");
  ASSERT_TRUE(shifted.ok());
  EXPECT_EQ(*shifted, *t);
  EXPECT_EQ(Timestamp::Parse("2026-11-28T04:08:24Z")->micros() % 1000000, 0);
  EXPECT_EQ(Timestamp(0).ToString(), "1970-01-01T00:00:00.000000Z");
  EXPECT_EQ(Timestamp(-1).ToString(), "1969-12-31T23:59:59.999999Z");
  EXPECT_FALSE(Timestamp::Parse("2026-11-28 04:08:24Z").ok());
  EXPECT_FALSE(Timestamp::Parse("2026-11-28T25:00:00Z").ok());
  EXPECT_FALSE(Timestamp::Parse("2026-11-28T04:08:24").ok());
}

TEST(Sha256, MatchesFipsVectors) {
  EXPECT_EQ(ToHex(Sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(ToHex(Sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Sha256Hasher h;
  h.Update("a");
  h.Update("bc");
  EXPECT_EQ(ToHex(h.Finish()), ToHex(Sha256("abc")));
  auto parsed = DigestFromHex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed, Sha256("abc"));
  EXPECT_FALSE(DigestFromHex("abc").ok());
  EXPECT_FALSE(DigestFromHex(std::string(63, 'a') + "g").ok());
}

TEST(CanonicalJson, SortsKeysAndEscapesOnlyWhatJsonRequires) {
  CanonicalJson j;
  j.Text("name", "Credit \"scoring\"\n\x01 é");
  j.Int("id", 12);
  j.Bool("active", false);
  j.Null("owner");
  j.TextArray("tags", {"b", "a"});
  j.IntArray("models", {3, 1});
  EXPECT_EQ(j.Finish(),
            "{\"active\":false,\"id\":12,\"models\":[3,1],\"name\":\"Credit \\\"scoring\\\"\\n\\u0001 é\","
            "\"owner\":null,\"tags\":[\"b\",\"a\"]}");
}

TEST(Base64, RoundTripsAndRejectsGarbage) {
  for (std::string s : {std::string(""), std::string("f"), std::string("fo"), std::string("foo"),
                        std::string("foob"), std::string("\0\xff\x10", 3)}) {
    auto back = Base64Decode(Base64Encode(s));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, s);
  }
  EXPECT_EQ(Base64Encode("foobar"), "Zm9vYmFy");
  EXPECT_FALSE(Base64Decode("Zm9").ok());
  EXPECT_FALSE(Base64Decode("Zm=v").ok());
  EXPECT_FALSE(Base64Decode("Zm9*").ok());
}

TEST(HandoffQueue, DeliversInOrderThenTheClosingStatus) {
  HandoffQueue<int> queue(2);
  std::thread producer([&] {
    for (int i = 0; i < 1000; ++i) queue.Push(i);
    queue.Close(Status::InvalidArgument("bad row", "f.json:/x/3"));
  });
  int expected = 0;
  while (std::optional<int> item = queue.Pop()) EXPECT_EQ(*item, expected++);
  producer.join();
  EXPECT_EQ(expected, 1000);
  EXPECT_EQ(queue.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(queue.status().where(), "f.json:/x/3");
}

TEST(HandoffQueue, CancelReleasesABlockedProducer) {
  HandoffQueue<int> queue(1);
  int refused_at = -1;
  std::thread producer([&] {
    for (int i = 0; i < 1000000; ++i) {
      if (!queue.Push(i)) {
        refused_at = i;
        break;
      }
    }
    queue.Close(Status::OK());
  });
  EXPECT_EQ(queue.Pop(), std::optional<int>(0));
  queue.Cancel();
  producer.join();  // would hang if Push kept waiting for room
  EXPECT_GT(refused_at, 0);
  EXPECT_TRUE(queue.cancelled());
  EXPECT_EQ(queue.Pop(), std::nullopt);
}

}  // namespace
}  // namespace aims::base
