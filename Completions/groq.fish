# fish completion for groq
# Written by `groq completion fish` from the command spec: edit the spec, not this file.

# Arguments are prompts, not files, unless a command says otherwise below.
complete -c groq -f

complete -c groq -n __fish_use_subcommand -s h -l help -d 'Show help for this command'
complete -c groq -n __fish_use_subcommand -l version -d 'Print the version and exit'
complete -c groq -n __fish_use_subcommand -a chat -d 'Chat with a model, streaming the answer as it is written'
complete -c groq -n __fish_use_subcommand -a models -d 'List the models your key can use'
complete -c groq -n __fish_use_subcommand -a help -d 'Show help for groq or one of its commands'
complete -c groq -n __fish_use_subcommand -a completion -d 'Print a shell completion script'

# groq chat
complete -c groq -n '__fish_seen_subcommand_from chat' -s m -l model -x -a '(groq models 2>/dev/null | cut -f1)' -d 'Model to answer'
complete -c groq -n '__fish_seen_subcommand_from chat' -s s -l system -x -d 'System prompt that sets the model\'s role'
complete -c groq -n '__fish_seen_subcommand_from chat' -l temperature -x -d 'Sampling temperature, 0 to 2; lower is more focused'
complete -c groq -n '__fish_seen_subcommand_from chat' -l top-p -x -d 'Nucleus sampling, 0 to 1'
complete -c groq -n '__fish_seen_subcommand_from chat' -l max-tokens -x -d 'Longest answer, in tokens'
complete -c groq -n '__fish_seen_subcommand_from chat' -l stop -x -d 'Stop the answer at this text (at most 4)'
complete -c groq -n '__fish_seen_subcommand_from chat' -l seed -x -d 'Seed for best-effort repeatable answers'
complete -c groq -n '__fish_seen_subcommand_from chat' -l no-stream -d 'Wait for the whole answer instead of streaming it'
complete -c groq -n '__fish_seen_subcommand_from chat' -l stats -d 'Print timings, speed and the request id on standard error'
complete -c groq -n '__fish_seen_subcommand_from chat' -s c -l continue -d 'Continue the most recent conversation'
complete -c groq -n '__fish_seen_subcommand_from chat' -l session -x -d 'Continue the conversation with this name, or start it'
complete -c groq -n '__fish_seen_subcommand_from chat' -l no-history -d 'Keep no record: no line history, no saved conversation'
complete -c groq -n '__fish_seen_subcommand_from chat' -l timeout -x -d 'Give up when the server sends nothing for this long'
complete -c groq -n '__fish_seen_subcommand_from chat' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from chat' -s h -l help -d 'Show help for this command'

# groq models
complete -c groq -n '__fish_seen_subcommand_from models' -l json -d 'Print the API\'s model objects as JSON'
complete -c groq -n '__fish_seen_subcommand_from models' -l timeout -x -d 'Give up when the server sends nothing for this long'
complete -c groq -n '__fish_seen_subcommand_from models' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from models' -s h -l help -d 'Show help for this command'
complete -c groq -n '__fish_seen_subcommand_from models' -a '(groq models 2>/dev/null | cut -f1)'

# groq help
complete -c groq -n '__fish_seen_subcommand_from help' -s h -l help -d 'Show help for this command'
complete -c groq -n '__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from chat models completion' -a chat -d 'Chat with a model, streaming the answer as it is written'
complete -c groq -n '__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from chat models completion' -a models -d 'List the models your key can use'
complete -c groq -n '__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from chat models completion' -a help -d 'Show help for groq or one of its commands'
complete -c groq -n '__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from chat models completion' -a completion -d 'Print a shell completion script'

# groq completion
complete -c groq -n '__fish_seen_subcommand_from completion' -s h -l help -d 'Show help for this command'
complete -c groq -n '__fish_seen_subcommand_from completion; and not __fish_seen_subcommand_from bash zsh fish' -a 'bash zsh fish' -d 'One of bash, zsh, fish'
