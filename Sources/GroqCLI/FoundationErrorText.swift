import Foundation

/// Foundation's errors in words: "NSCocoaErrorDomain error 256" and "NSURLErrorDomain error -1000" mean nothing to
/// a user. `ErrorReport` passes every message through here, including errors some layer already turned into text.
enum FoundationErrorText {
  /// Words for an NSError from Foundation, or nil when it is not one of Foundation's.
  static func describe(_ error: NSError) -> String? {
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    switch error.domain {
    case NSPOSIXErrorDomain: return String(cString: strerror(Int32(error.code)))
    case NSCocoaErrorDomain: return cocoa(error.code)
    case NSURLErrorDomain: return url(error.code)
    default: return nil
    }
  }

  /// `text` with every "The operation could not be completed. (DOMAIN error CODE.)" replaced by words.
  static func translate(_ text: String) -> String {
    guard text.contains("Domain error ") else { return text }
    var result = text
    for domain in [NSCocoaErrorDomain, NSURLErrorDomain, NSPOSIXErrorDomain] {
      while let range = result.range(of: "(\(domain) error ") {
        let rest = result[range.upperBound...]
        guard let close = rest.range(of: ".)") ?? rest.range(of: ")"),
          let code = Int(rest[rest.startIndex..<close.lowerBound])
        else { break }
        let words = describe(NSError(domain: domain, code: code)) ?? "error \(code)"
        var start = range.lowerBound
        let prefix = "The operation could not be completed. "
        if result[..<start].hasSuffix(prefix) { start = result.index(start, offsetBy: -prefix.count) }
        result.replaceSubrange(start..<close.upperBound, with: words)
      }
    }
    return result
  }

  private static func cocoa(_ code: Int) -> String {
    switch code {
    case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return "No such file or directory"
    case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "Permission denied"
    case NSFileReadTooLargeError: return "the file is too large"
    case NSFileReadInapplicableStringEncodingError, NSFileReadUnknownStringEncodingError:
      return "the file is not text in the expected encoding"
    case NSFileWriteOutOfSpaceError: return "No space left on device"
    case NSFileWriteVolumeReadOnlyError: return "Read-only file system"
    case NSFileWriteFileExistsError: return "File exists"
    case NSFileReadCorruptFileError: return "the file is damaged"
    case NSFileReadUnknownError: return "could not read it (is it a folder?)"
    case NSFileWriteUnknownError: return "could not write it"
    default: return "file error \(code)"
    }
  }

  private static func url(_ code: Int) -> String {
    switch code {
    case NSURLErrorBadURL, NSURLErrorUnsupportedURL: return "the address is not a URL groq can use"
    case NSURLErrorTimedOut: return "the server did not answer in time"
    case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: return "the server's name could not be found"
    case NSURLErrorCannotConnectToHost: return "could not connect to the server"
    case NSURLErrorNetworkConnectionLost: return "the connection was lost"
    case NSURLErrorNotConnectedToInternet: return "this machine is not connected to a network"
    case NSURLErrorCancelled: return "cancelled"
    case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted,
      NSURLErrorServerCertificateHasBadDate, NSURLErrorServerCertificateHasUnknownRoot,
      NSURLErrorServerCertificateNotYetValid:
      return "a secure connection to the server could not be made"
    case NSURLErrorBadServerResponse: return "the server's answer was not valid HTTP"
    case NSURLErrorResourceUnavailable, NSURLErrorCannotLoadFromNetwork: return "the server could not be reached"
    case NSURLErrorHTTPTooManyRedirects: return "too many redirects"
    case NSURLErrorDataLengthExceedsMaximum: return "the answer is too large"
    case NSURLErrorUnknown: return "the network request failed"
    default: return "network error \(code)"
    }
  }
}
