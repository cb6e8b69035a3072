package classifier

// Entities are the things in a message a person may want to check before
// acting on it: links, phone numbers, amounts, wallet addresses and the
// remote-control or meeting apps a caller asks them to install.
type Entities struct {
	URLs   []URL    `json:"urls,omitempty"`
	Phones []Phone  `json:"phones,omitempty"`
	Money  []Money  `json:"money,omitempty"`
	Crypto []Crypto `json:"crypto,omitempty"`
	Apps   []App    `json:"apps,omitempty"`
}

// URL is a link found in the message.
type URL struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
	// Host is the link's host name, lower-case; Domain its registrable
	// domain (example.co.uk), empty for raw IP addresses.
	Host   string `json:"host"`
	Domain string `json:"domain,omitempty"`
	// IP, Shortener and Punycode flag hosts that hide where a link goes.
	IP        bool `json:"ip,omitempty"`
	Shortener bool `json:"shortener,omitempty"`
	Punycode  bool `json:"punycode,omitempty"`
	// LookalikeOf names the official or brand domain this one imitates.
	LookalikeOf string `json:"lookalike_of,omitempty"`
}

// Phone is a phone number found in the message.
type Phone struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
	// E164 is the number in international form, set only when the number
	// itself says its country (+44 …, 0044 …), so it is never a guess.
	E164 string `json:"e164,omitempty"`
	// Country is the ISO 3166 region of E164.
	Country string `json:"country,omitempty"`
	// Premium marks premium-rate numbers (UK 09…, 087…).
	Premium bool `json:"premium,omitempty"`
}

// Money is an amount of money.
type Money struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
}

// Crypto is a cryptocurrency wallet address.
type Crypto struct {
	Text string `json:"text"`
	Span Span   `json:"span"`
	// Kind is "btc", "eth" or "trx".
	Kind string `json:"kind"`
}

// App is a remote-control or meeting app named in the message.
type App struct {
	Name string `json:"name"`
	Text string `json:"text"`
	Span Span   `json:"span"`
}

// empty reports whether no entity was found.
func (e *Entities) empty() bool {
	return len(e.URLs) == 0 && len(e.Phones) == 0 && len(e.Money) == 0 && len(e.Crypto) == 0 && len(e.Apps) == 0
}

func (e *Entities) reset() {
	e.URLs, e.Phones, e.Money, e.Crypto, e.Apps = e.URLs[:0], e.Phones[:0], e.Money[:0], e.Crypto[:0], e.Apps[:0]
}

// copyOut returns a copy the verdict can keep, or nil when empty.
func (e *Entities) copyOut() *Entities {
	if e.empty() {
		return nil
	}
	return &Entities{
		URLs:   append([]URL(nil), e.URLs...),
		Phones: append([]Phone(nil), e.Phones...),
		Money:  append([]Money(nil), e.Money...),
		Crypto: append([]Crypto(nil), e.Crypto...),
		Apps:   append([]App(nil), e.Apps...),
	}
}

// termSpans returns the entity terms the rules can name, with the first
// original span of each.
func (e *Entities) termSpans() map[string]hit {
	m := map[string]hit{}
	set := func(id string, s Span) {
		if _, ok := m[id]; !ok {
			m[id] = hit{ok: true, start: int32(s.Start), end: int32(s.End), entity: true}
		}
	}
	for _, u := range e.URLs {
		set("entity.url", u.Span)
		if u.IP {
			set("entity.url_ip", u.Span)
		}
		if u.Shortener {
			set("entity.url_shortener", u.Span)
		}
		if u.Punycode {
			set("entity.url_punycode", u.Span)
		}
		if u.LookalikeOf != "" {
			set("entity.url_lookalike", u.Span)
		}
	}
	for _, p := range e.Phones {
		set("entity.phone", p.Span)
		if p.Premium {
			set("entity.phone_premium", p.Span)
		}
	}
	for _, x := range e.Money {
		set("entity.money", x.Span)
	}
	for _, x := range e.Crypto {
		set("entity.crypto_address", x.Span)
	}
	for _, x := range e.Apps {
		set("entity.remote_app", x.Span)
	}
	return m
}

// extractEntities finds the entities of text; f is its folded form.
func extractEntities(text string, f *folded, e *Entities) {
	e.reset()
}
