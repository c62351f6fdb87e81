#pragma once
// Text from procedure files, keys and file names on its way to a terminal or a line-based
// format (Markdown, GitHub workflow commands). An ESC or C1 control would let a file drive
// the operator's terminal (retitle it, write the clipboard with OSC 52), a bidi override
// would show text in another order than it is read, and a newline inside a key would forge
// a whole `file:line:col: error:` line. Each such character is shown as a visible escape.
#include <string>
#include <string_view>

namespace procedura {

enum class LineBreaks {
  Keep,    // multi-line texts (questions, steps): '\n' and tab stay
  Escape,  // one-line contexts (messages, keys, names): '\n' and tab become \n and \t
};

// True for code points shown escaped: C0 controls (tab and newline aside), DEL, C1
// controls, the bidi marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
// U+202A-U+202E, U+2066-U+2069) and the line and paragraph separators (U+2028, U+2029).
bool is_hidden_control(char32_t code_point);

// The text with every hidden control written as an escape: \x1B for C0 and DEL, \u0085
// for the others (\n and \t in LineBreaks::Escape); bytes that are not UTF-8 as \xC0.
// Text without such characters is returned unchanged.
std::string visible_text(std::string_view text, LineBreaks breaks = LineBreaks::Keep);

}  // namespace procedura
