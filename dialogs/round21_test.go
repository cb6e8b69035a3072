package dialogs

import (
	"testing"

	"github.com/scamcheck/scamcheck/locales"
)

// TestOwnWordsRoundTwentyOne: the person's own words that got the wrong
// answer in round twenty-one (seen at the end of round twenty, and in its
// blind writers' conversations and first lines), in my own words. Each
// turn's first text key is what is checked. Rows that passed before the
// round guard what must not change.
func TestOwnWordsRoundTwentyOne(t *testing.T) {
	checkLastTurns(t, []lastTurnRow{
		// An ask told, then answered: what was given decides.
		{locales.EN, []string{"she asked for my passport number and home address and i told her"}, "paid.id.now"},
		{locales.EN, []string{"they asked what my card number was and i told them"}, "paid.now"},
		{locales.EN, []string{"he asked for my address and i told him. is that bad"}, "understand.q.address_only"},
		{locales.ZH, []string{"她问我要护照号和家庭地址 我就告诉她了"}, "paid.id.now"},
		// Told no is no answer; told something else neither.
		{locales.EN, []string{"he asked for my passport number and i told him no"}, "understand.story_asks"},
		// A name asked about, quoted or not, is no message: "no known
		// warning signs" judged the name alone.
		{locales.EN, []string{"is 'Global Police Liaison Office' a real thing?"}, "understand.q.officials"},
		{locales.EN, []string{"is \"Global Police Liaison Office\" a real thing?"}, "understand.q.officials"},
		{locales.EN, []string{"is the Overseas Police Liaison Office a real thing?"}, "understand.q.officials"},
	})
}
