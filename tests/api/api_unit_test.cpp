// Unit tests for the API layer's parts that need no server: routing, percent-decoding, settings
// and the metrics text format.
#include <gtest/gtest.h>

#include <fstream>
#include <thread>
#include <vector>

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

// Routes are indexed by length and literal prefix; a capture early in a pattern puts it in the
// per-length list. Whatever list a route sits in, the first matching route in table order wins
// and the allowed methods gather from both.
TEST(Router, TableOrderWinsAcrossTheIndexes) {
  Router router;
  std::string last;
  auto named = [&last](std::string name) {
    return [&last, name](RequestContext&) -> base::Result<Response> {
      last = name;
      return MakeResponse(http::status::ok, "", "text/plain");
    };
  };
  router.Add({http::verb::get, "/{kind}/x/y", Access::Public(), {}, named("generic first")});
  router.Add({http::verb::get, "/a/x/y", Access::Public(), {}, named("literal")});
  router.Add({http::verb::get, "/a/b/{id}/d", Access::Public(), {}, named("literal prefix")});
  router.Add({http::verb::post, "/a/{id}/c/d", Access::Public(), {}, named("generic later")});
  router.Add({http::verb::get, "/", Access::Public(), {}, named("root")});

  auto m = router.Find(http::verb::get, "/a/x/y");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/{kind}/x/y");
  EXPECT_EQ(m.name, "GET /{kind}/x/y");
  EXPECT_EQ(m.params.at("kind"), "a");
  m = router.Find(http::verb::get, "/a/b/7/d");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/a/b/{id}/d");
  m = router.Find(http::verb::post, "/a/b/c/d");  // both lists hold a candidate; only one has POST
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/a/{id}/c/d");
  EXPECT_EQ(m.params.at("id"), "b");
  m = router.Find(http::verb::delete_, "/a/b/c/d");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allowed.size(), 2u);  // GET from the prefix index, POST from the per-length list
  m = router.Find(http::verb::get, "/");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/");
  EXPECT_EQ(router.Find(http::verb::get, "/b/x/z").route, nullptr);
  EXPECT_EQ(router.Find(http::verb::get, "/a/b/c/d/e/f/g/h").route, nullptr);
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

// Each thread counts in its own shard; the text sums them.
TEST(Metrics, SumsWhatEveryThreadObserved) {
  Metrics m;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&m] {
      for (int i = 0; i < 1000; ++i) m.Observe("GET /y", 200, 0.002);
      m.ConnectionOpened();
    });
  }
  for (auto& t : threads) t.join();
  m.ConnectionClosed();
  std::string text = m.Render();
  EXPECT_NE(text.find("aims_http_requests_total{route=\"GET /y\",status=\"200\"} 4000\n"), std::string::npos) << text;
  EXPECT_NE(text.find("aims_http_request_duration_seconds_bucket{route=\"GET /y\",status=\"200\",le=\"0.0025\"} 4000\n"),
            std::string::npos) << text;
  EXPECT_NE(text.find("aims_http_open_connections 3\n"), std::string::npos) << text;
  Metrics other;  // a second instance on the same threads starts from nothing
  EXPECT_EQ(other.Render().find("GET /y"), std::string::npos);
}

}  // namespace
}  // namespace aims::api
