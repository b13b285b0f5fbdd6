// Unit tests for the API layer's parts that need no server: routing, percent-decoding, settings
// and the metrics text format.
#include <gtest/gtest.h>

#include <fstream>

#include "api/metrics.h"
#include "api/router.h"
#include "api/server_config.h"
#include "support/temp_dir.h"

namespace aims::api {
namespace {

TEST(Router, MatchesPatternsAndReportsAllowedMethods) {
  Router router;
  auto ok = [](RequestContext&) -> base::Result<Response> { return MakeResponse(http::status::ok, "", "text/plain"); };
  router.Add({http::verb::get, "/api/v1/systems/{id}", Access::Public(), {}, ok});
  router.Add({http::verb::patch, "/api/v1/systems/{id}", Access::Public(), {}, ok});
  auto m = router.Find(http::verb::get, "/api/v1/systems/12");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("id"), "12");
  m = router.Find(http::verb::get, "/api/v1/systems/a%2Fb");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("id"), "a/b");  // decoded, and still one segment
  EXPECT_EQ(router.Find(http::verb::get, "/api/v1/systems/12/").route, nullptr);
  EXPECT_EQ(router.Find(http::verb::get, "/api/v1/systems").route, nullptr);
  EXPECT_EQ(router.Find(http::verb::get, "/api/v1/systems/%zz").route, nullptr);
  m = router.Find(http::verb::delete_, "/api/v1/systems/3");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allowed.size(), 2u);
}

TEST(Router, ParsesQueriesAndFlagsBadEncoding) {
  auto q = ParseQuery("q=credit+card&sort=-name&x=%41%42&empty=&flag");
  EXPECT_EQ(q.find("q")->second, "credit card");
  EXPECT_EQ(q.find("x")->second, "AB");
  EXPECT_EQ(q.find("empty")->second, "");
  EXPECT_EQ(q.find("flag")->second, "");
  EXPECT_TRUE(ParseQuery("a=%4").count("\x01invalid"));
  EXPECT_EQ(PercentDecode("%", false), std::nullopt);
  EXPECT_EQ(PercentDecode("a+b", false), "a+b");
}

TEST(ServerConfig, ListenAndTomlSettingsWithErrorsThatSayWhere) {
  ServerConfig c;
  ASSERT_TRUE(ParseListen("0.0.0.0:9000", &c).ok());
  EXPECT_EQ(c.host, "0.0.0.0");
  EXPECT_EQ(c.port, 9000);
  ASSERT_TRUE(ParseListen("[::1]:0", &c).ok());
  EXPECT_EQ(c.host, "::1");
  EXPECT_FALSE(ParseListen("localhost", &c).ok());
  EXPECT_FALSE(ParseListen("127.0.0.1:70000", &c).ok());

  testing::TempDir dir;
  std::string path = dir.Sub("aims.toml");
  std::ofstream(path) << "listen = \"127.0.0.1:9100\"\nthreads = 3\nshutdown_grace = 5\nsecure_cookies = true\n";
  ServerConfig from_file;
  ASSERT_TRUE(ApplyTomlFile(path, &from_file).ok());
  EXPECT_EQ(from_file.port, 9100);
  EXPECT_EQ(from_file.threads, 3);
  EXPECT_EQ(from_file.shutdown_grace.count(), 5);
  EXPECT_TRUE(from_file.secure_cookies);

  std::ofstream(path) << "threads = 3\ncolour = \"red\"\n";
  base::Status s = ApplyTomlFile(path, &from_file);
  EXPECT_EQ(s.where(), path + ":2: colour") << s.ToString();
  std::ofstream(path) << "threads = \"many\"\n";
  EXPECT_NE(ApplyTomlFile(path, &from_file).message().find("whole number"), std::string_view::npos);
  std::ofstream(path) << "threads = [\n";
  s = ApplyTomlFile(path, &from_file);
  EXPECT_EQ(s.code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.where().substr(0, path.size() + 1), path + ":") << s.ToString();
}

TEST(Metrics, CountsAndCumulativeBucketsInPrometheusText) {
  Metrics m;
  m.Observe("GET /x", 200, 0.0007);
  m.Observe("GET /x", 200, 0.02);
  m.Observe("GET /x", 404, 3.0);
  std::string text = m.Render();
  EXPECT_NE(text.find("aims_http_requests_total{route=\"GET /x\",status=\"200\"} 2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("aims_http_request_duration_seconds_bucket{route=\"GET /x\",status=\"200\",le=\"0.001\"} 1\n"),
            std::string::npos) << text;
  EXPECT_NE(text.find("aims_http_request_duration_seconds_bucket{route=\"GET /x\",status=\"200\",le=\"0.025\"} 2\n"),
            std::string::npos) << text;
  EXPECT_NE(text.find("aims_http_request_duration_seconds_bucket{route=\"GET /x\",status=\"404\",le=\"2.5\"} 0\n"),
            std::string::npos) << text;
  EXPECT_NE(text.find("aims_http_request_duration_seconds_count{route=\"GET /x\",status=\"404\"} 1\n"), std::string::npos);
}

}  // namespace
}  // namespace aims::api
