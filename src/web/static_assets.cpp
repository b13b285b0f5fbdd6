#include "web/static_assets.h"

#include "base/embedded_file.h"
#include "base/sha256.h"
#include "web/view.h"

namespace aims_web_files {
std::span<const aims::base::EmbeddedFile> Files();
}

namespace aims::web {

namespace {

struct Asset {
  std::string_view name;
  std::string_view path;  // in the source tree (embedded)
  std::string_view type;
};

constexpr Asset kAssets[] = {
    {"app.css", "src/web/static/app.css", "text/css; charset=utf-8"},
    {"app.js", "src/web/static/app.js", "text/javascript; charset=utf-8"},
    {"htmx.min.js", "node_modules/htmx.org/dist/htmx.min.js", "text/javascript; charset=utf-8"},
};

std::string_view AssetBytes(std::string_view path) {
  for (const auto& f : aims_web_files::Files()) {
    if (f.path == path) return f.data;
  }
  return {};
}

base::Result<api::Response> ServeAsset(api::RequestContext& ctx) {
  const std::string& name = ctx.params.at("name");
  for (const auto& asset : kAssets) {
    if (asset.name != name) continue;
    std::string etag = "\"" + std::string(AssetVersion()) + "\"";
    if (ctx.request[api::http::field::if_none_match] == etag) {
      api::Response res{api::http::status::not_modified, 11};
      res.set(api::http::field::etag, etag);
      return res;
    }
    api::Response res = api::MakeResponse(api::http::status::ok, std::string(AssetBytes(asset.path)), asset.type);
    res.set(api::http::field::etag, etag);
    res.set(api::http::field::cache_control, ctx.Query("v") ? "public, max-age=31536000, immutable" : "no-cache");
    return res;
  }
  return base::Status::NotFound("no such static file", name);
}

}  // namespace

std::string_view AssetVersion() {
  static const std::string version = [] {
    std::string all;
    for (const auto& asset : kAssets) all += AssetBytes(asset.path);
    return base::ToHex(base::Sha256(all)).substr(0, 12);
  }();
  return version;
}

void AddStaticRoutes(api::Router& router) {
  api::Route route{api::http::verb::get, "/static/{name}", api::Access::Public(), {}, ServeAsset};
  route.page = true;
  router.Add(std::move(route));
}

}  // namespace aims::web
