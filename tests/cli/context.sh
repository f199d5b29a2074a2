# context.sh: the checker learns from what the newsroom publishes: syllable pairs of published
# articles are counted, and an unseen pair one edit away from a common one is flagged.
. "$(dirname "$0")/lib.sh"
run init
printf 'Chợ Tết\n\nNgười dân mua giò chả và bánh chưng ngày Tết.\n' >"$T/a.txt"
echo "Nhà tôi ăn dò chả ngày Tết." >"$T/q.txt"
run spell "$T/q.txt"
expect_rc 0 "before anything is published the pair is not known"
ids=""
for i in 1 2 3; do
	run import "$T/a.txt"; ids="$ids $out"
	run submit "$out"; run approve "${ids##* }"
done
run spell "$T/q.txt"
expect_rc 1 "after three published articles the odd pair is flagged"
expect_out "real-word: dò -> giò" "the common neighbour is suggested"
run unpublish "${ids##* }" --note "Gỡ để sửa."
run spell "$T/q.txt"
expect_rc 0 "unpublishing takes the article's pairs back out"
