extension GroqError {
  /// Groq says the model is gone: shut down (400 `model_decommissioned`) or unknown to this key (404
  /// `model_not_found`). The codes are the API's words, so they are read here, beside the rest of the wire.
  public var modelIsGone: Bool {
    code == "model_decommissioned" || (status == 404 && code == "model_not_found")
  }
}
