/// A tool Groq ran itself before the model answered (built-in tools; before them compound): a web search, a code
/// run, a page visit (groq-api.md 3.3). In a stream the same `index` can arrive twice, first with the arguments,
/// then with the output.
public struct ExecutedTool: Decodable, Sendable, Equatable {
  public struct SearchResults: Decodable, Sendable, Equatable {
    public var results: [SearchResult]?
    public var images: [String]?
  }

  public struct SearchResult: Decodable, Sendable, Equatable {
    public var title: String?
    public var url: String?
    public var content: String?
    public var score: Double?
  }

  public struct CodeResult: Decodable, Sendable, Equatable {
    public var text: String?
    /// Base64 PNG of a chart the code drew.
    public var png: String?
  }

  public struct BrowserResult: Decodable, Sendable, Equatable {
    public var title: String?
    public var url: String?
    public var content: String?
  }

  public var index: Int?
  /// `search`, `python`, `visit`, `browser_automation`…: new kinds appear without notice.
  public var type: String?
  /// JSON text, e.g. `{"query": "…"}` or `{"code": "…"}`.
  public var arguments: String?
  public var output: String?
  public var searchResults: SearchResults?
  public var codeResults: [CodeResult]?
  public var browserResults: [BrowserResult]?

  enum CodingKeys: String, CodingKey {
    case index, type, arguments, output
    case searchResults = "search_results"
    case codeResults = "code_results"
    case browserResults = "browser_results"
  }

  public init(index: Int? = nil, type: String? = nil, arguments: String? = nil, output: String? = nil) {
    self.index = index
    self.type = type
    self.arguments = arguments
    self.output = output
  }

  /// This entry with what a later delta for the same index added.
  public func merging(_ later: ExecutedTool) -> ExecutedTool {
    var merged = self
    merged.type = later.type ?? type
    merged.arguments = later.arguments ?? arguments
    merged.output = later.output ?? output
    merged.searchResults = later.searchResults ?? searchResults
    merged.codeResults = later.codeResults ?? codeResults
    merged.browserResults = later.browserResults ?? browserResults
    return merged
  }
}
