/// Every file and folder groq reads or writes in the user's home, for the man page's FILES section, and the rule
/// that decides between a flag, a variable and the config file, for help and the man page.
enum UserFiles {
  static let all: [(path: String, text: String)] = [
    ("$XDG_CONFIG_HOME/groq/config.toml", "Settings (groq config); ~/.config when XDG_CONFIG_HOME is unset"),
    ("$XDG_CONFIG_HOME/groq/credentials", "The key groq auth login stored; mode 0600, refused when others can read it"),
    ("$XDG_CONFIG_HOME/groq/roles/NAME.md", "Roles: system prompts with optional front matter (groq roles)"),
    (
      "$XDG_DATA_HOME/groq/conversations/NAME.json",
      "Saved conversations, one file each (groq conversations); ~/.local/share when XDG_DATA_HOME is unset"
    ),
    (
      "$XDG_DATA_HOME/groq/conversations/.summaries.tsv",
      "A cache of the conversations' titles and sizes that keeps listing fast; safe to delete"
    ),
    (
      "$XDG_STATE_HOME/groq/history", "The interactive chat's line history; ~/.local/state when XDG_STATE_HOME is unset"
    ),
    (
      "$XDG_CACHE_HOME/groq/models.json",
      "The model ids the server listed, kept for a day to choose defaults; ~/.cache when XDG_CACHE_HOME is unset"
    ),
  ]

  static let precedence =
    "A flag on the command line wins over an environment variable, which wins over the config file "
    + "($XDG_CONFIG_HOME/groq/config.toml, see groq config), which wins over groq's built-in defaults. "
    + "The API key comes from GROQ_API_KEY, then the config's api_key_command, then the credentials file."
}
