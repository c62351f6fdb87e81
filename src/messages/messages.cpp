#include "messages/messages.h"

namespace procedura::messages {
namespace {

struct Entry {
  std::string_view pl;
  std::string_view en;
};

constexpr Entry kMessages[] = {
#define PROCEDURA_MESSAGE(symbol, pl, en) {pl, en},
#include "messages/messages.def"
#undef PROCEDURA_MESSAGE
};

}  // namespace

std::string_view message(std::string_view lang, Msg id) {
  const Entry& entry = kMessages[static_cast<size_t>(id)];
  return lang == "pl" ? entry.pl : entry.en;
}

std::string deadline_text(std::string_view lang, const Deadline& deadline) {
  switch (deadline.unit) {
    case Deadline::Unit::Immediately:
      return say(lang, Msg::Immediately);
    case Deadline::Unit::Hours:
      return say(lang, Msg::WithinHours, deadline.amount);
    case Deadline::Unit::Days:
      return deadline.amount == 1 ? say(lang, Msg::WithinDay)
                                  : say(lang, Msg::WithinDays, deadline.amount);
  }
  return deadline.raw;
}

std::string channel_brief(std::string_view lang, Channel channel) {
  return channel == Channel::Phone ? say(lang, Msg::ChannelPhoneBrief)
                                   : channel_text(lang, channel);
}

std::string channel_text(std::string_view lang, Channel channel) {
  switch (channel) {
    case Channel::Phone:
      return say(lang, Msg::ChannelPhone);
    case Channel::Written:
      return say(lang, Msg::ChannelWritten);
    case Channel::InPerson:
      return say(lang, Msg::ChannelInPerson);
    case Channel::Electronic:
      return say(lang, Msg::ChannelElectronic);
  }
  return {};
}

std::string_view yes_word(std::string_view lang) {
  return message(lang, Msg::Yes);
}
std::string_view no_word(std::string_view lang) {
  return message(lang, Msg::No);
}

}  // namespace procedura::messages
