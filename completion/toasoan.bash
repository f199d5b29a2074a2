# Bash completion for toasoan: commands, options, states, roles, formats, logins and article
# ids. Commands and their options are read from `toasoan --help` and `toasoan CMD --help`,
# logins and ids from the newsroom itself (with the --db, --config and --as already typed),
# so the completion never falls out of step with the program. Needs only bash.

# Prints the global options typed so far (--db, --config, --as), one word a line.
_toasoan_globals()
{
	local i=1
	while [ "$i" -lt "$COMP_CWORD" ]; do
		case ${COMP_WORDS[i]} in
		--db | --config | --as)
			[ $((i + 1)) -lt "$COMP_CWORD" ] && printf '%s\n' "${COMP_WORDS[i]}" "${COMP_WORDS[i + 1]}"
			i=$((i + 2))
			continue
			;;
		--db=* | --config=* | --as=*) printf '%s\n' "${COMP_WORDS[i]}" ;;
		-*) ;;
		*) return ;;
		esac
		i=$((i + 1))
	done
}

# Runs toasoan with the global options typed so far; errors are thrown away.
_toasoan_run()
{
	local -a g
	mapfile -t g < <(_toasoan_globals)
	"${_toasoan_bin:-${COMP_WORDS[0]}}" "${g[@]}" "$@" 2>/dev/null
}

# Article ids the person may see, in the states that fit the command.
_toasoan_ids()
{
	local state
	for state in "$@"; do
		_toasoan_run list ${state:+--state "$state"} | awk '{ print $1 }'
	done
}

_toasoan()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
	local cmd="" sub="" i=1 npos=0 w
	COMPREPLY=()
	# Find the command and count the words after it that are not options.
	while [ "$i" -lt "$COMP_CWORD" ]; do
		w=${COMP_WORDS[i]}
		if [ -z "$cmd" ]; then
			case $w in
			--db | --config | --as) i=$((i + 1)) ;;
			-*) ;;
			*) cmd=$w ;;
			esac
		else
			case $w in
			--state | --role | --format | --style | --encoding | --note | --at | --title | \
				--name | --section | --since | --limit | --glob | --as | -o | --output) i=$((i + 1)) ;;
			-*) ;;
			*)
				[ -z "$sub" ] && sub=$w
				npos=$((npos + 1))
				;;
			esac
		fi
		i=$((i + 1))
	done

	# The value of an option.
	case $prev in
	--db | --config | -o | --output)
		compopt -o filenames 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		return
		;;
	--as)
		mapfile -t COMPREPLY < <(compgen -W "$(_toasoan_run user list | awk '{ print $1 }')" -- "$cur")
		return
		;;
	--state) mapfile -t COMPREPLY < <(compgen -W "draft review scheduled published" -- "$cur"); return ;;
	--role) mapfile -t COMPREPLY < <(compgen -W "reporter editor admin" -- "$cur"); return ;;
	--format) mapfile -t COMPREPLY < <(compgen -W "ninjs html md txt" -- "$cur"); return ;;
	--style) mapfile -t COMPREPLY < <(compgen -W "old new any" -- "$cur"); return ;;
	--encoding)
		mapfile -t COMPREPLY < <(compgen -W "auto tcvn3 vni viscii viqr cp1258" -- "$cur")
		return
		;;
	--note | --at | --title | --name | --section | --since | --limit | --glob) return ;;
	esac

	if [ -z "$cmd" ]; then
		if [[ $cur == -* ]]; then
			mapfile -t COMPREPLY < <(compgen -W "--db --config --as --help --version" -- "$cur")
		else
			mapfile -t COMPREPLY < <(compgen -W "$(_toasoan_run --help |
				sed -n '/^commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')" -- "$cur")
		fi
		return
	fi
	if [[ $cur == -* ]]; then
		mapfile -t COMPREPLY < <(compgen -W "$(_toasoan_run "$cmd" --help |
			sed -n 's/^usage: //p' | grep -oE -- '(^| |\[)--?[a-z][a-z-]*' | tr -d ' [' | sort -u) --help" -- "$cur")
		return
	fi

	local words=""
	case $cmd in
	show | edit | history | export | diff) [ "$npos" = 0 ] && words=$(_toasoan_ids "") ;;
	submit) [ "$npos" = 0 ] && words=$(_toasoan_ids draft) ;;
	withdraw | approve) [ "$npos" = 0 ] && words=$(_toasoan_ids review) ;;
	return) [ "$npos" = 0 ] && words=$(_toasoan_ids review scheduled) ;;
	publish) [ "$npos" = 0 ] && words=$(_toasoan_ids review scheduled) ;;
	unpublish) [ "$npos" = 0 ] && words=$(_toasoan_ids published) ;;
	user)
		case $sub/$npos in
		/0) words="add list role disable" ;;
		role/1 | disable/1) words=$(_toasoan_run user list | awk '{ print $1 }') ;;
		role/2) words="reporter editor admin" ;;
		esac
		;;
	dict)
		case $sub/$npos in
		/0) words="add remove list" ;;
		remove/*) words=$(_toasoan_run dict list) ;;
		esac
		;;
	new | import | spell | backup)
		compopt -o filenames 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		return
		;;
	esac
	[ -n "$words" ] && mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
	return 0
}

complete -F _toasoan toasoan
