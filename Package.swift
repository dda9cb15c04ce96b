// swift-tools-version:6.0
import PackageDescription

// No package dependencies at run time or in tests: the fake Groq server is a small socket server of our own
// (Tests/FakeGroq), which costs no build time on CI's clean clones.
let package = Package(
  name: "groq",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "groq", targets: ["groq"])
  ],
  targets: [
    .executableTarget(name: "groq", dependencies: ["GroqCLI"]),
    .target(name: "GroqCLI", dependencies: ["GroqKit", "CEditLine"]),
    // libcurl is the transport on Linux; macOS keeps URLSession, so CCurl is linked only on Linux.
    .target(name: "GroqKit", dependencies: [.target(name: "CCurl", condition: .when(platforms: [.linux]))]),
    // libedit's headers (libedit-dev) and stubs that load the library when the REPL starts.
    .target(name: "CEditLine", dependencies: ["CLazyLibrary"]),
    // libcurl's headers (libcurl4-openssl-dev) and stubs that load the library on first use (Sources/CCurl/loader.c).
    .target(name: "CCurl", dependencies: ["CLazyLibrary"]),
    // Loads a shared library on first use (Sources/CLazyLibrary/include/CLazyLibrary.h).
    .target(name: "CLazyLibrary", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),

    // Test support: the fake Groq server, as a library for the tests and as `fake-groq` for bench/.
    .target(name: "FakeGroq", path: "Tests/FakeGroq"),
    .executableTarget(name: "fake-groq", dependencies: ["FakeGroq"], path: "Tests/FakeGroqMain"),

    .testTarget(name: "GroqKitTests", dependencies: ["GroqKit", "FakeGroq"]),
    .testTarget(name: "GroqCLITests", dependencies: ["GroqCLI"], exclude: ["Snapshots"]),
    .testTarget(name: "EndToEndTests", dependencies: ["FakeGroq", "groq"], exclude: ["Golden"]),
    .testTarget(name: "FakeGroqTests", dependencies: ["FakeGroq"]),
  ]
)
