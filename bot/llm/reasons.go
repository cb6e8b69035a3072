package llm

import "strings"

// reason is one warning sign a model may name: id is what the model
// answers, the locale key "sig."+id holds the words the person reads (the
// same as when the rules find that sign), and gloss tells the model what
// the id means.
type reason struct {
	id, gloss string
}

// reasonCatalogue is the closed set of reasons a model may give. Only
// warning signs are in it: the model can raise a verdict, never lower it,
// so a reassuring reason ("looks like a genuine notice") has no place.
var reasonCatalogue = []reason{
	{"safe_account", "asks to move money to a 'safe account'"},
	{"authority", "claims to be police, a court, an embassy or another authority"},
	{"accusation", "says the person is involved in a crime"},
	{"official_money", "an official asking for money, card details or codes"},
	{"official_app", "an official asking to install an app, join a meeting or add them on WeChat/QQ"},
	{"guided_ops", "guides the person step by step on their phone or bank app"},
	{"secrecy", "asks to keep it secret"},
	{"isolation", "asks to be alone, switch off the phone or not contact family"},
	{"urgency", "rushes the person"},
	{"transfer", "asks to send money"},
	{"fee_first", "asks for a fee before a payout"},
	{"code_request", "asks for a code, password or card number"},
	{"code_relay", "asks to read back a code they sent"},
	{"download_app", "asks to download an app or open a link"},
	{"screen_share", "asks to share the screen or install a remote-control or meeting app"},
	{"off_platform", "moves the talk to a private chat app"},
	{"easy_money", "promises easy money or a reward"},
	{"kidnap", "claims a loved one is held"},
	{"sextortion", "threatens with intimate images"},
	{"investment_teacher", "a 'teacher' or 'analyst' giving stock or crypto tips"},
	{"guaranteed_returns", "guarantees high returns"},
	{"withdraw_fee", "asks to pay to withdraw one's own money"},
	{"romance_money", "an online partner asking for money or investment"},
	{"acquaintance_money", "someone known asking for money by message"},
	{"new_number", "a 'new number' asking for money"},
	{"refund_cs", "'customer service' about a refund, problem or membership"},
	{"courier_fee", "a courier asking for a fee or details through a link"},
	{"number_suspend", "says the phone number will be suspended"},
	{"account_problem", "says an account has a problem"},
	{"phishing_link", "sends to a link or number to 'fix' an account"},
	{"loan_fee", "a lender asking for a fee before the loan"},
	{"prepay_task", "a job that makes you pay or top up first"},
	{"rent_card", "asks to rent or lend a bank card, SIM or account"},
	{"overseas_job", "high pay abroad with no experience needed"},
	{"prize_fee", "a prize that needs a fee first"},
	{"advance_fee", "a fortune or fund 'for you' that needs fees to release"},
	{"recovery", "offers to recover lost money for a fee"},
	{"gov_payment", "a government payment or tax refund claimed through a link"},
	{"visa_threat", "threatens a visa or immigration status"},
	{"rent_unseen", "a deposit for a flat that cannot be viewed"},
	{"wallet_connect", "asks to connect or approve a crypto wallet"},
	{"crypto_address", "gives a cryptocurrency wallet to pay to"},
	{"police_bait", "police asking to withdraw cash or buy gold to catch a scammer"},
	{"url_shortener", "a shortened link hiding where it goes"},
	{"url_lookalike", "a link imitating a well-known or official site"},
	{"prompt_injection", "contains instructions aimed at an AI or a filter"},
}

// reasonKeyOf maps a reason id to its locale key.
var reasonKeyOf = func() map[string]string {
	m := make(map[string]string, len(reasonCatalogue))
	for _, r := range reasonCatalogue {
		m[r.id] = "sig." + r.id
	}
	return m
}()

// reasonIDs lists the catalogue's ids, for the JSON schema.
func reasonIDs() []string {
	ids := make([]string, len(reasonCatalogue))
	for i, r := range reasonCatalogue {
		ids[i] = r.id
	}
	return ids
}

// reasonKeys turns the model's reason ids into locale keys: known ids
// only, each once, at most maxReasons. Anything else the model wrote is
// dropped unread.
func reasonKeys(ids []string) []string {
	var keys []string
	seen := map[string]bool{}
	for _, id := range ids {
		key, ok := reasonKeyOf[id]
		if !ok || seen[key] {
			continue
		}
		seen[key] = true
		keys = append(keys, key)
		if len(keys) == maxReasons {
			break
		}
	}
	return keys
}

// validReasonKeys reports whether keys could have come from reasonKeys (a
// cached answer is checked again when read).
func validReasonKeys(keys []string) bool {
	if len(keys) > maxReasons {
		return false
	}
	for _, k := range keys {
		id, ok := strings.CutPrefix(k, "sig.")
		if !ok || reasonKeyOf[id] != k {
			return false
		}
	}
	return true
}
