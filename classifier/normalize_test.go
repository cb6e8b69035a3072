package classifier

import (
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Hello, World!", "hello world"},
		{"ＰＡＹＰＡＬ　ａｃｃｏｕｎｔ", "paypal account"},
		{"安\u200b全\u200d账户", "安全账户"},
		{"兼 职 赚*钱", "兼职赚钱"},
		{"賬戶凍結", "账户冻结"},
		{"pаypal", "paypal"}, // Cyrillic а
		{"amaz0n paypa1 acc0unt", "amazon paypal account"},
		{"call 09061743389 win 1000", "call 09061743389 win 1000"},
		{"lost 5k at 10pm on the 1st, 5ecure", "lost 5k at 10pm on the 1st secure"},
		{"ver!fy p@ypal", "verify paypal"},
		{"+V 伽vx 佳薇信", "加v加vx加薇信"},
		{"最佳选择", "最佳选择"},
		{"+86 138", "+86 138"},
		{"🐧群", "qq群"},
		{"🈶钱", "有钱"},
		{"中文 English 混合", "中文english混合"},
		{"  leading and trailing  ", "leading and trailing"},
		{"don't DONT it’s 'quoted'", "dont dont its quoted"},
		{"s u s p e n d e d, P.a.y T-e-l-e-g-r-a-m", "suspended pay telegram"},
		{"u r a winner e.g. plan A B", "u r a winner e g plan a b"},
		{"B.T.C now", "btc now"},
		{"唔好報警，轉錢俾我哋", "不好报警转钱给我们"},
		{"转 5000 块，月薪 3 万 call 0800 x", "转5000块月薪3万call 0800 x"},
		// Sentence marks between Chinese characters go as the disguises
		// do: the damping lists are written to it (see separator).
		{"不出租、出借、出售；看房，押金", "不出租出借出售看房押金"},
	}
	var f folded
	for _, tc := range cases {
		fold(&f, tc.in)
		if got := string(f.text); got != tc.want {
			t.Errorf("fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Every folded byte maps back to a valid range of the original, in order.
func TestFoldOffsets(t *testing.T) {
	var f folded
	for _, in := range []string{"s u s p e n d e d x.y.z don't", "安 全\u200b賬戶 ＰＡＹ p@ypal 🐧 \xff\xfe x ㏂ ﬀ ㍿x", "", "\u200b\u200b", "a"} {
		fold(&f, in)
		prev := int32(0)
		for i := range f.text {
			s, e := f.offsets(i)
			if s < prev || s > e || int(e) > len(in) {
				t.Fatalf("%q: byte %d maps to [%d,%d), previous start %d", in, i, s, e, prev)
			}
			prev = s
		}
	}
	in := "请把钱转到安 全 賬 戶"
	fold(&f, in)
	i := strings.Index(string(f.text), "安全账户")
	sp := f.span(i, i+len("安全账户"))
	if got := in[sp.Start:sp.End]; got != "安 全 賬 戶" {
		t.Errorf("span maps to %q, want %q", got, "安 全 賬 戶")
	}
}
