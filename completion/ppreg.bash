# bash completion for ppreg. The commands and each command's options are
# read from `ppreg --help` and `ppreg COMMAND --help`, so a new command or
# option completes without a change here.
_ppreg()
{
	local cur prev words cword
	if declare -F _init_completion >/dev/null; then
		_init_completion || return
	else
		cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
		words=("${COMP_WORDS[@]}") cword=$COMP_CWORD
	fi
	local ppreg=${words[0]}
	if [ "$cword" -eq 1 ]; then
		COMPREPLY=($(compgen -W "$("$ppreg" --help 2>/dev/null |
			awk '/^commands:/ {on = 1; next} on && NF == 0 {exit} on {print $1}') help --help --version" -- "$cur"))
		return
	fi
	local cmd=${words[1]}
	case $prev in
	--format)
		COMPREPLY=($(compgen -W "text json tap sarif junit github" -- "$cur")); return ;;
	--algorithm)
		COMPREPLY=($(compgen -W "ed25519 ecdsa-p256" -- "$cur")); return ;;
	--report)
		COMPREPLY=($(compgen -W "json" -- "$cur")); return ;;
	--platform)
		COMPREPLY=($(compgen -W "$(ls platforms 2>/dev/null)" -- "$cur")); return ;;
	--plugin-dir)
		COMPREPLY=($(compgen -d -- "$cur")); return ;;
	--rev | --changed | --as-of | --valid-for | --jobs | --commit | --hook)
		return ;;
	--key | --pubkey | --policy | --registry | -o)
		COMPREPLY=($(compgen -f -- "$cur")); return ;;
	esac
	case $cur in
	-*)
		# the usage lines and the option list, not the prose
		COMPREPLY=($(compgen -W "$("$ppreg" "$cmd" --help 2>/dev/null | awk 'NR == 1, /^$/ {print} /^  +-/ {print $1}' |
			grep -oE -- '(^|[[ ])--?[a-z][a-z-]*' | tr -d '[ ' | sort -u)" -- "$cur")) ;;
	*)
		case $cmd in
		help) [ "$cword" -eq 2 ] && COMPREPLY=($(compgen -W "$("$ppreg" --help 2>/dev/null |
			awk '/^commands:/ {on = 1; next} on && NF == 0 {exit} on {print $1}')" -- "$cur")) ;;
		hook) [ "$cword" -eq 2 ] && COMPREPLY=($(compgen -W "pre-receive update pre-commit install" -- "$cur")) ;;
		rules) [ "$cword" -eq 2 ] && COMPREPLY=($(compgen -W "$("$ppreg" rules 2>/dev/null | awk '{print $1}')" -- "$cur")) ;;
		schema) [ "$cword" -eq 2 ] && COMPREPLY=($(compgen -W "$(cd platforms 2>/dev/null && ls */ | grep '\.yaml$' | sort -u)" -- "$cur")) ;;
		*) COMPREPLY=($(compgen -f -- "$cur")) ;;
		esac ;;
	esac
}
complete -F _ppreg ppreg
