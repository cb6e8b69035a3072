package classifier

import (
	"testing"
	"unicode/utf8"
)

// FuzzClassify: any input, valid UTF-8 or not, classifies without panic,
// with spans inside the text and evidence equal to the text they cover.
func FuzzClassify(f *testing.F) {
	for _, tc := range loadCases(f, "every_type") {
		f.Add(tc.Text)
	}
	for _, s := range []string{
		"", "\xff", "安\u200b全账户", "ＰＡＹＰＡＬ", "p@ypal.com.x", "+44 (0) 20 7946 0958", "£1,000.00",
		"bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "http://[::1]:80/",
		"加\u200d+\u200dV", "🐧🐧➕", "賬\u0301戶", "a\u0300\u0301\u0302", "0x" + string(make([]byte, 40)),
		"Telegram @", "Telegram ＠", "＠", "a＠b", "TG：", "微信号：a_1", "@abc@", "wa.me/", "WhatsApp +", "dm @x_1 on tg: y_2",
		// A warning worn as a costume, and a quoted message called false.
		"【防骗提醒】谨防诈骗。您的账户涉嫌洗钱，请转到安全账户ÿ", "Beware of scams. Pay your fee at x-fee.top now.",
		"谨防诈骗。", "请转账。谨防诈骗！", "（谨防诈骗）", "Got this: 'pay at x.top now please' - NOT real", "'", "“",
	} {
		f.Add(s)
	}
	c, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		v := c.Classify(text)
		checkSpans(t, text, v)
		if v.Lang != "zh" && v.Lang != "en" {
			t.Fatalf("lang %q", v.Lang)
		}
		if v.Level < LevelNone || v.Level > LevelHigh || v.Score < 0 {
			t.Fatalf("level %d score %f", v.Level, v.Score)
		}
		if e := v.Entities; e != nil {
			for _, u := range e.URLs {
				if text[u.Span.Start:u.Span.End] != u.Text {
					t.Fatalf("url span %v != %q", u.Span, u.Text)
				}
			}
			for _, p := range e.Phones {
				if text[p.Span.Start:p.Span.End] != p.Text {
					t.Fatalf("phone span %v != %q", p.Span, p.Text)
				}
			}
			for _, a := range e.Apps {
				if text[a.Span.Start:a.Span.End] != a.Text {
					t.Fatalf("app span %v != %q", a.Span, a.Text)
				}
			}
			for _, h := range e.Handles {
				if text[h.Span.Start:h.Span.End] != h.Text {
					t.Fatalf("handle span %v != %q", h.Span, h.Text)
				}
			}
		}
		_ = utf8.ValidString(text)
	})
}
