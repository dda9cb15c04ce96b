# bash completion for groq
# Written by `groq completion bash` from the command spec: edit the spec, not this file.
# Load it with: source <(groq completion bash)

# Sets COMPREPLY to the words after $1 that start with $1.
_groq_words() {
    local prefix=$1 word
    shift
    COMPREPLY=()
    for word in "$@"; do
        if [[ $word == "$prefix"* ]]; then COMPREPLY+=("$word"); fi
    done
}

# Model ids for the command, from the cache or the API, when Tab is pressed.
_groq_models() {
    local line
    local -a words=()
    while IFS= read -r line; do
        words+=("$line")
    done < <(groq __models "${COMP_WORDS[1]}" 2>/dev/null)
    _groq_words "$1" "${words[@]}"
}

# Saved conversation names, newest first, when Tab is pressed.
_groq_conversations() {
    local line
    local -a words=()
    while IFS= read -r line; do
        words+=("$line")
    done < <(groq __conversations 2>/dev/null)
    _groq_words "$1" "${words[@]}"
}

# Role names, when Tab is pressed.
_groq_roles() {
    local line
    local -a words=()
    while IFS= read -r line; do
        words+=("$line")
    done < <(groq roles list --names 2>/dev/null)
    _groq_words "$1" "${words[@]}"
}

# File names starting with $1.
_groq_files() {
    local line
    COMPREPLY=()
    while IFS= read -r line; do
        COMPREPLY+=("$line")
    done < <(compgen -f -- "$1")
    # Lets readline quote the names and put a slash after directories.
    compopt -o filenames 2>/dev/null
    return 0
}

# Succeeds when option $2 of command $1 (empty for the root) takes a value.
_groq_takes_value() {
    case "$1 $2" in
        'chat --model'|'chat -m'|'chat --system'|'chat -s'|'chat --role'|'chat -r'|'chat --temperature'|'chat --top-p'|'chat --max-tokens'|'chat --stop'|'chat --seed'|'chat --session'|'chat --image'|'chat -i'|'chat --schema'|'chat --schema-name'|'chat --tools'|'chat --tool-choice'|'chat --reasoning-format'|'chat --reasoning-effort'|'chat --prefill'|'chat --service-tier'|'chat --file'|'chat -f'|'chat --timeout'|'chat --deadline'|'chat --max-retries'|'reason --model'|'reason -m'|'reason --system'|'reason -s'|'reason --role'|'reason -r'|'reason --temperature'|'reason --top-p'|'reason --max-tokens'|'reason --stop'|'reason --seed'|'reason --image'|'reason -i'|'reason --schema'|'reason --schema-name'|'reason --tools'|'reason --tool-choice'|'reason --reasoning-format'|'reason --reasoning-effort'|'reason --prefill'|'reason --service-tier'|'reason --file'|'reason -f'|'reason --timeout'|'reason --deadline'|'reason --max-retries'|'transcribe --model'|'transcribe -m'|'transcribe --format'|'transcribe --url'|'transcribe --language'|'transcribe --prompt'|'transcribe --temperature'|'transcribe --timeout'|'transcribe --deadline'|'transcribe --max-retries'|'translate --model'|'translate -m'|'translate --format'|'translate --url'|'translate --prompt'|'translate --temperature'|'translate --timeout'|'translate --deadline'|'translate --max-retries'|'speak --voice'|'speak -v'|'speak --model'|'speak -m'|'speak --format'|'speak --speed'|'speak --sample-rate'|'speak --output'|'speak -o'|'speak --file'|'speak -f'|'speak --timeout'|'speak --deadline'|'speak --max-retries'|'models --timeout'|'models --deadline'|'models --max-retries'|'conversations --limit'|'conversations -n'|'conversations --older-than'|'auth --timeout'|'auth --deadline'|'auth --max-retries'|'batch prepare --model'|'batch prepare -m'|'batch prepare --system'|'batch prepare -s'|'batch prepare --temperature'|'batch prepare --top-p'|'batch prepare --max-tokens'|'batch prepare --stop'|'batch prepare --seed'|'batch prepare --image'|'batch prepare -i'|'batch prepare --schema'|'batch prepare --schema-name'|'batch prepare --tools'|'batch prepare --tool-choice'|'batch prepare --reasoning-format'|'batch prepare --reasoning-effort'|'batch prepare --prefill'|'batch prepare --output'|'batch prepare -o'|'batch prepare --url-prefix'|'batch prepare --language'|'batch submit --window'|'batch submit --metadata'|'batch submit --timeout'|'batch submit --deadline'|'batch submit --max-retries'|'batch status --timeout'|'batch status --deadline'|'batch status --max-retries'|'batch wait --poll-interval'|'batch wait --timeout'|'batch wait --deadline'|'batch wait --max-retries'|'batch results --output'|'batch results -o'|'batch results --timeout'|'batch results --deadline'|'batch results --max-retries'|'batch list --limit'|'batch list --timeout'|'batch list --deadline'|'batch list --max-retries'|'batch cancel --timeout'|'batch cancel --deadline'|'batch cancel --max-retries'|'batch run --jobs'|'batch run -j'|'batch run --output'|'batch run -o'|'batch run --resume'|'batch run --timeout'|'batch run --deadline'|'batch run --max-retries'|'files list --timeout'|'files list --deadline'|'files list --max-retries'|'files upload --timeout'|'files upload --deadline'|'files upload --max-retries'|'files info --timeout'|'files info --deadline'|'files info --max-retries'|'files download --output'|'files download -o'|'files download --timeout'|'files download --deadline'|'files download --max-retries'|'files delete --timeout'|'files delete --deadline'|'files delete --max-retries') return 0 ;;
    esac
    return 1
}

# Completes the value of option $2 of command $1 from the prefix $3.
_groq_value() {
    COMPREPLY=()
    case "$1 $2" in
        'chat --model'|'chat -m') _groq_models "$3" ;;
        'chat --role'|'chat -r') _groq_roles "$3" ;;
        'chat --session') _groq_conversations "$3" ;;
        'chat --image'|'chat -i') _groq_files "$3" ;;
        'chat --schema') _groq_files "$3" ;;
        'chat --tools') _groq_files "$3" ;;
        'chat --reasoning-format') _groq_words "$3" 'raw' 'parsed' 'hidden' ;;
        'chat --reasoning-effort') _groq_words "$3" 'none' 'default' 'low' 'medium' 'high' ;;
        'chat --service-tier') _groq_words "$3" 'on_demand' 'flex' 'auto' 'performance' ;;
        'chat --file'|'chat -f') _groq_files "$3" ;;
        'reason --model'|'reason -m') _groq_models "$3" ;;
        'reason --role'|'reason -r') _groq_roles "$3" ;;
        'reason --image'|'reason -i') _groq_files "$3" ;;
        'reason --schema') _groq_files "$3" ;;
        'reason --tools') _groq_files "$3" ;;
        'reason --reasoning-format') _groq_words "$3" 'raw' 'parsed' 'hidden' ;;
        'reason --reasoning-effort') _groq_words "$3" 'none' 'default' 'low' 'medium' 'high' ;;
        'reason --service-tier') _groq_words "$3" 'on_demand' 'flex' 'auto' 'performance' ;;
        'reason --file'|'reason -f') _groq_files "$3" ;;
        'transcribe --model'|'transcribe -m') _groq_models "$3" ;;
        'transcribe --format') _groq_words "$3" 'text' 'json' 'verbose_json' 'srt' 'vtt' 'tsv' ;;
        'translate --model'|'translate -m') _groq_models "$3" ;;
        'translate --format') _groq_words "$3" 'text' 'json' 'verbose_json' 'srt' 'vtt' 'tsv' ;;
        'speak --model'|'speak -m') _groq_models "$3" ;;
        'speak --format') _groq_words "$3" 'wav' 'mp3' 'flac' 'ogg' 'mulaw' ;;
        'speak --output'|'speak -o') _groq_files "$3" ;;
        'speak --file'|'speak -f') _groq_files "$3" ;;
        'batch prepare --model'|'batch prepare -m') _groq_models "$3" ;;
        'batch prepare --image'|'batch prepare -i') _groq_files "$3" ;;
        'batch prepare --schema') _groq_files "$3" ;;
        'batch prepare --tools') _groq_files "$3" ;;
        'batch prepare --reasoning-format') _groq_words "$3" 'raw' 'parsed' 'hidden' ;;
        'batch prepare --reasoning-effort') _groq_words "$3" 'none' 'default' 'low' 'medium' 'high' ;;
        'batch prepare --output'|'batch prepare -o') _groq_files "$3" ;;
        'batch submit --window') _groq_words "$3" '24h' '48h' '72h' '7d' ;;
        'batch results --output'|'batch results -o') _groq_files "$3" ;;
        'batch run --output'|'batch run -o') _groq_files "$3" ;;
        'batch run --resume') _groq_files "$3" ;;
        'files download --output'|'files download -o') _groq_files "$3" ;;
    esac
}

# Completes positional argument $2 (from 0) of command $1 from the prefix $3.
_groq_argument() {
    COMPREPLY=()
    case "$1" in
        'transcribe')
            case "$2" in
                0) _groq_files "$3" ;;
            esac
            ;;
        'translate')
            case "$2" in
                0) _groq_files "$3" ;;
            esac
            ;;
        'models')
            case "$2" in
                0) _groq_models "$3" ;;
            esac
            ;;
        'help')
            case "$2" in
                0) _groq_words "$3" 'chat' 'reason' 'transcribe' 'translate' 'speak' 'models' 'help' 'completion' 'conversations' 'roles' 'config' 'auth' 'batch' 'files' ;;
            esac
            ;;
        'completion')
            case "$2" in
                0) _groq_words "$3" 'bash' 'zsh' 'fish' ;;
            esac
            ;;
        'conversations')
            case "$2" in
                0) _groq_words "$3" 'list' 'show' 'search' 'export' 'rename' 'delete' 'prune' ;;
                *) _groq_conversations "$3" ;;
            esac
            ;;
        'roles')
            case "$2" in
                0) _groq_words "$3" 'list' 'show' 'add' 'edit' 'remove' ;;
                1) _groq_roles "$3" ;;
            esac
            ;;
        'config')
            case "$2" in
                0) _groq_words "$3" 'list' 'get' 'set' 'unset' 'edit' 'path' ;;
                1) _groq_words "$3" 'model.chat' 'model.fast' 'model.reasoning' 'model.vision' 'model.tools' 'model.safety' 'model.transcription' 'model.translation' 'model.speech' 'voice' 'format' 'stream' 'stats' 'save' 'history' 'timeout' 'deadline' 'max_retries' 'service_tier' 'base_url' 'api_key_command' 'color' 'render' ;;
                2) : ;;
            esac
            ;;
        'auth')
            case "$2" in
                0) _groq_words "$3" 'status' 'login' 'logout' ;;
            esac
            ;;
        'batch prepare')
            case "$2" in
                0) _groq_files "$3" ;;
            esac
            ;;
        'batch submit')
            case "$2" in
                0) _groq_files "$3" ;;
            esac
            ;;
        'batch run')
            case "$2" in
                0) _groq_files "$3" ;;
            esac
            ;;
        'files upload')
            case "$2" in
                0) _groq_files "$3" ;;
            esac
            ;;
    esac
}

# Completes the subcommand of command group $1 from the prefix $2; fails when $1 is not a group.
_groq_subcommand() {
    case "$1" in
        'batch') _groq_words "$2" 'prepare' 'submit' 'status' 'wait' 'results' 'list' 'cancel' 'run' ;;
        'files') _groq_words "$2" 'list' 'upload' 'info' 'download' 'delete' ;;
        *) return 1 ;;
    esac
}

_groq() {
    local cur=${COMP_WORDS[COMP_CWORD]} cword=$COMP_CWORD
    local command="" word option="" prefix="" next i=1 args=0 dashdash=""

    # Finds the command, counts the arguments before the cursor and notices when the cursor is on an
    # option's value: the next word, or the one after "=" when COMP_WORDBREAKS split "--opt=value".
    while (( i < cword )); do
        word=${COMP_WORDS[i]}
        if [[ -z $dashdash && $word == -?* ]]; then
            if [[ $word == -- ]]; then
                [[ -n $command ]] && dashdash=1
            elif _groq_takes_value "$command" "$word"; then
                next=$((i + 1))
                if [[ $word == --* && ${COMP_WORDS[next]} == = ]]; then next=$((i + 2)); fi
                if (( next >= cword )); then
                    option=$word
                    # On the "=" itself the value typed so far is empty.
                    (( next == cword )) && prefix=$cur
                    break
                fi
                i=$next
            fi
        elif [[ -z $command ]]; then
            command=$word
        elif (( args == 0 )) && [[ $command != *" "* ]] && _groq_subcommand "$command" ""; then
            # A command group's first argument names its subcommand.
            command="$command $word"
        else
            args=$((args + 1))
        fi
        i=$((i + 1))
    done

    if [[ -n $option ]]; then
        _groq_value "$command" "$option" "$prefix"
    elif [[ -z $dashdash && $cur == --*=* ]] && _groq_takes_value "$command" "${cur%%=*}"; then
        # "--opt=value" kept as one word, when "=" is not in COMP_WORDBREAKS.
        _groq_value "$command" "${cur%%=*}" "${cur#*=}"
        for i in "${!COMPREPLY[@]}"; do
            COMPREPLY[i]=${cur%%=*}=${COMPREPLY[i]}
        done
    elif [[ -z $dashdash && $cur == -* ]]; then
        case "$command" in
            "") _groq_words "$cur" '--help' '-h' '--version' ;;
            'chat') _groq_words "$cur" '--model' '-m' '--system' '-s' '--role' '-r' '--temperature' '--top-p' '--max-tokens' '--stop' '--seed' '--no-stream' '--stats' '--continue' '-c' '--session' '--no-history' '--image' '-i' '--json-mode' '--schema' '--schema-name' '--tools' '--tool-choice' '--search' '--code' '--reasoning-format' '--reasoning-effort' '--show-reasoning' '--hide-reasoning' '--prefill' '--service-tier' '--json' '--raw' '--file' '-f' '--recursive' '--timeout' '--deadline' '--max-retries' '--help' '-h' ;;
            'reason') _groq_words "$cur" '--model' '-m' '--system' '-s' '--role' '-r' '--temperature' '--top-p' '--max-tokens' '--stop' '--seed' '--no-stream' '--stats' '--image' '-i' '--json-mode' '--schema' '--schema-name' '--tools' '--tool-choice' '--search' '--code' '--reasoning-format' '--reasoning-effort' '--show-reasoning' '--hide-reasoning' '--prefill' '--service-tier' '--json' '--raw' '--file' '-f' '--recursive' '--timeout' '--deadline' '--max-retries' '--help' '-h' ;;
            'transcribe') _groq_words "$cur" '--model' '-m' '--format' '--url' '--language' '--prompt' '--temperature' '--words' '--segments' '--flag-suspect' '--timeout' '--deadline' '--max-retries' '--help' '-h' ;;
            'translate') _groq_words "$cur" '--model' '-m' '--format' '--url' '--prompt' '--temperature' '--segments' '--flag-suspect' '--timeout' '--deadline' '--max-retries' '--help' '-h' ;;
            'speak') _groq_words "$cur" '--voice' '-v' '--model' '-m' '--format' '--speed' '--sample-rate' '--output' '-o' '--file' '-f' '--list-voices' '--timeout' '--deadline' '--max-retries' '--help' '-h' ;;
            'models') _groq_words "$cur" '--json' '--timeout' '--deadline' '--max-retries' '--help' '-h' ;;
            'help') _groq_words "$cur" '--help' '-h' ;;
            'completion') _groq_words "$cur" '--help' '-h' ;;
            'conversations') _groq_words "$cur" '--json' '--markdown' '--limit' '-n' '--older-than' '--keep-named' '--dry-run' '--yes' '-y' '--help' '-h' ;;
            'roles') _groq_words "$cur" '--names' '--help' '-h' ;;
            'config') _groq_words "$cur" '--all' '--help' '-h' ;;
            'auth') _groq_words "$cur" '--no-check' '--timeout' '--deadline' '--max-retries' '--help' '-h' ;;
            'batch') _groq_words "$cur" '--help' '-h' ;;
            'batch prepare') _groq_words "$cur" '--model' '-m' '--system' '-s' '--temperature' '--top-p' '--max-tokens' '--stop' '--seed' '--image' '-i' '--json-mode' '--schema' '--schema-name' '--tools' '--tool-choice' '--search' '--code' '--reasoning-format' '--reasoning-effort' '--prefill' '--output' '-o' '--transcribe' '--translate' '--url-prefix' '--language' '--help' '-h' ;;
            'batch submit') _groq_words "$cur" '--window' '--metadata' '--json' '--timeout' '--deadline' '--max-retries' '--help' '-h' ;;
            'batch status') _groq_words "$cur" '--json' '--timeout' '--deadline' '--max-retries' '--help' '-h' ;;
            'batch wait') _groq_words "$cur" '--poll-interval' '--timeout' '--deadline' '--max-retries' '--help' '-h' ;;
            'batch results') _groq_words "$cur" '--text' '--output' '-o' '--timeout' '--deadline' '--max-retries' '--help' '-h' ;;
            'batch list') _groq_words "$cur" '--limit' '--json' '--timeout' '--deadline' '--max-retries' '--help' '-h' ;;
            'batch cancel') _groq_words "$cur" '--json' '--timeout' '--deadline' '--max-retries' '--help' '-h' ;;
            'batch run') _groq_words "$cur" '--jobs' '-j' '--output' '-o' '--resume' '--timeout' '--deadline' '--max-retries' '--help' '-h' ;;
            'files') _groq_words "$cur" '--help' '-h' ;;
            'files list') _groq_words "$cur" '--json' '--timeout' '--deadline' '--max-retries' '--help' '-h' ;;
            'files upload') _groq_words "$cur" '--json' '--timeout' '--deadline' '--max-retries' '--help' '-h' ;;
            'files info') _groq_words "$cur" '--json' '--timeout' '--deadline' '--max-retries' '--help' '-h' ;;
            'files download') _groq_words "$cur" '--output' '-o' '--timeout' '--deadline' '--max-retries' '--help' '-h' ;;
            'files delete') _groq_words "$cur" '--timeout' '--deadline' '--max-retries' '--help' '-h' ;;
            *) COMPREPLY=() ;;
        esac
    elif [[ -z $command ]]; then
        _groq_words "$cur" 'chat' 'reason' 'transcribe' 'translate' 'speak' 'models' 'help' 'completion' 'conversations' 'roles' 'config' 'auth' 'batch' 'files'
    elif (( args == 0 )) && [[ $command != *" "* ]] && _groq_subcommand "$command" "$cur"; then
        :
    else
        _groq_argument "$command" "$args" "$cur"
    fi
    return 0
}

complete -F _groq groq
