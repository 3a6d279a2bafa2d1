#include "limits.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace gavel::codec {

namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// Short strings: ids and names. Everything else is free text.
bool is_short(const FieldDescriptor& field) {
  std::string_view name = field.name();
  if (name.ends_with("_id")) return true;
  for (std::string_view n : {"receipt", "author", "responsible", "deadline", "signed_by", "veto_group"})
    if (name == n) return true;
  return false;
}

core::Error too_long(const FieldDescriptor& field, std::size_t limit) {
  return core::make_error(core::ErrorCode::invalid_argument,
                          "字段 " + field.name() + " 过长（最多 " + std::to_string(limit) + " 字节）",
                          "field " + field.name() + " is too long (at most " +
                              std::to_string(limit) + " bytes)");
}

core::Error too_many(const FieldDescriptor& field) {
  return core::make_error(core::ErrorCode::invalid_argument,
                          "字段 " + field.name() + " 条目过多（最多 " +
                              std::to_string(kMaxRepeated) + " 条）",
                          "field " + field.name() + " has too many entries (at most " +
                              std::to_string(kMaxRepeated) + ")");
}

std::optional<core::Error> check_string(const FieldDescriptor& field, const std::string& value) {
  std::size_t limit = is_short(field) ? kMaxIdBytes : kMaxTextBytes;
  if (value.size() > limit) return too_long(field, limit);
  return std::nullopt;
}

std::optional<core::Error> check_fields(const Message& message);

std::optional<core::Error> check_repeated(const Message& message, const Reflection& reflection,
                                          const FieldDescriptor& field) {
  int size = reflection.FieldSize(message, &field);
  if (size > kMaxRepeated) return too_many(field);
  std::string scratch;
  for (int i = 0; i < size; ++i) {
    std::optional<core::Error> error;
    if (field.cpp_type() == FieldDescriptor::CPPTYPE_STRING)
      error = check_string(field, reflection.GetRepeatedStringReference(message, &field, i, &scratch));
    else if (field.cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE)
      error = check_fields(reflection.GetRepeatedMessage(message, &field, i));
    if (error) return error;
  }
  return std::nullopt;
}

std::optional<core::Error> check_fields(const Message& message) {
  const Reflection& reflection = *message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection.ListFields(message, &fields);  // only the fields that are set
  for (const FieldDescriptor* field : fields) {
    std::optional<core::Error> error;
    if (field->is_repeated()) {
      error = check_repeated(message, reflection, *field);
    } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
      std::string scratch;
      error = check_string(*field, reflection.GetStringReference(message, field, &scratch));
    } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      error = check_fields(reflection.GetMessage(message, field));
    }
    if (error) return error;
  }
  return std::nullopt;
}

// Every string byte and every list entry takes at least a byte of the
// encoding, so a message no longer than this is within every limit.
constexpr std::size_t kWithinEveryLimit = std::min(kMaxIdBytes, static_cast<std::size_t>(kMaxRepeated));

}  // namespace

std::optional<core::Error> check_limits(const Message& message) {
  // Most commands (a ballot among them) are this short: no walk through
  // reflection, which was 3% of a vote's instructions.
  if (message.ByteSizeLong() <= kWithinEveryLimit) return std::nullopt;
  return check_fields(message);
}

}  // namespace gavel::codec
