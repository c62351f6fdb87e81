# bash completion for procedura                                  -*- shell-script -*-
#
# Installed as share/bash-completion/completions/procedura; to try it from a checkout:
#   source completion/procedura.bash
# Subcommands, options, option values, procedure ids and rule ids all come from the
# binary itself (`procedura complete ...`, a hidden subcommand), so completion matches
# the installed version. Needs nothing from the bash-completion package.

# Runs the procedura being completed (as typed, e.g. ./build/procedura) with `complete ARGS`.
_procedura_query() {
  local prog=${COMP_WORDS[0]}
  prog=${prog/#\~/$HOME}
  if ! command -v -- "$prog" >/dev/null 2>&1; then
    prog=procedura
  fi
  "$prog" complete "$@" 2>/dev/null
}

# Adds the candidates of $2 (newline-separated) that start with $1 to COMPREPLY.
_procedura_add() {
  local cur=$1 word
  while IFS= read -r word; do
    [[ -n $word && $word == "$cur"* ]] && COMPREPLY+=("$word")
  done <<<"$2"
}

_procedura_files() {
  local cur=$1 dirs_only=$2
  compopt -o filenames 2>/dev/null
  if [[ $dirs_only == 1 ]]; then
    _procedura_add "$cur" "$(compgen -d -- "$cur")"
  else
    _procedura_add "$cur" "$(compgen -f -- "$cur")"
  fi
}

_procedura() {
  COMPREPLY=()
  local cword=$COMP_CWORD
  local cur=${COMP_WORDS[cword]}
  local prev=""
  ((cword > 0)) && prev=${COMP_WORDS[cword - 1]}
  # `--format=js<TAB>`: bash splits at '=' (COMP_WORDBREAKS), giving "--format" "=" "js".
  if [[ $cur == "=" ]]; then
    cur=""
  elif [[ $prev == "=" ]] && ((cword > 1)); then
    prev=${COMP_WORDS[cword - 2]}
  fi

  # The subcommand is the first word after the program that is not an option.
  local sub="" i procedures=()
  for ((i = 1; i < cword; i++)); do
    local word=${COMP_WORDS[i]}
    if [[ -z $sub && $word != -* && $word != "=" ]]; then
      sub=$word
    elif [[ $word == --procedures && $((i + 1)) -lt $cword ]]; then
      procedures+=("${COMP_WORDS[i + 1]}")
    fi
  done

  if [[ -z $sub ]]; then
    if [[ $cur == -* ]]; then
      _procedura_add "$cur" $'--help\n--version'
    else
      _procedura_add "$cur" "$(_procedura_query commands)"
    fi
    return 0
  fi

  # Each line of `complete options SUB`: --name<TAB>kind[<TAB>choices separated by spaces].
  local options name kind choices
  options=$(_procedura_query options "$sub")
  if [[ $prev == --* ]]; then
    while IFS=$'\t' read -r name kind choices; do
      [[ $name == "$prev" ]] || continue
      case $kind in
        flag) break ;;
        choice) _procedura_add "$cur" "${choices// /$'\n'}" ;;
        rule) _procedura_add "$cur" "$(_procedura_query rules)" ;;
        id) _procedura_add "$cur" "$(_procedura_query ids "${procedures[@]}")" ;;
        dir) _procedura_files "$cur" 1 ;;
        file) _procedura_files "$cur" 0 ;;
      esac
      return 0
    done <<<"$options"
  fi

  if [[ $cur == -* ]]; then
    _procedura_add "$cur" "$(cut -f1 <<<"$options")"$'\n--help'
    return 0
  fi

  IFS=$'\t' read -r kind choices <<<"$(_procedura_query positional "$sub")"
  case $kind in
    choice) _procedura_add "$cur" "${choices// /$'\n'}" ;;
    rule) _procedura_add "$cur" "$(_procedura_query rules)" ;;
    id)
      _procedura_add "$cur" "$(_procedura_query ids "${procedures[@]}")"
      # A procedure can also be named by its file.
      [[ $cur == */* || $cur == .* ]] && _procedura_files "$cur" 0
      ;;
    file) _procedura_files "$cur" 0 ;;
  esac
  return 0
}

complete -F _procedura procedura
