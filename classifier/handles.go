package classifier

import (
	"strings"
	"unicode/utf8"
)

// Handle is an account on a chat app that the message gives as a way to
// reach someone: "Telegram @name", "TG: name", "微信号：abc123",
// "WhatsApp +44 7700 900123", a t.me/name link.
type Handle struct {
	// App is the chat app's name (Telegram, WhatsApp …), empty when only
	// a contact verb ("DM @name") says the account is one to write to.
	App  string `json:"app,omitempty"`
	Text string `json:"text"`
	Span Span   `json:"span"`
}

// Bounds of an account name: Telegram's are 5 to 32 characters, other apps
// allow shorter; three is the shortest counted, and @all, @here are
// mentions in a group, not accounts.
const (
	minHandleLen = 3
	maxHandleLen = 32
	// handleWindow is how far, in bytes of the original, an app's name
	// may stand before an @name ("on Telegram, our caseworker @name") or
	// after it ("@name on Telegram") for the @name to be its account.
	handleWindowBefore = 40
	handleWindowAfter  = 24
)

// groupMentions are @names that address a group chat's members, not an
// account to contact ("@all 明天交班费").
var groupMentions = []string{"all", "everyone", "here", "channel", "所有人", "全体成员"}

// contactVerbsBefore are the words that, right before an @name, make it an
// account to write to without an app's name: "DM @name", "加@name".
var contactVerbsBefore = []string{"dm", "message", "contact", "add", "text", "reach", "pm", "加", "联系", "私聊", "私信"}

// findHandles finds the chat accounts of text: links to a chat account
// (already among e.URLs), an account written after a chat app's name,
// and an @name with a chat app named beside it or a contact verb before
// it. f is text folded, and matches the rules' automaton matches in it,
// among which the chat apps' names are (appOf, see findApps).
func findHandles(text string, f *folded, matches []acMatch, appOf []int16, e *Entities) {
	for _, u := range e.URLs {
		if app := chatHosts[u.Host]; app != "" && chatLinkHasAccount(u.Text, u.Host) {
			addHandle(e, Handle{App: app, Text: u.Text, Span: u.Span})
		}
	}
	hasAt := strings.IndexByte(text, '@') >= 0 || strings.Contains(text, wideAt)
	// The apps named in the message, as original spans, for the @names.
	var named [8]struct {
		app        string
		start, end int
	}
	n := 0
	for _, m := range matches {
		ci := int(appOf[m.pat]) - len(remoteApps)
		if ci < 0 {
			continue
		}
		a := chatApps[ci]
		i, j := int(m.start), int(m.end)
		if isASCIILetter(a.Spelling[0]) && (i > 0 && isASCIILetter(f.text[i-1]) || j < len(f.text) && isASCIILetter(f.text[j])) {
			continue // tg inside a word, signal in signals
		}
		osp := f.span(i, j)
		if h, ok := accountAfter(text, osp.End); ok {
			h.App = a.Name
			addHandle(e, h)
		}
		if hasAt && n < len(named) {
			named[n].app, named[n].start, named[n].end = a.Name, osp.Start, osp.End
			n++
		}
	}
	if !hasAt {
		return
	}
	for at := nextAt(text, 0); at >= 0; at = nextAt(text, at+1) {
		h, end, ok := atName(text, at)
		if ok {
			for _, x := range named[:n] {
				if x.end <= at && at-x.end <= handleWindowBefore && !hasBoundary(text[x.end:at], false) ||
					x.start >= end && x.start-end <= handleWindowAfter && !hasBoundary(text[end:x.start], false) {
					h.App = x.app
					break
				}
			}
			if h.App != "" || contactVerbBefore(text, at) {
				addHandle(e, h)
			}
		}
	}
}

// wideAt is the full-width at sign a Chinese keyboard types (＠name).
const wideAt = "\uff20"

// nextAt returns the index of the first @ or ＠ of text from from on, -1
// if none.
func nextAt(text string, from int) int {
	if from >= len(text) {
		return -1
	}
	i := strings.IndexByte(text[from:], '@')
	if j := strings.Index(text[from:], wideAt); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		return -1
	}
	return from + i
}

// atWidth returns the length of the at sign at text[at]: 1 for @, 3 for ＠.
func atWidth(text string, at int) int {
	if text[at] == '@' {
		return 1
	}
	return len(wideAt)
}

// chatLinkHasAccount reports whether the chat link raw on host names an
// account or a group (t.me/name), not only the app's site (t.me).
func chatLinkHasAccount(raw, host string) bool {
	i := strings.Index(strings.ToLower(raw), host)
	if i < 0 {
		return false
	}
	rest := strings.TrimLeft(raw[i+len(host):], "/")
	return len(rest) >= minHandleLen
}

// addHandle appends h unless it overlaps a handle already found (the @name
// after "Telegram" is found twice) or the list is full.
func addHandle(e *Entities, h Handle) {
	if len(e.Handles) >= maxEntities {
		return
	}
	for _, x := range e.Handles {
		if h.Span.Start < x.Span.End && x.Span.Start < h.Span.End {
			return
		}
	}
	e.Handles = append(e.Handles, h)
}

// atName reads the @name (or ＠name) at text[at]: an account name that is not the end
// of an e-mail address's local part, nor an e-mail's or a link's domain,
// nor a group mention. It returns the handle (no app yet) and where it
// ends.
func atName(text string, at int) (h Handle, end int, ok bool) {
	if at > 0 {
		if c := text[at-1]; isAlnum(c) || c == '.' || c == '_' || c == '-' || c == '+' || c == '%' {
			return h, 0, false // name@example.com
		}
	}
	w := atWidth(text, at)
	j := at + w
	for j < len(text) && j-at-w < maxHandleLen+1 && (isAlnum(text[j]) || text[j] == '_') {
		j++
	}
	name := text[at+w : j]
	if len(name) < minHandleLen || len(name) > maxHandleLen || !isASCIILetter(name[0]) {
		return h, 0, false
	}
	if j < len(text) && (text[j] == '@' || text[j] == '/' || text[j] == '.' && j+1 < len(text) && isAlnum(text[j+1])) {
		return h, 0, false // @example.com, a domain
	}
	for _, m := range groupMentions {
		if strings.EqualFold(name, m) {
			return h, 0, false
		}
	}
	return Handle{Text: text[at:j], Span: Span{at, j}}, j, true
}

// contactVerbBefore reports whether a contact verb ends right before the
// @name at text[at], spaces and a colon apart: "DM @name", "联系：@name".
func contactVerbBefore(text string, at int) bool {
	before := strings.TrimRight(text[:at], " \t:：")
	for _, v := range contactVerbsBefore {
		if len(before) < len(v) || !strings.EqualFold(before[len(before)-len(v):], v) {
			continue
		}
		k := len(before) - len(v)
		if isASCIILetter(v[0]) && k > 0 && isASCIILetter(before[k-1]) {
			continue // "addressed to @name" is no "add"
		}
		return true
	}
	return false
}

// accountAfter reads the account written after a chat app's name that
// ends at text[from]: an optional "ID", 号 or 账号, spaces or a colon, then
// an @name, a phone number, or a name. A bare word counts only after a
// colon and standing alone ("TG: ukvihelp."), so "Telegram: please
// message us" gives none; a name with a digit or an underscore counts
// after a space too ("微信 abc_123").
func accountAfter(text string, from int) (h Handle, ok bool) {
	p := from
	for _, suffix := range []string{" id", "id", "号", "账号", "帐号"} {
		if len(text)-p >= len(suffix) && strings.EqualFold(text[p:p+len(suffix)], suffix) &&
			(p+len(suffix) == len(text) || !isASCIILetter(text[p+len(suffix)])) {
			p += len(suffix)
			break
		}
	}
	colon, sep := false, 0
	for p < len(text) && sep < 8 {
		r, w := utf8.DecodeRuneInString(text[p:])
		if r == ':' || r == '：' {
			colon = true
		} else if r != ' ' && r != '\t' && r != '\u3000' {
			break
		}
		p += w
		sep += w
	}
	if p >= len(text) || sep == 0 && p == from {
		return h, false // "Telegram" glued to what follows: a word, not a label
	}
	if text[p] == '@' || strings.HasPrefix(text[p:], wideAt) {
		h, _, ok := atName(text, p)
		return h, ok
	}
	if text[p] == '+' || isDigit(text[p]) {
		end, digits := p+1, 0
		if isDigit(text[p]) {
			digits = 1
		}
		for end < len(text) && end-p < 24 && (isDigit(text[end]) || text[end] == ' ' || text[end] == '-') {
			if isDigit(text[end]) {
				digits++
			}
			end++
		}
		for end > p && !isDigit(text[end-1]) {
			end--
		}
		if digits < 5 || end < len(text) && isASCIILetter(text[end]) {
			return h, false
		}
		return Handle{Text: text[p:end], Span: Span{p, end}}, true
	}
	if !isASCIILetter(text[p]) {
		return h, false
	}
	end, marked := p, false
	for end < len(text) && end-p <= maxHandleLen && (isAlnum(text[end]) || text[end] == '_' || text[end] == '.' || text[end] == '-') {
		marked = marked || isDigit(text[end]) || text[end] == '_'
		end++
	}
	for end > p && (text[end-1] == '.' || text[end-1] == '-') {
		end--
	}
	if end-p < minHandleLen || end-p > maxHandleLen {
		return h, false
	}
	if end < len(text) && (text[end] == '@' || text[end] == '/') {
		return h, false // an e-mail address or a link
	}
	if strings.Contains(text[p:end], ".") && !marked {
		return h, false // a domain ("Telegram: t.me"), found as a link
	}
	if !marked && !(colon && standsAlone(text, end)) {
		return h, false
	}
	return Handle{Text: text[p:end], Span: Span{p, end}}, true
}

// standsAlone reports whether the word ending at text[end] ends its
// phrase: the text ends, or what follows after spaces is not a Latin
// word ("TG: ukvihelp. We never …", "TG: ukvihelp 24/7").
func standsAlone(text string, end int) bool {
	k := end
	for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
		k++
	}
	return k == len(text) || !isASCIILetter(text[k])
}
