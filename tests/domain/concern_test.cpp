// Unit tests for domain/concern.h: receipt codes (format, hand-typed variants, rejects), report
// text limits, who may see a report, the rate window, and the state hash covering the thread.
#include <gtest/gtest.h>

#include "domain/concern.h"

namespace aims::domain {
namespace {

TEST(Concern, ReceiptCodesAre24CrockfordSymbolsAndReadBackAsTyped) {
  std::array<uint8_t, 15> zero{};
  EXPECT_EQ(FormatReceiptCode(zero), "0000-0000-0000-0000-0000-0000");
  std::array<uint8_t, 15> ff;
  ff.fill(0xFF);
  EXPECT_EQ(FormatReceiptCode(ff), "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ");
  std::array<uint8_t, 15> mixed = {0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF, 0x10, 0x32, 0x54, 0x76, 0x98, 0xBA, 0xDC};
  std::string code = FormatReceiptCode(mixed);
  EXPECT_EQ(code.size(), 29u);
  EXPECT_EQ(*NormaliseReceiptCode(code), code);
  std::string typed;
  for (char c : code) typed += c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(*NormaliseReceiptCode(typed), code);
  EXPECT_EQ(*NormaliseReceiptCode("oooo-iiii-llll-0000-1111-2222"), "0000-1111-1111-0000-1111-2222");
  for (const char* bad : {"", "ABCD", "0000-0000-0000-0000-0000-0000-0", "UUUU-0000-0000-0000-0000-0000",
                          "0000-0000-0000-0000-0000-000!"}) {
    auto r = NormaliseReceiptCode(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().where(), "receipt");
  }
}

TEST(Concern, ReportTextIsPresentValidAndWithinTheLimit) {
  EXPECT_TRUE(CheckConcernText("It refused me.\nTwice.", "body").ok());
  EXPECT_TRUE(CheckConcernText(std::string(kMaxConcernChars, 'x'), "body").ok());
  // The limit counts characters, not bytes.
  std::string accents;
  for (size_t i = 0; i < kMaxConcernChars; ++i) accents += "\xC3\xA9";
  EXPECT_TRUE(CheckConcernText(accents, "body").ok());
  auto big = CheckConcernText(std::string(kMaxConcernChars + 1, 'x'), "body");
  EXPECT_EQ(big.code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(big.ToString(), "body: is 10001 characters long; the limit is 10000");
  EXPECT_EQ(CheckConcernText(" \n\t", "body").message(), "write what happened");
  EXPECT_EQ(CheckConcernText("bad \xC3", "body").message(), "is not valid UTF-8 text");
  EXPECT_EQ(CheckConcernText("bell \x07", "body").message(), "contains control characters");
}

TEST(Concern, OnlyHandlersSeeReportsAndAHiddenOneNotItsSystemsOwner) {
  Concern c;
  PermissionSet handler{Permission::kRegisterRead, Permission::kConcernHandle};
  PermissionSet reader{Permission::kRegisterRead};
  EXPECT_TRUE(MaySeeConcern(c, handler, 7, 7));
  EXPECT_FALSE(MaySeeConcern(c, reader, 8, 7));
  c.hide_from_owner = true;
  EXPECT_FALSE(MaySeeConcern(c, handler, 7, 7));
  EXPECT_TRUE(MaySeeConcern(c, handler, 8, 7));
  EXPECT_TRUE(MaySeeConcern(c, handler, std::nullopt, 7));
  EXPECT_TRUE(MaySeeConcern(c, handler, 7, std::nullopt));
}

TEST(Concern, TheRateWindowAllowsTheLimitThenSlidesOn) {
  RateWindow w;
  const int64_t minute = 60'000'000;
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(w.Allow(i * minute, 10 * minute, 5)) << i;
  EXPECT_FALSE(w.Allow(5 * minute, 10 * minute, 5));
  EXPECT_EQ(w.times.size(), 5u);  // a refusal is not counted
  EXPECT_FALSE(w.Allow(9 * minute, 10 * minute, 5));
  EXPECT_TRUE(w.Allow(10 * minute, 10 * minute, 5));  // the first is ten minutes old: out of the window
  EXPECT_FALSE(w.Allow(10 * minute + 1, 10 * minute, 5));
}

TEST(Concern, TheStateHashCoversEveryMessage) {
  Concern c;
  c.id = 1;
  c.version = 2;
  std::vector<ConcernMessage> thread = {{1, 1, base::Timestamp(1), ConcernAuthor::kReporter, "first"},
                                        {2, 1, base::Timestamp(2), ConcernAuthor::kHandler, "reply"}};
  base::Digest before = ConcernStateHash(c, thread);
  EXPECT_EQ(ConcernStateHash(c, thread), before);
  thread[0].body = "edited";
  EXPECT_NE(ConcernStateHash(c, thread), before);
  thread[0].body = "first";
  c.hide_from_owner = true;
  EXPECT_NE(ConcernStateHash(c, thread), before);
}

}  // namespace
}  // namespace aims::domain
