// Templates and the page frame. Pages are rendered on the server from the mustache templates in
// web/templates/, compiled into the binary; `{{value}}` is HTML-escaped, so text from the
// register can never become markup. Only `{{{html}}}` inserts raw HTML, and only for fragments
// this layer rendered itself from templates.
#pragma once

#include <kainjow/mustache.hpp>

#include <string>
#include <string_view>

#include "api/router.h"

namespace aims::web {

namespace mustache = kainjow::mustache;
using Data = mustache::data;
using DataList = mustache::list;

// Renders web/templates/NAME.mustache. Each thread compiles a template once and keeps it.
std::string Render(std::string_view name, const Data& data);

// HTML-escapes text for an element or a quoted attribute.
std::string Escape(std::string_view text);

// An HTML response with the security headers pages need (a strict Content-Security-Policy: only
// this server's scripts and styles, no inline script).
api::Response HtmlResponse(api::http::status status, std::string body);
// 303 See Other to `location` (after a form post, so a reload does not post again).
api::Response Redirect(std::string_view location);

// Whether the request came from htmx (it then wants a fragment, not the whole page).
bool IsHtmx(const api::RequestContext& ctx);

struct PageOptions {
  std::string title;
  std::string active;  // the main navigation entry to mark as current
  api::http::status status = api::http::status::ok;
};
// `content` (HTML rendered by a template) inside the frame: header, navigation for the user's
// permissions, the CSRF token for forms and htmx.
api::Response Page(const api::RequestContext& ctx, const PageOptions& options, std::string content);

// The value of form field `name` in an application/x-www-form-urlencoded body ("" if absent).
std::string FormValue(const std::multimap<std::string, std::string, std::less<>>& form, std::string_view name);

// Adds a page route (HTML answers, sessions, the same access checks as the API). `conceal_client`
// keeps the client's address out of the request log (public pages).
void AddPage(api::Router& router, api::http::verb method, std::string pattern, api::Access access,
             api::Handler handler, bool conceal_client = false);

}  // namespace aims::web
