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
complete -c groq -n __fish_use_subcommand -a transcribe -d 'Transcribe speech in an audio file to text'
complete -c groq -n __fish_use_subcommand -a translate -d 'Translate speech in an audio file to English text'
complete -c groq -n __fish_use_subcommand -a speak -d 'Speak text aloud into an audio file'

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
complete -c groq -n '__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from chat models completion transcribe translate speak' -a chat -d 'Chat with a model, streaming the answer as it is written'
complete -c groq -n '__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from chat models completion transcribe translate speak' -a models -d 'List the models your key can use'
complete -c groq -n '__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from chat models completion transcribe translate speak' -a help -d 'Show help for groq or one of its commands'
complete -c groq -n '__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from chat models completion transcribe translate speak' -a completion -d 'Print a shell completion script'
complete -c groq -n '__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from chat models completion transcribe translate speak' -a transcribe -d 'Transcribe speech in an audio file to text'
complete -c groq -n '__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from chat models completion transcribe translate speak' -a translate -d 'Translate speech in an audio file to English text'
complete -c groq -n '__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from chat models completion transcribe translate speak' -a speak -d 'Speak text aloud into an audio file'

# groq completion
complete -c groq -n '__fish_seen_subcommand_from completion' -s h -l help -d 'Show help for this command'
complete -c groq -n '__fish_seen_subcommand_from completion; and not __fish_seen_subcommand_from bash zsh fish' -a 'bash zsh fish' -d 'One of bash, zsh, fish'

# groq transcribe
complete -c groq -n '__fish_seen_subcommand_from transcribe' -s m -l model -x -a '(groq models 2>/dev/null | cut -f1)' -d 'Whisper model'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -l format -x -a 'text json verbose_json srt vtt tsv' -d 'text, json, verbose_json, or subtitles built locally: srt, vtt, tsv'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -l url -x -d 'Audio for Groq to fetch, instead of a file'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -l language -x -d 'Language of the audio, ISO-639-1 (en, de, ja)'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -l prompt -x -d 'Spellings and style to follow (up to 224 tokens)'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -l temperature -x -d 'Sampling temperature, 0 to 1'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -l words -d 'Print each word\'s start and end (or make word subtitles)'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -l segments -d 'Print each segment\'s start and end'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -l flag-suspect -d 'Mark segments Whisper itself would distrust; count them on stderr'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -l timeout -x -d 'Give up when the server sends nothing for this long'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -s h -l help -d 'Show help for this command'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -F

# groq translate
complete -c groq -n '__fish_seen_subcommand_from translate' -s m -l model -x -a '(groq models 2>/dev/null | cut -f1)' -d 'Whisper model'
complete -c groq -n '__fish_seen_subcommand_from translate' -l format -x -a 'text json verbose_json srt vtt tsv' -d 'text, json, verbose_json, or subtitles built locally: srt, vtt, tsv'
complete -c groq -n '__fish_seen_subcommand_from translate' -l url -x -d 'Audio for Groq to fetch, instead of a file'
complete -c groq -n '__fish_seen_subcommand_from translate' -l prompt -x -d 'Spellings and style to follow (up to 224 tokens)'
complete -c groq -n '__fish_seen_subcommand_from translate' -l temperature -x -d 'Sampling temperature, 0 to 1'
complete -c groq -n '__fish_seen_subcommand_from translate' -l segments -d 'Print each segment\'s start and end'
complete -c groq -n '__fish_seen_subcommand_from translate' -l flag-suspect -d 'Mark segments Whisper itself would distrust; count them on stderr'
complete -c groq -n '__fish_seen_subcommand_from translate' -l timeout -x -d 'Give up when the server sends nothing for this long'
complete -c groq -n '__fish_seen_subcommand_from translate' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from translate' -s h -l help -d 'Show help for this command'
complete -c groq -n '__fish_seen_subcommand_from translate' -F

# groq speak
complete -c groq -n '__fish_seen_subcommand_from speak' -s v -l voice -x -d 'Voice, e.g. Fritz-PlayAI or troy'
complete -c groq -n '__fish_seen_subcommand_from speak' -s m -l model -x -a '(groq models 2>/dev/null | cut -f1)' -d 'Speech model (default: the voice\'s model)'
complete -c groq -n '__fish_seen_subcommand_from speak' -l format -x -a 'wav mp3 flac ogg mulaw' -d 'Audio format: wav, mp3, flac, ogg or mulaw'
complete -c groq -n '__fish_seen_subcommand_from speak' -l speed -x -d 'Speaking speed, 0.5 to 5'
complete -c groq -n '__fish_seen_subcommand_from speak' -l sample-rate -x -d 'Samples per second: 8000, 16000, 22050, 24000, 32000, 44100, 48000'
complete -c groq -n '__fish_seen_subcommand_from speak' -s o -l output -r -F -d 'Write the audio here'
complete -c groq -n '__fish_seen_subcommand_from speak' -s f -l file -r -F -d 'Read the text from a file'
complete -c groq -n '__fish_seen_subcommand_from speak' -l list-voices -d 'List the voices and models groq knows, and exit'
complete -c groq -n '__fish_seen_subcommand_from speak' -l timeout -x -d 'Give up when the server sends nothing for this long'
complete -c groq -n '__fish_seen_subcommand_from speak' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from speak' -s h -l help -d 'Show help for this command'
