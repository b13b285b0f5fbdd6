// Unit tests for base/hmac.h (RFC 4231 test cases) and domain/webhook_signature.h: a signed
// delivery verifies, a changed body, a wrong secret, a malformed header and a replay outside the
// tolerance do not, and the retry schedule reaches a receiver that was down for a minute within
// two minutes and gives up after a day. The webhook signature below was checked independently
// with `openssl dgst -sha256 -hmac`.
#include <gtest/gtest.h>

#include "base/hmac.h"
#include "domain/webhook_signature.h"

namespace aims::domain {
namespace {

TEST(Hmac, Rfc4231TestCases) {
  EXPECT_EQ(base::ToHex(base::HmacSha256(std::string(20, '\x0b'), "Hi There")),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  EXPECT_EQ(base::ToHex(base::HmacSha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // A key longer than SHA-256's block is hashed first (test case 6).
  EXPECT_EQ(base::ToHex(base::HmacSha256(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First")),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  EXPECT_TRUE(base::ConstantTimeEqual("abc", "abc"));
  EXPECT_FALSE(base::ConstantTimeEqual("abc", "abd"));
  EXPECT_FALSE(base::ConstantTimeEqual("abc", "abcd"));
}

TEST(WebhookSignature, SignedDeliveriesVerifyAndAltersDoNot) {
  const std::string body = R"({"event":"x"})";
  std::string header = SignWebhook("whsec_test", 1700000000, body);
  EXPECT_EQ(header, "t=1700000000,v1=332db6eb98751d218da10bd89e81ba421029f17447c481788ffc4b6fa408fd56");
  EXPECT_TRUE(VerifyWebhookSignature("whsec_test", header, body, 1700000010).ok());
  auto changed = VerifyWebhookSignature("whsec_test", header, R"({"event":"y"})", 1700000010);
  EXPECT_NE(changed.ToString().find("does not match"), std::string::npos) << changed.ToString();
  EXPECT_FALSE(VerifyWebhookSignature("other secret", header, body, 1700000010).ok());
  // The time is inside the MAC: moving it breaks the signature, not just the tolerance.
  std::string moved = "t=1700000500" + header.substr(header.find(','));
  EXPECT_NE(VerifyWebhookSignature("whsec_test", moved, body, 1700000500).ToString().find("does not match"),
            std::string::npos);
  auto replay = VerifyWebhookSignature("whsec_test", header, body, 1700000000 + 301);
  EXPECT_NE(replay.ToString().find("a replay?"), std::string::npos) << replay.ToString();
  EXPECT_EQ(replay.where(), "X-Aims-Signature");
  for (const char* malformed : {"", "v1=abc", "t=17x,v1=00", "t=1700000000", "t=,v1=00"}) {
    EXPECT_EQ(VerifyWebhookSignature("whsec_test", malformed, body, 1700000000).code(),
              base::StatusCode::kInvalidArgument)
        << malformed;
  }
}

TEST(WebhookSignature, RetriesDoubleUpToFifteenMinutesAndStopAfterADay) {
  EXPECT_EQ(WebhookRetryDelaySeconds(1), 15);
  EXPECT_EQ(WebhookRetryDelaySeconds(2), 30);
  EXPECT_EQ(WebhookRetryDelaySeconds(3), 60);
  EXPECT_EQ(WebhookRetryDelaySeconds(7), 900);
  EXPECT_EQ(WebhookRetryDelaySeconds(40), 900);
  // A receiver down for 60 s after the first try: the retries at 15, 45 and 105 s; the third
  // one finds it back, within two minutes.
  int64_t at = 0;
  int attempt = 0;
  while (at < 60) at += WebhookRetryDelaySeconds(++attempt);
  EXPECT_EQ(attempt, 3);
  EXPECT_LE(at, 120);
  EXPECT_TRUE(WebhookShouldRetry(0, 24 * 3600 - 1));
  EXPECT_FALSE(WebhookShouldRetry(0, 24 * 3600));
}

}  // namespace
}  // namespace aims::domain
