package classifier

import "strings"

// carriesLead reports whether a message holds something a scam needs and a
// second opinion can judge: a link, a phone number, an amount, a wallet or
// a remote-control app (the entities), a handle to contact off-platform,
// or an ask (a signal of the rules, or the words of a payment, a code, a
// click or an install). A message with none of these asks nothing of its
// reader, so a scam in it has not started yet.
func carriesLead(v Verdict, text string) bool {
	if e := v.Entities; e != nil && (len(e.URLs) > 0 || len(e.Phones) > 0 || len(e.Money) > 0 || len(e.Crypto) > 0 || len(e.Apps) > 0) {
		return true
	}
	if hasLinkOrNumber(text) {
		return true
	}
	for _, s := range v.Signals {
		if s.Weight > 0 {
			return true // the rules saw a piece of a scam's script
		}
	}
	folded := string(Fold(text))
	return hasHandle(text, folded) || containsCue(folded, askCues)
}

// hasHandle reports an @handle or an e-mail address in text (an @ before
// a letter, digit or underscore; folding drops the @), or a messaging app
// or contact cue by name in its folded form.
func hasHandle(text, folded string) bool {
	for i := 0; i+1 < len(text); i++ {
		if (text[i] == '@' || strings.HasPrefix(text[i:], "＠")) && i+1 < len(text) {
			j := i + 1
			if text[i] != '@' {
				j = i + len("＠")
			}
			if j < len(text) && (isAlnum(text[j]) || text[j] == '_') {
				return true
			}
		}
	}
	return containsCue(folded, handleCues)
}

// cue is a word to look for in folded text; ASCII cues must stand as whole
// words ("pin", not "spinning").
type cue string

// handleCues name a channel to move the talk to.
var handleCues = []cue{
	"whatsapp", "telegram", "wechat", "snapchat", "kik", "skype", "line id", "signal app", "dm me",
	"微信", "vx", "wx", "qq", "扣扣", "加v", "+v", "私聊", "私信", "飞机号", "电报",
}

// askCues are what a scam asks for: money, a code or a password, a click,
// an install, a login.
var askCues = []cue{
	"pay", "payment", "transfer", "wire", "deposit", "fee", "fees", "refund", "claim", "verify", "confirm",
	"click", "tap", "log in", "login", "sign in", "download", "install", "code", "password", "pin",
	"bank details", "card details", "gift card", "bitcoin", "btc", "usdt", "crypto", "invest", "loan",
	"转账", "汇款", "打款", "付款", "支付", "缴费", "交费", "押金", "保证金", "手续费", "验证码", "密码",
	"点击", "链接", "下载", "安装", "登录", "登陆", "认证", "退款", "理赔", "领取", "投资", "充值",
	"解冻", "刷单", "返利", "贷款", "额度",
}

// containsCue reports whether folded holds one of cues.
func containsCue(folded string, cues []cue) bool {
	for _, c := range cues {
		s := string(c)
		for from := 0; ; {
			i := strings.Index(folded[from:], s)
			if i < 0 {
				break
			}
			i += from
			end := i + len(s)
			if s[0] >= 0x80 || (i == 0 || !isASCIILetter(folded[i-1])) && (end == len(folded) || !isASCIILetter(folded[end])) {
				return true
			}
			from = i + 1
		}
	}
	return false
}
