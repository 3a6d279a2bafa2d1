// The minutes laid out as a sequence of printed blocks, in reading order:
// what every renderer (Markdown, HTML, PDF) prints, so the three cannot
// disagree on what the minutes say. Built from a Document by page_of().
#pragma once

#include <string>
#include <vector>

#include "minutes/document.hpp"

namespace gavel::minutes {

enum class BlockKind {
  title,       // centred: the meeting's title and 纪要
  draft_mark,  // 草稿: on every page of an unsigned version
  field,       // "label：text", wrapped lines aligned after the colon (出席, 列席, 请假 ...)
  heading,     // an agenda item: 一、...
  section,     // a part of an item: 发言, 表决, ...
  paragraph,   // prose: background, proposal (line breaks kept)
  entry,       // a numbered line in a section
  detail,      // a line under an entry (reply, counts)
  note,        // 〔记录员注〕
  table,       // rows of cells, the first is the header
  seal,        // the signature block's lines
};

struct Block {
  BlockKind kind = BlockKind::paragraph;
  std::string label;  // field: 出席; entry: its number
  std::string text;
  std::vector<std::vector<std::string>> rows;  // table only
};

struct Page {
  std::string running_head;  // repeated at the top of every page after the first
  std::vector<Block> blocks;
};

Page page_of(const Document& doc);

// The action list as table rows, with its header row: also the CSV export.
std::vector<std::vector<std::string>> action_rows(const Document& doc);

}  // namespace gavel::minutes
