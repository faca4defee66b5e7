# bash completion for nntrace: commands, each command's options and values, and lesson ids.
# Options are read from `nntrace <command> --help` and lesson ids from `nntrace list`, so the
# completion follows the installed program and its lessons without being edited.

_nntrace_options() {
    "$1" "$2" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u
}

_nntrace() {
    local cur prev nntrace=${COMP_WORDS[0]}
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "list run build check grade variants --help --version" -- "$cur"))
        return
    fi
    local command=${COMP_WORDS[1]}
    case $prev in
        --format)
            case $command in
                run) COMPREPLY=($(compgen -W "json text md html csv tex" -- "$cur")) ;;
                check) COMPREPLY=($(compgen -W "text md html json" -- "$cur")) ;;
                grade) COMPREPLY=($(compgen -W "text md html csv" -- "$cur")) ;;
            esac
            return ;;
        --lang) COMPREPLY=($(compgen -W "en zh" -- "$cur")); return ;;
        --rounding) COMPREPLY=($(compgen -W "half-up truncate" -- "$cur")); return ;;
        --plot-format) COMPREPLY=($(compgen -W "svg png tikz" -- "$cur")); return ;;
        --out|--figures|--gradebook) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
        --variants) COMPREPLY=($(compgen -d -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
        --roster) COMPREPLY=($(compgen -f -X '!*.csv' -- "$cur") $(compgen -d -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
        --decimals|--set|--answer|--table|--seed) return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_nntrace_options "$nntrace" "$command")" -- "$cur"))
        return
    fi
    case $command in
        run)  # a lesson id or a problem file
            local lessons
            lessons=$("$nntrace" list 2>/dev/null | cut -d' ' -f1)
            COMPREPLY=($(compgen -W "$lessons" -- "$cur") $(compgen -f -X '!*.toml' -- "$cur") $(compgen -d -- "$cur"))
            compopt -o filenames 2>/dev/null ;;
        check|variants) COMPREPLY=($(compgen -f -X '!*.toml' -- "$cur") $(compgen -d -- "$cur")); compopt -o filenames 2>/dev/null ;;
        grade) COMPREPLY=($(compgen -f -X '!*.@(toml|csv)' -- "$cur") $(compgen -d -- "$cur")); compopt -o filenames 2>/dev/null ;;
    esac
}
complete -F _nntrace nntrace
