// EnumTraits<E>: the text names of a domain enum, in declaration order. The names are what users
// type, what the JSON export carries and what the store writes: they are a format, so a value may
// be added at the end but never renamed or reordered.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include "base/result.h"

namespace aims::domain {

template <class E>
struct EnumTraits;  // specialised next to each enum: static constexpr std::array kNames

template <class E>
concept DomainEnum = std::is_enum_v<E> && requires { EnumTraits<E>::kNames; };

template <DomainEnum E>
constexpr std::string_view EnumName(E value) {
  return EnumTraits<E>::kNames[static_cast<size_t>(value)];
}

template <DomainEnum E>
constexpr std::span<const std::string_view> EnumNames() {
  return EnumTraits<E>::kNames;
}

template <DomainEnum E>
std::optional<E> ParseEnum(std::string_view text) {
  const auto& names = EnumTraits<E>::kNames;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == text) return static_cast<E>(i);
  }
  return std::nullopt;
}

// "a, b or c": for error messages that list what is allowed.
std::string JoinNames(std::span<const std::string_view> names);

// The value named `text`, or InvalidArgument at `where`: unknown <what> "text" (one of a, b or c).
template <DomainEnum E>
base::Result<E> ParseEnumOr(std::string_view text, std::string_view what, std::string_view where) {
  if (auto e = ParseEnum<E>(text)) return *e;
  return base::Status::InvalidArgument("unknown " + std::string(what) + " \"" + std::string(text) + "\" (one of " +
                                           JoinNames(EnumNames<E>()) + ")",
                                       where);
}

}  // namespace aims::domain
