import CEditLine
import GroqKit
import Testing

@testable import GroqCLI

/// libcurl and libedit are loaded on first use rather than linked (Sources/CLazyLibrary); what that needs to hold.
@Suite("libraries loaded on first use")
struct LazyLibraryTests {
  @Test("libedit loads, and every variable the line editor uses is found")
  func editLine() throws {
    #expect(groq_editline_load() == nil)
    let variables = groq_editline_variables().pointee
    #expect(variables.readline_name != nil)
    #expect(variables.catch_signals != nil)
    #expect(variables.getc_function != nil)
    #expect(variables.completer_word_break_characters != nil)
    #expect(variables.attempted_completion_function != nil)
    #expect(variables.attempted_completion_over != nil)
    #expect(variables.completion_append_character != nil)
    #expect(variables.line_buffer != nil)
    #expect(variables.history_base != nil)
    #expect(variables.history_length != nil)
  }

  @Test("a transport whose library cannot be loaded says which, and how to get it, without a network hint")
  func missingLibrary() {
    let failure = ErrorReport.make(
      GroqError(kind: .unavailable, message: "could not load libcurl: libcurl.so.4: cannot open shared object file"))
    #expect(failure.message == "could not load libcurl: libcurl.so.4: cannot open shared object file")
    #expect(failure.hint?.contains("apt-get install libcurl4") == true)
    #expect(failure.status == .failure)
  }
}
