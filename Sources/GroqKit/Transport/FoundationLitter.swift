#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// Folders swift-corelibs-foundation makes in the user's home that groq never uses.
///
/// The first session configuration of a process, even an ephemeral one with no cache and no cookies, creates the
/// shared cookie store's folder `~/.local/share/<the executable's folder>` (so `~/.local/share/bin` for a groq in
/// `~/.local/bin`) and the shared URL cache's `~/.cache/org.swift.foundation.URLCache/<process name>`. groq sends
/// no cookies and caches nothing, so whichever of them did not exist before and is still empty after is removed;
/// rmdir(2) never removes a folder that holds anything.
enum FoundationLitter {
  static func sweep<Result>(_ make: () -> Result) -> Result {
    let folders = candidates().filter { !FileManager.default.fileExists(atPath: $0) }
    let result = make()
    for folder in folders { rmdir(folder) }
    return result
  }

  /// Deepest first, so a parent made only to hold its child goes too.
  private static func candidates() -> [String] {
    let environment = ProcessInfo.processInfo.environment
    guard let home = environment["HOME"], home.hasPrefix("/") else { return [] }
    func base(_ variable: String, _ fallback: String) -> (String, [String]) {
      if let value = environment[variable], value.hasPrefix("/") { return (value, []) }
      let path = home + "/" + fallback
      // The default's own parents (~/.local for ~/.local/share) may have been made for it as well.
      let parents = fallback.contains("/") ? [home + "/" + fallback.split(separator: "/")[0]] : []
      return (path, parents)
    }
    let (data, dataParents) = base("XDG_DATA_HOME", ".local/share")
    let (cache, cacheParents) = base("XDG_CACHE_HOME", ".cache")
    let process = ProcessInfo.processInfo.processName.replacingOccurrences(of: "/", with: "_")
    let folder = Bundle.main.bundleURL.lastPathComponent
    return [
      data + "/" + folder, data,
      cache + "/org.swift.foundation.URLCache/" + process, cache + "/org.swift.foundation.URLCache", cache,
    ] + dataParents + cacheParents
  }
}
