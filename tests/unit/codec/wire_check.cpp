#include "wire_check.hpp"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

namespace gavel::test {

namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

void find_unset(const Message& m, const std::string& path, std::vector<std::string>& out) {
  const auto& descriptor = *m.GetDescriptor();
  const auto& reflection = *m.GetReflection();
  for (int i = 0; i < descriptor.oneof_decl_count(); ++i)
    if (!reflection.GetOneofFieldDescriptor(m, descriptor.oneof_decl(i)))
      out.push_back(path + descriptor.oneof_decl(i)->name());
  for (int i = 0; i < descriptor.field_count(); ++i) {
    const FieldDescriptor* f = descriptor.field(i);
    std::string name = path + f->name();
    if (const auto* oneof = f->containing_oneof();
        oneof && reflection.GetOneofFieldDescriptor(m, oneof) != f)
      continue;
    bool is_message = f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE;
    if (f->is_repeated()) {
      int size = reflection.FieldSize(m, f);
      if (size == 0) out.push_back(name);
      for (int j = 0; is_message && j < size; ++j)
        find_unset(reflection.GetRepeatedMessage(m, f, j), name + ".", out);
    } else if (!reflection.HasField(m, f)) {
      out.push_back(name);
    } else if (is_message) {
      find_unset(reflection.GetMessage(m, f), name + ".", out);
    }
  }
}

}  // namespace

std::vector<std::string> unset_fields(const Message& message) {
  std::vector<std::string> out;
  find_unset(message, "", out);
  return out;
}

std::string serialize(const Message& message) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    message.SerializeToCodedStream(&coded);
  }  // the coded stream flushes into `bytes` when it goes
  return bytes;
}

}  // namespace gavel::test
