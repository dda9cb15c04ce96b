#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// Writing the user's files safely in a folder of theirs: no planted symlink is followed, no other user's file is
/// trusted, and a crash or a full disk leaves the previous version whole.
enum PrivateFiles {
  /// Refuses a folder another user could write to: anyone who can write there can plant a file or a symlink that
  /// groq would read as the user's conversation or history, or write through.
  static func checkPrivate(_ directory: URL, what: String) throws(CLIError) {
    var info = stat()
    guard stat(directory.path, &info) == 0 else { return }  // not there yet: groq creates it 0700
    if info.st_mode & (S_IWGRP | S_IWOTH) != 0 || info.st_uid != getuid() {
      throw CLIError(
        "refusing to use \(directory.path) for \(what): other users can write to it",
        hint: "make it yours alone: chmod 700 '\(directory.path)'")
    }
  }

  /// A regular file, or nothing there: a FIFO, a device or a folder under a file's name would hang or flood groq.
  static func isRegularOrAbsent(_ url: URL) -> Bool { kind(of: url) != .other }

  enum Kind { case absent, regular, other, unknown }

  /// What is at `url`, from one stat(2): `unknown` when stat failed for another reason than absence (the read
  /// that follows reports it).
  static func kind(of url: URL) -> Kind {
    var info = stat()
    guard stat(url.path, &info) == 0 else { return errno == ENOENT ? .absent : .unknown }
    return info.st_mode & S_IFMT == S_IFREG ? .regular : .other
  }

  /// Where a write to `url` must land: the file a symlink points to (so the link stays a link), else `url` itself.
  static func destination(_ url: URL) -> URL {
    var info = stat()
    guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return url }
    if let resolved = realpath(url.path, nil) {
      defer { free(resolved) }
      return URL(fileURLWithPath: String(cString: resolved))
    }
    // A link to a file not yet there: its target, relative to the link's folder.
    guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path) else { return url }
    return target.hasPrefix("/")
      ? URL(fileURLWithPath: target) : url.deletingLastPathComponent().appendingPathComponent(target)
  }

  /// Replaces `url` with `data` atomically: a new 0600 file under a random name beside it, opened with
  /// O_CREAT|O_EXCL|O_NOFOLLOW so nothing planted is opened, then fsync and rename(2). Returns 0 or the errno.
  /// `durable: false` skips the fsync, for a file that a power cut may lose (a cache costs only a refetch; a new
  /// conversation only its first exchange) and that should not cost each command milliseconds of waiting for the disk.
  static func replace(_ url: URL, with data: Data, durable: Bool = true) -> Int32 {
    let target = destination(url)
    let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
    let temporary = target.deletingLastPathComponent()
      .appendingPathComponent(".\(target.lastPathComponent).\(random).tmp").path
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return errno }
    var failure = data.withUnsafeBytes { Terminal.writeAll(fd, $0) }
    // fsync before rename: otherwise a power cut can leave an empty file under the old name.
    if failure == 0 && durable && fsync(fd) != 0 { failure = errno }
    close(fd)
    if failure == 0 && rename(temporary, target.path) != 0 { failure = errno }
    if failure != 0 { unlink(temporary) }
    return failure
  }
}

/// An exclusive flock(2) on a lock file beside a file, held while it is read, merged and written back.
/// The lock file stays: removing it would let two writers lock two different files of the same name.
struct FileLock: ~Copyable {
  private let fd: Int32

  init(beside url: URL) throws(CLIError) {
    let path = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).lock").path
    fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw CLIError("could not lock \(url.path): \(String(cString: strerror(errno)))")
    }
    while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
  }

  deinit { close(fd) }
}
