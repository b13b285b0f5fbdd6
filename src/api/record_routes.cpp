#include "api/record_routes.h"
#include "api/record_responses.h"

#include <charconv>
#include <set>
#include <variant>

#include "api/problem.h"
#include "api/record_writes.h"
#include "base/base64.h"
#include "base/canonical_json.h"
#include "base/sha256.h"
#include "io/register_json_reader.h"
#include "io/register_json_writer.h"

namespace aims::api {

namespace {

using domain::Permission;

constexpr int64_t kDefaultLimit = 50;
constexpr int64_t kMaxLimit = 500;

}  // namespace

std::string Etag(int64_t version) { return "\"" + std::to_string(version) + "\""; }

// The version an If-Match header names: "3" or W/"3". Absent: 428, since a write without one
// could silently overwrite someone else's change.
base::Result<int64_t> IfMatchVersion(const RequestContext& ctx) {
  std::string_view h = ctx.request[http::field::if_match];
  if (h.empty()) {
    return base::Status(base::StatusCode::kFailedPrecondition,
                        "send If-Match with the ETag of the version you are changing", "If-Match");
  }
  if (h.starts_with("W/")) h.remove_prefix(2);
  if (h.size() >= 2 && h.front() == '"' && h.back() == '"') h = h.substr(1, h.size() - 2);
  int64_t v = 0;
  auto [ptr, ec] = std::from_chars(h.data(), h.data() + h.size(), v);
  if (ec != std::errc() || ptr != h.data() + h.size() || v < 1) {
    return base::Status::InvalidArgument("If-Match must be an ETag this server gave, like \"3\"", "If-Match");
  }
  return v;
}

// The version a write is based on, or the answer refusing it: 428 without If-Match, 422 when
// the header is not an ETag of ours.
std::variant<int64_t, Response> RequiredVersion(const RequestContext& ctx) {
  auto version = IfMatchVersion(ctx);
  if (version.ok()) return *version;
  http::status code = version.status().code() == base::StatusCode::kFailedPrecondition
                          ? http::status::precondition_required
                          : http::status::unprocessable_entity;
  return ProblemResponse(code, version.status().message(), ctx.path, ctx.request_id, "If-Match");
}

namespace {

std::string Base64Url(std::string_view bytes) {
  std::string s = base::Base64Encode(bytes);
  for (char& c : s) {
    if (c == '+') c = '-';
    else if (c == '/') c = '_';
  }
  while (!s.empty() && s.back() == '=') s.pop_back();
  return s;
}

std::optional<std::string> FromBase64Url(std::string s) {
  for (char& c : s) {
    if (c == '-') c = '+';
    else if (c == '_') c = '/';
  }
  while (s.size() % 4) s.push_back('=');
  auto bytes = base::Base64Decode(s);
  if (!bytes.ok()) return std::nullopt;
  return *bytes;
}

// A cursor is opaque to clients: the sort it belongs to, and the last row's key.
std::string EncodeCursor(const std::string& sort, bool descending, const store::PageKey& key) {
  std::string raw = "1|" + sort + "|" + (descending ? "d" : "a") + "|" + (key.is_int ? "i" : "t") + "|" +
                    std::to_string(key.id) + "|" + (key.is_int ? std::to_string(key.int_value) : key.text_value);
  return Base64Url(raw);
}

base::Result<store::PageKey> DecodeCursor(const std::string& cursor, const std::string& sort, bool descending) {
  auto bad = base::Status::InvalidArgument("not a cursor this list gave (cursors belong to one sort order)", "cursor");
  auto raw = FromBase64Url(cursor);
  if (!raw) return bad;
  std::vector<std::string> parts;
  size_t start = 0;
  for (int i = 0; i < 5; ++i) {
    size_t bar = raw->find('|', start);
    if (bar == std::string::npos) return bad;
    parts.push_back(raw->substr(start, bar - start));
    start = bar + 1;
  }
  std::string value = raw->substr(start);
  if (parts[0] != "1" || parts[1] != sort || parts[2] != (descending ? "d" : "a")) return bad;
  store::PageKey key;
  key.is_int = parts[3] == "i";
  auto to_int = [](const std::string& s, int64_t* out) {
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
    return ec == std::errc() && ptr == s.data() + s.size();
  };
  if (!to_int(parts[4], &key.id)) return bad;
  if (key.is_int) {
    if (!to_int(value, &key.int_value)) return bad;
  } else {
    key.text_value = value;
  }
  return key;
}

// "review_date" for the parameter "review_date_before", else "".
std::string_view BeforeField(std::string_view key) {
  constexpr std::string_view kSuffix = "_before";
  return key.ends_with(kSuffix) ? key.substr(0, key.size() - kSuffix.size()) : std::string_view();
}

template <class T>
base::Result<Response> List(RequestContext& ctx) {
  store::RecordQuery query;
  query.limit = kDefaultLimit;
  std::string cursor;
  static const std::set<std::string, std::less<>> field_names = [] {
    std::set<std::string, std::less<>> names;
    for (const auto& f : domain::FieldsOf<T>()) names.emplace(f.name);
    return names;
  }();
  static const std::set<std::string, std::less<>> date_fields = [] {
    std::set<std::string, std::less<>> names;
    for (const auto& f : domain::FieldsOf<T>()) {
      if (f.kind == domain::FieldKind::kDate) names.emplace(f.name);
    }
    return names;
  }();
  for (const auto& [key, value] : ctx.query) {
    if (key == "q") {
      query.search = value;
    } else if (key == "sort") {
      query.descending = !value.empty() && value[0] == '-';
      query.sort = query.descending ? value.substr(1) : value;
    } else if (key == "limit") {
      int64_t n = 0;
      auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec != std::errc() || ptr != value.data() + value.size() || n < 1 || n > kMaxLimit) {
        return base::Status::InvalidArgument("must be a whole number from 1 to " + std::to_string(kMaxLimit), "limit");
      }
      query.limit = n;
    } else if (key == "cursor") {
      cursor = value;
    } else if (key == "include_retired") {
      if (value != "true" && value != "false") return base::Status::InvalidArgument("must be true or false", key);
      query.include_retired = value == "true";
    } else if (field_names.count(key)) {
      query.equals.emplace_back(key, value);
    } else if (std::string_view field = BeforeField(key); date_fields.count(field)) {
      // review_date_before=2026-11-29: the overdue reviews as of that day (records with no date
      // are left out), and the same for every date field.
      if (!base::Date::Parse(value).ok()) return base::Status::InvalidArgument("must be a date YYYY-MM-DD", key);
      query.before.emplace_back(std::string(field), value);
    } else {
      return base::Status::InvalidArgument("unknown query parameter", key);
    }
  }
  if (!cursor.empty()) {
    AIMS_ASSIGN_OR_RETURN(store::PageKey key, DecodeCursor(cursor, query.sort, query.descending));
    query.after = key;
  }
  std::vector<T> records;
  std::optional<store::PageKey> next;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) { return tx.records<T>().Query(query, &records, &next); }));
  std::string body = "{\"items\": [";
  for (size_t i = 0; i < records.size(); ++i) {
    body += i ? ",\n  " : "\n  ";
    io::RecordJsonWriter::Append(records[i], &body);
  }
  body += records.empty() ? "], \"next_cursor\": " : "\n], \"next_cursor\": ";
  std::string next_cursor;
  if (next) {
    next_cursor = EncodeCursor(query.sort, query.descending, *next);
    base::AppendJsonString(&body, next_cursor);
  } else {
    body += "null";
  }
  body += "}\n";
  Response res = JsonResponse(http::status::ok, std::move(body));
  if (next) {
    // Same query with the cursor, for clients that follow links (RFC 8288).
    std::string link = ctx.path + "?";
    for (const auto& [key, value] : ctx.query) {
      if (key == "cursor") continue;
      link += key + "=" + value + "&";  // values were decoded; the cursor is URL-safe
    }
    res.set(http::field::link, "<" + link + "cursor=" + next_cursor + ">; rel=\"next\"");
  }
  return res;
}

}  // namespace

base::Status BodyIsJson(const RequestContext& ctx) {
  std::string_view type = ctx.request[http::field::content_type];
  if (!type.starts_with("application/json")) {
    return base::Status::InvalidArgument("send the body as application/json", "Content-Type");
  }
  return base::Status::OK();
}

// Body errors: a syntax error is the client's malformed request (400); a bad value is 422.
Response BodyProblem(const base::Status& s, const RequestContext& ctx) {
  bool syntax = s.message().starts_with("not valid JSON") || s.where() == "Content-Type";
  if (!syntax) return ProblemResponse(s, ctx.path, ctx.request_id);
  auto status = s.where() == "Content-Type" ? http::status::unsupported_media_type : http::status::bad_request;
  return ProblemResponse(status, s.message(), ctx.path, ctx.request_id, s.where());
}

namespace {

template <class T>
base::Result<Response> Create(RequestContext& ctx) {
  if (auto s = BodyIsJson(ctx); !s.ok()) return BodyProblem(s, ctx);
  base::Result<T> record = CreateFromJson<T>(ctx, ctx.request.body());
  if (!record.ok()) return BodyProblem(record.status(), ctx);
  Response res = RecordResponse(http::status::created, *record);
  res.set(http::field::location, ctx.path + "/" + std::to_string(record->meta.id));
  return res;
}

template <class T>
base::Result<Response> Get(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  T record;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(record, tx.records<T>().Get(id));
    return base::Status::OK();
  }));
  std::string_view none_match = ctx.request[http::field::if_none_match];
  if (!none_match.empty() && none_match == Etag(record.meta.version)) {
    Response res{http::status::not_modified, 11};
    res.set(http::field::etag, Etag(record.meta.version));
    return res;
  }
  return RecordResponse(http::status::ok, record);
}

template <class T>
base::Result<Response> Patch(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  if (auto s = BodyIsJson(ctx); !s.ok()) return BodyProblem(s, ctx);
  auto version = RequiredVersion(ctx);
  if (auto* refused = std::get_if<Response>(&version)) return std::move(*refused);
  base::Result<T> record = UpdateFromJson<T>(ctx, id, std::get<int64_t>(version), ctx.request.body());
  if (!record.ok()) return BodyProblem(record.status(), ctx);
  return RecordResponse(http::status::ok, *record);
}

template <class T>
base::Result<Response> Retire(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  auto version = RequiredVersion(ctx);
  if (auto* refused = std::get_if<Response>(&version)) return std::move(*refused);
  AIMS_ASSIGN_OR_RETURN(T record, RetireRecord<T>(ctx, id, std::get<int64_t>(version)));
  return RecordResponse(http::status::ok, record);
}

template <class T>
base::Result<Response> History(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  std::vector<ledger::LedgerEntry> entries;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_TRY(tx.records<T>().Get(id).status());
    AIMS_ASSIGN_OR_RETURN(entries, tx.ledger().HistoryOf(domain::Info(T::kKind).name, id));
    return base::Status::OK();
  }));
  std::string body = "{\"items\": [";
  for (size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    body += i ? ",\n  " : "\n  ";
    body += "{\"seq\": " + std::to_string(e.seq) + ", \"time\": ";
    base::AppendJsonString(&body, e.time.ToString());
    body += ", \"actor\": ";
    base::AppendJsonString(&body, e.actor);
    body += ", \"action\": ";
    base::AppendJsonString(&body, e.action);
    body += ", \"state_hash\": ";
    base::AppendJsonString(&body, base::ToHex(e.state_hash));
    body += "}";
  }
  body += entries.empty() ? "]}\n" : "\n]}\n";
  return JsonResponse(http::status::ok, std::move(body));
}

template <class T>
void AddKind(Router& router) {
  const auto& info = domain::Info(T::kKind);
  std::string base = "/api/v1/" + std::string(info.plural);
  std::string schema(info.name);
  std::string tag(info.plural);
  std::string noun(info.noun);
  Access read = Access::Needs(Permission::kRegisterRead);
  domain::WriteAccess w = domain::WriteAccessFor(T::kKind);
  Access write = Access::Needs(w.any, w.own);

  RouteDoc list_doc{"List " + std::string(info.plural), tag, "", schema + "_page", true, false, 200, {}};
  router.Add({http::verb::get, base, read, list_doc, List<T>});
  router.Add({http::verb::get, base + "/{id}", read, {"Read " + domain::WithArticle(noun), tag, "", schema, false, true, 200, {}}, Get<T>});
  router.Add({http::verb::get, base + "/{id}/history", Access::Needs(Permission::kLedgerRead),
              {"Ledger entries of " + domain::WithArticle(noun), tag, "", "history", false, false, 200, {}}, History<T>});
  if (T::kKind == domain::EntityKind::kCatalog) return;  // catalogs change through `aims catalog`
  router.Add({http::verb::post, base, write, {"Create " + domain::WithArticle(noun), tag, schema + "_input", schema, false, true, 201, {}}, Create<T>});
  router.Add({http::verb::patch, base + "/{id}", write,
              {"Change fields of " + domain::WithArticle(noun), tag, schema + "_input", schema, false, true, 200, {}}, Patch<T>});
  router.Add({http::verb::delete_, base + "/{id}", write,
              {"Retire " + domain::WithArticle(noun) + " (it stays in the register and the ledger)", tag, "", schema, false, true, 200, {}},
              Retire<T>});
}

base::Result<Response> UploadEvidenceFile(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(service::StoredBlob blob, ctx.ws->blobs().Put(ctx.request.body()));
  std::string body = "{\"sha256\": \"" + blob.sha256 + "\", \"size_bytes\": " + std::to_string(blob.size) + "}\n";
  return JsonResponse(http::status::created, std::move(body));
}

// A file name safe to put in a header: no quotes, separators or control characters.
std::string SafeFileName(std::string_view name) {
  std::string out;
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    out.push_back(u < 0x20 || u == 0x7f || c == '"' || c == '\\' || c == '/' || c == ';' ? '_' : c);
  }
  return out.empty() ? "evidence" : out;
}

base::Result<Response> DownloadEvidenceFile(RequestContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(domain::Id id, ctx.IdParam());
  domain::Evidence ev;
  AIMS_TRY(ctx.ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(ev, tx.records<domain::Evidence>().Get(id));
    return base::Status::OK();
  }));
  // The file is found by the hash the record holds, never by anything in the request path.
  AIMS_ASSIGN_OR_RETURN(std::string bytes, ctx.ws->blobs().Get(ev.sha256));
  if (base::ToHex(base::Sha256(bytes)) != ev.sha256) {
    return base::Status::Corruption("the stored file no longer matches its SHA-256", ev.sha256);
  }
  std::string type = ev.media_type.empty() ? "application/octet-stream" : ev.media_type;
  Response res = MakeResponse(http::status::ok, std::move(bytes), type);
  res.set(http::field::content_disposition, "attachment; filename=\"" + SafeFileName(ev.file_name) + "\"");
  res.set(http::field::etag, "\"sha256-" + ev.sha256 + "\"");
  return res;
}

}  // namespace

void AddRecordRoutes(Router& router) {
  router.Add({http::verb::post, "/api/v1/evidence/files", Access::Needs(Permission::kEvidenceWrite),
              {"Upload an evidence file (the body is the file); then create the evidence record with its sha256",
               "evidence", "binary", "uploaded_file", false, false, 201, {}},
              UploadEvidenceFile});
  router.Add({http::verb::get, "/api/v1/evidence/{id}/file", Access::Needs(Permission::kRegisterRead),
              {"Download the file of an evidence record", "evidence", "", "binary", false, false, 200, {}},
              DownloadEvidenceFile});
  domain::ForEachRecordType([&]<class T>() { AddKind<T>(router); });
}

}  // namespace aims::api
