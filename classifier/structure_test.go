package classifier

import (
	"slices"
	"strings"
	"testing"
)

// Each structural signal in Chinese and in English, on sentences written for
// this test. minLevel is the least the whole verdict must reach: the
// signals that pair a lure with a way out make medium on their own.
var structuralCases = []struct {
	rule     string
	lang     string
	minLevel Level
	text     string
}{
	{"struct_link_not_brand_ask", "en", LevelMedium, "Wells Fargo: we could not confirm activity on your debit card. Review it at https://wf-card-review.net/secure"},
	{"struct_link_not_brand_ask", "zh", LevelMedium, "【招商银行】您的信用卡存在异常交易，已被临时冻结，请登录 https://cmb-kahu.net 解除限制"},
	{"struct_link_not_brand_ask", "en", LevelMedium, "Canada Post: your parcel is on hold, the address is incomplete. Update it at canadapost-track.info/ca"},
	{"struct_link_not_brand", "en", LevelLow, "Your HMRC tax summary for this year is ready to view at https://tax-summary-online.com"},
	{"struct_link_not_brand", "zh", LevelLow, "顺丰速运：您的快件已到达驿站，请查看详情 https://sf-kuaidi-chaxun.com/q"},

	{"struct_strange_link_problem", "en", LevelMedium, "Your parcel could not be delivered: missing house number. Update it at https://redeliver-now.top/p"},
	{"struct_strange_link_problem", "zh", LevelMedium, "您的快件地址不详无法派送，请在 http://kd-buchong.vip 补充地址"},

	{"struct_pay_rate_contact", "zh", LevelMedium, "招兼只，手机就能做，一小时五百，下课秒结，有意伽V：abc_88123"},
	{"struct_pay_rate_contact", "zh", LevelMedium, "宝妈学生党看过来，日入三四百，扣扣 ③⑧①⑨⑦⑥⑤②"},
	{"struct_pay_rate_contact", "zh", LevelMedium, "副业来了 每天轻松赚200元 想做的滴滴我 ⅴ：mia＿6612"},
	{"struct_pay_rate_contact", "en", LevelMedium, "Remote assistant needed, earn $350 per day liking posts. Text me on WhatsApp to start today."},
	{"struct_pay_rate_contact", "en", LevelMedium, "Daily income 400-900 with flexible hours. Message our recruiter on Telegram @hr_amelia22"},
	{"struct_pay_rate_ease", "zh", LevelMedium, "带两部手机过来就行，一小时七百，现场现结，只需要帮忙接打电话"},
	{"struct_pay_rate_ease", "en", LevelMedium, "Students welcome: make £60 an hour from your phone, no experience needed."},
	{"struct_earn_contact", "zh", LevelMedium, "赚*钱*小*项*目，一部手机就行，不需要本金，佳我详聊"},
	{"struct_earn_contact", "en", LevelMedium, "Easy side hustle, only need your phone, students welcome. DM me for details."},

	{"struct_cred_send", "zh", LevelMedium, "你好，刚才系统给你发了一个六位数验证码，麻烦把验证码截图发给我，我帮你开通"},
	{"struct_cred_send", "en", LevelMedium, "Hi, I sent a code to your phone by mistake, could you send me the code please? It is urgent."},
	{"struct_cred_enter", "en", LevelMedium, "Your bank card is on hold. Confirm your date of birth and mother's maiden name at https://card-help-center.net"},
	{"struct_cred_enter", "zh", LevelMedium, "您的账户需要重新认证，请点击 http://zhanghu-renzheng.top 输入银行卡密码和验证码完成核实"},

	{"struct_relation_advance", "zh", LevelMedium, "我是你表哥，这是我新号码，旧的不用了。我这边有点急事，你先帮我垫两千，明天还你"},
	{"struct_relation_advance", "en", LevelMedium, "Hi mum, this is my new number, my phone is broken. Can you transfer £900 for my rent today?"},

	{"struct_invest_channel", "zh", LevelMedium, "跟着老师布局，上周带大家稳赚了三个涨停，想上车的扫码进群"},
	{"struct_invest_channel", "en", LevelMedium, "Our trading group gets guaranteed returns every week. Download the app and I will add you to the group."},

	{"struct_money_due_link", "en", LevelMedium, "You are owed a council tax refund of £214.60. Claim it before Friday at https://ctax-refunds.uk-claims.com"},
	{"struct_money_due_link", "zh", LevelMedium, "您有一笔个税退税待确认，金额1380元，请在三日内登录 http://shuiwu-tuishui.cc 办理"},
	{"struct_money_due_ask", "zh", LevelMedium, "您好，您网购的衣服质量有问题，我们给您三倍赔偿，请提供银行卡信息，按我说的操作就能到账"},
	{"struct_money_due_ask", "en", LevelMedium, "Your flight was cancelled and you qualify for compensation. Please provide your bank details so we can pay it today."},

	{"struct_adult_link", "en", LevelMedium, "hot singles near you want to chat tonight, see their private pics at https://meet-near.date"},
	{"struct_adult_link", "zh", LevelMedium, "同城交友，附近美女在线，私密视频点这里 http://tc-yue.vip 看"},

	{"struct_pay_rate_fee", "zh", LevelMedium, "手工活外发，计件工资，一件5块，领材料要先交押金300元"},
	{"struct_pay_rate_fee", "en", LevelMedium, "Assemble pens at home, paid $40 per hour. A refundable deposit of $150 is needed for the starter kit."},
	{"struct_earn_mule", "zh", LevelMedium, "高价回收闲置银行卡和对公账户，一张给你三百，不影响你正常使用"},
	{"struct_earn_mule", "en", LevelMedium, "Easy money for students: lend us your bank account in your name for a week and we will pay you £400."},
	{"struct_invest_strong", "zh", LevelMedium, "我们公司有一个内部认购名额，保底收益，今天就截止了"},
	{"struct_invest_strong", "en", LevelMedium, "This fund pays guaranteed returns every month, you really cannot lose."},
	{"struct_high_return", "zh", LevelMedium, "我朋友的公司有个内部项目，年化回报率35%，只对熟人开放，起投五万"},
	{"struct_high_return", "en", LevelMedium, "Our private property fund pays 28% annual returns. Minimum investment $20,000, only for Chinese investors."},
	{"struct_task_deposit", "zh", LevelMedium, "做任务前需要先充值200元，做完任务单连本带佣金一起返还"},
	{"struct_task_deposit", "en", LevelMedium, "To unlock your next set of tasks, please deposit 150 USDT. Commission is paid back with the deposit."},
	{"struct_pay_due_link", "en", LevelLow, "Library notice: you have overdue fines of £9.40. Pay now at library-fines-online.com"},
	{"struct_pay_due_link", "zh", LevelLow, "您的水费已欠费，请尽快登录 shuifei-jiaona.com 缴纳"},
	{"struct_abroad_job", "zh", LevelMedium, "泰国招客服专员，不要求学历，包机票包吃住，到了就上岗"},
	{"struct_abroad_job", "en", LevelMedium, "Customer support roles in Cambodia for Mandarin speakers. Flight paid and accommodation provided, start next month."},
	{"struct_money_due_fee", "zh", LevelMedium, "您的奖学金已审批，发放前需先交300元个人所得税才能提取"},
	{"struct_money_due_fee", "en", LevelMedium, "We can help you recover your money from the investment platform. A recovery fee of £300 is due first."},
	{"struct_loan_fee", "zh", LevelMedium, "恭喜，您的贷款额度已批下来五万，放款前需先交两千元流水认证"},
	{"struct_loan_fee", "en", LevelMedium, "Your loan of $8,000 is pre-approved. Pay the $120 processing fee today to release the money."},
	{"struct_credit_repair", "zh", LevelMedium, "专业修复征信，三天消除逾期记录，费用2800元"},
	{"struct_credit_repair", "en", LevelMedium, "We can remove bad credit from your file in a week. One-off payment of $450."},
	{"struct_expose_pay", "zh", LevelMedium, "你的视频在我手上，转一万过来，不然发给你通讯录里所有人"},
	{"struct_expose_pay", "en", LevelMedium, "I have videos of you. Pay $900 in bitcoin or I will send them to your family and your colleagues."},
	{"struct_opener_pitch", "zh", LevelMedium, "好久不见！还记得我吗？我最近在做一个副业，想带你一起赚钱"},
	{"struct_opener_pitch", "en", LevelMedium, "Long time no see! Do you remember me? I have a side business that makes easy money, want to hear?"},
	{"struct_opener", "en", LevelMedium, "Hi, is this Karen? This is Mike from the golf club."},
	{"struct_opener", "en", LevelMedium, "Oh sorry, wrong number! I was looking for my tailor."},
	{"struct_opener", "zh", LevelMedium, "不好意思加错人了，我是想加我们公司的刘经理"},
	{"struct_opener_weak", "en", LevelLow, "Long time no see! How have you been these days?"},
	{"struct_opener_weak", "en", LevelLow, "Hi, my cousin gave me your number, I'm new in town."},
	{"struct_opener_weak", "zh", LevelLow, "好久不见，还记得我吗？"},
}

func TestStructuralSignalsZhAndEn(t *testing.T) {
	c := classifier(t)
	langs := map[string]map[string]bool{}
	for _, tc := range structuralCases {
		v := c.Classify(tc.text)
		ids := signalIDs(v)
		if !slices.Contains(ids, tc.rule) {
			t.Errorf("%s/%s: got signals %v (level %s, score %.1f), want %s\n  %s", tc.rule, tc.lang, ids, v.Level, v.Score, tc.rule, tc.text)
		}
		if v.Level < tc.minLevel || v.Lang != tc.lang {
			t.Errorf("%s/%s: got level %s lang %s, want at least %s in %s\n  %s", tc.rule, tc.lang, v.Level, v.Lang, tc.minLevel, tc.lang, tc.text)
		}
		if langs[tc.rule] == nil {
			langs[tc.rule] = map[string]bool{}
		}
		langs[tc.rule][tc.lang] = true
	}
	// Every structural rule has a case in both languages.
	for _, r := range c.rs.rules {
		if !strings.HasPrefix(r.id, "struct_") {
			continue
		}
		for _, l := range []string{"zh", "en"} {
			if !langs[r.id][l] {
				t.Errorf("rule %s: no %s case", r.id, l)
			}
		}
	}
}

// Genuine messages that share the structural signals' words: a bank's code
// with its warning, a courier on its own site, a consulate warning that
// quotes the lure, a family money talk, a real job offer, a friend's old
// number. None may carry the named signal; those marked may not be flagged
// at all (the others are flagged, or not, by other rules: not this test's
// business).
var structuralGenuine = []struct {
	notRule string
	text    string
	flagOK  bool
}{
	{"struct_link_not_brand", "Royal Mail: we have a parcel for you. Track it at https://www.royalmail.com/track-your-item", false},
	{"struct_link_not_brand", "HMRC: your tax refund has been paid. See your account at https://www.gov.uk/personal-tax-account", false},
	{"struct_link_not_brand", "【中国联通】您本月话费账单已出，详情请登录 https://u.10010.cn/abc 查看。回复TD退订", false},
	{"struct_link_not_brand", "Questions about your Amazon order? Email help@shop-support-mail.com", false},
	{"struct_cred_send", "Your verification code is 482913. Never share this code with anyone, not even bank staff.", false},
	{"struct_cred_send", "【工商银行】验证码：551203，请勿将验证码告诉任何人，包括银行工作人员。", false},
	{"struct_cred_send", "A caller asked me to read out the code I'd just got, I refused and hung up.", false},
	{"struct_pay_rate_contact", "EE: a roaming pass was added to your plan. You'll be charged £2.50 per day only on the days you use it.", false},
	{"struct_pay_rate_contact", "【中国移动】您已订购流量日租包，资费1元/天，详询10086。", false},
	{"struct_pay_rate_ease", "The library is hiring student assistants: £11.44 per hour, apply through the careers portal.", false},
	{"struct_pay_rate_contact", "【反诈提醒】“一小时赚五百、加微信日结”的兼职都是诈骗，不要相信！", false},
	{"struct_relation_advance", "妈，我换了新号码，这是我新号，旧号不用了，存一下哦", false},
	{"struct_relation_advance", "Dad, can you send me 200 AUD for the textbooks? The receipt is in our chat.", false},
	{"struct_invest_channel", "Hi Lin, we're pleased to offer you the Junior Analyst role. Please contact me with any questions.", false},
	{"struct_money_due_link", "Your refund of £23.99 has been processed and will reach your card in 3-5 days. Amazon.co.uk", false},
	{"struct_money_due_link", "如需退货退款，请在订单页面申请退款，客服电话 95188。", false},
	{"struct_opener", "I think you have the wrong number, sorry.", false},
	{"struct_opener", "No worries, I sent that to the wrong chat 😂", false},
	{"struct_invest_strong", "【银行】提醒：保本理财已退出市场，凡承诺“保底收益”的都是非法集资，请谨防受骗。", false},
	{"struct_invest_channel", "Beware of WhatsApp groups promising guaranteed returns from a stock mentor: it is a scam.", false},
	{"struct_pay_rate_contact", "Babysitter needed Tuesday evenings, £13 an hour. I'm a mum nearby, happy to meet first with references. WhatsApp me.", false},
	{"struct_pay_rate_contact", "my cousin got one of those job texts, £300 a day for liking videos on WhatsApp, I told her it's a scam", true},
	{"struct_pay_rate_ease", "【支付宝】你有一张5元无门槛红包即将过期，打开支付宝即可使用。", false},
	{"struct_loan_fee", "【建设银行】您的信用卡额度已提升至3万元，无需任何手续费，详情请查看手机银行。", true},
	{"struct_expose_pay", "妈，我把学校演出的视频发到家长群了，你看看，演出费我已经转给老师了", true},
	{"struct_opener", "猜猜我是谁", false},
	{"struct_high_return", "【工商银行】稳健理财产品，年化收益率3.2%，起投1万元，详询网点。回复TD退订", true},
	{"struct_pay_rate_contact", "My son is 9 and needs help with maths after school, £16/hr. Message me on WhatsApp if you can help.", false},
	{"struct_opener", "Sorry, wrong chat! That was meant for my flatmate", false},
	{"struct_abroad_job", "【国家反诈中心】提醒：境外“高薪招聘、包机票包吃住”多是诈骗陷阱，切勿轻信。", true},
	{"struct_money_due_fee", "Your scholarship of £2,000 has been approved. No fee or payment is needed; it goes to your tuition account.", true},
	{"struct_opener", "有个人加我说加错了，聊了几天让我下载一个投资App，我没理他，要不要举报一下？", true},
	{"struct_adult_link", "Our new webinar on online safety is live: https://www.saferinternet.org.uk", false},
}

func TestStructuralGenuineLookalikes(t *testing.T) {
	c := classifier(t)
	for _, tc := range structuralGenuine {
		v := c.Classify(tc.text)
		if v.Level.Flagged() && !tc.flagOK || slices.Contains(signalIDs(v), tc.notRule) {
			t.Errorf("got level %s signals %v, want no %s (flagged allowed: %v)\n  %s", v.Level, signalIDs(v), tc.notRule, tc.flagOK, tc.text)
		}
	}
}

// The disguises of social-platform lures fold to the plain words, and the
// evidence still points at the original text.
func TestFoldDisguises(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"兼[em]e400655[/em]职", "兼职"},
		{"[em]e100[/em]兼职", "兼职"},
		{"兼[em]x[/em]职", "兼em x em职"}, // not a QQ code: left alone
		{"QQ①⑧⑤②", "qq1852"},
		{"扣扣1️⃣2️⃣3️⃣", "扣扣123"},
		{"赚*钱 兼 职", "赚钱兼职"},
		{"伽V", "加v"},
		{"➕薇", "加薇"},
		{"🈶意者", "有意者"},
		{"ＶＸ：ａｂｃ", "vx abc"},
		{"赚💰", "赚钱"},
		{"加✌", "加v"},
		{"ⅴ：lily", "v lily"},
	} {
		var f folded
		fold(&f, tc.in)
		if got := string(f.text); got != tc.want {
			t.Errorf("fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// A disguised lure is caught, and its evidence is the original text.
func TestDisguisedLureEvidence(t *testing.T) {
	c := classifier(t)
	text := "兼[em]e400655[/em]只，一小时六百，有意 伽 V：xyz_12345"
	v := c.Classify(text)
	if !v.Level.Flagged() {
		t.Fatalf("got level %s signals %v, want flagged", v.Level, signalIDs(v))
	}
	checkSpans(t, text, v)
}

func TestEmojiCodeEnd(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"[em]e400655[/em]", 16},
		{"[em]E1[/em]x", 11},
		{"[em]e[/em]", 0},
		{"[em]e12", 0},
		{"[em]400655[/em]", 0},
		{"[e]e1[/em]", 0},
		{"[em]e1234567890123[/em]", 0}, // too long to be a code
	} {
		if got := emojiCodeEnd(tc.in, 0); got != tc.want {
			t.Errorf("emojiCodeEnd(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func FuzzEmojiCodeEnd(f *testing.F) {
	for _, s := range []string{"[em]e400655[/em]", "[em]e[/em]", "[em]e1[/em", "x[em]e1[/em]"} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, i int) {
		if i < 0 || i > len(s) {
			return
		}
		j := emojiCodeEnd(s, i)
		if j == i {
			return
		}
		if j < i || j > len(s) || !strings.HasPrefix(s[i:j], "[em]") || !strings.HasSuffix(s[i:j], "[/em]") {
			t.Fatalf("emojiCodeEnd(%q, %d) = %d: not a code", s, i, j)
		}
	})
}

// Which link is a brand's own: the table, not the look of the name.
func TestBrandLinks(t *testing.T) {
	c := classifier(t)
	for _, tc := range []struct {
		text    string
		notOf   string // the NotBrandOf of the first link, "" for none
		comment string
	}{
		{"Wells Fargo alert: review at https://wellsfargo.com/alerts", "", "own domain"},
		{"Wells Fargo alert: review at https://connect.secure.wellsfargo.com/x", "", "own subdomain"},
		{"Wells Fargo alert: review at https://wellsfargo.account-check.net", "wells fargo", "the brand as a subdomain of another"},
		{"Wells Fargo alert: review at https://sites.google.com/view/wf", "wells fargo", "a free hosting page"},
		{"HMRC: sign in at https://www.tax.service.gov.uk", "", "a government suffix"},
		{"Your parcel from Royal Mail: https://bit.ly/3xYz", "", "a shortener hides the domain: another signal says so"},
		{"USPS: your package is waiting at https://usps.com-track.top", "usps", "a cheap TLD is no one's own"},
		{"Nothing named here: https://example-shop.net", "", "no brand named"},
		{"大使馆通知：请在 https://mp.weixin.qq.com/s/abc 查看", "", "an embassy's WeChat article"},
		{"【中国移动】积分兑换请访问 https://jifen-10086.com", "中国移动", "not 10086.cn"},
	} {
		v := c.Classify(tc.text)
		got := ""
		if v.Entities != nil && len(v.Entities.URLs) > 0 {
			got = v.Entities.URLs[0].NotBrandOf
		} else {
			t.Errorf("%s: no link found in %q", tc.comment, tc.text)
			continue
		}
		if got != tc.notOf {
			t.Errorf("%s: got NotBrandOf %q, want %q\n  %s", tc.comment, got, tc.notOf, tc.text)
		}
	}
}

func TestCompileBrandsRejects(t *testing.T) {
	for _, tc := range []struct{ name, yaml string }{
		{"unknown key", "brands:\n  - {names: [x], domains: [x.com], color: red}\n"},
		{"no names", "brands:\n  - {domains: [x.com]}\n"},
		{"no domains nor gov", "brands:\n  - {names: [acme]}\n"},
		{"upper-case domain", "brands:\n  - {names: [acme], domains: [Acme.com]}\n"},
		{"domain with a path", "brands:\n  - {names: [acme], domains: [acme.com/x]}\n"},
		{"name twice", "brands:\n  - {names: [acme], domains: [acme.com]}\n  - {names: [ACME], domains: [acme.org]}\n"},
		{"name of nothing", "brands:\n  - {names: [\"..\"], domains: [acme.com]}\n"},
		{"two documents", "brands: []\n---\nbrands: []\n"},
		{"bad hosting", "hosting: [Sites]\nbrands: []\n"},
	} {
		if _, err := compileBrands([]byte(tc.yaml)); err == nil {
			t.Errorf("%s: got no error, want one", tc.name)
		}
	}
	if _, err := compileBrands(brandsYAML); err != nil {
		t.Errorf("the shipped brands file: %v", err)
	}
}
