// swift-tools-version:6.0
import PackageDescription

// The libFuzzer harness, a package of its own so that neither `swift build` nor `make test` at the root ever builds
// it. Its GroqKit and FakeGroq are symlinks to the real sources, compiled here with testing enabled so the harness
// reaches the internal chunk scanner. Build and run it with bench/fuzz (see fuzz/README.md).
let package = Package(
  name: "groq-fuzz",
  targets: [
    .target(name: "GroqKit", swiftSettings: [.unsafeFlags(["-enable-testing"])]),
    .target(name: "FakeGroq"),
    .executableTarget(name: "fuzz", dependencies: ["GroqKit", "FakeGroq"]),
  ]
)
