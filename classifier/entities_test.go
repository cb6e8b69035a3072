package classifier

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

func TestURLs(t *testing.T) {
	c := classifier(t)
	cases := []struct {
		text            string
		host, domain    string
		ip, short, puny bool
		lookalike       string
	}{
		{"see https://www.example.co.uk/a?b=1 now", "www.example.co.uk", "example.co.uk", false, false, false, ""},
		{"go to http://192.168.10.5/login", "192.168.10.5", "", true, false, false, ""},
		{"tap bit.ly/3xYz now", "bit.ly", "bit.ly", false, true, false, ""},
		{"visit http://xn--pypal-4ve.com", "xn--pypal-4ve.com", "xn--pypal-4ve.com", false, false, true, ""},
		{"login at http://paypal.com.verify-id.net/x", "paypal.com.verify-id.net", "verify-id.net", false, false, false, "paypal"},
		{"login at http://paypa1.com", "paypa1.com", "paypa1.com", false, false, false, "paypal"},
		{"pay at royalmail-redelivery.com today", "royalmail-redelivery.com", "royalmail-redelivery.com", false, false, false, "royalmail"},
		{"official https://www.paypal.com/signin", "www.paypal.com", "paypal.com", false, false, false, ""},
		// A brand's name under a cheap ending is bought, not the brand's.
		{"pay the fee at https://evri.top/p/88", "evri.top", "evri.top", false, false, false, "evri"},
		{"verify at paypal.xyz", "paypal.xyz", "paypal.xyz", false, false, false, "paypal"},
		{"refund at gov-uk-refund.com", "gov-uk-refund.com", "gov-uk-refund.com", false, false, false, "gov.uk"},
		// Any government dressed up outside its suffix (round thirteen):
		// China's, a country's "gov" as a subdomain of a cheap domain.
		{"核查请登录 gov-cn-police.com", "gov-cn-police.com", "gov-cn-police.com", false, false, false, "gov.cn"},
		{"verify at https://www.gov.cn.police-check.top/a", "www.gov.cn.police-check.top", "police-check.top", false, false, false, "gov.cn"},
		{"pay at govt-nz-fines.com", "govt-nz-fines.com", "govt-nz-fines.com", false, false, false, "gov.nz"},
		// Real government hosts, and a vendor whose name starts with gov.
		{"see https://gov.wales/council-tax", "gov.wales", "gov.wales", false, false, false, ""},
		{"see https://my.gov.au/login", "my.gov.au", "my.gov.au", false, false, false, ""},
		{"updates via https://public.govdelivery.com/accounts", "public.govdelivery.com", "govdelivery.com", false, false, false, ""},
		{"请点击http://t.cn/Ab1。谢谢", "t.cn", "t.cn", false, true, false, ""},
		{"claim at http:/bit.do/Claim-Tax now", "bit.do", "bit.do", false, false, false, ""},
		{"(see www.example.com).", "www.example.com", "example.com", false, false, false, ""},
	}
	for _, text := range []string{"U.S. visa", "happy...you", "http://", "a.b"} {
		if v := c.Classify(text); v.Entities != nil && len(v.Entities.URLs) > 0 {
			t.Errorf("%q: got URLs %+v, want none", text, v.Entities.URLs)
		}
	}
	for _, tc := range cases {
		v := c.Classify(tc.text)
		if v.Entities == nil || len(v.Entities.URLs) != 1 {
			t.Errorf("%q: got entities %+v, want one URL", tc.text, v.Entities)
			continue
		}
		u := v.Entities.URLs[0]
		if u.Host != tc.host || u.Domain != tc.domain || u.IP != tc.ip || u.Shortener != tc.short || u.Punycode != tc.puny || u.LookalikeOf != tc.lookalike {
			t.Errorf("%q: got %+v, want host %s domain %s ip %v short %v puny %v lookalike %q", tc.text, u, tc.host, tc.domain, tc.ip, tc.short, tc.puny, tc.lookalike)
		}
		if tc.text[u.Span.Start:u.Span.End] != u.Text {
			t.Errorf("%q: span %v does not hold %q", tc.text, u.Span, u.Text)
		}
	}
}

// A phone number's country is reported only when the number states it.
func TestPhones(t *testing.T) {
	c := classifier(t)
	cases := []struct {
		text, e164, country string
		premium             bool
	}{
		{"call +44 20 7946 0958", "+442079460958", "GB", false},
		{"call 0086 138 0013 8000", "+8613800138000", "CN", false},
		{"call +1 (415) 555-2671 now", "+14155552671", "US", false},
		{"call 138 0013 8000", "", "", false},
		{"call 020 7946 0958", "", "", false},
		{"call 09061743389 to claim", "", "", true},
		{"call09050000337", "", "", true},
		{"I'm on 07090201529", "", "", true},
	}
	for _, tc := range cases {
		v := c.Classify(tc.text)
		if v.Entities == nil || len(v.Entities.Phones) != 1 {
			t.Errorf("%q: got %+v, want one phone", tc.text, v.Entities)
			continue
		}
		p := v.Entities.Phones[0]
		if p.E164 != tc.e164 || p.Country != tc.country || p.Premium != tc.premium {
			t.Errorf("%q: got %+v, want e164 %q country %q premium %v", tc.text, p, tc.e164, tc.country, tc.premium)
		}
	}
}

func TestChineseReferenceIsNoPhone(t *testing.T) {
	c := classifier(t)
	for _, tc := range []struct {
		text  string
		phone bool
	}{
		{"【京东】您的退款已原路退回，订单号287731904512。", false},
		{"您的快件运单号：SF1402277310已签收", false},
		{"取件码为20338716，请到驿站领取", false},
		{"请致电13800138000核实订单", true},
		{"订单异常请联系客服13800138000", true},
		// Any label that ends in 号 (round fourteen), but a phone's or a
		// handle's own label.
		{"退票已受理，票号784-2211 908812，款项原路退回", false},
		{"您预订的车次号G1234 座位号08车12F", false},
		{"有问题请加客服号13800138000", true},
		{"我的手机号：13900139000", true},
		{"联系我微信号13700137000", true},
	} {
		v := c.Classify(tc.text)
		if got := v.Entities != nil && len(v.Entities.Phones) > 0; got != tc.phone {
			t.Errorf("%q: got a phone %v, want %v", tc.text, got, tc.phone)
		}
	}
}

func TestMoneyCryptoApps(t *testing.T) {
	c := classifier(t)
	v := c.Classify("转账5000元，另付£1,250.50和$30。打到 0x52908400098527886E0F7030069857D2E4169EE7 或 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2，下载向日葵和AnyDesk。")
	e := v.Entities
	if e == nil {
		t.Fatal("no entities")
	}
	var money []string
	for _, m := range e.Money {
		money = append(money, m.Text)
	}
	if len(money) != 3 || money[0] != "5000元" {
		t.Errorf("got money %q, want 5000元, £1,250.50, $30", money)
	}
	if len(e.Crypto) != 2 || e.Crypto[0].Kind != "eth" || e.Crypto[1].Kind != "btc" {
		t.Errorf("got crypto %+v, want eth and btc", e.Crypto)
	}
	if len(e.Apps) != 2 {
		t.Errorf("got apps %+v, want 向日葵 and AnyDesk", e.Apps)
	}
	// A Base58 string with a broken checksum is not a wallet.
	if v := c.Classify("code 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3"); v.Entities != nil && len(v.Entities.Crypto) > 0 {
		t.Errorf("got crypto %+v for a bad checksum, want none", v.Entities.Crypto)
	}
}

// The premium shortcut in phoneOf rests on phonenumbers.Parse accepting
// any 10 or 11 digits that start with 0 for GB: check a spread of them.
func TestParseAcceptsUKNationalNumbers(t *testing.T) {
	for _, prefix := range []string{"09", "087", "070"} {
		for n := 10; n <= 11; n++ {
			for d := 0; d < 10; d++ {
				num := prefix
				for len(num) < n {
					num += string(rune('0' + (d+len(num)*7)%10))
				}
				if _, err := phonenumbers.Parse(num, "GB"); err != nil {
					t.Errorf("Parse(%q, GB): got %v, want no error", num, err)
				}
			}
		}
	}
}

func TestCitedTerms(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"接到“冻结账户”“配合调查”的电话一律挂断", true},
		{`posts promising a "stock teacher" or an "insider tip"`, true},
		{"“安全账户”是诈骗术语", false},
		{"他说“你现在必须马上把所有的钱都转到我们指定的账户里去否则后果自负”和“别告诉别人”", false},
		{"no quotations at all", false},
		{"「冻结账户」和\"配合调查\"都是诈骗用语", true}, // marks of two kinds
		{`one "mark only`, false},
	} {
		if _, got := citedTerms(tc.text); got != tc.want {
			t.Errorf("citedTerms(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestSenderLabelOwnsItsNamedDomain: a link whose registrable name spells
// the sender label the message opens with is the sender's own site;
// words added to the name, a cheap domain or no label are not.
func TestSenderLabelOwnsItsNamedDomain(t *testing.T) {
	c := classifier(t)
	for _, tc := range []struct {
		text     string
		official bool
	}{
		{"Currys: Your refund of £89.00 has been processed. See currys.co.uk/account.", true},
		{"Uber Eats: Your refund of £8.99 has been processed. See ubereats.com/orders.", true},
		{"[Gousto] Your box is on its way. gousto.co.uk/account", true},
		{"Currys: Your refund is on hold. Confirm at currys-refund-centre.com", false},
		{"Shein: Your refund of £23.50 is waiting. Claim at shein.top today.", false},
		{"Your refund of £8.99 has been processed. See ubereats.com/orders.", false},
		{"Hello there my friend, I am writing to you: see ubereats.com/orders", false},
	} {
		v := c.Classify(tc.text)
		if len(v.Entities.URLs) != 1 {
			t.Fatalf("%q: want one link, got %+v", tc.text, v.Entities.URLs)
		}
		if got := v.Entities.URLs[0].Official; got != tc.official {
			t.Errorf("%q: official %v, want %v", tc.text, got, tc.official)
		}
	}
}

// TestOfficialEmail: an e-mail address written bare under a government or
// university suffix is the office's own ("noreply@homeaffairs.gov.au"); one
// on any other domain, or an @ inside a link with a scheme (which may hide
// the real host), is not.
func TestOfficialEmail(t *testing.T) {
	c := classifier(t)
	for _, tc := range []struct {
		text     string
		official bool
	}{
		{"Your visa grant notice is attached. This email is from noreply@homeaffairs.gov.au.", true},
		{"Questions about your award: scholarships@ed.ac.uk", true},
		{"Reply to refunds@hmrc-refund-uk.com to claim.", false},
		{"Claim it at https://gov.uk@refund-claims.top now.", false},
	} {
		v := c.Classify(tc.text)
		if v.Entities == nil || len(v.Entities.URLs) == 0 {
			t.Fatalf("%q: want a link, got none", tc.text)
		}
		u := v.Entities.URLs[len(v.Entities.URLs)-1]
		if u.Official != tc.official {
			t.Errorf("%q: %s official %v, want %v", tc.text, u.Host, u.Official, tc.official)
		}
	}
}

// TestSenderHeader: a header in brackets at the start or end, a name and a
// colon at the start; not a forwarded text's source label, a quotation in
// the middle or a long bracketed sentence.
func TestSenderHeader(t *testing.T) {
	for _, tc := range []struct {
		text          string
		header, colon bool
	}{
		{"【农业银行】您的账户有一笔转账被暂缓。", true, false},
		{"  【顺丰速运】您的快件已签收。", true, false},
		{"您的快件已签收，请查收。【顺丰速运】", true, false},
		{"如有疑问请致电95533。[建设银行]", true, false},
		{"这个是真的吧？\n【QQ安全中心】验证码683012，切勿告知他人。", true, false},
		{"这个要不要理？\n  【顺丰速运】您的快件已签收。", true, false},
		{"妈，我跟你说件事，昨天晚上宿舍楼里有人来推销东西，我没理他，然后\n【顺丰速运】您的快件已签收。", false, false},
		{"[QQ] 老同学 在吗", false, false},
		{"他说【这是一个很长很长很长很长很长很长的括号里的句子】然后呢", false, false},
		{"我看到【银行】两个字", false, false},
		{"支付宝：你的实名认证信息即将过期。", false, true},
		{"中国驻英国大使馆提醒：护照只能在App预约。", false, true},
		{"晚上一起吃饭吗？我请客：老地方见。", false, false},
		{"Note: see you at 10.", false, false},
	} {
		_, h := senderHeader(tc.text)
		_, c := colonHeader(tc.text)
		if h != tc.header || c != tc.colon {
			t.Errorf("%q: header %v colon %v, want %v %v", tc.text, h, c, tc.header, tc.colon)
		}
	}
}

// A card alert's merchant name is no link; a link in a sentence of its own
// or in lower case still is.
func TestMerchantNameIsNoLink(t *testing.T) {
	c := classifier(t)
	cases := []struct {
		text string
		urls int
	}{
		{"We've declined a transaction of $899.00 at BESTBUY.COM. Text 1 or 2.", 0},
		{"Did you just try to spend £249.00 at APPLE.COM/BILL? Reply Y or N.", 0},
		{"Your card was used at NETFLIX.COM for $15.49.", 0},
		{"Your card payment of £300 was blocked. Unblock it at SECURE-LLOYDS-CHECK.COM today.", 1},
		{"A payment of $500 at amazon.com was flagged.", 1},
		{"Visit BESTBUY.COM for deals this weekend.", 1},
		{"A payment of $500 was taken, cancel at https://CANCEL-PAY.COM now", 1},
	}
	for _, tc := range cases {
		v := c.Classify(tc.text)
		got := 0
		if v.Entities != nil {
			got = len(v.Entities.URLs)
		}
		if got != tc.urls {
			t.Errorf("%q: got %d links, want %d", tc.text, got, tc.urls)
		}
	}
}

// A number after a support case or ticket label is a reference, not a
// phone.
func TestCaseNumberIsNoPhone(t *testing.T) {
	c := classifier(t)
	for _, text := range []string{"Your case number is 10284471.", "Ticket no. 58812204 is closed.", "case #4471200"} {
		if v := c.Classify(text); v.Entities != nil && len(v.Entities.Phones) > 0 {
			t.Errorf("%q: got phones %+v, want none", text, v.Entities.Phones)
		}
	}
}

// twoOpeningMarks says what counting each opening mark says, on texts
// pieced together from the marks, their neighbours in UTF-8 (。、」 share
// E3 80) and cut characters.
func TestTwoOpeningMarks(t *testing.T) {
	pieces := []string{`"`, "“", "「", "『", "。", "、", "」", "』", "”", "a", "安", "\xe3\x80", "\xe3", " "}
	r := rand.New(rand.NewSource(5))
	for n := 0; n < 5000; n++ {
		var b strings.Builder
		for k := r.Intn(8); k > 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		text := b.String()
		want := strings.Count(text, `"`)+strings.Count(text, "“")+strings.Count(text, "「")+strings.Count(text, "『") >= 2
		if got := twoOpeningMarks(text); got != want {
			t.Fatalf("%q: got %v, want %v", text, got, want)
		}
	}
}

// Full-width digits hide a number from an ASCII reader: the phones and
// amounts are found all the same, with spans into the original text.
func TestWideDigitNumbers(t *testing.T) {
	c := classifier(t)
	for _, tc := range []struct {
		text, phone, money string
	}{
		{"您的快递丢失，请致电客服４００-８８８-１２３４办理理赔", "４００-８８８-１２３４", ""},
		{"本学期资料费每人３８０元，扫码缴费", "", "３８０元"},
		{"先交５００元保证金，再拨打１３８００１３８０００", "１３８００１３８０００", "５００元"},
		{"转账5000元，再打给０２０ ７９４６ ０９５８", "０２０ ７９４６ ０９５８", "5000元"},
		{"fee £２ at http://x1.top/a１２３４５６７", "", "£２"},
	} {
		v := c.Classify(tc.text)
		var phone, money string
		if e := v.Entities; e != nil {
			if len(e.Phones) > 0 {
				p := e.Phones[0]
				phone = p.Text
				if tc.text[p.Span.Start:p.Span.End] != p.Text {
					t.Errorf("%q: got phone span %v reading %q, want it to read %q", tc.text, p.Span, tc.text[p.Span.Start:p.Span.End], p.Text)
				}
			}
			if len(e.Money) > 0 {
				m := e.Money[0]
				money = m.Text
				if tc.text[m.Span.Start:m.Span.End] != m.Text {
					t.Errorf("%q: got money span %v reading %q, want it to read %q", tc.text, m.Span, tc.text[m.Span.Start:m.Span.End], m.Text)
				}
			}
		}
		if phone != tc.phone || money != tc.money {
			t.Errorf("%q: got phone %q money %q, want phone %q money %q", tc.text, phone, money, tc.phone, tc.money)
		}
	}
}

// TestWebmailAddressIsNoLink: a person's address at a webmail provider is
// somewhere to write, not a link to click (round fourteen: "a new sign-in
// for y.chen@gmail.com" counted as an unofficial link); a link beside it,
// and an address at any other domain, still count.
func TestWebmailAddressIsNoLink(t *testing.T) {
	for _, tc := range []struct {
		url  URL
		want bool
	}{
		{URL{Text: "lin.wei88@outlook.com", Domain: "outlook.com"}, true},
		{URL{Text: "y.chen2001@gmail.com", Domain: "gmail.com"}, true},
		{URL{Text: "refunds@hmrc-claims.top", Domain: "hmrc-claims.top"}, false},
		{URL{Text: "https://gmail.com@phish.top", Domain: "phish.top"}, false},
		{URL{Text: "mail-verify-support.top", Domain: "mail-verify-support.top"}, false},
	} {
		if got := webmailAddress(tc.url); got != tc.want {
			t.Errorf("%q: got webmail %v, want %v", tc.url.Text, got, tc.want)
		}
	}
}
