import Foundation
import Testing

@testable import GroqCLI

/// Foundation's error codes put into words wherever they reach the user (issue 11, item 10).
@Suite("Foundation errors in words")
struct FoundationErrorTextTests {
  @Test(
    "a message with Foundation's code in it gets words instead",
    arguments: [
      (
        "The operation could not be completed. (NSURLErrorDomain error -1000.) (after 3 attempts)",
        "the address is not a URL groq can use (after 3 attempts)"
      ),
      ("cannot read 'x': The operation could not be completed. (NSCocoaErrorDomain error 256.)",
        "cannot read 'x': could not read it (is it a folder?)"),
      ("no code here", "no code here"),
    ])
  func translate(message: String, expected: String) {
    #expect(FoundationErrorText.translate(message) == expected)
  }

  @Test("an NSError reaching ErrorReport is described, its POSIX cause first")
  func errorReport() {
    let underlying = NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))
    let error = NSError(domain: NSCocoaErrorDomain, code: 640, userInfo: [NSUnderlyingErrorKey: underlying])
    #expect(ErrorReport.make(error).message == "No space left on device")
    #expect(ErrorReport.make(NSError(domain: NSURLErrorDomain, code: -1004)).message == "could not connect to the server")
  }
}
