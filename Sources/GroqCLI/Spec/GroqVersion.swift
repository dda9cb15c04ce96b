/// The version `--version`, the User-Agent and the man page report.
public enum GroqVersion {
  public static let current = "0.1.0"
}
