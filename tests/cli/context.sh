# context.sh: the checker learns from what the newsroom publishes: syllable pairs of published
# articles are counted, and an unseen pair one edit away from a common one is flagged. The
# first part runs without the language model of news (a dict folder without news.lm), so
# that only the newsroom's counts speak; the second shows them outweighing the model.
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/../.."
mkdir -p "$T/dict" "$T/config/toasoan"
cp dict/*.txt dict/*.tsv "$T/dict/"
printf 'spell:\n  dict: %s\n' "$T/dict" >"$T/config/toasoan/config.yaml"
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

# With the model of news, the pair is flagged before the newsroom publishes anything ...
rm -f "$T/config/toasoan/config.yaml"
run spell "$T/q.txt"
expect_out "real-word: dò -> giò" "the language model of news flags the odd pair by itself"
# ... and a newsroom that prints its own local word (three times) outweighs the model.
printf 'Món dò chả\n\nỞ làng này người ta ăn dò chả vào dịp Tết, dò chả làm từ cá.\n' >"$T/b.txt"
for i in 1 2 3; do
	run import "$T/b.txt"; id=$out
	run submit "$id"; run approve "$id"
done
run spell "$T/q.txt"
expect_rc 0 "the newsroom's own published text outweighs the model of news"
