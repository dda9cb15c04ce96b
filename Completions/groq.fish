# fish completion for groq
# Written by `groq completion fish` from the command spec: edit the spec, not this file.

# Arguments are prompts, not files, unless a command says otherwise below.
complete -c groq -f

complete -c groq -n __fish_use_subcommand -s h -l help -d 'Show help for this command'
complete -c groq -n __fish_use_subcommand -l version -d 'Print the version and exit'
complete -c groq -n __fish_use_subcommand -a chat -d 'Chat with a model, streaming the answer as it is written'
complete -c groq -n __fish_use_subcommand -a reason -d 'Ask a reasoning model, its thinking apart from the answer'
complete -c groq -n __fish_use_subcommand -a transcribe -d 'Transcribe speech in an audio file to text'
complete -c groq -n __fish_use_subcommand -a translate -d 'Translate speech in an audio file to English text'
complete -c groq -n __fish_use_subcommand -a speak -d 'Speak text aloud into an audio file'
complete -c groq -n __fish_use_subcommand -a models -d 'List the models your key can use'
complete -c groq -n __fish_use_subcommand -a help -d 'Show help for groq or one of its commands'
complete -c groq -n __fish_use_subcommand -a completion -d 'Print a shell completion script'
complete -c groq -n __fish_use_subcommand -a batch -d 'Run many requests: on Groq\'s Batch API, or locally'
complete -c groq -n __fish_use_subcommand -a files -d 'List, upload, download and delete batch files'

# groq chat
complete -c groq -n '__fish_seen_subcommand_from chat' -s m -l model -x -a '(groq __models (commandline -opc)[2] 2>/dev/null)' -d 'Model to answer'
complete -c groq -n '__fish_seen_subcommand_from chat' -s s -l system -x -d 'System prompt that sets the model\'s role'
complete -c groq -n '__fish_seen_subcommand_from chat' -l temperature -x -d 'Sampling temperature, 0 to 2; lower is more focused'
complete -c groq -n '__fish_seen_subcommand_from chat' -l top-p -x -d 'Nucleus sampling, 0 to 1'
complete -c groq -n '__fish_seen_subcommand_from chat' -l max-tokens -x -d 'Longest answer, in tokens'
complete -c groq -n '__fish_seen_subcommand_from chat' -l stop -x -d 'Stop the answer at this text (at most 4)'
complete -c groq -n '__fish_seen_subcommand_from chat' -l seed -x -d 'Seed for best-effort repeatable answers'
complete -c groq -n '__fish_seen_subcommand_from chat' -l no-stream -d 'Wait for the whole answer instead of streaming it'
complete -c groq -n '__fish_seen_subcommand_from chat' -l stats -d 'Print timings, speed and the request id on standard error'
complete -c groq -n '__fish_seen_subcommand_from chat' -s c -l continue -d 'Continue the most recent conversation'
complete -c groq -n '__fish_seen_subcommand_from chat' -l session -x -a '(groq __conversations 2>/dev/null)' -d 'Continue the conversation with this name, or start it'
complete -c groq -n '__fish_seen_subcommand_from chat' -l no-history -d 'Keep no record: no line history, no saved conversation'
complete -c groq -n '__fish_seen_subcommand_from chat' -s i -l image -r -F -d 'Attach an image: a JPEG, PNG, WebP or GIF file, or an http(s) URL; chat then defaults to a vision model'
complete -c groq -n '__fish_seen_subcommand_from chat' -l json-mode -d 'Ask for a JSON object as the answer (not streamed; no --stop)'
complete -c groq -n '__fish_seen_subcommand_from chat' -l schema -r -F -d 'Ask for JSON that follows the JSON Schema in this file (not streamed)'
complete -c groq -n '__fish_seen_subcommand_from chat' -l schema-name -x -d 'Name sent with --schema (default: from the file)'
complete -c groq -n '__fish_seen_subcommand_from chat' -l tools -r -F -d 'Offer the functions defined in this JSON file; calls print as JSON lines'
complete -c groq -n '__fish_seen_subcommand_from chat' -l tool-choice -x -d 'auto, none, required, or a tool\'s name'
complete -c groq -n '__fish_seen_subcommand_from chat' -l search -d 'Let the model search the web (Groq\'s browser_search); sources on stderr'
complete -c groq -n '__fish_seen_subcommand_from chat' -l code -d 'Let the model run Python (Groq\'s code_interpreter); code and output on stderr'
complete -c groq -n '__fish_seen_subcommand_from chat' -l reasoning-format -x -a 'raw parsed hidden' -d 'Reasoning models: raw (<think> in the text; not gpt-oss), parsed (apart) or hidden'
complete -c groq -n '__fish_seen_subcommand_from chat' -l reasoning-effort -x -a 'none default low medium high' -d 'How hard a reasoning model thinks: low, medium or high (qwen3 also none, default)'
complete -c groq -n '__fish_seen_subcommand_from chat' -l show-reasoning -d 'Print parsed reasoning on standard error even when it is not a terminal'
complete -c groq -n '__fish_seen_subcommand_from chat' -l hide-reasoning -d 'Never print the reasoning'
complete -c groq -n '__fish_seen_subcommand_from chat' -l prefill -x -d 'Text the answer starts from; only what the model adds to it is printed'
complete -c groq -n '__fish_seen_subcommand_from chat' -l service-tier -x -a 'on_demand flex auto performance' -d 'on_demand, flex (fails fast when busy), auto or performance'
complete -c groq -n '__fish_seen_subcommand_from chat' -l json -d 'Print the API\'s whole response as JSON (not streamed)'
complete -c groq -n '__fish_seen_subcommand_from chat' -l raw -d 'Print the answer as the model wrote it, without rendering its Markdown'
complete -c groq -n '__fish_seen_subcommand_from chat' -s f -l file -r -F -d 'Put a text file in the prompt, under its name (repeatable; globs; \'-\' is standard input)'
complete -c groq -n '__fish_seen_subcommand_from chat' -l recursive -d 'Let -f take directories: their files, leaving out what .gitignore ignores'
complete -c groq -n '__fish_seen_subcommand_from chat' -l timeout -x -d 'Give up when the server sends nothing for this long (keep-alive comments count as something)'
complete -c groq -n '__fish_seen_subcommand_from chat' -l deadline -x -d 'Give up when one attempt takes this long in all, however steadily the server sends'
complete -c groq -n '__fish_seen_subcommand_from chat' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from chat' -s h -l help -d 'Show help for this command'

# groq reason
complete -c groq -n '__fish_seen_subcommand_from reason' -s m -l model -x -a '(groq __models (commandline -opc)[2] 2>/dev/null)' -d 'Reasoning model to answer'
complete -c groq -n '__fish_seen_subcommand_from reason' -s s -l system -x -d 'System prompt that sets the model\'s role'
complete -c groq -n '__fish_seen_subcommand_from reason' -l temperature -x -d 'Sampling temperature, 0 to 2; lower is more focused'
complete -c groq -n '__fish_seen_subcommand_from reason' -l top-p -x -d 'Nucleus sampling, 0 to 1'
complete -c groq -n '__fish_seen_subcommand_from reason' -l max-tokens -x -d 'Longest answer, in tokens'
complete -c groq -n '__fish_seen_subcommand_from reason' -l stop -x -d 'Stop the answer at this text (at most 4)'
complete -c groq -n '__fish_seen_subcommand_from reason' -l seed -x -d 'Seed for best-effort repeatable answers'
complete -c groq -n '__fish_seen_subcommand_from reason' -l no-stream -d 'Wait for the whole answer instead of streaming it'
complete -c groq -n '__fish_seen_subcommand_from reason' -l stats -d 'Print timings, speed and the request id on standard error'
complete -c groq -n '__fish_seen_subcommand_from reason' -s i -l image -r -F -d 'Attach an image: a JPEG, PNG, WebP or GIF file, or an http(s) URL'
complete -c groq -n '__fish_seen_subcommand_from reason' -l json-mode -d 'Ask for a JSON object as the answer (not streamed; no --stop)'
complete -c groq -n '__fish_seen_subcommand_from reason' -l schema -r -F -d 'Ask for JSON that follows the JSON Schema in this file (not streamed)'
complete -c groq -n '__fish_seen_subcommand_from reason' -l schema-name -x -d 'Name sent with --schema (default: from the file)'
complete -c groq -n '__fish_seen_subcommand_from reason' -l tools -r -F -d 'Offer the functions defined in this JSON file; calls print as JSON lines'
complete -c groq -n '__fish_seen_subcommand_from reason' -l tool-choice -x -d 'auto, none, required, or a tool\'s name'
complete -c groq -n '__fish_seen_subcommand_from reason' -l search -d 'Let the model search the web (Groq\'s browser_search); sources on stderr'
complete -c groq -n '__fish_seen_subcommand_from reason' -l code -d 'Let the model run Python (Groq\'s code_interpreter); code and output on stderr'
complete -c groq -n '__fish_seen_subcommand_from reason' -l reasoning-format -x -a 'raw parsed hidden' -d 'Reasoning models: raw (<think> in the text; not gpt-oss), parsed (apart) or hidden'
complete -c groq -n '__fish_seen_subcommand_from reason' -l reasoning-effort -x -a 'none default low medium high' -d 'How hard a reasoning model thinks: low, medium or high (qwen3 also none, default)'
complete -c groq -n '__fish_seen_subcommand_from reason' -l show-reasoning -d 'Print parsed reasoning on standard error even when it is not a terminal'
complete -c groq -n '__fish_seen_subcommand_from reason' -l hide-reasoning -d 'Never print the reasoning'
complete -c groq -n '__fish_seen_subcommand_from reason' -l prefill -x -d 'Text the answer starts from; only what the model adds to it is printed'
complete -c groq -n '__fish_seen_subcommand_from reason' -l service-tier -x -a 'on_demand flex auto performance' -d 'on_demand, flex (fails fast when busy), auto or performance'
complete -c groq -n '__fish_seen_subcommand_from reason' -l json -d 'Print the API\'s whole response as JSON (not streamed)'
complete -c groq -n '__fish_seen_subcommand_from reason' -l raw -d 'Print the answer as the model wrote it, without rendering its Markdown'
complete -c groq -n '__fish_seen_subcommand_from reason' -s f -l file -r -F -d 'Put a text file in the prompt, under its name (repeatable; globs; \'-\' is standard input)'
complete -c groq -n '__fish_seen_subcommand_from reason' -l recursive -d 'Let -f take directories: their files, leaving out what .gitignore ignores'
complete -c groq -n '__fish_seen_subcommand_from reason' -l timeout -x -d 'Give up when the server sends nothing for this long (keep-alive comments count as something)'
complete -c groq -n '__fish_seen_subcommand_from reason' -l deadline -x -d 'Give up when one attempt takes this long in all, however steadily the server sends'
complete -c groq -n '__fish_seen_subcommand_from reason' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from reason' -s h -l help -d 'Show help for this command'

# groq transcribe
complete -c groq -n '__fish_seen_subcommand_from transcribe' -s m -l model -x -a '(groq __models (commandline -opc)[2] 2>/dev/null)' -d 'Whisper model'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -l format -x -a 'text json verbose_json srt vtt tsv' -d 'text, json, verbose_json, or subtitles built locally: srt, vtt, tsv'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -l url -x -d 'Audio for Groq to fetch, instead of a file'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -l language -x -d 'Language of the audio, ISO-639-1 (en, de, ja)'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -l prompt -x -d 'Spellings and style to follow (up to 224 tokens)'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -l temperature -x -d 'Sampling temperature, 0 to 1'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -l words -d 'Print each word\'s start and end (or make word subtitles)'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -l segments -d 'Print each segment\'s start and end'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -l flag-suspect -d 'Mark segments Whisper itself would distrust; count them on stderr'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -l timeout -x -d 'Give up when the server sends nothing for this long (keep-alive comments count as something)'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -l deadline -x -d 'Give up when one attempt takes this long in all, however steadily the server sends'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -s h -l help -d 'Show help for this command'
complete -c groq -n '__fish_seen_subcommand_from transcribe' -F

# groq translate
complete -c groq -n '__fish_seen_subcommand_from translate' -s m -l model -x -a '(groq __models (commandline -opc)[2] 2>/dev/null)' -d 'Whisper model'
complete -c groq -n '__fish_seen_subcommand_from translate' -l format -x -a 'text json verbose_json srt vtt tsv' -d 'text, json, verbose_json, or subtitles built locally: srt, vtt, tsv'
complete -c groq -n '__fish_seen_subcommand_from translate' -l url -x -d 'Audio for Groq to fetch, instead of a file'
complete -c groq -n '__fish_seen_subcommand_from translate' -l prompt -x -d 'Spellings and style to follow (up to 224 tokens)'
complete -c groq -n '__fish_seen_subcommand_from translate' -l temperature -x -d 'Sampling temperature, 0 to 1'
complete -c groq -n '__fish_seen_subcommand_from translate' -l segments -d 'Print each segment\'s start and end'
complete -c groq -n '__fish_seen_subcommand_from translate' -l flag-suspect -d 'Mark segments Whisper itself would distrust; count them on stderr'
complete -c groq -n '__fish_seen_subcommand_from translate' -l timeout -x -d 'Give up when the server sends nothing for this long (keep-alive comments count as something)'
complete -c groq -n '__fish_seen_subcommand_from translate' -l deadline -x -d 'Give up when one attempt takes this long in all, however steadily the server sends'
complete -c groq -n '__fish_seen_subcommand_from translate' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from translate' -s h -l help -d 'Show help for this command'
complete -c groq -n '__fish_seen_subcommand_from translate' -F

# groq speak
complete -c groq -n '__fish_seen_subcommand_from speak' -s v -l voice -x -d 'Voice, e.g. troy or fahad (default: the model\'s first voice)'
complete -c groq -n '__fish_seen_subcommand_from speak' -s m -l model -x -a '(groq __models (commandline -opc)[2] 2>/dev/null)' -d 'Speech model (default: the voice\'s model)'
complete -c groq -n '__fish_seen_subcommand_from speak' -l format -x -a 'wav mp3 flac ogg mulaw' -d 'Audio format: wav, mp3, flac, ogg or mulaw'
complete -c groq -n '__fish_seen_subcommand_from speak' -l speed -x -d 'Speaking speed, 0.5 to 5'
complete -c groq -n '__fish_seen_subcommand_from speak' -l sample-rate -x -d 'Samples per second: 8000, 16000, 22050, 24000, 32000, 44100, 48000'
complete -c groq -n '__fish_seen_subcommand_from speak' -s o -l output -r -F -d 'Write the audio here'
complete -c groq -n '__fish_seen_subcommand_from speak' -s f -l file -r -F -d 'Read the text from a file'
complete -c groq -n '__fish_seen_subcommand_from speak' -l list-voices -d 'List the voices and models groq knows, and exit'
complete -c groq -n '__fish_seen_subcommand_from speak' -l timeout -x -d 'Give up when the server sends nothing for this long (keep-alive comments count as something)'
complete -c groq -n '__fish_seen_subcommand_from speak' -l deadline -x -d 'Give up when one attempt takes this long in all, however steadily the server sends'
complete -c groq -n '__fish_seen_subcommand_from speak' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from speak' -s h -l help -d 'Show help for this command'

# groq models
complete -c groq -n '__fish_seen_subcommand_from models' -l json -d 'Print the API\'s model objects as JSON'
complete -c groq -n '__fish_seen_subcommand_from models' -l timeout -x -d 'Give up when the server sends nothing for this long (keep-alive comments count as something)'
complete -c groq -n '__fish_seen_subcommand_from models' -l deadline -x -d 'Give up when one attempt takes this long in all, however steadily the server sends'
complete -c groq -n '__fish_seen_subcommand_from models' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from models' -s h -l help -d 'Show help for this command'
complete -c groq -n '__fish_seen_subcommand_from models' -a '(groq __models (commandline -opc)[2] 2>/dev/null)'

# groq help
complete -c groq -n '__fish_seen_subcommand_from help' -s h -l help -d 'Show help for this command'
complete -c groq -n '__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from chat reason transcribe translate speak models completion batch files' -a chat -d 'Chat with a model, streaming the answer as it is written'
complete -c groq -n '__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from chat reason transcribe translate speak models completion batch files' -a reason -d 'Ask a reasoning model, its thinking apart from the answer'
complete -c groq -n '__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from chat reason transcribe translate speak models completion batch files' -a transcribe -d 'Transcribe speech in an audio file to text'
complete -c groq -n '__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from chat reason transcribe translate speak models completion batch files' -a translate -d 'Translate speech in an audio file to English text'
complete -c groq -n '__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from chat reason transcribe translate speak models completion batch files' -a speak -d 'Speak text aloud into an audio file'
complete -c groq -n '__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from chat reason transcribe translate speak models completion batch files' -a models -d 'List the models your key can use'
complete -c groq -n '__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from chat reason transcribe translate speak models completion batch files' -a help -d 'Show help for groq or one of its commands'
complete -c groq -n '__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from chat reason transcribe translate speak models completion batch files' -a completion -d 'Print a shell completion script'
complete -c groq -n '__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from chat reason transcribe translate speak models completion batch files' -a batch -d 'Run many requests: on Groq\'s Batch API, or locally'
complete -c groq -n '__fish_seen_subcommand_from help; and not __fish_seen_subcommand_from chat reason transcribe translate speak models completion batch files' -a files -d 'List, upload, download and delete batch files'

# groq completion
complete -c groq -n '__fish_seen_subcommand_from completion' -s h -l help -d 'Show help for this command'
complete -c groq -n '__fish_seen_subcommand_from completion; and not __fish_seen_subcommand_from bash zsh fish' -a 'bash zsh fish' -d 'One of bash, zsh, fish'

# groq batch
complete -c groq -n '__fish_seen_subcommand_from batch; and not __fish_seen_subcommand_from prepare submit status wait results list cancel run' -a prepare -d 'Write batch request lines from text or JSON lines'
complete -c groq -n '__fish_seen_subcommand_from batch; and not __fish_seen_subcommand_from prepare submit status wait results list cancel run' -a submit -d 'Upload a batch file and start the batch; prints its id'
complete -c groq -n '__fish_seen_subcommand_from batch; and not __fish_seen_subcommand_from prepare submit status wait results list cancel run' -a status -d 'Show a batch\'s status, counts and times'
complete -c groq -n '__fish_seen_subcommand_from batch; and not __fish_seen_subcommand_from prepare submit status wait results list cancel run' -a wait -d 'Wait for a batch to end, showing its progress'
complete -c groq -n '__fish_seen_subcommand_from batch; and not __fish_seen_subcommand_from prepare submit status wait results list cancel run' -a results -d 'Print a batch\'s results in input order'
complete -c groq -n '__fish_seen_subcommand_from batch; and not __fish_seen_subcommand_from prepare submit status wait results list cancel run' -a list -d 'List your batches, newest first'
complete -c groq -n '__fish_seen_subcommand_from batch; and not __fish_seen_subcommand_from prepare submit status wait results list cancel run' -a cancel -d 'Stop a batch; finished requests keep their answers'
complete -c groq -n '__fish_seen_subcommand_from batch; and not __fish_seen_subcommand_from prepare submit status wait results list cancel run' -a run -d 'Run a batch file locally, several requests at a time'
complete -c groq -n '__fish_seen_subcommand_from batch' -s h -l help -d 'Show help for this command'

# groq batch prepare
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -s m -l model -x -a '(groq __models (commandline -opc)[2] 2>/dev/null)' -d 'Model to answer'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -s s -l system -x -d 'System prompt that sets the model\'s role'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -l temperature -x -d 'Sampling temperature, 0 to 2; lower is more focused'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -l top-p -x -d 'Nucleus sampling, 0 to 1'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -l max-tokens -x -d 'Longest answer, in tokens'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -l stop -x -d 'Stop the answer at this text (at most 4)'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -l seed -x -d 'Seed for best-effort repeatable answers'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -s i -l image -r -F -d 'Attach an image: a JPEG, PNG, WebP or GIF file, or an http(s) URL; chat then defaults to a vision model'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -l json-mode -d 'Ask for a JSON object as the answer (not streamed; no --stop)'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -l schema -r -F -d 'Ask for JSON that follows the JSON Schema in this file (not streamed)'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -l schema-name -x -d 'Name sent with --schema (default: from the file)'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -l tools -r -F -d 'Offer the functions defined in this JSON file; calls print as JSON lines'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -l tool-choice -x -d 'auto, none, required, or a tool\'s name'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -l search -d 'Let the model search the web (Groq\'s browser_search); sources on stderr'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -l code -d 'Let the model run Python (Groq\'s code_interpreter); code and output on stderr'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -l reasoning-format -x -a 'raw parsed hidden' -d 'Reasoning models: raw (<think> in the text; not gpt-oss), parsed (apart) or hidden'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -l reasoning-effort -x -a 'none default low medium high' -d 'How hard a reasoning model thinks: low, medium or high (qwen3 also none, default)'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -l prefill -x -d 'Text the answer starts from; only what the model adds to it is printed'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -s o -l output -r -F -d 'Write to this file (split into several past the limits) instead of standard output'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -l transcribe -d 'Lines name audio to transcribe (default model whisper-large-v3-turbo)'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -l translate -d 'Lines name audio to translate into English (default whisper-large-v3)'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -l url-prefix -x -d 'Put before each audio line to make its URL'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -l language -x -d 'The audio\'s language, e.g. en (--transcribe)'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -s h -l help -d 'Show help for this command'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from prepare' -F

# groq batch submit
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from submit' -l window -x -a '24h 48h 72h 7d' -d 'How long Groq may take, 24h to 7d'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from submit' -l metadata -x -d 'A label kept with the batch'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from submit' -l json -d 'Print the API\'s JSON as it came'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from submit' -l timeout -x -d 'Give up when the server sends nothing for this long (keep-alive comments count as something)'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from submit' -l deadline -x -d 'Give up when one attempt takes this long in all, however steadily the server sends'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from submit' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from submit' -s h -l help -d 'Show help for this command'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from submit' -F

# groq batch status
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from status' -l json -d 'Print the API\'s JSON as it came'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from status' -l timeout -x -d 'Give up when the server sends nothing for this long (keep-alive comments count as something)'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from status' -l deadline -x -d 'Give up when one attempt takes this long in all, however steadily the server sends'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from status' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from status' -s h -l help -d 'Show help for this command'

# groq batch wait
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from wait' -l poll-interval -x -d 'First wait between polls; it grows to a minute'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from wait' -l timeout -x -d 'Give up when the server sends nothing for this long (keep-alive comments count as something)'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from wait' -l deadline -x -d 'Give up when one attempt takes this long in all, however steadily the server sends'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from wait' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from wait' -s h -l help -d 'Show help for this command'

# groq batch results
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from results' -l text -d 'Print only each answer\'s text, one per line'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from results' -s o -l output -r -F -d 'Write to this file (renamed into place when complete) instead of standard output'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from results' -l timeout -x -d 'Give up when the server sends nothing for this long (keep-alive comments count as something)'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from results' -l deadline -x -d 'Give up when one attempt takes this long in all, however steadily the server sends'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from results' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from results' -s h -l help -d 'Show help for this command'

# groq batch list
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from list' -l limit -x -d 'Show at most this many'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from list' -l json -d 'Print the batch objects as a JSON array'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from list' -l timeout -x -d 'Give up when the server sends nothing for this long (keep-alive comments count as something)'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from list' -l deadline -x -d 'Give up when one attempt takes this long in all, however steadily the server sends'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from list' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from list' -s h -l help -d 'Show help for this command'

# groq batch cancel
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from cancel' -l json -d 'Print the API\'s JSON as it came'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from cancel' -l timeout -x -d 'Give up when the server sends nothing for this long (keep-alive comments count as something)'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from cancel' -l deadline -x -d 'Give up when one attempt takes this long in all, however steadily the server sends'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from cancel' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from cancel' -s h -l help -d 'Show help for this command'

# groq batch run
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from run' -s j -l jobs -x -d 'Requests in flight (default: fitted to your limits)'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from run' -s o -l output -r -F -d 'Append the lines to this file, skipping requests it already has'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from run' -l resume -r -F -d 'Take up a run whose lines are in this file, appending to it'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from run' -l timeout -x -d 'Give up when the server sends nothing for this long (keep-alive comments count as something)'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from run' -l deadline -x -d 'Give up when one attempt takes this long in all, however steadily the server sends'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from run' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from run' -s h -l help -d 'Show help for this command'
complete -c groq -n '__fish_seen_subcommand_from batch; and __fish_seen_subcommand_from run' -F

# groq files
complete -c groq -n '__fish_seen_subcommand_from files; and not __fish_seen_subcommand_from list upload info download delete' -a list -d 'List your files'
complete -c groq -n '__fish_seen_subcommand_from files; and not __fish_seen_subcommand_from list upload info download delete' -a upload -d 'Upload a batch input file; prints its id'
complete -c groq -n '__fish_seen_subcommand_from files; and not __fish_seen_subcommand_from list upload info download delete' -a info -d 'Show one file\'s size, name, purpose and date'
complete -c groq -n '__fish_seen_subcommand_from files; and not __fish_seen_subcommand_from list upload info download delete' -a download -d 'Download a file\'s contents'
complete -c groq -n '__fish_seen_subcommand_from files; and not __fish_seen_subcommand_from list upload info download delete' -a delete -d 'Delete files'
complete -c groq -n '__fish_seen_subcommand_from files' -s h -l help -d 'Show help for this command'

# groq files list
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from list' -l json -d 'Print the API\'s JSON as it came'
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from list' -l timeout -x -d 'Give up when the server sends nothing for this long (keep-alive comments count as something)'
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from list' -l deadline -x -d 'Give up when one attempt takes this long in all, however steadily the server sends'
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from list' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from list' -s h -l help -d 'Show help for this command'

# groq files upload
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from upload' -l json -d 'Print the API\'s JSON as it came'
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from upload' -l timeout -x -d 'Give up when the server sends nothing for this long (keep-alive comments count as something)'
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from upload' -l deadline -x -d 'Give up when one attempt takes this long in all, however steadily the server sends'
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from upload' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from upload' -s h -l help -d 'Show help for this command'
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from upload' -F

# groq files info
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from info' -l json -d 'Print the API\'s JSON as it came'
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from info' -l timeout -x -d 'Give up when the server sends nothing for this long (keep-alive comments count as something)'
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from info' -l deadline -x -d 'Give up when one attempt takes this long in all, however steadily the server sends'
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from info' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from info' -s h -l help -d 'Show help for this command'

# groq files download
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from download' -s o -l output -r -F -d 'Write to this file instead of standard output'
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from download' -l timeout -x -d 'Give up when the server sends nothing for this long (keep-alive comments count as something)'
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from download' -l deadline -x -d 'Give up when one attempt takes this long in all, however steadily the server sends'
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from download' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from download' -s h -l help -d 'Show help for this command'

# groq files delete
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from delete' -l timeout -x -d 'Give up when the server sends nothing for this long (keep-alive comments count as something)'
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from delete' -l deadline -x -d 'Give up when one attempt takes this long in all, however steadily the server sends'
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from delete' -l max-retries -x -d 'Retries for rate limits, server and connection errors'
complete -c groq -n '__fish_seen_subcommand_from files; and __fish_seen_subcommand_from delete' -s h -l help -d 'Show help for this command'
