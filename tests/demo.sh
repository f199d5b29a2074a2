#!/usr/bin/env bash
# demo.sh BINARY DB: builds the demo newsroom used by `make run`: the current user is admin,
# two reporters and an editor, and the articles of demo/ spread over every state, one of them
# a draft of the current user full of spelling mistakes to find.
set -euo pipefail
bin=$1 db=$2
dir=$(dirname "$db")
conf="$dir/demo.yaml"
printf 'database: %s\npublish:\n  dir: %s/demo-public\n' "$(realpath "$dir")/$(basename "$db")" \
	"$(realpath "$dir")" >"$conf"
t() { "$bin" --config "$conf" "$@"; }
rm -f "$db" "$db-wal" "$db-shm"
t init >/dev/null
t user add mai --role reporter --name "Trần Thị Mai" >/dev/null
t user add lan --role reporter --name "Lê Thị Lan" >/dev/null
t user add hung --role editor --name "Phạm Văn Hùng" >/dev/null
me=$(id -un)
i=0
for f in demo/*.txt; do
	i=$((i + 1))
	case $i in
	1) who=mai; plan=published ;;
	2) who=lan; plan=review ;;
	3) who=mai; plan=scheduled ;;
	4) who=lan; plan=returned ;;
	5) who=$me; plan=draft ;;
	6) who=mai; plan=review ;;
	7) who=lan; plan=published ;;
	*) who=mai; plan=draft ;;
	esac
	id=$(t --as "$who" import "$f" 2>/dev/null)
	case $plan in
	review) t --as "$who" submit "$id" >/dev/null ;;
	published) t --as "$who" submit "$id" >/dev/null; t --as hung approve "$id" >/dev/null ;;
	scheduled) t --as "$who" submit "$id" >/dev/null
		t --as hung approve "$id" --at "$(date -d 'tomorrow 06:00' '+%Y-%m-%d %H:%M')" >/dev/null ;;
	returned) t --as "$who" submit "$id" >/dev/null
		t --as hung return "$id" --note "Cần thêm ý kiến của người dân và số liệu cụ thể." >/dev/null ;;
	esac
done
echo "demo newsroom ready: $db (you are '$me', an admin; try the reporters with --as mai)"
