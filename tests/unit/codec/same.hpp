// Field-by-field equality for the engine's plain structs, which have no
// operator== (the engine itself never compares them). An aggregate's fields
// are counted by brace-initialising it with placeholders, then compared
// through structured bindings, so a field added to an engine struct is
// compared without anyone editing this file.
#pragma once

#include <cstddef>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "core/receipt_lines.hpp"

namespace gavel::test {

namespace detail {

struct AnyField {
  template <class T>
  operator T() const;  // only ever named in unevaluated brace-initialisation
};

template <class T, class... A>
concept BraceInit = requires { T{std::declval<A>()...}; };

template <class T, class... A>
constexpr std::size_t field_count() {
  if constexpr (BraceInit<T, A..., AnyField>)
    return field_count<T, A..., AnyField>();
  else
    return sizeof...(A);
}

template <class T>
auto fields(const T& x) {
  constexpr std::size_t n = field_count<T>();
  static_assert(n <= 12, "extend fields() for bigger structs");
  if constexpr (n == 0) {
    return std::tie();
  } else if constexpr (n == 1) {
    const auto& [a] = x;
    return std::tie(a);
  } else if constexpr (n == 2) {
    const auto& [a, b] = x;
    return std::tie(a, b);
  } else if constexpr (n == 3) {
    const auto& [a, b, c] = x;
    return std::tie(a, b, c);
  } else if constexpr (n == 4) {
    const auto& [a, b, c, d] = x;
    return std::tie(a, b, c, d);
  } else if constexpr (n == 5) {
    const auto& [a, b, c, d, e] = x;
    return std::tie(a, b, c, d, e);
  } else if constexpr (n == 6) {
    const auto& [a, b, c, d, e, f] = x;
    return std::tie(a, b, c, d, e, f);
  } else if constexpr (n == 7) {
    const auto& [a, b, c, d, e, f, g] = x;
    return std::tie(a, b, c, d, e, f, g);
  } else if constexpr (n == 8) {
    const auto& [a, b, c, d, e, f, g, h] = x;
    return std::tie(a, b, c, d, e, f, g, h);
  } else if constexpr (n == 9) {
    const auto& [a, b, c, d, e, f, g, h, i] = x;
    return std::tie(a, b, c, d, e, f, g, h, i);
  } else if constexpr (n == 10) {
    const auto& [a, b, c, d, e, f, g, h, i, j] = x;
    return std::tie(a, b, c, d, e, f, g, h, i, j);
  } else if constexpr (n == 11) {
    const auto& [a, b, c, d, e, f, g, h, i, j, k] = x;
    return std::tie(a, b, c, d, e, f, g, h, i, j, k);
  } else {
    const auto& [a, b, c, d, e, f, g, h, i, j, k, l] = x;
    return std::tie(a, b, c, d, e, f, g, h, i, j, k, l);
  }
}

template <class T>
struct Shape {
  static constexpr bool vector = false, pair = false, variant = false;
};
template <class T, class A>
struct Shape<std::vector<T, A>> {
  static constexpr bool vector = true, pair = false, variant = false;
};
template <class A, class B>
struct Shape<std::pair<A, B>> {
  static constexpr bool vector = false, pair = true, variant = false;
};
template <class... T>
struct Shape<std::variant<T...>> {
  static constexpr bool vector = false, pair = false, variant = true;
};

}  // namespace detail

template <class T>
bool same(const T& a, const T& b);

template <class T>
bool same_fields(const T& a, const T& b) {
  auto fa = detail::fields(a);
  auto fb = detail::fields(b);
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return (same(std::get<I>(fa), std::get<I>(fb)) && ...);
  }(std::make_index_sequence<std::tuple_size_v<decltype(fa)>>{});
}

template <class T>
bool same(const T& a, const T& b) {
  using Shape = detail::Shape<T>;
  if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T> || std::is_same_v<T, std::string> ||
                std::is_same_v<T, core::ReceiptLines>) {
    return a == b;
  } else if constexpr (Shape::vector) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!same(a[i], b[i])) return false;
    return true;
  } else if constexpr (Shape::pair) {
    return same(a.first, b.first) && same(a.second, b.second);
  } else if constexpr (Shape::variant) {
    return a.index() == b.index() &&
           std::visit([&](const auto& x) { return same(x, std::get<std::decay_t<decltype(x)>>(b)); }, a);
  } else {
    static_assert(std::is_aggregate_v<T>, "same() compares plain structs only");
    return same_fields(a, b);
  }
}

}  // namespace gavel::test
