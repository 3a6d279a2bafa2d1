// The published lines of a closed secret vote ("receipt=choice"), in receipt
// order, held as one text. The state keeps every closed vote's lines: a
// million of them as strings of their own cost twice their bytes, which was
// most of a restarted gaveld's memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace gavel::core {

class ReceiptLines {
 public:
  class const_iterator {
   public:
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    const_iterator() = default;
    const_iterator(const ReceiptLines* lines, std::size_t at) : lines_(lines), at_(at) {}
    std::string_view operator*() const { return (*lines_)[at_]; }
    const_iterator& operator++() {
      ++at_;
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator before = *this;
      ++at_;
      return before;
    }
    bool operator==(const const_iterator&) const = default;

   private:
    const ReceiptLines* lines_ = nullptr;
    std::size_t at_ = 0;
  };

  ReceiptLines() = default;
  ReceiptLines(std::initializer_list<std::string_view> lines) : ReceiptLines(lines.begin(), lines.end()) {}
  template <class It>
  ReceiptLines(It first, It last) {
    for (It i = first; i != last; ++i) push_back(*i);
    shrink_to_fit();
  }

  void push_back(std::string_view line) {
    text_.append(line);
    ends_.push_back(static_cast<std::uint32_t>(text_.size()));
  }
  // Once every line is in: the text's growth leaves up to as much again unused.
  void shrink_to_fit() {
    text_.shrink_to_fit();
    ends_.shrink_to_fit();
  }
  void clear() {
    text_.clear();
    ends_.clear();
  }

  std::size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  std::string_view operator[](std::size_t i) const {
    std::uint32_t from = i ? ends_[i - 1] : 0;
    return std::string_view(text_).substr(from, ends_[i] - from);
  }
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size()}; }

  bool operator==(const ReceiptLines&) const = default;

 private:
  std::string text_;
  std::vector<std::uint32_t> ends_;  // where each line ends in text_
};

}  // namespace gavel::core
