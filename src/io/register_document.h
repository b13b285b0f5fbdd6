// RegisterDocument: the whole governance register as one value — every record of every kind,
// and optionally the evidence files — the unit of `aims export` and `aims import`.
// Format of its JSON form: docs/register-format.md, schema docs/register.schema.json.
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "domain/entities.h"

namespace aims::io {

inline constexpr std::string_view kRegisterFormat = "aims-register/1";

template <class Tuple>
struct VectorsOf;
template <class... Ts>
struct VectorsOf<std::tuple<Ts...>> {
  using type = std::tuple<std::vector<Ts>...>;
};

struct RegisterDocument {
  VectorsOf<domain::AllRecordTypes>::type sections;
  std::map<std::string, std::string> blobs;  // SHA-256 hex -> file bytes

  template <class T>
  std::vector<T>& records() {
    return std::get<std::vector<T>>(sections);
  }
  template <class T>
  const std::vector<T>& records() const {
    return std::get<std::vector<T>>(sections);
  }
};

}  // namespace aims::io
