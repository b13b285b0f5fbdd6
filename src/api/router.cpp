#include "api/router.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace aims::api {

namespace {

// Splits a path on '/', ignoring empty segments; false if there are more than `max`.
bool Segments(std::string_view path, std::string_view* out, size_t max, size_t* count) {
  size_t n = 0, i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (n == max) return false;
    out[n++] = path.substr(i, j - i);
    i = j;
  }
  *count = n;
  return true;
}

constexpr size_t kMaxSegments = 16;

// The key of a path of n segments in the prefix index: n and its first `depth` segments.
std::string PrefixKey(const std::string_view* segments, size_t n, size_t depth) {
  std::string key(1, static_cast<char>('0' + n));
  for (size_t i = 0; i < depth; ++i) {
    key += '/';
    key += segments[i];
  }
  return key;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> PercentDecode(std::string_view s, bool query) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      int hi = HexValue(s[i + 1]);
      int lo = HexValue(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (query && s[i] == '+') {
      out.push_back(' ');
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::string PercentEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 15]);
    }
  }
  return out;
}

std::multimap<std::string, std::string, std::less<>> ParseQuery(std::string_view query) {
  std::multimap<std::string, std::string, std::less<>> out;
  size_t i = 0;
  while (i <= query.size() && !query.empty()) {
    size_t amp = query.find('&', i);
    if (amp == std::string_view::npos) amp = query.size();
    std::string_view pair = query.substr(i, amp - i);
    if (!pair.empty()) {
      size_t eq = pair.find('=');
      auto key = PercentDecode(pair.substr(0, eq), true);
      auto value = PercentDecode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
      if (key && value) out.emplace(std::move(*key), std::move(*value));
      else out.emplace("\x01invalid", std::string(pair));  // reported by the dispatcher
    }
    if (amp == query.size()) break;
    i = amp + 1;
  }
  return out;
}

void Router::Add(Route route) {
  Compiled c;
  std::string_view parts[kMaxSegments];
  size_t n = 0;
  Segments(route.pattern, parts, kMaxSegments, &n);
  for (size_t i = 0; i < n; ++i) {
    bool capture = parts[i].size() > 2 && parts[i].front() == '{' && parts[i].back() == '}';
    c.segments.emplace_back(capture ? parts[i].substr(1, parts[i].size() - 2) : parts[i]);
    c.captures.push_back(capture);
  }
  size_t depth = std::min(n, kKeySegments);
  bool literal_prefix = std::none_of(c.captures.begin(), c.captures.begin() + depth, [](bool b) { return b; });
  if (literal_prefix) {
    by_prefix_[PrefixKey(parts, n, depth)].push_back(routes_.size());
  } else {
    if (by_length_.size() <= n) by_length_.resize(n + 1);
    by_length_[n].push_back(routes_.size());
  }
  names_.push_back(route.name());
  routes_.push_back(std::move(route));
  compiled_.push_back(std::move(c));
}

Router::Match Router::Find(http::verb method, std::string_view path) const {
  Match match;
  std::string_view got[kMaxSegments];
  size_t n = 0;
  if (!Segments(path, got, kMaxSegments, &n)) return match;
  if (path.size() > 1 && path.back() == '/') return match;  // one spelling per resource
  static const std::vector<size_t> kNone;
  auto keyed = by_prefix_.find(PrefixKey(got, n, std::min(n, kKeySegments)));
  const std::vector<size_t>& a = keyed == by_prefix_.end() ? kNone : keyed->second;
  const std::vector<size_t>& b = n < by_length_.size() ? by_length_[n] : kNone;
  for (size_t ia = 0, ib = 0; ia < a.size() || ib < b.size();) {
    size_t r = ib == b.size() || (ia < a.size() && a[ia] < b[ib]) ? a[ia++] : b[ib++];
    const Compiled& c = compiled_[r];
    bool same = true;
    for (size_t i = 0; i < n && same; ++i) same = c.captures[i] || c.segments[i] == got[i];
    if (!same) continue;
    if (routes_[r].method != method) {
      match.allowed.push_back(routes_[r].method);
      continue;
    }
    std::map<std::string, std::string, std::less<>> params;
    for (size_t i = 0; i < n; ++i) {
      if (!c.captures[i]) continue;
      auto decoded = PercentDecode(got[i], false);
      if (!decoded) return Match{};
      params.emplace(c.segments[i], std::move(*decoded));
    }
    match.route = &routes_[r];
    match.name = names_[r];
    match.params = std::move(params);
    match.allowed.clear();
    return match;
  }
  return match;
}

base::Status RequestContext::Mutate(std::function<base::Status(service::Mutation&)> body) {
  return writes->Mutate(principal ? principal->actor() : "anonymous", std::move(body));
}

std::optional<std::string> RequestContext::Query(std::string_view name) const {
  auto range = query.equal_range(name);
  if (range.first == range.second) return std::nullopt;
  return std::prev(range.second)->second;
}

base::Result<domain::Id> RequestContext::IdParam(std::string_view name) const {
  auto it = params.find(name);
  std::string_view text = it == params.end() ? std::string_view() : std::string_view(it->second);
  domain::Id id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) {
    return base::Status::NotFound("no such record: \"" + std::string(text) + "\" is not an id", name);
  }
  return id;
}

}  // namespace aims::api
